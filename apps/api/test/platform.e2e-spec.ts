import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { loadConfig } from '../src/config/app-config';
import { UsersService } from '../src/modules/users/users.service';
import { type Client, PASSWORD, signIn, startReplica, startTestApp, type TestApp } from './support/test-app';

describe('platform (e2e)', () => {
  let t: TestApp;
  let admin: Client;
  let staff: Client;
  beforeAll(async () => {
    t = await startTestApp('platform');
    const users = t.app.get(UsersService);
    await users.createUser({
      email: 'admin@test.se',
      displayName: 'Ada Admin',
      role: 'admin',
      password: PASSWORD,
    });
    await users.createUser({
      email: 'staff@test.se',
      displayName: 'Sam Staff',
      role: 'staff',
      password: PASSWORD,
    });
    admin = await signIn(t, 'admin@test.se');
    staff = await signIn(t, 'staff@test.se');
  });
  afterAll(() => t?.close());

  it('reports health with the database up', async () => {
    const res = await request(t.http).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('sends security headers and no-store on API responses', async () => {
    const res = await request(t.http).get('/api/health');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['permissions-policy']).toContain('camera=(), ');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a body it cannot read with problem+json in plain words, and a known path with a trailing slash as without', async () => {
    const login = '/api/auth/login';
    const cases: [request.Test, number, string][] = [
      [
        request(t.http).post(login).set('content-type', 'application/json').send('{"email": '),
        400,
        'The request body is not valid JSON, or has a __proto__ or constructor.prototype key',
      ],
      [
        request(t.http)
          .post(login)
          .set('content-type', 'application/json')
          .send('{"email":"a@b.se","__proto__":{"admin":true}}'),
        400,
        'The request body is not valid JSON, or has a __proto__ or constructor.prototype key',
      ],
      [
        request(t.http).post(login).set('content-type', 'application/json').send(''),
        400,
        'The request body is empty; send a JSON object',
      ],
      [
        request(t.http).post(login).set('content-type', 'text/csv').send('email;password'),
        415,
        'Send the request body as application/json',
      ],
      [
        request(t.http)
          .post(login)
          .set('content-type', 'application/json')
          .send(JSON.stringify({ email: 'x'.repeat(1024 * 1024) })),
        413,
        'The request body is too large',
      ],
    ];
    for (const [req, status, detail] of cases) {
      const res = await req;
      expect([res.status, res.headers['content-type'], res.body.detail, res.body.instance]).toEqual([
        status,
        'application/problem+json; charset=utf-8',
        detail,
        login,
      ]);
      expect(res.headers['x-request-id']).toBe(res.body.requestId);
    }
    const slash = await request(t.http).get('/api/health/');
    expect([slash.status, slash.body.database]).toEqual([200, 'up']);
  });

  it('refuses a body nested 5,000 deep with 400 body_too_deep, before any transformation, also unauthenticated', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    for (const path of ['/api/auth/login', '/api/public/surveys/session']) {
      const res = await request(t.http).post(path).set('content-type', 'application/json').send(deep);
      expect([res.status, res.headers['content-type'], res.body.code, res.body.params]).toEqual([
        400,
        'application/problem+json; charset=utf-8',
        'body_too_deep',
        { max: 32 },
      ]);
    }
    // 32 levels are still read: the answer is about the fields, not the depth.
    const ok = await request(t.http)
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":' + '{"a":'.repeat(31) + '1' + '}'.repeat(31) + '}');
    expect([ok.status, ok.body.code]).not.toEqual([400, 'body_too_deep']);
    expect(ok.status).toBe(400);
  });

  it("keeps a proxy's request id and replaces one that does not look like one", async () => {
    const kept = await request(t.http).get('/api/health').set('x-request-id', 'lb-7f3a9c21');
    expect(kept.headers['x-request-id']).toBe('lb-7f3a9c21');
    const replaced = await request(t.http).get('/api/health').set('x-request-id', '<script>1</script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves a valid OpenAPI document and the docs page to a signed-in admin', async () => {
    const doc = (await admin.get('/api/openapi.json')).body;
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    const page = await admin.get('/api/docs/');
    expect([page.status, page.headers['cache-control']]).toEqual([200, 'no-store']);
    expect(page.text).toContain('swagger-ui');
    // Its own <style> elements carry the page's nonce; no inline style is allowed otherwise.
    const nonce = /<style nonce="([^"]+)">/.exec(page.text)?.[1];
    expect(page.headers['content-security-policy']).toContain(`style-src 'self' 'nonce-${nonce}';`);
    expect(page.text).not.toContain(' style="');
    // The assets come from swagger-ui-express's own Express app, with the headers the api's hooks set.
    const init = await admin.get('/api/docs/swagger-ui-init.js');
    expect([init.status, init.text.includes('"title": "Stegvis API"')]).toEqual([200, true]);
    expect(init.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await admin.get('/api/docs')).headers.location).toBe('/api/docs/');
  });

  it('keeps Swagger UI and the OpenAPI document from anyone but a signed-in admin outside development', async () => {
    for (const path of [
      '/api/openapi.json',
      '/api/docs/',
      '/api/docs/swagger-ui-init.js',
      '/api/docs/index.html',
    ]) {
      const anonymous = await request(t.http).get(path);
      expect([path, anonymous.status, anonymous.body.code]).toEqual([path, 401, 'not_signed_in']);
      const other = await staff.get(path);
      expect([path, other.status, other.body.code]).toEqual([path, 403, 'forbidden']);
      expect([path, (await admin.get(path)).status]).toEqual([path, 200]);
    }
    expect(loadConfig({ NODE_ENV: 'test' }).apiDocs).toBe('admin');
    expect(
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/stegvis',
        PERSONAL_NUMBER_KEY: 'k'.repeat(40),
      }).apiDocs,
    ).toBe('admin');
    expect(loadConfig({ NODE_ENV: 'development' }).apiDocs).toBe('public');
  });

  it('API_DOCS=public serves them to anyone (development), API_DOCS=off to no one', async () => {
    const open = await startReplica(t, { API_DOCS: 'public' });
    const off = await startReplica(t, { API_DOCS: 'off' });
    try {
      const offAdmin = await signIn(off, 'admin@test.se');
      for (const path of ['/api/openapi.json', '/api/docs/', '/api/docs/swagger-ui-init.js']) {
        expect([path, (await request(open.http).get(path)).status]).toEqual([path, 200]);
        const none = await offAdmin.get(path);
        expect([path, none.status, none.body.code]).toEqual([path, 404, 'not_found']);
      }
    } finally {
      await open.close();
      await off.close();
    }
  });

  it('documents the errors of every endpoint', async () => {
    const doc = (await admin.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const missing: string[] = [];
    // Public reads that take no input at all (no parameter, no body, no sign-in): nothing a client sends can be
    // refused, so they have no 4xx to document.
    const noInput = new Set(['GET /api/public/surveys/audio']);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const codes = Object.keys(op.responses);
        const name = `${method.toUpperCase()} ${path}`;
        if (path !== '/api/health' && !noInput.has(name) && !codes.some((c) => c.startsWith('4')))
          missing.push(name);
        if (path === '/api/health' && !codes.includes('503')) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the committed docs/api/openapi.json matches the running api (run `npm run openapi -w @stegvis/api` after a change)', async () => {
    const doc = (await admin.get('/api/openapi.json')).body;
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../docs/api/openapi.json'), 'utf8'));
    expect(doc).toEqual(committed);
  });
});
