import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isIsoDate } from '@stegvis/contracts';

/** The same rules as the API's DTOs and ProgrammesService, so the form refuses what the server would. */
export const isoDate: ValidatorFn = (c: AbstractControl): ValidationErrors | null =>
  c.value === '' || c.value === null || isIsoDate(String(c.value)) ? null : { isoDate: true };

export const endNotBeforeStart: ValidatorFn = (g: AbstractControl): ValidationErrors | null => {
  const start = g.get('startDate')?.value as string;
  const end = g.get('endDate')?.value as string;
  return start && end && isIsoDate(start) && isIsoDate(end) && end < start ? { endBeforeStart: true } : null;
};

/** A goal's target is a whole per cent from 0 to 100, as the API's ProgrammesService requires. */
export const goalTarget: ValidatorFn = (g: AbstractControl): ValidationErrors | null => {
  const raw: unknown = g.get('targetValue')?.value;
  if (raw === null || raw === '') return null;
  const v = Number(raw);
  if (Number.isNaN(v)) return null;
  if (v < 0) return { negative: true };
  if (v > 100) return { percentMax: true };
  return Number.isInteger(v) ? null : { whole: true };
};
