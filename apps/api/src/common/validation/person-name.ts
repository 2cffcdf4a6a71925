import { hasBidiControl, normalisePersonName } from '@stegvis/contracts';
import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * A person's name (participants, referral candidates and referrers, staff and committee members, employer
 * contacts, users' display names): zero-width characters are removed and the text NFC-normalised before
 * validation; a bidirectional formatting control is refused with 400 `invalid_characters` naming the field
 * (packages/contracts/src/names.ts says why).
 */
export function PersonName(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? normalisePersonName(value) : value,
    )(target, propertyName);
    registerDecorator({
      name: 'personName',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must not contain characters that change the writing direction`,
        ...options,
      },
      validator: { validate: (v: unknown) => typeof v !== 'string' || !hasBidiControl(v) },
    });
  };
}
