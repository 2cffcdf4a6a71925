import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from '../../core/auth/auth-api';
import { AuthStore } from '../../core/auth/auth-store';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';

/**
 * After the municipality's sign-in, for a user with two-factor login whose organisation does not let the
 * provider's MFA count: the code from the app (or a recovery code) finishes the sign-in (`/login/kod`).
 */
@Component({
  selector: 'sv-idp-code',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    RouterLink,
  ],
  template: `
    <main class="login">
      <mat-card appearance="outlined">
        <mat-card-header
          ><mat-card-title
            ><h1>{{ i18n.t('signIn.code.title') }}</h1></mat-card-title
          ></mat-card-header
        >
        <mat-card-content>
          <p>{{ i18n.t('signIn.code.intro') }}</p>
          @if (error()) {
            <p class="error-banner" role="alert" data-testid="idp-code-error">{{ error() }}</p>
          }
          @if (over()) {
            <a mat-flat-button class="wide" routerLink="/login" data-testid="idp-code-restart">{{
              i18n.t('signIn.code.restart')
            }}</a>
          } @else {
            <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
              <mat-form-field appearance="outline" class="wide">
                <mat-label>{{ i18n.t(recovery() ? 'signIn.code.recoveryCode' : 'login.code') }}</mat-label>
                <input
                  matInput
                  formControlName="code"
                  [attr.inputmode]="recovery() ? null : 'numeric'"
                  [autocomplete]="recovery() ? 'off' : 'one-time-code'"
                  data-testid="idp-code"
                  required
                />
              </mat-form-field>
              <button
                mat-flat-button
                type="submit"
                class="wide"
                [disabled]="busy()"
                data-testid="idp-code-submit"
              >
                {{ i18n.t('login.submit') }}
              </button>
              <button mat-button type="button" (click)="toggle()" data-testid="idp-code-recovery">
                {{ i18n.t(recovery() ? 'signIn.code.useApp' : 'signIn.code.useRecovery') }}
              </button>
            </form>
          }
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .login {
      min-height: 100vh;
      display: grid;
      place-items: center;
      background: #0b3d91;
      padding: 16px;
    }
    mat-card {
      width: min(420px, 100%);
      padding: 8px;
    }
    h1 {
      font-size: 1.5rem;
      margin: 8px 0 16px;
      font-weight: 500;
    }
    .wide {
      width: 100%;
    }
    .wide[mat-flat-button] {
      height: 48px;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdpCode {
  readonly returnUrl = input<string>('/');
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  protected readonly form = inject(FormBuilder).nonNullable.group({ code: ['', Validators.required] });
  protected readonly recovery = signal(false);
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  /** The wait after the municipality's sign-in is over (or was never here): only starting again helps. */
  protected readonly over = signal(false);

  protected toggle(): void {
    this.recovery.set(!this.recovery());
    this.form.reset();
    this.error.set('');
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    const code = this.form.getRawValue().code.trim();
    try {
      const user = await firstValueFrom(
        this.api.oidcCode(this.recovery() ? { recoveryCode: code } : { code }),
      );
      this.auth.signedIn(user);
      await this.router.navigateByUrl(this.returnUrl() || '/');
    } catch (err) {
      const status = err instanceof HttpErrorResponse ? err.status : 0;
      const problem = asProblem(err);
      if (status === 401 && problem?.code === 'not_signed_in') this.over.set(true);
      this.error.set(
        status === 401 && problem?.code === 'not_signed_in'
          ? this.i18n.t('signIn.code.over')
          : status === 401
            ? this.i18n.t(this.recovery() ? 'signIn.code.wrongRecovery' : 'login.wrongCode')
            : status === 429
              ? this.i18n.t('login.throttled')
              : status === 0
                ? this.i18n.t('error.network')
                : this.i18n.t('error.generic'),
      );
      this.form.reset();
    } finally {
      this.busy.set(false);
    }
  }
}
