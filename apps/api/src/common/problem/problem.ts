import { HttpException, HttpStatus } from '@nestjs/common';
import {
  type Coded,
  type FieldError,
  MIN_PASSWORD_LENGTH,
  type PasswordProblem,
  type ProblemCode,
  type ProblemDetails,
} from '@stegvis/contracts';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Rule not met',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** The code of a problem thrown without one, so that every answer carries a code a client can word. */
const STATUS_CODES: Record<number, ProblemCode> = {
  400: 'invalid_request',
  401: 'not_signed_in',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  422: 'rule_not_met',
  429: 'too_many_requests',
  503: 'unavailable',
};

export function codeForStatus(status: number): Coded {
  const code = STATUS_CODES[status] ?? 'internal_error';
  // not_found names what was missing; a bare 404 (an unknown route) does not know.
  return code === 'not_found' ? { code, params: { entity: '' } } : ({ code } as Coded);
}

/** A field error with its code: `fieldError('endDate', 'endDate must …', { code: 'end_before_start', … })`. */
export function fieldError(field: string, message: string, coded: Coded): FieldError {
  return { field, message, ...coded };
}

/** Why a password is refused (contracts' checkPassword), as a code; `warning` is zxcvbn's key for too_weak. */
export function passwordCode(weak: PasswordProblem, warning = ''): Coded {
  switch (weak) {
    case 'too_short':
      return { code: 'password_too_short', params: { min: MIN_PASSWORD_LENGTH } };
    case 'too_common':
      return { code: 'password_too_common' };
    case 'contains_email':
      return { code: 'password_contains_email' };
    case 'too_weak':
      return { code: 'password_too_weak', params: { warning } };
  }
}

/**
 * Thrown by services for any error a client should see as problem+json. `coded` is the stable code and its
 * parameters (packages/contracts/src/problem-codes.ts); without one the status's generic code is sent.
 */
export class Problem extends HttpException {
  constructor(
    status: number,
    detail: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
    readonly coded?: Coded,
  ) {
    super(detail, status);
  }

  static badRequest(detail: string, errors?: FieldError[], coded?: Coded): Problem {
    return new Problem(HttpStatus.BAD_REQUEST, detail, errors, undefined, coded);
  }
  /** One field is wrong: the code goes on the field error and on the problem. */
  static field(field: string, message: string, coded: Coded): Problem {
    return new Problem(
      HttpStatus.BAD_REQUEST,
      `${field}: ${message}`,
      [fieldError(field, message, coded)],
      undefined,
      coded,
    );
  }
  static notFound(what: string): Problem {
    return new Problem(HttpStatus.NOT_FOUND, `${what} was not found`, undefined, undefined, {
      code: 'not_found',
      params: { entity: what },
    });
  }
  static conflict(detail: string, coded: Coded = { code: 'conflict' }): Problem {
    return new Problem(HttpStatus.CONFLICT, detail, undefined, undefined, coded);
  }
  /** Someone else saved first (optimistic locking). */
  static stale(detail: string): Problem {
    return Problem.conflict(detail, { code: 'stale_version' });
  }
  static rule(detail: string, coded: Coded, errors?: FieldError[]): Problem {
    return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, detail, errors, undefined, coded);
  }
}

export function problemBody(
  status: number,
  detail: string | undefined,
  errors?: FieldError[],
  coded: Coded = codeForStatus(status),
): ProblemDetails {
  const body: ProblemDetails = {
    type: status === 400 && errors?.length ? 'https://stegvis.se/problems/validation' : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
  };
  if (detail) body.detail = detail;
  body.code = coded.code;
  if (coded.params && Object.keys(coded.params).length) body.params = coded.params;
  if (errors?.length) body.errors = errors;
  return body;
}
