import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from '../../config/app-config';

export function createRootLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'stegvis-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Cookies and CSRF tokens are credentials; bodies are never logged (they carry personal data).
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
  });
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function httpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      // The path only: query strings can hold search terms such as a name.
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  });
}

/** Nest's own log lines, as structured pino entries. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    // Nest lists every route and module at start; useful when debugging, noise in a newcomer's terminal.
    const chatty = context === 'RouterExplorer' || context === 'RoutesResolver' || context === 'InstanceLoader';
    this.logger[chatty ? 'debug' : 'info']({ context }, String(message));
  }
  error(message: unknown, ...rest: unknown[]) {
    if (typeof message === 'object' && message !== null) this.logger.error(message, String(rest[0] ?? ''));
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
