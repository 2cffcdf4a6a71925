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
    expect(blocked.body.code).toBe('too_many_logins');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
    const audit = await t.dataSource.query(
      "SELECT outcome, count(*)::int AS n FROM audit_event WHERE action = 'auth.login' AND entity_id = $1 GROUP BY outcome ORDER BY outcome",
      [w.users.evaluatorA.id],
    );
    expect(audit).toEqual([{ outcome: 'failure', n: 3 }]);
  });

  /** A login from a client address (the test app trusts X-Forwarded-For from loopback, as behind an ingress). */
  const loginFrom = (ip: string, email: string, password: string) =>
    request(t.http).post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it("a stranger's wrong passwords from one address do not lock the owner out at another", async () => {
    for (let i = 0; i < 10; i++) {
      const r = await loginFrom('198.51.100.66', 'analys.a@test.se', `guess-${i}-not-it`);
      expect(r.status).toBe(i < 3 ? 401 : 429);
    }
    expect((await loginFrom('198.51.100.66', 'analys.a@test.se', PASSWORD)).status).toBe(429);
    const owner = await loginFrom('192.0.2.10', 'analys.a@test.se', PASSWORD);
    expect(owner.status).toBe(200);
    // The owner's success clears only the owner's own pair: the stranger stays locked.
    expect((await loginFrom('198.51.100.66', 'analys.a@test.se', PASSWORD)).status).toBe(429);
  });

  it('locks one account and address pair for longer each time: Retry-After doubles', async () => {
    const ip = '198.51.100.77';
    const email = 'nobody.in.particular@test.se';
    for (let i = 0; i < 3; i++) expect((await loginFrom(ip, email, 'wrong-password')).status).toBe(401);
    const lockOf = async () =>
      (
        await t.dataSource.query(
          `SELECT failures, extract(epoch FROM locked_until - updated_at)::int AS seconds
             FROM login_throttle WHERE email = $1 AND ip = $2`,
          [email, ip],
        )
      )[0] as { failures: number; seconds: number };
    const waits: number[] = [];
    for (const expected of [
      { failures: 3, seconds: 60 },
      { failures: 4, seconds: 120 },
      { failures: 5, seconds: 240 },
    ]) {
      expect(await lockOf()).toEqual(expected);
      const refused = await loginFrom(ip, email, 'wrong-password');
      expect([refused.status, refused.body.code, refused.body.retryAfter]).toEqual([
        429,
        'too_many_logins',
        Number(refused.headers['retry-after']),
      ]);
      waits.push(Number(refused.headers['retry-after']));
      // The lock runs out (moved into the past, as time would): the next attempt is checked, fails, and locks longer.
      await t.dataSource.query(
        "UPDATE login_throttle SET locked_until = now() - interval '1 second', updated_at = now() - interval '1 second' - make_interval(secs => $3) WHERE email = $1 AND ip = $2",
        [email, ip, expected.seconds],
      );
      expect((await loginFrom(ip, email, 'wrong-password')).status).toBe(401);
    }
    expect(waits.map((s, i) => s > [50, 110, 230][i] && s <= [60, 120, 240][i])).toEqual([true, true, true]);
  });

  it('failures at one office address lock no colleague out: one person 25 times, four others 3 times each', async () => {
    const office = '203.0.113.50';
    for (let i = 0; i < 25; i++)
      expect((await loginFrom(office, 'styr.a@test.se', `mistyped-${i}`)).status).toBe(i < 3 ? 401 : 429);
    for (let k = 0; k < 4; k++)
      for (let i = 0; i < 3; i++)
        expect((await loginFrom(office, `kollega${k}@test.se`, `mistyped-${i}`)).status).toBe(401);
    expect((await loginFrom(office, 'styr.a@test.se', PASSWORD)).status).toBe(429);
    expect((await loginFrom(office, 'staff.a@test.se', PASSWORD)).status).toBe(200);
  });

  it('refuses an address once more than 20 distinct accounts failed from it within the window', async () => {
    const ip = '203.0.113.99';
    for (let i = 0; i < 21; i++)
      expect((await loginFrom(ip, `stuffed${i}@test.se`, 'Summer2024!')).status).toBe(401);
    const next = await loginFrom(ip, 'staff.a@test.se', PASSWORD);
    expect([next.status, next.body.code]).toEqual([429, 'too_many_logins']);
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(next.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    const denied = await t.dataSource.query(
      "SELECT details->>'scope' AS scope FROM audit_event WHERE action = 'auth.login' AND outcome = 'denied' ORDER BY id DESC LIMIT 1",
    );
    expect(denied).toEqual([{ scope: 'address' }]);
    expect((await loginFrom('203.0.113.100', 'staff.a@test.se', PASSWORD)).status).toBe(200);
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

  it('refuses a password zxcvbn scores below 3, naming the field and its warning', async () => {
    const a = await signIn(t, 'admin@test.se');
    const weak = await a.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'qwerty1234567',
    });
    expect([weak.status, weak.body.errors]).toEqual([
      400,
      [
        {
          field: 'newPassword',
          message: 'password is too easy to guess',
          code: 'password_too_weak',
          params: { warning: 'similarToCommon' },
        },
      ],
    ]);
    // The person's own name counts as a known word.
    const named = await a.post('/api/users', {
      email: 'fotboll.andersson@test.se',
      displayName: 'Fotboll Andersson',
      role: 'staff',
      password: 'Fotboll1234567',
    });
    expect([named.status, named.body.errors]).toEqual([
      400,
      [
        {
          field: 'password',
          message: 'password is too easy to guess',
          code: 'password_too_weak',
          params: { warning: 'userInputs' },
        },
      ],
    ]);
    const other = await a.post('/api/users', {
      email: 'kim.berg@test.se',
      displayName: 'Kim Berg',
      role: 'staff',
      password: 'Fotboll1234567',
    });
    expect(other.status).toBe(201);
  });

  it('refuses a display name with a bidi control, naming the field; drops zero-width characters; stores NFC', async () => {
    const admin = await signIn(t, 'admin@test.se');
    const body = (displayName: string, email: string) => ({
      email,
      displayName,
      role: 'evaluator',
      password: 'en-lång-fras-om-hösten-42',
    });
    const spoof = await admin.post('/api/users', body('Ada \u202Enimda', 'ada2@test.se'));
    expect([spoof.status, spoof.body.errors]).toEqual([
      400,
      [
        {
          field: 'displayName',
          message: 'displayName must not contain characters that change the writing direction',
          code: 'invalid_characters',
        },
      ],
    ]);
    const hidden = await admin.post('/api/users', body('A\u030Asa Li\u200Bnd', 'asa@test.se'));
    expect([hidden.status, hidden.body.displayName]).toEqual([201, '\u00C5sa Lind']);
    expect(
      await t.dataSource.query('SELECT display_name FROM app_user WHERE email = $1', ['asa@test.se']),
    ).toEqual([{ display_name: '\u00C5sa Lind' }]);
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
