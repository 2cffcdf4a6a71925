import { stockholmToday } from '@stegvis/contracts';
import request from 'supertest';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

const answer = (i: number) => ({
  language: i % 2 ? 'ar' : 'sv',
  answers: {
    overall: (i % 5) + 1,
    lectures: 4,
    talks: 5,
    internship: i < 3 ? 'yes' : 'no',
    ...(i < 3 ? { internship_rating: 5 } : {}),
    time: 'right',
    wants: i % 2 ? ['language_support'] : ['digital_skills', 'study_visits'],
    next: 'work',
    ...(i === 0
      ? { comment: 'Jag heter Amina och bor på Storgatan 1' }
      : i === 1
        ? { comment: 'Mer studiebesök tack' }
        : {}),
  },
});

describe('surveys (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  let groupId: string;
  let round: { id: string; codes: { token: string; shortCode: string; displayName: string }[] };
  const participant = (token: string) => {
    const agent = request.agent(t.http);
    return {
      start: () => agent.post('/api/public/surveys/session').send({ token }),
      submit: (body: object, key?: string) => {
        const r = agent.post('/api/public/surveys/current/responses').send(body);
        return key ? r.set('Idempotency-Key', key) : r;
      },
    };
  };

  beforeAll(async () => {
    t = await startTestApp('surveys');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
    groupId = (
      await staff.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number: 3,
        startDate: '2020-08-17',
        endDate: '2020-11-13',
        capacity: 10,
        overIntake: 0,
        deliveryMode: 'on_site',
      })
    ).body.id;
    for (let i = 0; i < 11; i++) {
      const p = await staff.post('/api/participants', {
        programmeId: w.programmeA,
        firstName: `Person${i}`,
        lastName: 'Test',
        gender: i % 2 ? 'man' : 'woman',
        protectedIdentity: i === 4,
      });
      const e = await staff.post(`/api/participants/${p.body.id}/enrolments`, {
        groupId,
        startDate: '2020-08-17',
      });
      // The eleventh left before the survey: not counted, gets no code.
      if (i === 10)
        await staff.patch(`/api/enrolments/${e.body.id}`, {
          status: 'left_early',
          endDate: '2020-10-01',
          leftReason: 'moved',
        });
    }
    const opensAt = new Date(Date.now() - 3_600_000).toISOString();
    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    const res = await staff.post('/api/survey-rounds', {
      groupId,
      questionnaireId: 'end-of-group',
      opensAt,
      closesAt,
    });
    expect(res.status).toBe(201);
    round = res.body;
  });
  afterAll(() => t?.close());

  it('opens a round with one single-use code per participant still enrolled; codes carry ≥ 128 bits', () => {
    expect(round.codes).toHaveLength(10);
    for (const c of round.codes) {
      expect(Buffer.from(c.token, 'base64url').length).toBeGreaterThanOrEqual(16);
      expect(c.shortCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    }
    expect(round.codes.map((c) => c.displayName)).toContain('Person0 Test');
    expect(JSON.stringify(round.codes)).not.toContain('Person4');
  });

  it('a code opens the questionnaire; the token is exchanged for an httpOnly cookie', async () => {
    const res = await participant(round.codes[0].token).start();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      questionnaireId: 'end-of-group',
      version: 1,
      languages: ['sv', 'sv-easy', 'en', 'ar', 'prs', 'so', 'ti'],
      // The title names the round's own programme ("Vad tyckte du om {programme}?").
      programmeName: (await staff.get(`/api/programmes/${w.programmeA}`)).body.name,
    });
    expect(res.body.programmeName.length).toBeGreaterThan(0);
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/^stegvis_survey=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/api\/public\/surveys/);
    // Twelve hours, in seconds: long enough to answer, short on a shared tablet.
    expect(cookie).toMatch(/Max-Age=43200(;|$)/);
  });

  it('ending the visit clears the cookie: the next person on the tablet does not reach this code, still unspent', async () => {
    const agent = request.agent(t.http);
    expect(
      (await agent.post('/api/public/surveys/session').send({ token: round.codes[0].token })).status,
    ).toBe(200);
    expect((await agent.get('/api/public/surveys/current')).status).toBe(200);
    const end = await agent.delete('/api/public/surveys/session');
    expect(end.status).toBe(204);
    const cleared = (end.headers['set-cookie'] as unknown as string[])[0];
    expect(cleared).toMatch(/^stegvis_survey=;/);
    expect(cleared).toMatch(/Path=\/api\/public\/surveys/);
    const after = await agent.get('/api/public/surveys/current');
    expect([after.status, after.body.code]).toEqual([404, 'survey_code_missing']);
    const submit = await agent
      .post('/api/public/surveys/current/responses')
      .set('Idempotency-Key', 'after-the-visit-0001')
      .send(answer(0));
    expect(submit.status).toBe(404);
    expect(
      await t.dataSource.query('SELECT count(*)::int AS n FROM survey_code WHERE used_on IS NOT NULL'),
    ).toEqual([{ n: 0 }]);
  });

  it('refuses answers that do not fit the questionnaire, naming the fields, and spends nothing', async () => {
    const p = participant(round.codes[0].token);
    await p.start();
    const res = await p.submit(
      { language: 'sv', answers: { overall: 7, internship: 'maybe', hack: 1 } },
      'bad-answer-0001',
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'answers.hack',
      'answers.overall',
      'answers.lectures',
      'answers.talks',
      'answers.internship',
    ]);
    expect((await p.start()).status).toBe(200);
    expect((await p.submit(answer(0))).status).toBe(400);
  });

  it('refuses a repeated or undeclared checkbox value and text the database cannot store, with 400 and nothing spent', async () => {
    const p = participant(round.codes[0].token);
    await p.start();
    const base = answer(0);
    let n = 0;
    const refusal = async (answers: object) => {
      const res = await p.submit(
        { language: 'sv', answers: { ...base.answers, ...answers } },
        `refused-answer-${++n}-0001`,
      );
      return [res.status, res.body.errors?.map((e: { field: string; code: string }) => [e.field, e.code])];
    };
    expect(await refusal({ wants: ['study_visits', 'study_visits'] })).toEqual([
      400,
      [['answers.wants', 'not_a_choice']],
    ]);
    expect(await refusal({ wants: ['other'] })).toEqual([400, [['answers.wants', 'not_a_choice']]]);
    expect(await refusal({ comment: 'Bra\u0000' })).toEqual([
      400,
      [['answers.comment', 'invalid_characters']],
    ]);
    expect(await refusal({ comment: 'Bra \ud800' })).toEqual([
      400,
      [['answers.comment', 'invalid_characters']],
    ]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM survey_response')).toEqual([{ n: 0 }]);
    expect(
      await t.dataSource.query('SELECT count(*)::int AS n FROM survey_code WHERE used_on IS NOT NULL'),
    ).toEqual([{ n: 0 }]);
  });

  it('a short code typed as the slip invites, in lower case with a space or a dash, opens the questionnaire', async () => {
    const code = round.codes[1].shortCode;
    for (const typed of [
      `${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}`,
      ` ${code.slice(0, 4)}-${code.slice(4)} `,
      `${code.slice(0, 4)} – ${code.slice(4)}`,
    ]) {
      const res = await participant(typed).start();
      expect([typed, res.status, res.body.questionnaireId]).toEqual([typed, 200, 'end-of-group']);
    }
    expect((await participant(`${code.slice(0, 7)}`).start()).status).toBe(404);
  });

  it('10 submissions succeed; a used code gets 409; a replay returns the first result and stores nothing', async () => {
    for (const [i, c] of round.codes.entries()) {
      const p = participant(c.token);
      expect((await p.start()).status).toBe(200);
      const res = await p.submit(answer(i), `answer-key-${i}-0001`);
      expect([i, res.status, res.body]).toEqual([i, 201, { status: 'stored' }]);
      if (i === 0) {
        const replay = await p.submit(answer(i), 'answer-key-0-0001');
        expect(replay.status).toBe(201);
        expect(replay.headers['idempotent-replayed']).toBe('true');
        const other = await p.submit(answer(1), 'answer-key-0-0001');
        expect(other.status).toBe(422);
      }
    }
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM survey_response')).toEqual([{ n: 10 }]);
    const again = participant(round.codes[3].token);
    expect((await again.start()).status).toBe(409);
    const used = await participant(round.codes[3].token).submit(answer(3), 'another-key-0003');
    expect(used.status).toBe(404);
    const rate = await staff.get(`/api/survey-rounds/${round.id}`);
    expect(rate.body.responseRate).toEqual({ count: 10, of: 10, percent: 100 });
  });

  it('the answers table has no column linking to participant, code or exact time', async () => {
    const cols = await t.dataSource.query(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'survey_response' ORDER BY ordinal_position",
    );
    expect(cols.map((c: { column_name: string }) => c.column_name)).toEqual([
      'id',
      'round_id',
      'language',
      'channel',
      'answers',
    ]);
    const codeCols = await t.dataSource.query(
      "SELECT data_type FROM information_schema.columns WHERE table_name = 'survey_code' AND column_name = 'used_on'",
    );
    expect(codeCols).toEqual([{ data_type: 'date' }]);
  });

  it('summarises the round once closed: staff see everything; an evaluator sees small cells suppressed and only reviewed free text', async () => {
    // Open, the results wait (issue 16; survey-anonymity.e2e-spec.ts holds the rule).
    const open = (await staff.get(`/api/survey-rounds/${round.id}/summary`)).body;
    expect([open.withheld.params, open.questions]).toEqual([{ state: 'open', answered: 10, k: 5 }, []]);
    await t.dataSource.query(
      "UPDATE survey_round SET closes_at = now() - interval '1 second' WHERE id = $1",
      [round.id],
    );
    const s = (await staff.get(`/api/survey-rounds/${round.id}/summary`)).body;
    expect(s.withheld).toBeNull();
    const q = (name: string) => s.questions.find((x: { name: string }) => x.name === name);
    expect(q('overall')).toMatchObject({ answered: 10, mean: 3, suppressed: null });
    expect(q('overall').choices.map((c: { count: number }) => c.count)).toEqual([2, 2, 2, 2, 2]);
    expect(q('internship_rating')).toMatchObject({ answered: 3, mean: 5 });
    expect(q('wants').choices.find((c: { value: string }) => c.value === 'language_support')).toEqual({
      value: 'language_support',
      text: 'Språkstöd',
      count: 5,
      percent: 50,
    });
    // Screens print the questionnaire's words, never a choice's value.
    expect(q('time').choices.map((c: { text: string }) => c.text)).toEqual(['För kort', 'Lagom', 'För lång']);
    expect(q('comment').texts).toHaveLength(2);

    const free = (await staff.get(`/api/survey-rounds/${round.id}/free-text`)).body as {
      responseId: string;
      text: string;
    }[];
    const personal = free.find((f) => f.text.includes('Storgatan'))!;
    const fine = free.find((f) => f.text.includes('studiebesök'))!;
    expect(
      (
        await staff.post(`/api/survey-rounds/${round.id}/free-text/reviews`, {
          responseId: personal.responseId,
          question: 'comment',
          status: 'redacted',
          text: 'Jag heter [namn] och bor på [adress]',
        })
      ).status,
    ).toBe(204);

    const evaluator = await signIn(t, w.users.evaluatorA.email);
    const e = (await evaluator.get(`/api/survey-rounds/${round.id}/summary`)).body;
    const eq = (name: string) => e.questions.find((x: { name: string }) => x.name === name);
    expect(eq('internship_rating')).toMatchObject({
      answered: null,
      suppressed: 'färre än 5 svar',
      suppression: { code: 'fewer_than_k', params: { k: 5 }, message: 'färre än 5 svar' },
    });
    expect(eq('overall').mean).toBe(3);
    expect(eq('comment').texts).toEqual(['Jag heter [namn] och bor på [adress]']);
    expect(JSON.stringify(e)).not.toContain('Storgatan');
    // For survey results the admin is the evaluators' audience (docs/domain.md, "Who sees which figures").
    const admin = await signIn(t, w.users.admin.email);
    expect((await admin.get(`/api/survey-rounds/${round.id}/summary`)).body.questions).toEqual(e.questions);
    await staff.post(`/api/survey-rounds/${round.id}/free-text/reviews`, {
      responseId: fine.responseId,
      question: 'comment',
      status: 'approved',
    });
    expect(
      (await evaluator.get(`/api/survey-rounds/${round.id}/summary`)).body.questions.find(
        (x: { name: string }) => x.name === 'comment',
      ).texts,
    ).toHaveLength(2);
    // k is the deployment's: a caller cannot lower it to see the hidden cells (issue 16, item 12).
    const lowered = await evaluator.get(`/api/survey-rounds/${round.id}/summary?k=3`);
    const plain = await evaluator.get(`/api/survey-rounds/${round.id}/summary`);
    expect(lowered.status).toBe(200);
    // Free text comes in a new random order on every read: compared as sets.
    const sorted = (body: { questions: { texts?: string[] }[] }) => ({
      ...body,
      questions: body.questions.map((x) => (x.texts ? { ...x, texts: [...x.texts].sort() } : x)),
    });
    expect(sorted(lowered.body)).toEqual(sorted(plain.body));
    // Three answered the internship question: hidden at the deployment's k = 5, whatever the caller asks.
    expect(
      lowered.body.questions.find((x: { name: string }) => x.name === 'internship_rating').suppression,
    ).toMatchObject({ code: 'fewer_than_k', params: { k: 5 } });
  });

  it('a closed round answers 410; reminders list who has not answered, never what anyone answered', async () => {
    const closed = await staff.post('/api/survey-rounds', {
      groupId,
      questionnaireId: 'end-of-group',
      opensAt: '2020-11-01T08:00:00Z',
      closesAt: '2020-11-30T20:00:00Z',
    });
    expect((await participant(closed.body.codes[0].token).start()).status).toBe(410);
    const pending = await staff.get(`/api/survey-rounds/${closed.body.id}/pending`);
    expect(pending.body).toHaveLength(10);
    expect(
      pending.body.every(
        (p: { hasCode: boolean }) => Object.keys(p).join() === 'enrolmentId,displayName,hasCode' && p.hasCode,
      ),
    ).toBe(true);
    const other = await signIn(t, w.users.staffB.email);
    expect((await other.get(`/api/survey-rounds/${round.id}/summary`)).status).toBe(404);
  });

  it('staff type in a paper answer with the slip code', async () => {
    const r = await staff.post('/api/survey-rounds', {
      groupId,
      questionnaireId: 'end-of-group',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const res = await staff
      .post(`/api/survey-rounds/${r.body.id}/paper-responses`, {
        code: r.body.codes[0].shortCode.toLowerCase(),
        ...answer(5),
      })
      .set('Idempotency-Key', 'paper-0001-xyz');
    expect(res.status).toBe(201);
    expect((await staff.get(`/api/survey-rounds/${r.body.id}`)).body.responseRate).toEqual({
      count: 1,
      of: 10,
      percent: 10,
    });
    const channel = await t.dataSource.query('SELECT channel FROM survey_response WHERE round_id = $1', [
      r.body.id,
    ]);
    expect(channel).toEqual([{ channel: 'paper' }]);
  });

  it("a paper slip with another round's code is refused in this round, stores nothing and spends no code", async () => {
    const typedInto = await staff.post('/api/survey-rounds', {
      groupId,
      questionnaireId: 'end-of-group',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const otherCode = round.codes[9].shortCode;
    const count = async () =>
      (
        await t.dataSource.query(
          'SELECT (SELECT count(*) FROM survey_response)::int AS answers, (SELECT count(*) FROM survey_code WHERE used_on IS NOT NULL)::int AS spent',
        )
      )[0];
    const before = await count();
    const res = await staff
      .post(`/api/survey-rounds/${typedInto.body.id}/paper-responses`, { code: otherCode, ...answer(3) })
      .set('Idempotency-Key', 'paper-other-round-0001');
    expect([res.status, res.body.code]).toEqual([404, 'survey_code_other_round']);
    expect(await count()).toEqual(before);
  });
  it('gives a code to someone enrolled after the round opened, and a new code for a lost one: the old one is refused at once, the new one answers once', async () => {
    // Swedish days, as the api counts who is enrolled.
    const day = (offset: number) => stockholmToday(Date.now() + offset * 86_400_000);
    const g = (
      await staff.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number: 31,
        startDate: day(-40),
        endDate: day(60),
        capacity: 10,
        overIntake: 0,
        deliveryMode: 'on_site',
      })
    ).body.id as string;
    const enrol = async (name: string, startDate: string): Promise<string> => {
      const p = await staff.post('/api/participants', {
        programmeId: w.programmeA,
        firstName: name,
        lastName: 'Sen',
        gender: 'woman',
      });
      const e = await staff.post(`/api/participants/${p.body.id}/enrolments`, { groupId: g, startDate });
      expect(e.status).toBe(201);
      return e.body.id as string;
    };
    const early = await enrol('Tidig', day(-40));
    await enrol('Annan', day(-40));
    const r = (
      await staff.post('/api/survey-rounds', {
        groupId: g,
        questionnaireId: 'end-of-group',
        opensAt: new Date(Date.now() - 86_400_000 * 2).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
    ).body as { id: string; codes: { enrolmentId: string; token: string; shortCode: string }[] };
    expect(r.codes).toHaveLength(2);
    const late = await enrol('Sen', day(0));
    const pending = (await staff.get(`/api/survey-rounds/${r.id}/pending`)).body as { displayName: string }[];
    expect(pending.sort((a, b) => a.displayName.localeCompare(b.displayName))).toEqual([
      { enrolmentId: expect.any(String), displayName: 'Annan Sen', hasCode: true },
      { enrolmentId: late, displayName: 'Sen Sen', hasCode: false },
      { enrolmentId: early, displayName: 'Tidig Sen', hasCode: true },
    ]);

    const first = await staff.post(`/api/survey-rounds/${r.id}/codes`, { enrolmentIds: [late] });
    expect(first.status).toBe(201);
    expect(first.body).toEqual([
      { enrolmentId: late, displayName: 'Sen Sen', token: expect.any(String), shortCode: expect.any(String) },
    ]);
    expect((await staff.get(`/api/survey-rounds/${r.id}`)).body.responseRate).toEqual({
      count: 0,
      of: 3,
      percent: 0,
    });
    expect(
      (await staff.get(`/api/survey-rounds/${r.id}/pending`)).body.map(
        (p: { hasCode: boolean }) => p.hasCode,
      ),
    ).toEqual([true, true, true]);

    // A lost code: the new one replaces it at once.
    const lost = r.codes.find((c) => c.enrolmentId === early)!;
    const again = await staff.post(`/api/survey-rounds/${r.id}/codes`, { enrolmentIds: [early] });
    expect(again.status).toBe(201);
    const fresh = again.body[0] as { token: string; shortCode: string };
    expect(fresh.token).not.toBe(lost.token);
    expect((await participant(lost.token).start()).status).toBe(404);
    expect((await participant(lost.shortCode).start()).status).toBe(404);
    const viaOldPaper = await staff
      .post(`/api/survey-rounds/${r.id}/paper-responses`, { code: lost.shortCode, ...answer(2) })
      .set('Idempotency-Key', 'late-paper-old-0001');
    expect(viaOldPaper.status).toBe(404);
    const p = participant(fresh.token);
    expect((await p.start()).status).toBe(200);
    expect((await p.submit(answer(2), 'late-answer-0001')).status).toBe(201);
    expect((await participant(fresh.token).start()).status).toBe(409);
    const viaShort = await staff
      .post(`/api/survey-rounds/${r.id}/paper-responses`, { code: fresh.shortCode, ...answer(2) })
      .set('Idempotency-Key', 'late-paper-new-0001');
    expect(viaShort.status).toBe(409);
    expect(
      await t.dataSource.query('SELECT count(*)::int AS n FROM survey_response WHERE round_id = $1', [r.id]),
    ).toEqual([{ n: 1 }]);
    expect((await staff.get(`/api/survey-rounds/${r.id}`)).body.responseRate).toEqual({
      count: 1,
      of: 3,
      percent: 33,
    });

    // A used code is never replaced; someone of another group has no code here.
    const used = await staff.post(`/api/survey-rounds/${r.id}/codes`, { enrolmentIds: [late, early] });
    expect(used.status).toBe(400);
    expect(used.body.errors).toEqual([
      { field: 'enrolmentIds.1', message: expect.any(String), code: 'survey_code_used' },
    ]);
    const stranger = (await staff.get(`/api/survey-rounds/${round.id}/pending`)).body[0]?.enrolmentId as
      string | undefined;
    const outside = await staff.post(`/api/survey-rounds/${r.id}/codes`, {
      enrolmentIds: [stranger ?? '00000000-0000-4000-8000-000000000000'],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0]).toMatchObject({ field: 'enrolmentIds.0', code: 'not_in_group' });
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'survey.codes' AND entity_id = $1`,
      [r.id],
    );
    expect(audit.n).toBe(2);
    const other = await signIn(t, w.users.staffB.email);
    expect((await other.post(`/api/survey-rounds/${r.id}/codes`, { enrolmentIds: [late] })).status).toBe(404);
    await t.dataSource.query(
      "UPDATE survey_round SET closes_at = now() - interval '1 second' WHERE id = $1",
      [r.id],
    );
    const closed = await staff.post(`/api/survey-rounds/${r.id}/codes`, { enrolmentIds: [late] });
    expect([closed.status, closed.body.code]).toEqual([422, 'round_closed']);
  });

  // Last: the failed guesses count against this machine's address for ten minutes.
  it('unknown codes are 404 and guessing is rate-limited with 429', async () => {
    let last = 0;
    for (let i = 0; i < 21; i++)
      last = (
        await request(t.http)
          .post('/api/public/surveys/session')
          .send({ token: `guess-${i}-xxxxxxxxxxxxxx` })
      ).status;
    expect(last).toBe(429);
  });
});
