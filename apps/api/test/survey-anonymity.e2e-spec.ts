import { createHash } from 'node:crypto';
import request from 'supertest';
import { SurveysService } from '../src/modules/surveys/surveys.service';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/**
 * Issue 16, item 3 (and 6): "Ingen kan se vad just du har svarat" holds for staff and the admin too. Six people
 * answer one round; a staff member reads who has not answered and every summary before and after each answer.
 */

/** Six different free texts, so each answer could be recognised if any of it showed. */
const TEXTS = [
  'Första svaret: mer praktik',
  'Andra svaret: bättre lokaler',
  'Tredje svaret: fler studiebesök',
  'Fjärde svaret: längre lunch',
  'Femte svaret: mer svenska',
  'Sjätte svaret: tack för allt',
];

const answer = (i: number) => ({
  language: 'sv',
  answers: {
    overall: (i % 5) + 1,
    lectures: 4,
    talks: (i % 3) + 3,
    internship: i % 2 ? 'yes' : 'no',
    ...(i % 2 ? { internship_rating: 4 } : {}),
    time: 'right',
    wants: ['digital_skills'],
    next: 'work',
    comment: TEXTS[i],
  },
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

/** Every path (a.b.0.c) whose value differs between two JSON values. */
function changed(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) =>
      changed(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
      ),
    );
  }
  return a === b ? [] : [path];
}

/** Every key and string value in a JSON value, with its path. */
function leaves(v: unknown, path = ''): { path: string; key: string; value: unknown }[] {
  if (typeof v !== 'object' || v === null) return [{ path, key: path.split('.').pop() ?? '', value: v }];
  return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
}

describe('survey answers are anonymous to staff and the admin too (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  let admin: Client;
  let evaluator: Client;
  let groupId: string;
  const bodies: { where: string; body: unknown }[] = [];

  type Round = { id: string; codes: { token: string; shortCode: string; displayName: string }[] };
  const openRound = async (): Promise<Round> => {
    const res = await staff.post('/api/survey-rounds', {
      groupId,
      questionnaireId: 'end-of-group',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(res.status).toBe(201);
    return res.body as Round;
  };
  /** Time passes: the round's closing time is now behind us (submissions answer 410 from here on). */
  const close = (r: Round) =>
    t.dataSource.query("UPDATE survey_round SET closes_at = now() - interval '1 second' WHERE id = $1", [
      r.id,
    ]);
  const submit = async (r: Round, i: number, key: string) => {
    const agent = request.agent(t.http);
    expect((await agent.post('/api/public/surveys/session').send({ token: r.codes[i].token })).status).toBe(
      200,
    );
    const res = await agent
      .post('/api/public/surveys/current/responses')
      .set('Idempotency-Key', key)
      .send(answer(i));
    bodies.push({ where: 'submit', body: res.body });
    return res;
  };
  const paper = async (r: Round, i: number, key: string) => {
    const res = await staff
      .post(`/api/survey-rounds/${r.id}/paper-responses`, { code: r.codes[i].shortCode, ...answer(i) })
      .set('Idempotency-Key', key);
    bodies.push({ where: 'paper', body: res.body });
    return res;
  };
  const get = async (c: Client, path: string) => {
    const res = await c.get(path);
    bodies.push({ where: path, body: res.body });
    return res;
  };
  const keyRows = async (r: Round) =>
    (
      await t.dataSource.query('SELECT count(*)::int AS n FROM idempotency_key WHERE scope = $1', [
        `survey:${r.id}`,
      ])
    )[0].n as number;

  beforeAll(async () => {
    t = await startTestApp('survey_anonymity');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
    admin = await signIn(t, w.users.admin.email);
    evaluator = await signIn(t, w.users.evaluatorA.email);
    groupId = (
      await staff.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number: 6,
        startDate: '2020-08-17',
        endDate: '2020-11-13',
        capacity: 10,
        overIntake: 0,
        deliveryMode: 'on_site',
      })
    ).body.id;
    for (const name of ['Amal', 'Bilan', 'Fatuma', 'Hawa', 'Idil', 'Kowsar']) {
      const p = await staff.post('/api/participants', {
        programmeId: w.programmeA,
        firstName: name,
        lastName: 'Enkät',
        gender: 'woman',
      });
      expect(
        (await staff.post(`/api/participants/${p.body.id}/enrolments`, { groupId, startDate: '2020-08-17' }))
          .status,
      ).toBe(201);
    }
  });
  afterAll(() => t?.close());

  let six: Round;

  it('while a round is open, /pending and every summary read before and after each of six answers (one on paper) attribute none of them', async () => {
    six = await openRound();
    expect(six.codes).toHaveLength(6);
    const read = async () => ({
      pending: ((await get(staff, `/api/survey-rounds/${six.id}/pending`)).body as { displayName: string }[])
        .map((p) => p.displayName)
        .sort(),
      staff: await get(staff, `/api/survey-rounds/${six.id}/summary`),
      admin: await get(admin, `/api/survey-rounds/${six.id}/summary`),
      evaluator: await get(evaluator, `/api/survey-rounds/${six.id}/summary`),
      freeText: await get(staff, `/api/survey-rounds/${six.id}/free-text`),
    });
    for (let i = 0; i < 6; i++) {
      const before = await read();
      // The sixth comes on a paper slip, typed in by staff: the same rules.
      const res =
        i < 5 ? await submit(six, i, `anon-six-${i}-key`) : await paper(six, i, `anon-six-${i}-key`);
      expect([i, res.status, res.body]).toEqual([i, 201, { status: 'stored' }]);
      const after = await read();

      // Who has not answered is the reminder list's purpose: one name fewer, and names only.
      expect(before.pending.filter((n) => !after.pending.includes(n))).toEqual([six.codes[i].displayName]);
      for (const who of ['staff', 'admin', 'evaluator'] as const) {
        expect([who, after[who].status]).toEqual([who, 200]);
        expect(after[who].body.questions).toEqual([]);
        expect(after[who].body.withheld).toEqual({
          code: 'survey_results_not_ready',
          params: { state: 'open', answered: i + 1, k: 5 },
          message: 'Results are shown once the round has closed with at least 5 answers',
        });
        // All that moved is the response rate: nothing of what was answered.
        expect([who, changed(before[who].body, after[who].body)]).toEqual([
          who,
          ['round.responseRate.count', 'round.responseRate.percent', 'withheld.params.answered'],
        ]);
        expect(JSON.stringify(after[who].body)).not.toContain(TEXTS[i].slice(0, 10));
      }
      expect(after.staff.body.round.responseRate).toEqual({
        count: i + 1,
        of: 6,
        percent: Math.round(((i + 1) / 6) * 100),
      });
      // No free text either, not even to staff who review it.
      expect([after.freeText.status, after.freeText.body.code, after.freeText.body.params]).toEqual([
        422,
        'survey_results_not_ready',
        { state: 'open', answered: i + 1, k: 5 },
      ]);
    }
    expect((await paper(six, 5, 'anon-six-5-key')).status).toBe(201);
  });

  it("keeps only what a replay needs in the key table while open, and forgets the round's keys once it closes", async () => {
    const cols = await t.dataSource.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'idempotency_key' ORDER BY ordinal_position",
    );
    expect(cols.map((c: { column_name: string }) => c.column_name)).toEqual([
      'scope',
      'key_hash',
      'request_hash',
      'response_status',
      'response_body',
    ]);
    expect(await keyRows(six)).toBe(6);
    const stored = JSON.stringify(
      await t.dataSource.query('SELECT * FROM idempotency_key WHERE scope = $1', [`survey:${six.id}`]),
    );
    // Neither the key nor anything of the answer is kept, so the row cannot be matched with either.
    expect(stored).not.toContain('anon-six-');
    expect(stored).not.toContain('svaret');
    // Nor a plain hash of the body, which a reader could test guessed answers against.
    for (let i = 0; i < 6; i++) expect(stored).not.toContain(sha256(JSON.stringify(answer(i))));
    await close(six);
    const res = await get(staff, `/api/survey-rounds/${six.id}/summary`);
    expect(res.body.withheld).toBeNull();
    expect(await keyRows(six)).toBe(0);
    // A retry after the close is refused before any key is read, so nothing is stored twice.
    const retry = await request(t.http)
      .post('/api/public/surveys/current/responses')
      .set('Cookie', `stegvis_survey=${six.codes[0].token}`)
      .set('Idempotency-Key', 'anon-six-0-key')
      .send(answer(0));
    expect([retry.status, retry.body.code]).toEqual([410, 'round_closed']);
    expect(
      await t.dataSource.query('SELECT count(*)::int AS n FROM survey_response WHERE round_id = $1', [
        six.id,
      ]),
    ).toEqual([{ n: 6 }]);
  });

  it('closed with six answers (k = 5): staff see the results; the admin and evaluators the aggregate view only', async () => {
    const s = (await get(staff, `/api/survey-rounds/${six.id}/summary`)).body;
    const q = (body: typeof s, name: string) => body.questions.find((x: { name: string }) => x.name === name);
    expect(s.withheld).toBeNull();
    expect(q(s, 'overall')).toMatchObject({ answered: 6, suppressed: null, mean: 2.7 });
    expect([...q(s, 'comment').texts].sort()).toEqual([...TEXTS].sort());
    // Three rated an internship: fewer than k, hidden from the aggregate-only roles (the admin among them).
    expect(q(s, 'internship_rating')).toMatchObject({ answered: 3, mean: 4 });
    for (const c of [admin, evaluator]) {
      const e = (await get(c, `/api/survey-rounds/${six.id}/summary`)).body;
      expect(q(e, 'internship_rating')).toMatchObject({
        answered: null,
        suppression: { code: 'fewer_than_k', params: { k: 5 } },
      });
      expect(q(e, 'overall')).toMatchObject({ answered: 6, mean: 2.7 });
      // No free text before staff have reviewed it.
      expect(q(e, 'comment')).toMatchObject({ answered: 0, texts: [] });
    }
    const free = (await get(staff, `/api/survey-rounds/${six.id}/free-text`)).body as {
      responseId: string;
      text: string;
    }[];
    const fourth = free.find((f) => f.text === TEXTS[3])!;
    expect(
      (
        await staff.post(`/api/survey-rounds/${six.id}/free-text/reviews`, {
          responseId: fourth.responseId,
          question: 'comment',
          status: 'approved',
        })
      ).status,
    ).toBe(204);
    const a = (await get(admin, `/api/survey-rounds/${six.id}/summary`)).body;
    expect(q(a, 'comment')).toMatchObject({ answered: 1, texts: [TEXTS[3]] });
  });

  it('free text comes in a new random order on every read, with random ids', async () => {
    const orders = new Set<string>();
    const summaryOrders = new Set<string>();
    for (let n = 0; n < 8; n++) {
      const free = (await get(staff, `/api/survey-rounds/${six.id}/free-text`)).body as {
        responseId: string;
        text: string;
      }[];
      expect(free).toHaveLength(6);
      for (const f of free) expect(f.responseId).toMatch(UUID_V4);
      orders.add(free.map((f) => TEXTS.indexOf(f.text)).join());
      const s = (await get(staff, `/api/survey-rounds/${six.id}/summary`)).body;
      summaryOrders.add(
        s.questions
          .find((x: { name: string }) => x.name === 'comment')
          .texts.map((x: string) => TEXTS.indexOf(x))
          .join(),
      );
    }
    // Eight reads of six texts: the chance of one order every time is 720^-7.
    expect(orders.size).toBeGreaterThan(1);
    expect(summaryOrders.size).toBeGreaterThan(1);
    expect(
      (await t.dataSource.query('SELECT id FROM survey_response')).every((r: { id: string }) =>
        UUID_V4.test(r.id),
      ),
    ).toBe(true);
  });

  it('closed with four answers: hidden from everyone, whatever k the caller asks; closed with five: shown', async () => {
    const four = await openRound();
    const five = await openRound();
    for (let i = 0; i < 4; i++) expect((await submit(four, i, `anon-four-${i}-key`)).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await submit(five, i, `anon-five-${i}-key`)).status).toBe(201);
    await close(four);
    await close(five);
    const withheld = {
      code: 'survey_results_not_ready',
      params: { state: 'closed', answered: 4, k: 5 },
      message: 'Only 4 answered; results need at least 5',
    };
    for (const c of [staff, admin, evaluator]) {
      for (const path of ['summary', 'summary?k=3']) {
        const r = await get(c, `/api/survey-rounds/${four.id}/${path}`);
        expect([c.user.role, path, r.status, r.body.withheld, r.body.questions]).toEqual([
          c.user.role,
          path,
          200,
          withheld,
          [],
        ]);
      }
      const r = await get(c, `/api/survey-rounds/${five.id}/summary`);
      expect([c.user.role, r.body.withheld]).toEqual([c.user.role, null]);
      expect(r.body.questions.find((x: { name: string }) => x.name === 'overall').answered).toBe(5);
    }
    const free = await get(staff, `/api/survey-rounds/${four.id}/free-text`);
    expect([free.status, free.body.code, free.body.params]).toEqual([
      422,
      ...Object.values(withheld).slice(0, 2),
    ]);
    const any = (
      await t.dataSource.query('SELECT id FROM survey_response WHERE round_id = $1 LIMIT 1', [four.id])
    )[0];
    const review = await staff.post(`/api/survey-rounds/${four.id}/free-text/reviews`, {
      responseId: any.id,
      question: 'comment',
      status: 'approved',
    });
    expect([review.status, review.body.code]).toEqual([422, 'survey_results_not_ready']);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM free_text_review')).toEqual([{ n: 1 }]);
  });

  it("the sweep forgets a closed round's keys though nobody reads its results, and keeps an open round's", async () => {
    const closing = await openRound();
    const open = await openRound();
    expect((await submit(closing, 0, 'anon-sweep-closing')).status).toBe(201);
    expect((await submit(open, 0, 'anon-sweep-open')).status).toBe(201);
    await close(closing);
    expect([await keyRows(closing), await keyRows(open)]).toEqual([1, 1]);
    expect(await t.app.get(SurveysService).forgetClosedRoundKeys()).toBe(1);
    expect([await keyRows(closing), await keyRows(open)]).toEqual([0, 1]);
    // The open round's key still replays.
    const replay = await request(t.http)
      .post('/api/public/surveys/current/responses')
      .set('Cookie', `stegvis_survey=${open.codes[0].token}`)
      .set('Idempotency-Key', 'anon-sweep-open')
      .send(answer(0));
    expect([replay.status, replay.headers['idempotent-replayed'], replay.body]).toEqual([
      201,
      'true',
      { status: 'stored' },
    ]);
  });
  it('no survey body in this file shows a time or a sequence: the only times are the round’s opening and closing', async () => {
    await get(staff, `/api/groups/${groupId}/survey-rounds`);
    await get(staff, `/api/survey-rounds/${six.id}`);

    const found = bodies.flatMap(({ where, body }) =>
      leaves(body)
        .filter(
          (l) =>
            !['opensAt', 'closesAt'].includes(l.key) &&
            (/(at|time|date|created|updated|seq|order|index)$/i.test(l.key) ||
              (typeof l.value === 'string' && ISO_TIME.test(l.value)) ||
              (l.key === 'id' && typeof l.value === 'number') ||
              (l.key === 'responseId' && !UUID_V4.test(String(l.value)))),
        )
        .map((l) => `${where}: ${l.path}`),
    );
    expect(bodies.length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});

describe('survey results wait for the deployment’s k (SMALL_CELL_K), never the caller’s (e2e)', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('with SMALL_CELL_K=7, six answers and closed stay hidden; small cells hide below 7', async () => {
    t = await startTestApp('survey_anonymity_k7', { SMALL_CELL_K: '7' });
    const w = await seedWorld(t);
    const staff = await signIn(t, w.users.staffA.email);
    const groupId = (
      await staff.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number: 7,
        startDate: '2020-08-17',
        endDate: '2020-11-13',
        capacity: 10,
        overIntake: 0,
        deliveryMode: 'on_site',
      })
    ).body.id;
    for (let i = 0; i < 6; i++) {
      const p = await staff.post('/api/participants', {
        programmeId: w.programmeA,
        firstName: `K${i}`,
        lastName: 'Sju',
        gender: 'man',
      });
      await staff.post(`/api/participants/${p.body.id}/enrolments`, { groupId, startDate: '2020-08-17' });
    }
    const round = (
      await staff.post('/api/survey-rounds', {
        groupId,
        questionnaireId: 'end-of-group',
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
    ).body as { id: string; codes: { shortCode: string }[] };
    for (let i = 0; i < 6; i++)
      expect(
        (
          await staff
            .post(`/api/survey-rounds/${round.id}/paper-responses`, {
              code: round.codes[i].shortCode,
              ...answer(i),
            })
            .set('Idempotency-Key', `k7-paper-${i}-key`)
        ).status,
      ).toBe(201);
    await t.dataSource.query(
      "UPDATE survey_round SET closes_at = now() - interval '1 second' WHERE id = $1",
      [round.id],
    );
    const s = await staff.get(`/api/survey-rounds/${round.id}/summary?k=5`);
    expect([s.body.withheld.params, s.body.questions]).toEqual([{ state: 'closed', answered: 6, k: 7 }, []]);
  });
});
