import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { DynamicModule, INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, can, type Coded, PROBLEM_CONTENT_TYPE, SESSION_COOKIE } from '@stegvis/contracts';
import express from 'express';
import helmet, { contentSecurityPolicy } from 'helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-express';
import { requestLogHook, requestIdOf } from './common/logging/logger';
import { ProblemSchema } from './common/openapi/api-problems';
import { BodyDepthPipe } from './common/problem/body-depth.pipe';
import { problemBody } from './common/problem/problem';
import { createValidationPipe } from './common/problem/validation';
import type { AppConfig } from './config/app-config';
import { AuthService } from './modules/auth/auth.service';

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

/**
 * Browser features neither site uses, switched off for them and for anything that might get injected into them
 * (issue 16, item 16).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/**
 * The admin's page alone may ask for the microphone: staff record the questionnaire's texts in the browser
 * ("Inläst ljud"). The browser still asks the person before it gives a page the microphone.
 */
export const ADMIN_PERMISSIONS_POLICY = PERMISSIONS_POLICY.replace('microphone=()', 'microphone=(self)');

/** Where a page's index.html (admin, survey site, Swagger UI) puts the per-request nonce of its own styles. */
export const CSP_NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * The Content-Security-Policy: no inline script and no inline style. Angular and Swagger UI write their own
 * <style> elements; a page served from index.html carries a fresh nonce for them (`nonce(value)`), every other
 * answer the policy without one. SurveyJS's styles are files; style *attributes* set from script (CSSOM) are not
 * inline styles to CSP, but a `style="…"` in markup is, and is blocked.
 */
function securityPolicy(config: AppConfig): {
  plain: string;
  nonce: (value: string) => string;
  admin: (value: string) => string;
} {
  const directives = (styleSrc: string[], mediaSrc = ["'self'"]) => ({
    defaultSrc: ["'self'"],
    styleSrc,
    mediaSrc,
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: config.cookieSecure ? [] : null,
  });
  const header = (styleSrc: string[], mediaSrc?: string[]) => {
    let value = '';
    contentSecurityPolicy({ directives: directives(styleSrc, mediaSrc) })(
      {} as never,
      { setHeader: (_name: string, v: string) => (value = v) } as never,
      () => undefined,
    );
    return value;
  };
  const withNonce = header(["'self'", `'nonce-${CSP_NONCE_PLACEHOLDER}'`]);
  // A recording made in the admin is played back from memory (a blob: address) before it is saved.
  const admin = header(["'self'", `'nonce-${CSP_NONCE_PLACEHOLDER}'`], ["'self'", 'blob:']);
  return {
    plain: header(["'self'"]),
    nonce: (value) => withNonce.replace(CSP_NONCE_PLACEHOLDER, value),
    admin: (value) => admin.replace(CSP_NONCE_PLACEHOLDER, value),
  };
}

/** 128 bits from the CSPRNG, new for every page. */
const newNonce = () => randomBytes(16).toString('base64');

/** Everything main.ts and the e2e tests share: hooks, plugins, pipes, prefix, docs, static sites. */
async function setupApp(
  app: NestFastifyApplication,
  config: AppConfig,
  logger: Logger,
): Promise<OpenAPIObject> {
  const fastify = app.getHttpAdapter().getInstance();
  const csp = securityPolicy(config);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    // Api answers carry personal data: never cached. The sites' assets set their own headers.
    if (request.url.startsWith(`/${API_PREFIX}/`)) reply.header('Cache-Control', 'no-store');
    done();
  });
  fastify.addHook('onResponse', requestLogHook(logger));
  // Multipart bodies are left unread for the upload interceptor (multer), which enforces its own size limits.
  fastify.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null, undefined));

  // helmet's middleware built once and run on the Node response; @fastify/helmet rebuilt it, CSP parsing included,
  // for every request (3 % of the api's CPU under the submission benchmark). The CSP is one fixed string here; a
  // page that needs a nonce replaces it (servePage).
  const securityHeaders = helmet({ contentSecurityPolicy: false, hsts: config.cookieSecure });
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.raw.setHeader('Content-Security-Policy', csp.plain);
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  // SurveyJS is ~1.4 MB raw: gzip matters most to a participant on a cheap phone. Replies under 1 KB (most writes)
  // are sent as they are.
  await app.register(fastifyCompress, { encodings: ['gzip', 'deflate'], threshold: 1024 });
  await app.register(fastifyCookie);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(new BodyDepthPipe(), createValidationPipe());

  const document = buildOpenApi(app);
  const docsAccess = docsGuard(app, config);
  fastify.get(`/${API_PREFIX}/openapi.json`, { preHandler: docsAccess }, (_request, reply) =>
    reply.send(document),
  );
  serveDocs(fastify, document, docsAccess, csp.nonce);

  if (config.surveyDist) await serveSpa(fastify, '/s/', config.surveyDist, { policy: csp.nonce });
  if (config.adminDist)
    await serveSpa(fastify, '/', config.adminDist, {
      policy: csp.admin,
      permissions: ADMIN_PERMISSIONS_POLICY,
    });
  return document;
}

/**
 * Who may read Swagger UI and the OpenAPI document (API_DOCS): anyone, a signed-in admin ('apidocs.read'), or
 * nobody. Outside development the map of every endpoint is not handed to whoever asks.
 */
function docsGuard(
  app: NestFastifyApplication,
  config: AppConfig,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    detail: string,
    coded: Coded,
  ) =>
    reply
      .status(status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        JSON.stringify({
          ...problemBody(status, detail, undefined, coded),
          instance: request.url.split('?')[0],
          requestId: request.id,
        }),
      );
  return async (request, reply) => {
    if (config.apiDocs === 'public') return;
    if (config.apiDocs === 'off')
      return void (await refuse(request, reply, 404, 'Not found', {
        code: 'not_found',
        params: { entity: '' },
      }));
    const cookie = (request.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
    const user = cookie ? await app.get(AuthService, { strict: false }).authenticate(cookie) : null;
    if (!user)
      return void (await refuse(request, reply, 401, 'Sign in to continue', { code: 'not_signed_in' }));
    if (user.mfaPending || !can(user.role, 'apidocs.read'))
      return void (await refuse(request, reply, 403, 'Your role may not do this', { code: 'forbidden' }));
  };
}

/**
 * Swagger UI as swagger-ui-express serves it, from a small Express app of its own: the page is read by people,
 * not under load. Its page is served here, with a nonce on its two <style> elements and the icon sprite's
 * inline style turned into attributes; the headers Fastify's hooks set (CSP, request id) are copied over before
 * Express answers the rest.
 */
function serveDocs(
  fastify: FastifyInstance,
  document: OpenAPIObject,
  access: (request: FastifyRequest, reply: FastifyReply) => Promise<void>,
  policy: (nonce: string) => string,
): void {
  const page = swaggerUi
    .generateHTML(document, { customSiteTitle: 'Stegvis API' })
    .replaceAll('<style>', `<style nonce="${CSP_NONCE_PLACEHOLDER}">`)
    .replace('style="position:absolute;width:0;height:0"', 'width="0" height="0" aria-hidden="true"');
  const docs = express();
  docs.disable('x-powered-by');
  docs.use(`/${API_PREFIX}/docs`, swaggerUi.serve);
  const assets = (request: FastifyRequest, reply: FastifyReply) => {
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined) reply.raw.setHeader(name, value);
    reply.hijack();
    docs(request.raw as express.Request, reply.raw as express.Response);
  };
  // The page's links are relative (./swagger-ui.css): /api/docs, which ignoreTrailingSlash also routes here, moves
  // to /api/docs/.
  const index = (request: FastifyRequest, reply: FastifyReply) =>
    request.url.split('?')[0].endsWith('/') || request.url.endsWith('.html')
      ? servePage(reply, page, policy)
      : reply.redirect(`/${API_PREFIX}/docs/`);
  fastify.get(`/${API_PREFIX}/docs/`, { preHandler: access }, index);
  fastify.get(`/${API_PREFIX}/docs/index.html`, { preHandler: access }, index);
  fastify.get(`/${API_PREFIX}/docs/*`, { preHandler: access }, assets);
}

/** A page with its own nonce: never stored by anyone, since the nonce in it must match the header it came with. */
function servePage(
  reply: FastifyReply,
  html: string,
  policy: (nonce: string) => string,
  permissions?: string,
): FastifyReply {
  const nonce = newNonce();
  if (permissions) reply.header('Permissions-Policy', permissions);
  return reply
    .header('Cache-Control', 'no-store')
    .header('Content-Security-Policy', policy(nonce))
    .type('text/html; charset=utf-8')
    .send(html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce));
}

/**
 * A single-page app: its built files (content-hashed names, cached for a year) and, for any other GET under its
 * mount, its index.html (never stored, with a fresh CSP nonce), so that a deep link or a reload opens the app.
 * /index.html itself is that page too, never the cached file. /api/… is never the app.
 */
async function serveSpa(
  fastify: FastifyInstance,
  mount: '/' | '/s/',
  dir: string,
  page: { policy: (nonce: string) => string; permissions?: string },
): Promise<void> {
  const file = join(dir, 'index.html');
  if (!existsSync(file)) return;
  const html = readFileSync(file, 'utf8');
  // Built with Brotli and gzip copies beside each file (scripts/precompress.mjs): served as they are, to whoever
  // accepts them; @fastify/compress leaves an encoded reply alone.
  await fastify.register(fastifyStatic, {
    root: dir,
    prefix: mount,
    index: false,
    wildcard: false,
    globIgnore: ['**/*.br', '**/*.gz', 'index.html'],
    preCompressed: true,
    maxAge: '365d',
    immutable: true,
    // reply.sendFile may be declared once: by whichever site registers first.
    decorateReply: !fastify.hasReplyDecorator('sendFile'),
  });
  const index = (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith(`/${API_PREFIX}/`) || request.url === `/${API_PREFIX}`)
      return reply.callNotFound();
    return servePage(reply, html, page.policy, page.permissions);
  };
  // With ignoreTrailingSlash, '/s/' also answers '/s'.
  fastify.get(mount, index);
  fastify.get(`${mount}*`, index);
}
