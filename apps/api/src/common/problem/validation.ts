import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { Coded, FieldError } from '@stegvis/contracts';
import { getMetadataStorage } from 'class-validator';
import { Problem, fieldError } from './problem';

/** A rule's arguments (`@Max(100)` → [100]), read from class-validator's metadata of the DTO that broke it. */
function constraintArgs(target: object | undefined, property: string, rule: string): unknown[] {
  if (!target) return [];
  const meta = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name ?? m.type) === rule);
  return (meta?.constraints as unknown[] | undefined) ?? [];
}

/** A field left out (or null or empty text) is "required", whichever rule noticed first. */
function missing(e: ValidationError): boolean {
  const value = (e.target as Record<string, unknown> | undefined)?.[e.property];
  return value === undefined || value === null || value === '';
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/**
 * The code of each class-validator rule (packages/contracts/src/problem-codes.ts), so that every 400 field error
 * carries one; a rule not listed here answers `invalid_value`, which a test keeps from happening to the rules the
 * DTOs use.
 */
export function codeForConstraint(rule: string, args: unknown[]): Coded {
  switch (rule) {
    case 'isNotEmpty':
    case 'isDefined':
      return { code: 'required' };
    case 'whitelistValidation':
      return { code: 'unknown_field' };
    case 'isString':
      return { code: 'not_string' };
    case 'isInt':
      return { code: 'not_integer' };
    case 'isNumber':
      return { code: 'not_number' };
    case 'isBoolean':
      return { code: 'not_boolean' };
    case 'isArray':
      return { code: 'not_array' };
    case 'isObject':
    case 'nestedValidation':
      return { code: 'not_object' };
    case 'isUuid':
      return { code: 'invalid_uuid' };
    case 'isEmail':
      return { code: 'invalid_email' };
    case 'isUrl':
      return { code: 'invalid_url' };
    case 'isIsoDate':
    case 'isDateString':
    case 'isIso8601':
      return { code: 'invalid_date' };
    case 'matches':
      return { code: 'invalid_format' };
    case 'personName':
      return { code: 'invalid_characters' };
    case 'isIn':
      return { code: 'not_allowed', params: { allowed: Array.isArray(args[0]) ? args[0].map(String) : [] } };
    case 'isEnum':
      return {
        code: 'not_allowed',
        params: { allowed: typeof args[0] === 'object' && args[0] ? Object.values(args[0]).map(String) : [] },
      };
    case 'min':
      return { code: 'too_small', params: { min: num(args[0]) } };
    case 'max':
      return { code: 'too_large', params: { max: num(args[0]) } };
    case 'minLength':
      return { code: 'too_short', params: { min: num(args[0]) } };
    case 'maxLength':
      return { code: 'too_long', params: { max: num(args[0]) } };
    case 'isLength':
      return { code: 'length_between', params: { min: num(args[0]), max: num(args[1]) } };
    case 'arrayMinSize':
      return { code: 'too_few_items', params: { min: num(args[0]) } };
    case 'arrayMaxSize':
      return { code: 'too_many_items', params: { max: num(args[0]) } };
    case 'arrayUnique':
      return { code: 'duplicate_items' };
    default:
      return { code: 'invalid_value' };
  }
}

/** Flattens class-validator's tree into JSON paths (`goals.0.targetValue`), the names the client sent. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      out.push(
        fieldError(
          field,
          rule === 'whitelistValidation' ? `${field} is not a known field` : message,
          missing(e) && rule !== 'whitelistValidation'
            ? { code: 'required' }
            : codeForConstraint(rule, constraintArgs(e.target, e.property, rule)),
        ),
      );
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // One clear message per field: the first rule it breaks.
    stopAtFirstError: true,
    // The target (the DTO instance) gives each rule's arguments (`max` of @Max); it never reaches the client.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      return Problem.badRequest(fieldErrors.map((e) => e.message).join('; '), fieldErrors);
    },
  });
}
