import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, SESSION_COOKIE } from '@stegvis/contracts';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-express';
import { httpLogger } from './common/logging/logger';
import { ProblemSchema } from './common/openapi/api-problems';
import { createValidationPipe } from './common/problem/validation';
import type { AppConfig } from './config/app-config';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Stegvis API')
    .setDescription(
      'Programmes, groups, participants, referrals, analysis-group meetings, surveys and reports for labour-market integration programmes. ' +
        'Sign in with POST /api/auth/login; send the X-CSRF-Token header on every unsafe request. Errors are RFC 9457 problem+json.',
    )
    .setVersion('0.1.0')
    .addCookieAuth(SESSION_COOKIE)
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ProblemSchema] });
}

/** Everything main.ts and the e2e tests share: pipes, filters, prefix, headers, docs, static sites. */
export function setupApp(app: NestExpressApplication, config: AppConfig, logger: Logger): OpenAPIObject {
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Api answers are Cache-Control: no-store, so an ETag (a SHA-1 of every JSON body) is never used. The sites'
  // hashed assets keep theirs (express.static); their index.html is revalidated by Last-Modified.
  app.set('etag', false);
  app.use(httpLogger(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // Angular Material and SurveyJS set inline styles; no inline script is allowed.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.cookieSecure ? [] : null,
        },
      },
      hsts: config.cookieSecure,
    }),
  );
  // SurveyJS is ~1.4 MB raw: gzip matters most to a participant on a cheap phone. Reads carry the data; writes
  // answer with a few hundred bytes, where wrapping the response for gzip cost more than it could save (measured on
  // the survey submission). The one large write reply, the questionnaire for a survey code, is compressed too.
  const gzip = compression();
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.method === 'GET' || req.method === 'HEAD' || req.path === `/${API_PREFIX}/public/surveys/session` ? gzip(req, res, next) : next(),
  );
  app.use(cookieParser());
  app.use(express.json({ limit: '1mb' }));
  app.use(`/${API_PREFIX}`, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());

  const document = buildOpenApi(app);
  app.use('/api/openapi.json', (_req: Request, res: Response) => res.json(document));
  app.use('/api/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'Stegvis API' }));

  serveSpa(app, '/s', config.surveyDist);
  serveSpa(app, '/', config.adminDist);
  return document;
}

function serveSpa(app: NestExpressApplication, mount: string, dir: string | null): void {
  if (!dir || !existsSync(join(dir, 'index.html'))) return;
  // Built assets have content hashes in their names: cache them for a year; index.html is never cached.
  app.use(mount, express.static(dir, { index: false, maxAge: '365d', immutable: true }));
  app.use(mount, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.originalUrl.startsWith('/api/') || (mount === '/' && req.originalUrl.startsWith('/s/'))) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}
