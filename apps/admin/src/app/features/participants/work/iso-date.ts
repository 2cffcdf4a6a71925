import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { isIsoDate } from '@stegvis/contracts';

/** A date typed as YYYY-MM-DD that exists in the calendar; the shared fieldError pipe words `isoDate`. */
export function isoDateValidator(control: AbstractControl<string | null>): ValidationErrors | null {
  const v = control.value;
  return !v || isIsoDate(v) ? null : { isoDate: true };
}
