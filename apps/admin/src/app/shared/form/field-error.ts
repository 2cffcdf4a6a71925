import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { I18n, type TextKey } from '../../core/i18n/i18n';

/**
 * The Swedish (or English) text of a control's first error: the api's own message first (`server`, put there by
 * applyProblemToForm from problem+json `errors[]`), then Angular's validators. A screen's own validator maps its
 * key to a text with `extra` (`control | fieldError: { percentMax: 'form.percentMax' }`); an unmapped key gets a
 * general "Rätta värdet", never the key itself.
 */
export function fieldErrorText(
  errors: ValidationErrors | null | undefined,
  t: (key: TextKey) => string,
  extra: Partial<Record<string, TextKey>> = {},
): string {
  if (!errors) return '';
  const server: unknown = errors['server'];
  if (typeof server === 'string' && server) return server;
  for (const key of Object.keys(errors)) {
    const own = extra[key];
    if (own) return t(own);
  }
  const e = errors;
  if (e['required']) return t('shared.field.required');
  if (e['maxlength'])
    return t('shared.field.tooLong').replace('{max}', detail(e, 'maxlength', 'requiredLength'));
  if (e['minlength'])
    return t('shared.field.tooShort').replace('{min}', detail(e, 'minlength', 'requiredLength'));
  if (e['min']) return t('shared.field.min').replace('{min}', detail(e, 'min', 'min'));
  if (e['max']) return t('shared.field.max').replace('{max}', detail(e, 'max', 'max'));
  if (e['email']) return t('shared.field.email');
  if (e['isoDate']) return t('shared.field.date');
  if (e['pattern']) return t('shared.field.pattern');
  return t('shared.field.invalid');
}

/** A number an Angular validator put in its error (`{ maxlength: { requiredLength: 200 } }`). */
function detail(errors: ValidationErrors, key: string, prop: string): string {
  const value: unknown = errors[key];
  return typeof value === 'object' && value !== null ? String((value as Record<string, unknown>)[prop]) : '';
}

/**
 * `<mat-error>{{ form.controls.name | fieldError }}</mat-error>`: mat-error shows it once the field is touched or
 * the form submitted. Impure, because a control's errors change without the control changing.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(control: AbstractControl | null, extra?: Partial<Record<string, TextKey>>): string {
    return fieldErrorText(control?.errors, (k) => this.i18n.t(k), extra);
  }
}
