import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@stegvis/contracts';
import { Problem } from './problem';

/** Flattens class-validator's tree into JSON paths (`goals.0.targetValue`), the names the client sent. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      out.push({
        field,
        message: rule === 'whitelistValidation' ? `${field} is not a known field` : message,
      });
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
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      return Problem.badRequest(fieldErrors.map((e) => e.message).join('; '), fieldErrors);
    },
  });
}
