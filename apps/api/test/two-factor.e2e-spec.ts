import { Secret, TOTP } from 'otpauth';
import request from 'supertest';
import { loadConfig } from '../src/config/app-config';
import { PASSWORD, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

const codeFor = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

describe('two-factor login, required for staff by configuration (e2e)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp('totp', { TOTP_REQUIRED_ROLES: 'staff' });
    w = await seedWorld(t);
  });
  afterAll(() => t?.close());

  it('a staff member without two factors may only set them up; then login asks for a code', async () => {
    const c = await signIn(t, w.users.staffA.email);
    const blocked = await c.get('/api/programmes');
    expect(blocked.status).toBe(403);
    expect(blocked.body.type).toBe('https://stegvis.se/problems/totp-setup-required');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const setup = await c.post('/api/auth/totp/setup');
    expect(setup.status).toBe(201);
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\/Stegvis:staff\.a%40test\.se\?/);
    expect((await c.post('/api/auth/totp/confirm', { code: '000000' })).status).toBe(400);
    expect((await c.post('/api/auth/totp/confirm', { code: codeFor(setup.body.secret) })).status).toBe(204);
    expect((await c.get('/api/programmes')).status).toBe(200);

    const noCode = await request(t.http).post('/api/auth/login').send({ email: w.users.staffA.email, password: PASSWORD });
    expect(noCode.status).toBe(401);
    expect(noCode.body.errors).toEqual([{ field: 'code', message: 'code is required' }]);
    const wrong = await request(t.http).post('/api/auth/login').send({ email: w.users.staffA.email, password: PASSWORD, code: '123456' === codeFor(setup.body.secret) ? '654321' : '123456' });
    expect(wrong.status).toBe(401);
    const ok = await request(t.http).post('/api/auth/login').send({ email: w.users.staffA.email, password: PASSWORD, code: codeFor(setup.body.secret) });
    expect(ok.status).toBe(200);
  });

  it('roles that see no personal data are not asked', async () => {
    const e = await signIn(t, w.users.evaluatorA.email);
    expect((await e.get('/api/programmes')).status).toBe(200);
  });

  it('a TOTP_REQUIRED_ROLES naming an unknown role stops the configuration', () => {
    expect(() => loadConfig({ TOTP_REQUIRED_ROLES: 'staff,boss' })).toThrow('TOTP_REQUIRED_ROLES names an unknown role "boss"');
  });
});
