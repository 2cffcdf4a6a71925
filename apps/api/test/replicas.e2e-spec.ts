import { CSRF_HEADER } from '@stegvis/contracts';
import request from 'supertest';
import pino from 'pino';
import { type MailSender, type OutgoingEmail, OutboxService } from '../src/modules/outbox/outbox.service';
import { ensureInitialAdmin } from '../src/modules/users/initial-admin';
import {
  type Client,
  PASSWORD,
  seedWorld,
  signIn,
  startReplica,
  startTestApp,
  type TestApp,
  type World,
} from './support/test-app';

/**
 * Two instances of the api on one database, as two replicas behind a load balancer: whatever one of them
 * remembers, the other must know, because the next request may land on either.
 */
describe('two replicas on one database (e2e)', () => {
  // TRUST_PROXY=1 as in infra/k8s: one ingress in front, which appends the client's address to X-Forwarded-For.
  const env = { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_ACCOUNTS_PER_ADDRESS: '11', TRUST_PROXY: '1' };
  let a: TestApp;
  let b: TestApp;
  let w: World;
  let staffOnA: Client;

  const cookieOf = (res: request.Response) =>
    (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
  const login = (t: TestApp, email: string, password: string, ip = '192.0.2.1') =>
    request(t.http).post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  beforeAll(async () => {
    a = await startTestApp('replicas', env);
    b = await startReplica(a, env);
    w = await seedWorld(a);
    staffOnA = await signIn(a, w.users.staffA.email);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a session started on A works on B, CSRF token included; logging out on B ends it on A', async () => {
    const res = await login(a, w.users.analysisA.email, PASSWORD);
    expect(res.status).toBe(200);
    const cookie = cookieOf(res);
    const me = await request(b.http).get('/api/auth/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: w.users.analysisA.id,
      email: w.users.analysisA.email,
      csrfToken: res.body.csrfToken,
    });
    const wrongCsrf = await request(b.http)
      .post('/api/auth/logout')
      .set('Cookie', cookie)
      .set(CSRF_HEADER, 'x'.repeat(43));
    expect(wrongCsrf.status).toBe(403);
    const out = await request(b.http)
      .post('/api/auth/logout')
      .set('Cookie', cookie)
      .set(CSRF_HEADER, res.body.csrfToken);
    expect(out.status).toBe(204);
    expect((await request(a.http).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    expect((await request(b.http).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('an Idempotency-Key answered on A is replayed on B: the first result, stored once', async () => {
    const group = await staffOnA.post('/api/groups', {
      programmeId: w.programmeA,
      municipalityId: w.municipalities.angelholm,
      number: 1,
      startDate: '2020-08-17',
      endDate: '2020-11-13',
      capacity: 10,
      overIntake: 0,
      deliveryMode: 'on_site',
    });
    expect(group.status).toBe(201);
    const p = await staffOnA.post('/api/participants', {
      programmeId: w.programmeA,
      firstName: 'Amina',
      lastName: 'Hassan',
      gender: 'woman',
    });
    expect(
      (
        await staffOnA.post(`/api/participants/${p.body.id}/enrolments`, {
          groupId: group.body.id,
          startDate: '2020-08-17',
        })
      ).status,
    ).toBe(201);
    const round = await staffOnA.post('/api/survey-rounds', {
      groupId: group.body.id,
      questionnaireId: 'end-of-group',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(round.status).toBe(201);
    const token = round.body.codes[0].token as string;

    // The participant's survey cookie, from A, is good on B too.
    const started = await request(a.http).post('/api/public/surveys/session').send({ token });
    expect(started.status).toBe(200);
    const cookie = cookieOf(started);
    const body = {
      language: 'sv',
      answers: {
        overall: 4,
        lectures: 4,
        talks: 5,
        internship: 'no',
        time: 'right',
        wants: ['language_support'],
        next: 'work',
      },
    };
    const submit = (t: TestApp) =>
      request(t.http)
        .post('/api/public/surveys/current/responses')
        .set('Cookie', cookie)
        .set('Idempotency-Key', 'replica-answer-0001')
        .send(body);
    const first = await submit(a);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await submit(b);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(
      await a.dataSource.query('SELECT count(*)::int AS n FROM survey_response WHERE round_id = $1', [
        round.body.id,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('twins of one attendance write sent to A and B at once: the work runs once, the other gets its answer or 409', async () => {
    const tpl = await staffOnA.post(`/api/programmes/${w.programmeA}/templates`, {
      name: '2 veckor',
      phases: [{ kind: 'lectures', weeks: 2, lectures: true }],
      themes: ['Arbetsmarknadskunskap'],
      lectureCount: 4,
      lectureWeekdays: [1, 2],
      lectureStart: '13:00',
      lectureEnd: '15:30',
      computerDayWeekday: null,
    });
    expect(tpl.status).toBe(201);
    const group = await staffOnA.post('/api/groups', {
      programmeId: w.programmeA,
      municipalityId: w.municipalities.angelholm,
      number: 2,
      startDate: '2021-03-01',
      capacity: 10,
      overIntake: 0,
      deliveryMode: 'on_site',
      templateId: tpl.body.id,
    });
    expect(group.status).toBe(201);
    const p = await staffOnA.post('/api/participants', {
      programmeId: w.programmeA,
      firstName: 'Omar',
      lastName: 'Yusuf',
      gender: 'man',
    });
    const e = await staffOnA.post(`/api/participants/${p.body.id}/enrolments`, {
      groupId: group.body.id,
      startDate: '2021-03-01',
    });
    const sessions = group.body.calendar.sessions as { id: string }[];
    expect(sessions).toHaveLength(4);
    const marks = sessions.map((s) => ({ sessionId: s.id, enrolmentId: e.body.id, status: 'present' }));

    // One session of staff's, started on A, used on both.
    const signedIn = await login(a, w.users.staffA.email, PASSWORD);
    const put = (t: TestApp) =>
      request(t.http)
        .put(`/api/groups/${group.body.id}/attendance`)
        .set('Cookie', cookieOf(signedIn))
        .set(CSRF_HEADER, signedIn.body.csrfToken)
        .set('Idempotency-Key', 'replica-week-0001')
        .send({ marks });
    const audits = () =>
      a.dataSource.query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'attendance.write'");
    const before = await audits();
    const [x, y] = await Promise.all([put(a), put(b)]);
    const statuses = [x.status, y.status].sort();
    expect([
      [200, 200],
      [200, 409],
    ]).toContainEqual(statuses);
    for (const r of [x, y].filter((r) => r.status === 200)) expect(r.body).toEqual({ saved: 4 });
    const later = await put(b);
    expect(later.status).toBe(200);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(
      await a.dataSource.query('SELECT count(*)::int AS n FROM attendance WHERE enrolment_id = $1', [
        e.body.id,
      ]),
    ).toEqual([{ n: 4 }]);
    // One event per mark, of the one run that did the work.
    expect(await audits()).toEqual([{ n: before[0].n + marks.length }]);
  });

  it('failed logins count across both: 3 failures spread over A and B block the right password on either', async () => {
    const email = w.users.evaluatorA.email;
    expect((await login(a, email, 'wrong-password-1', '198.51.100.1')).status).toBe(401);
    expect((await login(b, email, 'wrong-password-2', '198.51.100.1')).status).toBe(401);
    expect((await login(a, email, 'wrong-password-3', '198.51.100.1')).status).toBe(401);
    expect((await login(b, email, PASSWORD, '198.51.100.1')).status).toBe(429);
    expect((await login(a, email, PASSWORD, '198.51.100.1')).status).toBe(429);
    const denied = await a.dataSource.query(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.login' AND outcome = 'denied' AND details->>'reason' = 'throttled'",
    );
    expect(denied).toEqual([{ n: 2 }]);
  });

  it('accounts failing per client address count across both too (LOGIN_MAX_ACCOUNTS_PER_ADDRESS), and only for that address', async () => {
    // Twelve different unknown e-mails from one address, alternating between the replicas.
    for (let i = 0; i < 12; i++) {
      expect((await login(i % 2 ? b : a, `nobody${i}@test.se`, 'wrong-password', '203.0.113.7')).status).toBe(
        401,
      );
    }
    expect((await login(b, w.users.steeringA.email, PASSWORD, '203.0.113.7')).status).toBe(429);
    // A client cannot step out of its count by sending an X-Forwarded-For of its own: the ingress appends the real one.
    expect((await login(a, w.users.steeringA.email, PASSWORD, '198.51.100.77, 203.0.113.7')).status).toBe(
      429,
    );
    expect((await login(a, w.users.steeringA.email, PASSWORD, '203.0.113.8')).status).toBe(200);
  });

  it('two replicas flushing the outbox at once send every mail exactly once', async () => {
    const mails: OutgoingEmail[] = Array.from({ length: 6 }, (_, i) => ({
      to: `person${i}@test.se`,
      subject: `Protokoll ${i}`,
      body: 'Bifogat',
    }));
    await a.app.get(OutboxService).enqueue(a.dataSource.manager, mails);
    const sent: string[] = [];
    // A slow SMTP server: each replica is still sending when the other one looks for waiting mail.
    const slow: MailSender = {
      send: async (m) => void (await new Promise((r) => setTimeout(r, 30)), sent.push(m.to)),
    };
    const [fromA, fromB] = await Promise.all([
      a.app.get(OutboxService).flush(slow),
      b.app.get(OutboxService).flush(slow),
    ]);
    expect(fromA + fromB).toBe(6);
    expect(sent.sort()).toEqual(mails.map((m) => m.to).sort());
    expect(
      await a.dataSource.query(
        'SELECT count(*)::int AS n, sum(attempts)::int AS attempts FROM email_outbox WHERE sent_at IS NOT NULL',
      ),
    ).toEqual([{ n: 6, attempts: 6 }]);
  });

  it('a mail the SMTP server refuses is tried once per flush and goes at a later one', async () => {
    const outbox = b.app.get(OutboxService);
    await outbox.enqueue(b.dataSource.manager, [
      { to: 'later@test.se', subject: 'Kallelse', body: 'Välkommen' },
    ]);
    const refusing: MailSender = { send: () => Promise.reject(new Error('451 try again later')) };
    expect(await outbox.flush(refusing)).toBe(0);
    const row = () =>
      b.dataSource.query(
        "SELECT attempts, last_error, sent_at IS NOT NULL AS sent FROM email_outbox WHERE recipient = 'later@test.se'",
      );
    expect(await row()).toEqual([{ attempts: 1, last_error: '451 try again later', sent: false }]);
    const sent: string[] = [];
    expect(await outbox.flush({ send: async (m) => void sent.push(m.to) })).toBe(1);
    expect(sent).toEqual(['later@test.se']);
    expect(await row()).toEqual([{ attempts: 2, last_error: '451 try again later', sent: true }]);
  });

  it('two replicas creating the first admin at once both start, and there is one admin', async () => {
    const admin = { email: 'first.admin@test.se', password: 'first-admin-long-secret-1' };
    const quiet = pino({ level: 'silent' });
    // Each finds no admin, then both insert; the loser's unique violation must not stop it.
    await Promise.all([ensureInitialAdmin(a.app, admin, quiet), ensureInitialAdmin(b.app, admin, quiet)]);
    const rows = await a.dataSource.query("SELECT role FROM app_user WHERE email = 'first.admin@test.se'");
    expect(rows).toEqual([{ role: 'admin' }]);
    expect((await login(b, admin.email, admin.password, '192.0.2.77')).status).toBe(200);
  });
});
