import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { toDataURL } from 'qrcode';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../core/i18n/i18n';
import { TwoFactorApi } from './two-factor-api';

/** Setting up two-factor login: scan the QR code with an authenticator app, then type its first code. */
@Component({
  selector: 'sv-two-factor-setup',
  imports: [FormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  template: `
    <main class="wrap">
      <mat-card appearance="outlined">
        <mat-card-content>
          <h1>{{ i18n.t('tfa.title') }}</h1>
          <p>{{ i18n.t('tfa.intro') }}</p>
          @if (qr()) {
            <img [src]="qr()" [alt]="i18n.t('tfa.qrAlt')" width="220" height="220" />
            <p class="muted">
              {{ i18n.t('tfa.cannotScan') }} <code data-testid="totp-secret">{{ secret() }}</code>
            </p>
            <mat-form-field appearance="outline"
              ><mat-label>{{ i18n.t('tfa.code') }}</mat-label
              ><input matInput [(ngModel)]="code" inputmode="numeric" maxlength="6" data-testid="totp-code"
            /></mat-form-field>
            @if (error()) {
              <p class="error-banner" role="alert">{{ error() }}</p>
            }
            <button mat-flat-button type="button" (click)="confirm()" data-testid="totp-confirm">
              {{ i18n.t('tfa.confirm') }}
            </button>
          } @else {
            <button mat-flat-button type="button" (click)="start()" data-testid="totp-start">
              {{ i18n.t('tfa.showQr') }}
            </button>
          }
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .wrap {
      min-height: 100vh;
      display: grid;
      place-items: center;
      padding: 16px;
    }
    mat-card {
      max-width: 520px;
    }
    h1 {
      font-size: 1.4rem;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactorSetup {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TwoFactorApi);
  private readonly router = inject(Router);
  protected readonly qr = signal('');
  protected readonly secret = signal('');
  protected readonly error = signal('');
  protected code = '';

  protected async start(): Promise<void> {
    const r = await firstValueFrom(this.api.setup());
    this.secret.set(r.secret);
    this.qr.set(await toDataURL(r.uri, { margin: 1, width: 220 }));
  }

  protected async confirm(): Promise<void> {
    this.error.set('');
    try {
      await firstValueFrom(this.api.confirm(this.code.trim()));
      await this.router.navigateByUrl('/');
    } catch {
      this.error.set(this.i18n.t('tfa.wrongCode'));
    }
  }
}
