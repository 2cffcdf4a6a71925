import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { asProblem } from '../core/errors/problem-form';
import { I18n } from '../core/i18n/i18n';

/**
 * Every write shows its outcome: a short snackbar after it succeeded, a longer one with the api's reason (in the
 * user's language) when it failed. Forms show their failures at the fields instead (FormSubmit) and call only
 * `done`; a button that writes without a form (remove, withdraw, reissue) calls both.
 */
@Injectable({ providedIn: 'root' })
export class Outcome {
  private readonly snack = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  /** The write succeeded: `text` says what happened ("Inskrivningen är sparad."). */
  done(text: string = this.i18n.t('shared.saved')): void {
    this.snack.open(text, this.i18n.t('shared.close'), {
      duration: 5000,
      politeness: 'polite',
      panelClass: 'sv-outcome-done',
    });
  }

  /** The write failed: the api's reason when there is one, else `fallback`. Stays until closed or 12 s. */
  failed(err: unknown, fallback: string = this.i18n.t('shared.saveFailed')): void {
    const problem = asProblem(err, this.i18n.lang());
    // A 401 is the session's end: the interceptor has already sent the user to the login page.
    if (problem?.status === 401) return;
    this.snack.open(problem?.detail ?? fallback, this.i18n.t('shared.close'), {
      duration: 12000,
      politeness: 'assertive',
      panelClass: 'sv-outcome-failed',
    });
  }
}
