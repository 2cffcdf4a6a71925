import { isIsoDate } from '@stegvis/contracts';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A real calendar day as YYYY-MM-DD (rejects 2021-02-30), the same rule the admin's forms use. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a date written YYYY-MM-DD`, ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && isIsoDate(v) },
    });
}
