import { inject, signal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { firstValueFrom, type Observable } from 'rxjs';
import { applyProblemToForm, asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { Outcome } from '../outcome';

/** What `run` gives back: the write's answer when it succeeded. */
export type SubmitResult<T> = { ok: true; value: T } | { ok: false };

export interface SubmitOptions {
  /** The snackbar text after success; "Sparat" when left out. */
  done?: string;
}

/**
 * One form's save: checks the form, sends the write, and shows the outcome. Success: the form is marked pristine
 * (so the unsaved-changes guard lets the user go) and a snackbar says `done`. A 400 puts each `errors[].field` on
 * its control in the user's language (core/errors/problem-form.ts) and the rest in `banner`; a 409 naming fields
 * (a duplicate) does the same, any other 409 says the record was changed by someone else; anything else puts
 * the api's reason in `banner`. The form keeps what was typed.
 *
 * Create it in a field initialiser (it injects): `protected readonly submit = formSubmit();`
 */
export class FormSubmit {
  private readonly i18n = inject(I18n);
  private readonly outcome = inject(Outcome);
  /** True while the write is under way: disable the save button with it. */
  readonly saving = signal(false);
  /** The form-level message (role="alert" above the form), '' when there is none. */
  readonly banner = signal('');

  /** `{ ok: true, value }` with the write's answer; `{ ok: false }` when the form was invalid or the write failed. */
  async run<T>(
    form: AbstractControl,
    write: () => Observable<T>,
    options: SubmitOptions = {},
  ): Promise<SubmitResult<T>> {
    this.banner.set('');
    if (form.invalid) {
      form.markAllAsTouched();
      this.banner.set(this.i18n.t('form.fixFields'));
      return { ok: false };
    }
    this.saving.set(true);
    try {
      const value = await firstValueFrom(write(), { defaultValue: undefined as T });
      form.markAsPristine();
      this.outcome.done(options.done);
      return { ok: true, value };
    } catch (err) {
      this.showFailure(form, err);
      return { ok: false };
    } finally {
      this.saving.set(false);
    }
  }

  /** For a save that does more than one call: put a failure on the form as `run` does. */
  showFailure(form: AbstractControl, err: unknown): void {
    const problem = asProblem(err, this.i18n.lang());
    if (problem?.status === 401) return; // the session ended: the interceptor keeps drafts and goes to login
    // A 409 that names fields is a duplicate (a name or code already in use): shown at the field like a 400.
    if (problem?.status === 409 && !problem.errors?.length) {
      this.banner.set(this.i18n.t('form.conflict'));
    } else if (problem?.status === 400 || problem?.status === 409 || problem?.status === 422) {
      const rest = applyProblemToForm(form, problem, this.i18n.lang());
      const fieldsMatched = (problem.errors?.length ?? 0) > rest.length;
      const restText = rest.map((e) => e.message).join(' ');
      this.banner.set(
        restText ||
          (fieldsMatched ? this.i18n.t('form.fixFields') : (problem.detail ?? this.i18n.t('form.fixFields'))),
      );
    } else {
      this.banner.set(problem?.detail ?? this.i18n.t('error.network'));
    }
  }
}

export function formSubmit(): FormSubmit {
  return new FormSubmit();
}
