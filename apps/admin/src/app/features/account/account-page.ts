import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/form/unsaved-changes';
import { Outcome } from '../../shared/outcome';
import { TwoFactorApi } from '../two-factor/two-factor-api';
import { AccountApi } from './account-api';

function sameAsNew(group: AbstractControl): ValidationErrors | null {
  const repeat = group.get('repeat');
  if (!repeat?.value || repeat.value === group.get('newPassword')?.value) {
    if (repeat?.hasError('mismatch')) repeat.setErrors(null);
    return null;
  }
  repeat.setErrors({ ...(repeat.errors ?? {}), mismatch: true });
  return null;
}

/** The signed-in user's own account: change the password, sign out everywhere, two-step verification. */
@Component({
  selector: 'sv-account-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    FieldErrorPipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('account.title') }}</h1>
      </header>
      <p data-testid="account-user">
        {{ i18n.t('account.signedInAs') }} <strong>{{ auth.user()?.displayName }}</strong> ({{
          auth.user()?.email
        }}) · {{ roleLabel() }}
      </p>

      @if (auth.user()?.mustChangePassword) {
        <p class="info-banner" role="status" data-testid="account-must-change">
          {{ i18n.t('account.mustChange') }}
        </p>
      }
      <section class="card" aria-labelledby="password-heading">
        <h2 id="password-heading">{{ i18n.t('account.password') }}</h2>
        <p class="muted">{{ i18n.t('account.passwordIntro') }}</p>
        @if (submit.banner()) {
          <p class="error-banner" role="alert" data-testid="form-error">{{ submit.banner() }}</p>
        }
        <form [formGroup]="form" (ngSubmit)="changePassword()" novalidate>
          <!-- The e-mail lets a password manager file the new password under the right account. -->
          <input type="email" hidden autocomplete="username" [value]="auth.user()?.email ?? ''" />
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('account.current') }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="currentPassword"
              autocomplete="current-password"
              data-testid="account-current"
            />
            <mat-error data-testid="account-current-error">{{
              form.controls.currentPassword | fieldError
            }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('account.new') }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="newPassword"
              autocomplete="new-password"
              data-testid="account-new"
            />
            <mat-error data-testid="account-new-error">{{
              form.controls.newPassword | fieldError
            }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('account.repeat') }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="repeat"
              autocomplete="new-password"
              data-testid="account-repeat"
            />
            <mat-error data-testid="account-repeat-error">{{
              form.controls.repeat | fieldError: { mismatch: 'account.mismatch' }
            }}</mat-error>
          </mat-form-field>
          <div>
            <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="account-change">
              {{ i18n.t('account.change') }}
            </button>
          </div>
        </form>
      </section>

      <section class="card" aria-labelledby="tfa-heading">
        <h2 id="tfa-heading">{{ i18n.t('account.tfa') }}</h2>
        @if (totp.value(); as s) {
          <p data-testid="account-tfa-status">
            {{ i18n.t('account.tfa') }}:
            <strong>{{ s.enabled ? i18n.t('account.tfaOn') : i18n.t('account.tfaOff') }}</strong>
            @if (s.required) {
              · {{ i18n.t('account.tfaRequired') }}
            }
          </p>
        }
        <a mat-stroked-button routerLink="/tvafaktor" data-testid="account-tfa-link"
          ><mat-icon>phonelink_lock</mat-icon> {{ i18n.t('account.tfaManage') }}</a
        >
      </section>

      <section class="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{{ i18n.t('account.sessions') }}</h2>
        <p class="muted">{{ i18n.t('account.sessionsIntro') }}</p>
        <button
          mat-stroked-button
          type="button"
          (click)="revokeAll()"
          [disabled]="revoking()"
          data-testid="account-revoke-all"
        >
          <mat-icon>logout</mat-icon> {{ i18n.t('account.revokeAll') }}
        </button>
      </section>
    </section>
  `,
  styles: `
    .card {
      background: white;
      border-radius: 8px;
      padding: 16px 20px;
      margin-bottom: 16px;
      max-width: 640px;
    }
    .card h2 {
      font-size: 1.2rem;
      font-weight: 500;
      margin: 0 0 8px;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 420px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPage implements HasUnsavedChanges {
  protected readonly i18n = inject(I18n);
  protected readonly auth = inject(AuthStore);
  private readonly labels = inject(Labels);
  private readonly api = inject(AccountApi);
  private readonly router = inject(Router);
  private readonly outcome = inject(Outcome);
  private readonly confirm = inject(ConfirmDialog);
  private readonly twoFactor = inject(TwoFactorApi);
  protected readonly submit = formSubmit();
  protected readonly revoking = signal(false);

  protected readonly form = inject(FormBuilder).nonNullable.group(
    {
      currentPassword: ['', Validators.required],
      // The api's rule (length, common list, zxcvbn) is the one that counts; its reason shows at the field.
      newPassword: ['', Validators.required],
      repeat: ['', Validators.required],
    },
    { validators: sameAsNew },
  );

  protected readonly totp = rxResource({ stream: () => this.twoFactor.status() });

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  protected roleLabel(): string {
    const r = this.auth.role();
    return r ? this.labels.of('role', r) : '';
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  protected async changePassword(): Promise<void> {
    const { currentPassword, newPassword } = this.form.getRawValue();
    const result = await this.submit.run(
      this.form,
      () => this.api.changePassword({ currentPassword, newPassword }),
      { done: this.i18n.t('account.changed') },
    );
    // The api ended every session, this one too.
    if (result.ok) await this.signedOut();
  }

  protected async revokeAll(): Promise<void> {
    const ok = await this.confirm.ask({
      title: this.i18n.t('account.revokeAll'),
      message: this.i18n.t('account.revokeConfirm'),
      confirm: this.i18n.t('account.revokeAll'),
      cancel: this.i18n.t('shared.cancel'),
    });
    if (!ok) return;
    this.revoking.set(true);
    try {
      await firstValueFrom(this.api.revokeAll(), { defaultValue: undefined });
      this.outcome.done(this.i18n.t('account.revoked'));
      await this.signedOut();
    } catch (err) {
      this.outcome.failed(err);
    } finally {
      this.revoking.set(false);
    }
  }

  /** The session is gone on the server: forget the user here and go to the login page. */
  private async signedOut(): Promise<void> {
    this.form.reset();
    this.auth.user.set(null);
    await this.router.navigate(['/login']);
  }
}
