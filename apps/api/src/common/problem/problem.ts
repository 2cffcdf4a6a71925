import { HttpException, HttpStatus } from '@nestjs/common';
import type { FieldError, ProblemDetails } from '@stegvis/contracts';

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

/** Thrown by services for any error a client should see as problem+json. */
export class Problem extends HttpException {
  constructor(
    status: number,
    detail: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail, status);
  }

  static badRequest(detail: string, errors?: FieldError[]): Problem {
    return new Problem(HttpStatus.BAD_REQUEST, detail, errors);
  }
  static field(field: string, message: string): Problem {
    return new Problem(HttpStatus.BAD_REQUEST, `${field}: ${message}`, [{ field, message }]);
  }
  static notFound(what: string): Problem {
    return new Problem(HttpStatus.NOT_FOUND, `${what} was not found`);
  }
  static conflict(detail: string): Problem {
    return new Problem(HttpStatus.CONFLICT, detail);
  }
  static rule(detail: string, errors?: FieldError[]): Problem {
    return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, detail, errors);
  }
}

export function problemBody(
  status: number,
  detail: string | undefined,
  errors?: FieldError[],
): ProblemDetails {
  const body: ProblemDetails = {
    type: status === 400 && errors?.length ? 'https://stegvis.se/problems/validation' : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
  };
  if (detail) body.detail = detail;
  if (errors?.length) body.errors = errors;
  return body;
}
