import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl } from '@angular/forms';
import type { FieldError, ProblemDetails } from '@stegvis/contracts';
import type { Lang } from '../i18n/i18n';
import { problemText } from '../i18n/problem-texts';

/**
 * The problem+json body of a failed request, or null for a network failure. With `lang`, its `detail` and every
 * `errors[].message` are the texts of their codes in that language (core/i18n/problem-texts.ts), so a screen that
 * shows them shows Swedish or English, not the api's English; a code this build does not know keeps the api's text.
 */
export function asProblem(err: unknown, lang?: Lang): ProblemDetails | null {
  if (
    err instanceof HttpErrorResponse &&
    err.error &&
    typeof err.error === 'object' &&
    'status' in err.error
  ) {
    const problem = err.error as ProblemDetails;
    return lang ? wordProblem(problem, lang) : problem;
  }
  return null;
}

/** The problem with `detail` and each field's `message` worded by their codes. */
export function wordProblem(problem: ProblemDetails, lang: Lang): ProblemDetails {
  const detail = problemText(lang, problem.code, problem.params) ?? problem.detail;
  return {
    ...problem,
    ...(detail !== undefined ? { detail } : {}),
    ...(problem.errors ? { errors: problem.errors.map((e) => wordFieldError(e, lang)) } : {}),
  };
}

export function wordFieldError(e: FieldError, lang: Lang): FieldError {
  return { ...e, message: problemText(lang, e.code, e.params) ?? e.message };
}

/**
 * Puts each `errors[].field` of a problem+json answer on the matching control (`goals.0.targetValue` →
 * form.get(['goals', 0, 'targetValue'])) as a `server` error, worded in `lang` when given. Returns the errors no
 * control matched, to show above the form.
 */
export function applyProblemToForm(
  form: AbstractControl,
  problem: ProblemDetails | null,
  lang?: Lang,
): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const raw of problem?.errors ?? []) {
    const e = lang ? wordFieldError(raw, lang) : raw;
    const path = e.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const control = form.get(path);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: e.message });
      control.markAsTouched();
    } else {
      unmatched.push(e);
    }
  }
  return unmatched;
}
