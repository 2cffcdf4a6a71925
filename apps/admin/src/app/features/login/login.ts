import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from '../../core/auth/auth-api';
import { AuthStore } from '../../core/auth/auth-store';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { IdpSignIn } from './idp-sign-in';

@Component({
  selector: 'sv-login',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    IdpSignIn,
  ],
  template: `
    <main class="login">
      <mat-card appearance="outlined">
        <mat-card-header
          ><mat-card-title
            ><h1>{{ i18n.t('login.title') }}</h1></mat-card-title
          ></mat-card-header
        >
        <mat-card-content>
          @if (auth.expired()) {
            <p class="info-banner" role="status">{{ i18n.t('login.expired') }}</p>
          }
          @if (error()) {
            <p class="error-banner" role="alert" data-testid="login-error">{{ error() }}</p>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field appearance="outline" class="wide">
              <mat-label>{{ i18n.t('login.email') }}</mat-label>
              <input
                matInput
                type="email"
                formControlName="email"
                autocomplete="username"
                data-testid="login-email"
                required
              />
            </mat-form-field>
            <mat-form-field appearance="outline" class="wide">
              <mat-label>{{ i18n.t('login.password') }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="password"
                autocomplete="current-password"
                data-testid="login-password"
                required
              />
            </mat-form-field>
            @if (needCode() && useRecovery()) {
              <mat-form-field appearance="outline" class="wide">
                <mat-label>{{ i18n.t('login.recoveryCode') }}</mat-label>
                <input
                  matInput
                  formControlName="recoveryCode"
                  autocomplete="off"
                  data-testid="login-recovery-code"
                />
              </mat-form-field>
            } @else if (needCode()) {
              <mat-form-field appearance="outline" class="wide">
                <mat-label>{{ i18n.t('login.code') }}</mat-label>
                <input
                  matInput
                  formControlName="code"
                  inputmode="numeric"
                  autocomplete="one-time-code"
                  maxlength="6"
                  data-testid="login-code"
                />
              </mat-form-field>
            }
            <button mat-flat-button type="submit" class="wide" [disabled]="busy()" data-testid="login-submit">
              {{ i18n.t('login.submit') }}
            </button>
            @if (needCode()) {
              <button
                mat-button
                type="button"
                (click)="useRecovery.set(!useRecovery())"
                data-testid="login-use-recovery"
              >
                {{ i18n.t(useRecovery() ? 'login.useCode' : 'login.useRecovery') }}
              </button>
            }
          </form>
          <sv-idp-sign-in [returnUrl]="returnUrl()" />
          <button mat-button type="button" (click)="i18n.toggle()">{{ i18n.t('nav.language') }}</button>
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
    button.wide {
      height: 48px;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  readonly returnUrl = input<string>('/');
  protected readonly i18n = inject(I18n);
  protected readonly auth = inject(AuthStore);
  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
    code: [''],
    recoveryCode: [''],
  });
  protected readonly needCode = signal(false);
  /** The phone is lost: a one-time recovery code instead of the app's code. */
  protected readonly useRecovery = signal(false);
  protected readonly error = signal('');
  protected readonly busy = signal(false);

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    try {
      const v = this.form.getRawValue();
      const user = await firstValueFrom(
        this.api.login({
          email: v.email,
          password: v.password,
          ...(this.useRecovery() && v.recoveryCode
            ? { recoveryCode: v.recoveryCode }
            : v.code
              ? { code: v.code }
              : {}),
        }),
      );
      this.auth.signedIn(user);
      await this.router.navigateByUrl(this.returnUrl() || '/');
    } catch (err) {
      const status = err instanceof HttpErrorResponse ? err.status : 0;
      // Two factors are on for this account: ask for the code, keep e-mail and password.
      if (status === 401 && asProblem(err)?.type === 'https://stegvis.se/problems/totp-required') {
        this.error.set(
          this.needCode() ? this.i18n.t(this.useRecovery() ? 'login.wrongRecovery' : 'login.wrongCode') : '',
        );
        this.needCode.set(true);
        this.form.controls.code.reset();
        this.form.controls.recoveryCode.reset();
        return;
      }
      const problem = asProblem(err);
      // The right password, but this organisation signs in through the municipality's identity provider.
      if (status === 403 && problem?.code === 'local_password_off') {
        this.error.set(this.i18n.problem(problem.code, problem.params, this.i18n.t('error.generic')));
        this.form.controls.password.reset();
        return;
      }
      this.error.set(
        this.i18n.t(
          status === 401
            ? 'login.wrong'
            : status === 429
              ? 'login.throttled'
              : status === 0
                ? 'error.network'
                : 'error.generic',
        ),
      );
      // Keep the e-mail; clear only the password.
      this.form.controls.password.reset();
    } finally {
      this.busy.set(false);
    }
  }
}
