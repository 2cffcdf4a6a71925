import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { pathOf } from '../context/request-context';

export function createRootLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'stegvis-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Cookies and CSRF tokens are credentials; bodies are never logged (they carry personal data).
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
      ],
      remove: true,
    },
  });
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The request id: the caller's X-Request-Id when it looks like one (a proxy's), else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * One access-log line per request, when it is done: warn for 4xx, error for 5xx. The path only: query strings can
 * hold search terms such as a name; bodies are never logged (they carry personal data).
 */
export function requestLogHook(logger: Logger) {
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (logger.isLevelEnabled(level)) {
      logger[level](
        {
          req: { id: request.id, method: request.method, path: pathOf(request) },
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  };
}

/** Nest's own log lines, as structured pino entries. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    // Nest lists every route and module at start; useful when debugging, noise in a newcomer's terminal.
    const chatty =
      context === 'RouterExplorer' || context === 'RoutesResolver' || context === 'InstanceLoader';
    this.logger[chatty ? 'debug' : 'info']({ context }, String(message));
  }
  error(message: unknown, ...rest: unknown[]) {
    if (typeof message === 'object' && message !== null)
      this.logger.error(message, typeof rest[0] === 'string' ? rest[0] : '');
    else this.logger.error({ context: rest[rest.length - 1] }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
