import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl } from '@angular/forms';
import type { FieldError, ProblemDetails } from '@stegvis/contracts';

export function asProblem(err: unknown): ProblemDetails | null {
  if (
    err instanceof HttpErrorResponse &&
    err.error &&
    typeof err.error === 'object' &&
    'status' in err.error
  ) {
    return err.error as ProblemDetails;
  }
  return null;
}

/**
 * Puts each `errors[].field` of a problem+json answer on the matching control (`goals.0.targetValue` →
 * form.get(['goals', 0, 'targetValue'])) as a `server` error. Returns the errors no control matched, to show
 * above the form.
 */
export function applyProblemToForm(form: AbstractControl, problem: ProblemDetails | null): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const e of problem?.errors ?? []) {
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
