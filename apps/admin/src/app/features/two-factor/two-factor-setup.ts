import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { FormBuilder, FormsModule, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { toDataURL } from 'qrcode';
import { firstValueFrom } from 'rxjs';
import { applyProblemToForm, asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { type TotpStatus, TwoFactorApi } from './two-factor-api';

/**
 * Two-factor login: set it up (scan the QR code, type the app's first code), replace the app, or switch it off.
 * Every change asks for the password, and for a code from the current app while two factors are on, so a session
 * left open cannot take the second factor over.
 */
@Component({
  selector: 'sv-two-factor-setup',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  template: `
    <main class="wrap">
      <mat-card appearance="outlined">
        <mat-card-content>
          <h1>{{ i18n.t('tfa.title') }}</h1>
          @if (switchedOff()) {
            <p class="info-banner" role="status" data-testid="totp-off">{{ i18n.t('tfa.switchedOff') }}</p>
            <a mat-button routerLink="/">{{ i18n.t('tfa.back') }}</a>
          } @else if (recoveryCodes().length) {
            <h2>{{ i18n.t('tfa.recoveryTitle') }}</h2>
            <p>{{ i18n.t('tfa.recoveryIntro') }}</p>
            <ol class="codes" data-testid="recovery-codes">
              @for (c of recoveryCodes(); track c) {
                <li>
                  <code>{{ c }}</code>
                </li>
              }
            </ol>
            <button mat-flat-button type="button" (click)="leave()" data-testid="recovery-codes-done">
              {{ i18n.t('tfa.recoveryDone') }}
            </button>
          } @else if (qr()) {
            <p>{{ i18n.t('tfa.scan') }}</p>
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
          } @else if (status(); as s) {
            <p>
              {{ i18n.t(s.enabled ? 'tfa.replaceIntro' : s.required ? 'tfa.intro' : 'tfa.optionalIntro') }}
            </p>
            <p>{{ i18n.t(s.enabled ? 'tfa.proveWithCode' : 'tfa.prove') }}</p>
            <form [formGroup]="form" (ngSubmit)="start()" novalidate>
              <mat-form-field appearance="outline" class="wide">
                <mat-label>{{ i18n.t('tfa.password') }}</mat-label>
                <input
                  matInput
                  type="password"
                  formControlName="password"
                  autocomplete="current-password"
                  data-testid="totp-password"
                  required
                />
                @if (form.controls.password.errors?.['server']) {
                  <mat-error data-testid="totp-password-error">{{
                    form.controls.password.errors['server']
                  }}</mat-error>
                }
              </mat-form-field>
              @if (s.enabled && useRecovery()) {
                <mat-form-field appearance="outline" class="wide">
                  <mat-label>{{ i18n.t('login.recoveryCode') }}</mat-label>
                  <input
                    matInput
                    formControlName="recoveryCode"
                    autocomplete="off"
                    data-testid="totp-recovery-code"
                  />
                  @if (form.controls.recoveryCode.errors?.['server']) {
                    <mat-error data-testid="totp-recovery-code-error">{{
                      form.controls.recoveryCode.errors['server']
                    }}</mat-error>
                  }
                </mat-form-field>
              } @else if (s.enabled) {
                <mat-form-field appearance="outline" class="wide">
                  <mat-label>{{ i18n.t('tfa.currentCode') }}</mat-label>
                  <input
                    matInput
                    formControlName="code"
                    inputmode="numeric"
                    autocomplete="one-time-code"
                    maxlength="6"
                    data-testid="totp-current-code"
                  />
                  @if (form.controls.code.errors?.['server']) {
                    <mat-error data-testid="totp-current-code-error">{{
                      form.controls.code.errors['server']
                    }}</mat-error>
                  }
                </mat-form-field>
              }
              @if (error()) {
                <p class="error-banner" role="alert" data-testid="totp-error">{{ error() }}</p>
              }
              <div class="actions">
                <button mat-flat-button type="submit" [disabled]="busy()" data-testid="totp-start">
                  {{ i18n.t(s.enabled ? 'tfa.replace' : 'tfa.showQr') }}
                </button>
                @if (s.enabled && !s.required) {
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="busy()"
                    (click)="switchOff()"
                    data-testid="totp-disable"
                  >
                    {{ i18n.t('tfa.switchOff') }}
                  </button>
                }
                @if (s.enabled) {
                  <button
                    mat-button
                    type="button"
                    (click)="useRecovery.set(!useRecovery())"
                    data-testid="totp-use-recovery"
                  >
                    {{ i18n.t(useRecovery() ? 'login.useCode' : 'tfa.lostPhone') }}
                  </button>
                }
              </div>
            </form>
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
    .wide {
      width: 100%;
    }
    .codes {
      columns: 2;
      font-size: 1.05rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactorSetup implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TwoFactorApi);
  private readonly router = inject(Router);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    password: ['', Validators.required],
    code: [''],
    recoveryCode: [''],
  });
  /** The phone with the app is lost: a recovery code proves the owner instead, to set up a new app. */
  protected readonly useRecovery = signal(false);
  protected readonly status = signal<TotpStatus | null>(null);
  protected readonly qr = signal('');
  protected readonly secret = signal('');
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  protected readonly switchedOff = signal(false);
  protected readonly recoveryCodes = signal<string[]>([]);
  protected code = '';

  async ngOnInit(): Promise<void> {
    try {
      this.status.set(await firstValueFrom(this.api.status()));
    } catch {
      this.error.set(this.i18n.t('error.generic'));
    }
  }

  protected async start(): Promise<void> {
    await this.change(async (body) => {
      const recoveryCode = this.form.controls.recoveryCode.value.trim();
      const r = await firstValueFrom(
        this.api.setup(this.useRecovery() && recoveryCode ? { password: body.password, recoveryCode } : body),
      );
      this.secret.set(r.secret);
      this.qr.set(await toDataURL(r.uri, { margin: 1, width: 220 }));
    });
  }

  protected async switchOff(): Promise<void> {
    await this.change(async (body) => {
      await firstValueFrom(this.api.disable(body));
      this.switchedOff.set(true);
    });
  }

  protected async confirm(): Promise<void> {
    this.error.set('');
    try {
      // The codes are shown once, before going on: the way in when the phone is lost.
      this.recoveryCodes.set((await firstValueFrom(this.api.confirm(this.code.trim()))).recoveryCodes);
    } catch {
      this.error.set(this.i18n.t('tfa.wrongCode'));
    }
  }

  protected async leave(): Promise<void> {
    await this.router.navigateByUrl('/');
  }

  /** Sends the password (and the current code) with a change; the api's field errors go on their fields. */
  private async change(work: (body: { password: string; code?: string }) => Promise<void>): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { password, code } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set('');
    try {
      await work({ password, ...(code.trim() ? { code: code.trim() } : {}) });
    } catch (err) {
      const problem = asProblem(err, this.i18n.lang());
      const rest = applyProblemToForm(this.form, problem);
      this.error.set(
        rest.map((e) => e.message).join('; ') ||
          (problem?.errors?.length ? '' : (problem?.detail ?? this.i18n.t('error.generic'))),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
