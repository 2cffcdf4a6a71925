import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE } from '@stegvis/contracts';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { pathOf, type StegvisRequest } from '../context/request-context';
import type { Coded } from '@stegvis/contracts';
import { Problem, problemBody } from './problem';

/** Every error leaves as RFC 9457 problem+json; no stack trace or SQL ever reaches the client. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<FastifyReply>();
    const req = http.getRequest<StegvisRequest>();
    let status = 500;
    let detail: string | undefined;
    let errors: Problem['errors'];
    let extra: Record<string, unknown> | undefined;
    let coded: Coded | undefined;

    if (exception instanceof Problem) {
      status = exception.getStatus();
      detail = exception.message;
      errors = exception.errors;
      extra = exception.extra;
      coded = exception.coded;
      // A refusal that says how long to wait (a throttle) says it to clients and proxies in the header too.
      if (typeof extra?.retryAfter === 'number') void res.header('Retry-After', String(extra.retryAfter));
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const r = exception.getResponse();
      const fromBody = bodyProblem(exception.cause);
      coded = fromBody?.coded;
      detail =
        fromBody?.detail ??
        (typeof r === 'string' ? r : messageText((r as { message?: unknown }).message, exception.message));
    } else if (exception instanceof QueryFailedError && pgCode(exception) === '23505') {
      status = 409;
      detail = 'A record with the same unique value already exists';
      coded = { code: 'duplicate_value' };
    } else if (exception instanceof QueryFailedError && pgCode(exception) === '22P02') {
      status = 400;
      detail = 'A value has the wrong format';
      coded = { code: 'invalid_value' };
    } else if (isDatabaseUnavailable(exception)) {
      // The database is away (restart, failover, a killed backend): nothing was committed, the client may retry.
      status = 503;
      detail = 'The database is not reachable just now; nothing was saved. Try again in a few seconds.';
      coded = { code: 'database_unavailable' };
      void res.header('Retry-After', '2');
      this.logger.warn({ err: exception, requestId: req.id }, 'Database unavailable');
    } else {
      this.logger.error({ err: exception, requestId: req.id }, 'Unhandled error');
      detail = 'Something went wrong on our side. The error has been logged.';
    }
    if (status >= 500 && exception instanceof HttpException) {
      this.logger.error({ err: exception, requestId: req.id }, 'Server error');
    }
    const body = {
      ...problemBody(status, detail, errors, coded),
      ...extra,
      instance: pathOf(req),
      requestId: req.id,
    };
    if (res.sent) return;
    void res.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}

/** Nest's body message: a text, or the list a validation gives (joined as String() joins it). */
function messageText(message: unknown, fallback: string): string {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join(',');
  return fallback;
}

function pgCode(e: Pick<QueryFailedError, 'driverError'>): string | undefined {
  return (e.driverError as { code?: string } | undefined)?.code;
}

/**
 * Fastify's own answers to a body it could not read (mapped to HttpException by Nest, the FastifyError as cause),
 * in words a client developer can act on.
 */
function bodyProblem(cause: unknown): { detail: string; coded: Coded } | undefined {
  const code = (cause as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { detail: 'The request body is too large', coded: { code: 'body_too_large' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        detail: 'Send the request body as application/json',
        coded: { code: 'unsupported_media_type' },
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { detail: 'The request body is empty; send a JSON object', coded: { code: 'body_empty' } };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      // secure-json-parse also refuses a __proto__ or constructor.prototype key, which could poison objects.
      return {
        detail: 'The request body is not valid JSON, or has a __proto__ or constructor.prototype key',
        coded: { code: 'invalid_json' },
      };
  }
  return undefined;
}

/**
 * Connection-level failures: refused or reset sockets, the server shutting down (57P01 admin shutdown, 57P02 crash,
 * 57P03 cannot connect now), pg's "Connection terminated" when a backend dies mid-query, and TypeORM's
 * QueryRunner(Provider)AlreadyReleasedError, which follow when the pool dropped that connection under the request.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const err = (e instanceof QueryFailedError ? e.driverError : e) as {
    code?: string;
    message?: string;
  } | null;
  if (!err || typeof err !== 'object') return false;
  if (
    [
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08001',
      '08003',
      '08006',
      'ECONNREFUSED',
      'ECONNRESET',
      'EPIPE',
      'ETIMEDOUT',
    ].includes(err.code ?? '')
  )
    return true;
  if (
    ['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError'].includes(
      (err as { name?: string }).name ?? '',
    )
  )
    return true;
  return /Connection terminated|connection is closed|Client has encountered a connection error|timeout exceeded when trying to connect|Query runner already released|query runner was already released/i.test(
    err.message ?? '',
  );
}
