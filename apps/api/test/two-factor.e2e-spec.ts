import { Secret, TOTP } from 'otpauth';
import request from 'supertest';
import { loadConfig } from '../src/config/app-config';
import { PASSWORD, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/** The code an authenticator app shows now, or `ahead` ms from now (the next 30-second step is accepted too). */
const codeFor = (secret: string, ahead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + ahead });

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
    const confirmCode = codeFor(setup.body.secret);
    expect((await c.post('/api/auth/totp/confirm', { code: confirmCode })).status).toBe(204);
    expect((await c.get('/api/programmes')).status).toBe(200);

    const noCode = await request(t.http)
      .post('/api/auth/login')
      .send({ email: w.users.staffA.email, password: PASSWORD });
    expect(noCode.status).toBe(401);
    expect(noCode.body.errors).toEqual([{ field: 'code', message: 'code is required', code: 'required' }]);
    expect(noCode.body.code).toBe('totp_required');
    const wrong = await request(t.http)
      .post('/api/auth/login')
      .send({
        email: w.users.staffA.email,
        password: PASSWORD,
        code: '123456' === codeFor(setup.body.secret) ? '654321' : '123456',
      });
    expect(wrong.status).toBe(401);
    // A code is good once (RFC 6238, 5.2): the one that confirmed the app, or a login's code seen over a shoulder,
    // does not open another session within its window.
    const login = (code: string) =>
      request(t.http).post('/api/auth/login').send({ email: w.users.staffA.email, password: PASSWORD, code });
    const reused = await login(confirmCode);
    expect(reused.status).toBe(401);
    expect(reused.body.errors).toEqual([
      { field: 'code', message: 'code is wrong or expired', code: 'totp_code_wrong' },
    ]);
    const next = codeFor(setup.body.secret, 30_000);
    expect((await login(next)).status).toBe(200);
    expect((await login(next)).status).toBe(401);
  });

  it('roles that see no personal data are not asked', async () => {
    const e = await signIn(t, w.users.evaluatorA.email);
    expect((await e.get('/api/programmes')).status).toBe(200);
  });

  it('a TOTP_REQUIRED_ROLES naming an unknown role stops the configuration', () => {
    expect(() => loadConfig({ TOTP_REQUIRED_ROLES: 'staff,boss' })).toThrow(
      'TOTP_REQUIRED_ROLES names an unknown role "boss"',
    );
  });
});
