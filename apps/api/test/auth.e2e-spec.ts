import request from 'supertest';
import { PASSWORD, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

describe('authentication (e2e)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp('auth', { LOGIN_MAX_FAILURES: '3', SESSION_IDLE_MINUTES: '30' });
    w = await seedWorld(t);
  });
  afterAll(() => t?.close());

  it('signs in, sets an httpOnly SameSite=Strict session cookie of 256 bits, and returns the user', async () => {
    const res = await request(t.http)
      .post('/api/auth/login')
      .send({ email: 'STAFF.A@test.se', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: 'staff.a@test.se', role: 'staff', programmeIds: [w.programmeA] });
    const cookies = res.headers['set-cookie'] as unknown as string[];
    const session = cookies.find((c) => c.startsWith('stegvis_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session.split(';')[0].split('=')[1]).toHaveLength(43);
    const stored = await t.dataSource.query('SELECT id_hash FROM session WHERE user_id = $1', [
      w.users.staffA.id,
    ]);
    expect(stored[0].id_hash).not.toContain(session.split(';')[0].split('=')[1]);
  });

  it('answers a wrong password and an unknown user identically with 401', async () => {
    const wrong = await request(t.http)
      .post('/api/auth/login')
      .send({ email: 'styr.a@test.se', password: 'nope-nope-nope' });
    const unknown = await request(t.http)
      .post('/api/auth/login')
      .send({ email: 'nobody@test.se', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrong.body.detail).toBe('Wrong e-mail or password');
    expect({ ...unknown.body, requestId: 0 }).toEqual({ ...wrong.body, requestId: 0 });
  });

  it('throttles repeated failures with 429, even for the right password, and audits them', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await request(t.http)
        .post('/api/auth/login')
        .send({ email: 'utv.a@test.se', password: 'wrong-password' });
      expect(r.status).toBe(401);
    }
    const blocked = await request(t.http)
      .post('/api/auth/login')
      .send({ email: 'utv.a@test.se', password: PASSWORD });
    expect(blocked.status).toBe(429);
    const audit = await t.dataSource.query(
      "SELECT outcome, count(*)::int AS n FROM audit_event WHERE action = 'auth.login' AND entity_id = $1 GROUP BY outcome ORDER BY outcome",
      [w.users.evaluatorA.id],
    );
    expect(audit).toEqual([{ outcome: 'failure', n: 3 }]);
  });

  it('ends the session at logout: the old cookie gets 401', async () => {
    const login = await request(t.http)
      .post('/api/auth/login')
      .send({ email: 'analys.a@test.se', password: PASSWORD });
    const cookie = (login.headers['set-cookie'] as unknown as string[])
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await request(t.http).get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
    const out = await request(t.http)
      .post('/api/auth/logout')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', login.body.csrfToken);
    expect(out.status).toBe(204);
    expect((await request(t.http).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('ends a session idle past its time-out', async () => {
    const c = await signIn(t, 'staff.b@test.se');
    await t.dataSource.query(
      "UPDATE session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1",
      [w.users.staffB.id],
    );
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('ends a session past its absolute time-out', async () => {
    const c = await signIn(t, 'admin@test.se');
    await t.dataSource.query(
      "UPDATE session SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [w.users.admin.id],
    );
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('gives a new session id at every login and can revoke all sessions of a user', async () => {
    const one = await signIn(t, 'styr.a@test.se');
    const two = await signIn(t, 'styr.a@test.se');
    expect(one.user.csrfToken).not.toBe(two.user.csrfToken);
    expect((await two.post('/api/auth/sessions/revoke-all')).status).toBe(204);
    expect((await one.get('/api/auth/me')).status).toBe(401);
    expect((await two.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses an unsafe request without the CSRF header (403) and changes nothing', async () => {
    const c = await signIn(t, 'admin@test.se');
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM programme');
    const res = await c.agent.post('/api/programmes').send({ name: 'X' });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/CSRF/);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM programme')).toEqual(before);
  });

  it('rejects an unknown field with 400 naming it', async () => {
    const res = await request(t.http)
      .post('/api/auth/login')
      .send({ email: 'admin@test.se', password: PASSWORD, role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'role', message: 'role is not a known field', code: 'unknown_field' },
    ]);
  });

  it('rejects malformed JSON with 400, not 500', async () => {
    const res = await request(t.http)
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":');
    expect(res.status).toBe(400);
    expect(res.body.title).toBe('Bad request');
  });

  it('changing the password needs the current one, refuses a weak new one, and ends every session', async () => {
    const a = await signIn(t, 'staff.b@test.se');
    const b = await signIn(t, 'staff.b@test.se');
    const wrong = await a.post('/api/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'a-brand-new-secret-99',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { field: 'currentPassword', message: 'currentPassword is wrong', code: 'wrong_password' },
    ]);
    const weak = await a.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'Password1234',
    });
    expect(weak.body.errors).toEqual([
      {
        field: 'newPassword',
        message: 'password is one of the most common passwords',
        code: 'password_too_common',
      },
    ]);
    expect(
      (
        await a.post('/api/auth/password', {
          currentPassword: PASSWORD,
          newPassword: 'a-brand-new-secret-99',
        })
      ).status,
    ).toBe(204);
    expect((await a.get('/api/auth/me')).status).toBe(401);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect(
      (await request(t.http).post('/api/auth/login').send({ email: 'staff.b@test.se', password: PASSWORD }))
        .status,
    ).toBe(401);
    expect(
      (
        await request(t.http)
          .post('/api/auth/login')
          .send({ email: 'staff.b@test.se', password: 'a-brand-new-secret-99' })
      ).status,
    ).toBe(200);
  });

  it('an admin cannot give a user a short or common password', async () => {
    const admin = await signIn(t, 'admin@test.se');
    const res = await admin.post('/api/users', {
      email: 'ny@test.se',
      displayName: 'Ny',
      role: 'staff',
      password: 'qwerty123456',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'password',
        message: 'password is one of the most common passwords',
        code: 'password_too_common',
      },
    ]);
  });
});
