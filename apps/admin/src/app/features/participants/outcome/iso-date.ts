import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { isIsoDate } from '@stegvis/contracts';

/** A date typed as YYYY-MM-DD that exists in the calendar; `isoDate` is worded by the shared fieldError pipe. */
export function isoDate(control: AbstractControl<string | null>): ValidationErrors | null {
  const v = control.value;
  return !v || isIsoDate(v) ? null : { isoDate: true };
}
