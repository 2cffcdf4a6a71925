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
    expect((await c.get('/api/auth/totp')).body).toEqual({ enabled: false, required: true });
    const setup = await c.post('/api/auth/totp/setup', { password: PASSWORD });
    expect(setup.status).toBe(201);
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\/Stegvis:staff\.a%40test\.se\?/);
    expect((await c.post('/api/auth/totp/confirm', { code: '000000' })).status).toBe(400);
    const confirmCode = codeFor(setup.body.secret);
    expect((await c.post('/api/auth/totp/confirm', { code: confirmCode })).status).toBe(200);
    expect((await c.get('/api/programmes')).status).toBe(200);
    expect((await c.get('/api/auth/totp')).body).toEqual({ enabled: true, required: true });

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

  it('starting a setup needs the password: a session alone cannot take over the second factor', async () => {
    const c = await signIn(t, w.users.staffB.email);
    const none = await c.post('/api/auth/totp/setup');
    expect([
      none.status,
      none.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
    ]).toEqual([400, [['password', 'required']]]);
    const wrong = await c.post('/api/auth/totp/setup', { password: 'not-the-password' });
    expect([wrong.status, wrong.body.errors]).toEqual([
      400,
      [{ field: 'password', message: 'password is wrong', code: 'wrong_password' }],
    ]);
  });

  it('replacing the app needs the password and a current code; the old app works until the new one is confirmed', async () => {
    const c = await signIn(t, w.users.staffB.email);
    const first = await c.post('/api/auth/totp/setup', { password: PASSWORD });
    expect((await c.post('/api/auth/totp/confirm', { code: codeFor(first.body.secret) })).status).toBe(200);
    const old = first.body.secret as string;
    // A session left open (or stolen) without the password and the app gets nowhere.
    const noCode = await c.post('/api/auth/totp/setup', { password: PASSWORD });
    expect([noCode.status, noCode.body.errors]).toEqual([
      400,
      [{ field: 'code', message: 'code is required', code: 'required' }],
    ]);
    const wrongCode = await c.post('/api/auth/totp/setup', {
      password: PASSWORD,
      code: codeFor(old) === '000000' ? '111111' : '000000',
    });
    expect([wrongCode.status, wrongCode.body.errors]).toEqual([
      400,
      [{ field: 'code', message: 'code is wrong or expired', code: 'totp_code_wrong' }],
    ]);
    const wrongPassword = await c.post('/api/auth/totp/setup', {
      password: 'not-the-password',
      code: codeFor(old, 30_000),
    });
    expect(wrongPassword.body.errors).toEqual([
      { field: 'password', message: 'password is wrong', code: 'wrong_password' },
    ]);
    const replace = await c.post('/api/auth/totp/setup', { password: PASSWORD, code: codeFor(old, 30_000) });
    expect(replace.status).toBe(201);
    const fresh = replace.body.secret as string;
    expect(fresh).not.toBe(old);
    // Not confirmed yet: the account still has its old app, and still asks for a code.
    const [before] = await t.dataSource.query(
      'SELECT totp_secret, totp_enabled FROM app_user WHERE id = $1',
      [w.users.staffB.id],
    );
    expect(before).toEqual({ totp_secret: old, totp_enabled: true });
    expect((await c.post('/api/auth/totp/confirm', { code: codeFor(fresh) })).status).toBe(200);
    const login = (code: string) =>
      request(t.http).post('/api/auth/login').send({ email: w.users.staffB.email, password: PASSWORD, code });
    expect((await login(codeFor(old, -30_000))).status).toBe(401);
    expect((await login(codeFor(fresh, 30_000))).status).toBe(200);
    const mail = await t.dataSource.query(
      'SELECT recipient, subject FROM email_outbox WHERE recipient = $1',
      [w.users.staffB.email],
    );
    expect(mail).toEqual([
      { recipient: w.users.staffB.email, subject: 'Ny app för tvåstegsverifiering i Stegvis' },
    ]);
    // A role that must sign in with two factors may replace the app, not switch it off.
    const off = await c.post('/api/auth/totp/disable', { password: PASSWORD, code: codeFor(fresh) });
    expect([off.status, off.body.code]).toEqual([422, 'totp_required_for_role']);
  });

  it('switching off needs the password and a code, is audited, and is e-mailed to the user', async () => {
    const e = await signIn(t, w.users.evaluatorA.email);
    expect((await e.post('/api/auth/totp/disable', { password: PASSWORD })).body.code).toBe(
      'totp_not_enabled',
    );
    const setup = await e.post('/api/auth/totp/setup', { password: PASSWORD });
    const secret = setup.body.secret as string;
    expect((await e.post('/api/auth/totp/confirm', { code: codeFor(secret) })).status).toBe(200);
    const noCode = await e.post('/api/auth/totp/disable', { password: PASSWORD });
    expect([noCode.status, noCode.body.errors]).toEqual([
      400,
      [{ field: 'code', message: 'code is required', code: 'required' }],
    ]);
    const wrong = await e.post('/api/auth/totp/disable', {
      password: 'nope-nope-nope',
      code: codeFor(secret, 30_000),
    });
    expect([wrong.status, wrong.body.errors]).toEqual([
      400,
      [{ field: 'password', message: 'password is wrong', code: 'wrong_password' }],
    ]);
    expect((await e.get('/api/auth/totp')).body).toEqual({ enabled: true, required: false });
    const off = await e.post('/api/auth/totp/disable', { password: PASSWORD, code: codeFor(secret, 30_000) });
    expect(off.status).toBe(204);
    expect((await e.get('/api/auth/totp')).body).toEqual({ enabled: false, required: false });
    expect(
      await t.dataSource.query('SELECT totp_secret, totp_enabled FROM app_user WHERE id = $1', [
        w.users.evaluatorA.id,
      ]),
    ).toEqual([{ totp_secret: null, totp_enabled: false }]);
    expect(
      await t.dataSource.query(
        "SELECT outcome, details->>'reason' AS reason FROM audit_event WHERE action = 'auth.totp.disable' AND entity_id = $1 ORDER BY id",
        [w.users.evaluatorA.id],
      ),
    ).toEqual([
      { outcome: 'failure', reason: 'password' },
      { outcome: 'success', reason: null },
    ]);
    const mail = await t.dataSource.query('SELECT subject, body FROM email_outbox WHERE recipient = $1', [
      w.users.evaluatorA.email,
    ]);
    expect(mail.map((m: { subject: string }) => m.subject)).toEqual([
      'Tvåstegsverifiering avstängd i Stegvis',
    ]);
    expect(mail[0].body).toMatch(
      /^Hej utv\.a!\n\nTvåstegsverifieringen för ditt konto i Stegvis stängdes av \d{4}-\d\d-\d\d \d\d:\d\d\./,
    );
    expect(
      (
        await request(t.http)
          .post('/api/auth/login')
          .send({ email: w.users.evaluatorA.email, password: PASSWORD })
      ).status,
    ).toBe(200);
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
