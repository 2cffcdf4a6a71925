import request from 'supertest';
import { openRoundForNewGroup } from './support/survey-round';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';
import { LANGUAGE_CODES } from '@stegvis/questionnaires';
import { SURVEY_LANGUAGES } from '@stegvis/contracts';

const BASE = '/api/questionnaires/end-of-group/versions/1/translations';
const answer = (language: string) => ({
  language,
  answers: {
    overall: 4,
    lectures: 4,
    talks: 5,
    internship: 'no',
    time: 'right',
    wants: ['language_support'],
    next: 'work',
  },
});

describe('translation review (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  let programmeVersion: number;
  let codes: { token: string }[];
  const participant = (token: string) => {
    const agent = request.agent(t.http);
    return {
      start: () => agent.post('/api/public/surveys/session').send({ token }),
      submit: (body: object, key: string) =>
        agent.post('/api/public/surveys/current/responses').set('Idempotency-Key', key).send(body),
    };
  };
  const stored = async () =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM survey_response'))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp('translationreview');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
    ({ codes } = await openRoundForNewGroup(staff, w, {
      number: 7,
      names: ['Person0', 'Person1', 'Person2', 'Person3'],
    }));
    programmeVersion = (await staff.get(`/api/programmes/${w.programmeA}`)).body.version;
  });
  afterAll(() => t?.close());

  it('the admin names the same languages as the questionnaires', () => {
    expect([...SURVEY_LANGUAGES]).toEqual([...LANGUAGE_CODES]);
  });

  it('lists each language of a version with its status; machine drafts until someone reviews them', async () => {
    const res = await staff.get(BASE);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { language: 'sv', status: 'original', reviewedBy: null, reviewedAt: null },
      { language: 'sv-easy', status: 'original', reviewedBy: null, reviewedAt: null },
      { language: 'en', status: 'reviewed', reviewedBy: null, reviewedAt: null },
      { language: 'ar', status: 'machine-draft', reviewedBy: null, reviewedAt: null },
      { language: 'prs', status: 'machine-draft', reviewedBy: null, reviewedAt: null },
      { language: 'so', status: 'machine-draft', reviewedBy: null, reviewedAt: null },
      { language: 'ti', status: 'machine-draft', reviewedBy: null, reviewedAt: null },
    ]);
  });

  it('programmes offer unreviewed translations unless told otherwise', async () => {
    expect((await staff.get(`/api/programmes/${w.programmeA}`)).body.allowUnreviewedTranslations).toBe(true);
    const start = await participant(codes[0].token).start();
    expect(start.body.languages).toEqual(['sv', 'sv-easy', 'en', 'ar', 'prs', 'so', 'ti']);
  });

  it('refuses roles without survey.manage with 403, and changes nothing', async () => {
    for (const u of [w.users.admin, w.users.steeringA, w.users.evaluatorA, w.users.analysisA]) {
      const c = await signIn(t, u.email);
      expect((await c.get(BASE)).status).toBe(403);
      expect((await c.post(`${BASE}/reviews`, { language: 'ar' })).status).toBe(403);
    }
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM translation_review')).toEqual([{ n: 0 }]);
  });

  it('answers 404 for an unknown questionnaire, version or language, and 400 naming the field', async () => {
    const notFound = async (path: string, language = 'ar') => {
      const res = await staff.post(path, { language });
      return [res.status, res.body.code, res.body.params?.entity];
    };
    expect(await notFound('/api/questionnaires/nope/versions/1/translations/reviews')).toEqual([
      404,
      'not_found',
      'questionnaire',
    ]);
    expect(await notFound('/api/questionnaires/end-of-group/versions/9/translations/reviews')).toEqual([
      404,
      'not_found',
      'questionnaire',
    ]);
    expect(await notFound(`${BASE}/reviews`, 'fi')).toEqual([404, 'not_found', 'language']);
    expect((await staff.get('/api/questionnaires/nope/versions/1/translations')).status).toBe(404);
    const badVersion = await staff.get('/api/questionnaires/end-of-group/versions/one/translations');
    expect([badVersion.status, badVersion.body.errors[0].field]).toEqual([400, 'version']);
    for (const language of [undefined, 42, 'Arabic!']) {
      const res = await staff.post(`${BASE}/reviews`, { language });
      expect([res.status, res.body.errors[0].field]).toEqual([400, 'language']);
    }
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM translation_review')).toEqual([{ n: 0 }]);
  });

  it('with the programme refusing unreviewed translations, only original and reviewed languages are offered', async () => {
    const off = await staff.patch(`/api/programmes/${w.programmeA}`, {
      allowUnreviewedTranslations: false,
      version: programmeVersion,
    });
    expect([off.status, off.body.allowUnreviewedTranslations]).toEqual([200, false]);
    const p = participant(codes[1].token);
    const start = await p.start();
    expect(start.body.languages).toEqual(['sv', 'sv-easy', 'en']);
    const refused = await p.submit(answer('ar'), 'unreviewed-arabic-0001');
    expect([refused.status, refused.body.code, refused.body.errors[0].field]).toEqual([
      400,
      'not_allowed',
      'language',
    ]);
    expect(refused.body.params).toEqual({ allowed: ['sv', 'sv-easy', 'en'] });
    expect(await stored()).toBe(0);
    expect(
      await t.dataSource.query('SELECT count(*)::int AS n FROM survey_code WHERE used_on IS NOT NULL'),
    ).toEqual([{ n: 0 }]);
  });

  it('marks Arabic reviewed with the reviewer’s name, audited once; then it is offered and accepted', async () => {
    const before = Date.now();
    const res = await staff.post(`${BASE}/reviews`, { language: 'ar' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      language: 'ar',
      status: 'reviewed',
      reviewedBy: { id: w.users.staffA.id, displayName: 'staff.a' },
    });
    expect(Date.parse(res.body.reviewedAt)).toBeGreaterThanOrEqual(before - 1000);
    // Idempotent: a second click keeps the first reviewer and time, and writes no second audit row.
    const again = await staff.post(`${BASE}/reviews`, { language: 'ar' });
    expect([again.status, again.body]).toEqual([200, res.body]);
    const original = await staff.post(`${BASE}/reviews`, { language: 'sv' });
    expect([original.status, original.body.status]).toEqual([200, 'original']);
    expect(
      await t.dataSource.query(
        `SELECT actor_id, entity_type, entity_id, details FROM audit_event WHERE action = 'survey.translation_review'`,
      ),
    ).toEqual([
      {
        actor_id: w.users.staffA.id,
        entity_type: 'questionnaire',
        entity_id: 'end-of-group',
        details: { version: 1, language: 'ar' },
      },
    ]);
    const list = (await staff.get(BASE)).body as { language: string; status: string }[];
    expect(list.map((s) => `${s.language}:${s.status}`)).toEqual([
      'sv:original',
      'sv-easy:original',
      'en:reviewed',
      'ar:reviewed',
      'prs:machine-draft',
      'so:machine-draft',
      'ti:machine-draft',
    ]);

    const p = participant(codes[2].token);
    expect((await p.start()).body.languages).toEqual(['sv', 'sv-easy', 'en', 'ar']);
    const ok = await p.submit(answer('ar'), 'reviewed-arabic-0001');
    expect(ok.status).toBe(201);
    expect(await t.dataSource.query('SELECT language FROM survey_response')).toEqual([{ language: 'ar' }]);
    // Somali is still a draft nobody has checked.
    const q = participant(codes[3].token);
    await q.start();
    const somali = await q.submit(answer('so'), 'unreviewed-somali-0001');
    expect([somali.status, somali.body.errors[0].field]).toEqual([400, 'language']);
    expect(await stored()).toBe(1);
  });
});
