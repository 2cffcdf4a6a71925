import { stockholmDate, stockholmToday } from '@stegvis/contracts';
import { UsersService } from '../src/modules/users/users.service';
import {
  type Client,
  PASSWORD,
  seedWorld,
  signIn,
  startTestApp,
  type TestApp,
  type World,
} from './support/test-app';

/** The participant record as a worker uses it: search by personnummer, consents, the extract (issue 18). */
describe('participant record (e2e)', () => {
  let t: TestApp;
  let w: World;
  let sara: Client;
  let kim: Client;
  let amina: string;
  let hidden: string;

  const count = async (sql: string, params: unknown[]) =>
    ((await t.dataSource.query(sql, params)) as { n: number }[])[0].n;
  const names = (res: { body: { displayName: string }[] }) => res.body.map((p) => p.displayName);

  beforeAll(async () => {
    t = await startTestApp('participant_record');
    w = await seedWorld(t);
    await t.app.get(UsersService).createUser({
      email: 'kim@test.se',
      displayName: 'Kim Annangrupp',
      role: 'staff',
      password: PASSWORD,
      programmeIds: [w.programmeA],
    });
    sara = await signIn(t, w.users.staffA.email);
    kim = await signIn(t, 'kim@test.se');
    const mk = async (body: object) => {
      const res = await sara.post('/api/participants', {
        programmeId: w.programmeA,
        gender: 'woman',
        ...body,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    amina = await mk({ firstName: 'Amina', lastName: 'Berg', personalNumber: '19811218-9876' });
    // Registered by Sara and not yet placed: Sara sees her, Kim (another worker, not the lead) does not.
    hidden = await mk({
      firstName: 'Hemlig',
      lastName: 'Skyddsdotter',
      personalNumber: '900101-1239',
      protectedIdentity: true,
    });
  }, 120_000);

  afterAll(() => t.close());

  describe('search by personnummer', () => {
    it.each(['19811218-9876', '198112189876', '811218-9876', '8112189876', ' 811218-9876 '])(
      'finds the person by %p',
      async (q) => {
        const res = await sara.get(
          `/api/participants?programmeId=${w.programmeA}&q=${encodeURIComponent(q)}`,
        );
        expect(res.status).toBe(200);
        expect(names(res)).toEqual(['Amina Berg']);
      },
    );

    it('audits the search without the number', async () => {
      const rows: { details: Record<string, unknown> }[] = await t.dataSource.query(
        `SELECT details FROM audit_event WHERE actor_id = $1 AND action = 'participant.list'
          AND details->>'search' = 'personal_number' ORDER BY at DESC LIMIT 1`,
        [w.users.staffA.id],
      );
      expect(rows[0].details).toEqual({ count: 1, search: 'personal_number' });
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_event WHERE details::text LIKE '%9876%' OR details::text LIKE '%811218%'`,
          [],
        ),
      ).toBe(0);
    });

    it('a valid number of nobody in the programme finds nobody, and a name still matches by name', async () => {
      const none = await sara.get(`/api/participants?programmeId=${w.programmeA}&q=850312-4565`);
      expect(names(none)).toEqual([]);
      const byName = await sara.get(`/api/participants?programmeId=${w.programmeA}&q=berg`);
      expect(names(byName)).toEqual(['Amina Berg']);
    });

    it('finds a protected person by number only for those who see her', async () => {
      const forSara = await sara.get(`/api/participants?programmeId=${w.programmeA}&q=19900101-1239`);
      expect(names(forSara)).toEqual(['Hemlig Skyddsdotter']);
      // Kim would see only her pseudonym; matching it to the number would tell him whose number it is.
      for (const q of ['19900101-1239', '900101-1239', '9001011239']) {
        const forKim = await kim.get(`/api/participants?programmeId=${w.programmeA}&q=${q}`);
        expect([forKim.status, forKim.body]).toEqual([200, []]);
      }
      const all = await kim.get(`/api/participants?programmeId=${w.programmeA}`);
      expect(names(all)).toHaveLength(2);
      expect(names(all)).not.toContain('Hemlig Skyddsdotter');
    });
  });

  describe('consents', () => {
    it('refuses a consent dated in the future, naming the field, and stores nothing', async () => {
      const future = stockholmDate(Date.now() + 2 * 86_400_000);
      const res = await sara.post(`/api/participants/${amina}/consents`, {
        purpose: 'national_followup',
        givenOn: future,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          field: 'givenOn',
          code: 'date_in_future',
          params: { today: stockholmToday() },
        }),
      ]);
      expect(await count('SELECT count(*)::int AS n FROM consent WHERE participant_id = $1', [amina])).toBe(
        0,
      );
    });

    it('takes a consent given today', async () => {
      const res = await sara.post(`/api/participants/${amina}/consents`, {
        purpose: 'national_followup',
        givenOn: stockholmToday(),
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        purpose: 'national_followup',
        givenOn: stockholmToday(),
        withdrawnAt: null,
      });
    });
  });

  describe('the data-subject extract', () => {
    it('gives those who see her the whole record, and audits it', async () => {
      const res = await sara.get(`/api/participants/${amina}/extract`);
      expect(res.status).toBe(200);
      expect(res.body.participant).toMatchObject({
        firstName: 'Amina',
        lastName: 'Berg',
        personalNumber: '19811218-9876',
        masked: false,
      });
      expect(res.body.healthIncluded).toBe(true);
      expect(res.body.consents.map((c: { purpose: string }) => c.purpose)).toEqual(['national_followup']);
      expect([res.body.enrolments, res.body.actionPlanSteps]).toEqual([[], []]);
      expect(res.body.auditTrail.map((e: { action: string }) => e.action)).toContain('participant.create');
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_event WHERE actor_id = $1 AND action = 'participant.extract'
             AND subject_id = $2 AND outcome = 'success'`,
          [w.users.staffA.id, amina],
        ),
      ).toBe(1);
    });

    it('gives a worker who does not see her health data an extract that says it lacks it', async () => {
      const res = await kim.get(`/api/participants/${amina}/extract`);
      expect(res.status).toBe(200);
      expect([res.body.healthIncluded, res.body.needs, res.body.talks]).toEqual([false, [], []]);
    });

    it('is not found for a protected person by someone who does not see her (audited as denied)', async () => {
      const res = await kim.get(`/api/participants/${hidden}/extract`);
      expect([res.status, res.body.code]).toEqual([404, 'not_found']);
      expect(JSON.stringify(res.body)).not.toContain('Hemlig');
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_event WHERE actor_id = $1 AND entity_id = $2 AND outcome = 'denied'`,
          [kim.user.id, hidden],
        ),
      ).toBe(1);
      expect((await sara.get(`/api/participants/${hidden}/extract`)).body.participant.firstName).toBe(
        'Hemlig',
      );
    });

    it('answers 403 to roles that may not read participants', async () => {
      const steering = await signIn(t, w.users.steeringA.email);
      expect((await steering.get(`/api/participants/${amina}/extract`)).status).toBe(403);
    });
  });
});
