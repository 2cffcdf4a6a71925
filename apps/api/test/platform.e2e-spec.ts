import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app';

describe('platform (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('platform');
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
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves a valid OpenAPI document and the docs page', async () => {
    const doc = (await request(t.http).get('/api/openapi.json')).body;
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    const page = await request(t.http).get('/api/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
  });

  it('documents the errors of every endpoint', async () => {
    const doc = (await request(t.http).get('/api/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const codes = Object.keys(op.responses);
        if (path !== '/api/health' && !codes.some((c) => c.startsWith('4'))) missing.push(`${method.toUpperCase()} ${path}`);
        if (path === '/api/health' && !codes.includes('503')) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the committed docs/api/openapi.json matches the running api (run `npm run openapi -w @stegvis/api` after a change)', async () => {
    const doc = (await request(t.http).get('/api/openapi.json')).body;
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../docs/api/openapi.json'), 'utf8'));
    expect(doc).toEqual(committed);
  });
});
