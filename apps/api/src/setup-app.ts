import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { DynamicModule, INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, SESSION_COOKIE } from '@stegvis/contracts';
import express from 'express';
import helmet from 'helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-express';
import { requestLogHook, requestIdOf } from './common/logging/logger';
import { ProblemSchema } from './common/openapi/api-problems';
import { BodyDepthPipe } from './common/problem/body-depth.pipe';
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

/** JSON bodies larger than this are refused with 413 before they are parsed. */
const BODY_LIMIT = 1024 * 1024;

/**
 * The api on Fastify: a survey submission refused before any SQL cost about 0.46 ms of CPU on Nest over Express
 * (its router walks every route in turn; req/res get new prototypes) and costs about 0.30 ms now (the framework
 * floor in docs/benchmarks.md). main.ts, the e2e tests and the OpenAPI writer all create the app here.
 */
export async function createApp(
  module: DynamicModule,
  config: AppConfig,
  logger: Logger,
  nestLogger: LoggerService | false,
  /** Build the module graph without providers (no database), for writing the OpenAPI document. */
  preview = false,
): Promise<{ app: NestFastifyApplication; openapi: OpenAPIObject }> {
  const adapter = new FastifyAdapter({
    trustProxy: trustProxy(config.trustProxy),
    bodyLimit: BODY_LIMIT,
    genReqId: requestIdOf,
    // Uploads are read by multer (common/http/single-file-upload.ts), not @fastify/multipart.
    multipart: false,
    // Express matched /api/x/ as /api/x; links and bookmarks made then keep working.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: nestLogger,
    bodyParser: false,
    preview,
  });
  const openapi = await setupApp(app, config, logger);
  if (preview) return { app, openapi };
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, openapi };
}

/** TRUST_PROXY as Express read it: a hop count, a list of addresses or names such as "loopback", or true. */
function trustProxy(
  value: AppConfig['trustProxy'],
): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/** Everything main.ts and the e2e tests share: hooks, plugins, pipes, prefix, docs, static sites. */
async function setupApp(
  app: NestFastifyApplication,
  config: AppConfig,
  logger: Logger,
): Promise<OpenAPIObject> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    // Api answers carry personal data: never cached. The sites' assets set their own headers.
    if (request.url.startsWith(`/${API_PREFIX}/`)) reply.header('Cache-Control', 'no-store');
    done();
  });
  fastify.addHook('onResponse', requestLogHook(logger));
  // Multipart bodies are left unread for the upload interceptor (multer), which enforces its own size limits.
  fastify.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null, undefined));

  // helmet's middleware built once and run on the Node response; @fastify/helmet rebuilt it, CSP parsing included,
  // for every request (3 % of the api's CPU under the submission benchmark).
  const securityHeaders = helmet({
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
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
  );
  // SurveyJS is ~1.4 MB raw: gzip matters most to a participant on a cheap phone. Replies under 1 KB (most writes)
  // are sent as they are.
  await app.register(fastifyCompress, { encodings: ['gzip', 'deflate'], threshold: 1024 });
  await app.register(fastifyCookie);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(new BodyDepthPipe(), createValidationPipe());

  const document = buildOpenApi(app);
  fastify.get(`/${API_PREFIX}/openapi.json`, (_request, reply) => reply.send(document));
  serveDocs(fastify, document);

  if (config.surveyDist) await serveSpa(fastify, '/s/', config.surveyDist);
  if (config.adminDist) await serveSpa(fastify, '/', config.adminDist);
  return document;
}

/**
 * Swagger UI as swagger-ui-express serves it, from a small Express app of its own: the page is read by people,
 * not under load. The headers Fastify's hooks set (CSP, request id) are copied over before Express answers.
 */
function serveDocs(fastify: FastifyInstance, document: OpenAPIObject): void {
  const docs = express();
  docs.disable('x-powered-by');
  docs.use(
    `/${API_PREFIX}/docs`,
    swaggerUi.serve,
    swaggerUi.setup(document, { customSiteTitle: 'Stegvis API' }),
  );
  const handler = (request: FastifyRequest, reply: FastifyReply) => {
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined) reply.raw.setHeader(name, value);
    reply.hijack();
    docs(request.raw as express.Request, reply.raw as express.Response);
  };
  fastify.get(`/${API_PREFIX}/docs`, handler);
  fastify.get(`/${API_PREFIX}/docs/*`, handler);
}

/**
 * A single-page app: its built files (content-hashed names, cached for a year) and, for any other GET under its
 * mount, its index.html (never cached), so that a deep link or a reload opens the app. /api/… is never the app.
 */
async function serveSpa(fastify: FastifyInstance, mount: '/' | '/s/', dir: string): Promise<void> {
  if (!existsSync(join(dir, 'index.html'))) return;
  // Built with Brotli and gzip copies beside each file (scripts/precompress.mjs): served as they are, to whoever
  // accepts them; @fastify/compress leaves an encoded reply alone.
  await fastify.register(fastifyStatic, {
    root: dir,
    prefix: mount,
    index: false,
    wildcard: false,
    globIgnore: ['**/*.br', '**/*.gz'],
    preCompressed: true,
    maxAge: '365d',
    immutable: true,
    // reply.sendFile may be declared once: by whichever site registers first.
    decorateReply: !fastify.hasReplyDecorator('sendFile'),
  });
  const index = (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith(`/${API_PREFIX}/`) || request.url === `/${API_PREFIX}`)
      return reply.callNotFound();
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', dir, { cacheControl: false });
  };
  // With ignoreTrailingSlash, '/s/' also answers '/s'.
  fastify.get(mount, index);
  fastify.get(`${mount}*`, index);
}
