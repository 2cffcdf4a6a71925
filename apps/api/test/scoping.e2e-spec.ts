import { binary, pdfText } from './support/files';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/**
 * Issue 16, items 14, 15 and 18: reads and writes that stepped across the programme boundary or past a role's
 * rule. Each test makes the request an attacker with that role would, and asserts that the data stays away.
 */
describe('cross-programme scoping, session notes and the audit-trail file (e2e)', () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let staffA: Client;
  let staffB: Client;
  let steeringA: Client;
  let evaluatorA: Client;
  let analysisA: Client;

  beforeAll(async () => {
    t = await startTestApp('scoping');
    w = await seedWorld(t);
    admin = await signIn(t, w.users.admin.email);
    staffA = await signIn(t, w.users.staffA.email);
    staffB = await signIn(t, w.users.staffB.email);
    steeringA = await signIn(t, w.users.steeringA.email);
    evaluatorA = await signIn(t, w.users.evaluatorA.email);
    analysisA = await signIn(t, w.users.analysisA.email);
  });
  afterAll(() => t?.close());

  describe("a staff member's staffing", () => {
    let onlyB: string;
    let both: string;

    beforeAll(async () => {
      const allocate = async (staffMemberId: string, programmeId: string, percent: number) => {
        const res = await admin.post('/api/staff-allocations', {
          staffMemberId,
          programmeId,
          percent,
          startDate: '2020-01-01',
          endDate: '2020-12-31',
        });
        expect(res.status).toBe(201);
      };
      onlyB = (
        await admin.post('/api/staff-members', { name: 'Britt Bara-B', staffRole: 'programme_worker' })
      ).body.id;
      both = (await admin.post('/api/staff-members', { name: 'Dana Dubbel', staffRole: 'programme_lead' }))
        .body.id;
      await allocate(onlyB, w.programmeB, 60);
      await allocate(both, w.programmeA, 50);
      await allocate(both, w.programmeB, 60);
    });

    it('is 404 to staff and steering of programme A for someone who works only in programme B', async () => {
      for (const c of [staffA, steeringA]) {
        const res = await c.get(`/api/staff-members/${onlyB}/staffing?date=2020-06-01`);
        expect(res.status).toBe(404);
        expect(res.text).not.toContain('Britt');
      }
      const denied = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event
          WHERE action = 'staffing.read' AND outcome = 'denied' AND entity_id = $1`,
        [onlyB],
      );
      expect(denied).toEqual([{ n: 2 }]);
    });

    it('shows programme A only the allocations in programme A, summed over those alone', async () => {
      const res = await staffA.get(`/api/staff-members/${both}/staffing?date=2020-06-01`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ totalPercent: 50, overAllocated: false });
      expect(
        res.body.allocations.map((a: { programmeId: string; percent: number; overAllocated: boolean }) => [
          a.programmeId,
          a.percent,
          a.overAllocated,
        ]),
      ).toEqual([[w.programmeA, 50, false]]);
      // The programme's own overview does not give the other programme's share away either.
      const overview = await staffA.get(`/api/programmes/${w.programmeA}/staffing?date=2020-06-01`);
      expect(overview.body.allocations).toEqual([
        expect.objectContaining({ staffMemberId: both, percent: 50, overAllocated: false, warnings: [] }),
      ]);
      // The admin, association-wide, sees the whole person and the warning.
      const all = await admin.get(`/api/staff-members/${both}/staffing?date=2020-06-01`);
      expect(all.body).toMatchObject({ totalPercent: 110, overAllocated: true });
      expect(all.body.allocations.map((a: { percent: number }) => a.percent).sort()).toEqual([50, 60]);
    });
  });

  describe('committee members', () => {
    beforeAll(async () => {
      const res = await staffA.post(`/api/programmes/${w.programmeA}/committees`, {
        kind: 'steering',
        name: 'Greta Styrgrupp',
        organisationId: w.organisations.ifo,
        roleTitle: 'Enhetschef',
      });
      expect(res.status).toBe(201);
    });

    it('are not given to the evaluator, who sees no personal data', async () => {
      const res = await evaluatorA.get(`/api/programmes/${w.programmeA}/committees`);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('Greta');
    });

    it('are given by name to the steering group, the analysis group and staff of the programme', async () => {
      for (const c of [steeringA, analysisA, staffA]) {
        const res = await c.get(`/api/programmes/${w.programmeA}/committees`);
        expect(res.status).toBe(200);
        expect(res.body.map((m: { name: string }) => m.name)).toEqual(['Greta Styrgrupp']);
      }
    });
  });

  describe('target-group statistics', () => {
    const row = (municipalityId: string, openlyUnemployed: number) => ({
      municipalityId,
      date: '2021-03-01',
      openlyUnemployed,
      inProgramme: 10,
    });
    const stored = () =>
      t.dataSource.query(
        `SELECT m.name, s.openly_unemployed AS n FROM target_group_stat s
           JOIN municipality m ON m.id = s.municipality_id ORDER BY m.name`,
      );

    it('are not written by staff of a programme that does not run in the municipality (404, nothing saved)', async () => {
      // Perstorp is programme B's; programme A runs in Ängelholm only.
      const res = await staffA.put('/api/target-group-stats', {
        rows: [row(w.municipalities.angelholm, 5), row(w.municipalities.perstorp, 999)],
      });
      expect(res.status).toBe(404);
      const csv = await staffA.post('/api/target-group-stats/import', {
        content: 'kommunkod;datum;oppet_arbetslosa;i_program\n1275;2021-03-01;999;10\n',
      });
      expect(csv.status).toBe(404);
      expect(await stored()).toEqual([]);
    });

    it('are written by the staff of a programme in that municipality, and by the admin for any', async () => {
      expect(
        (await staffA.put('/api/target-group-stats', { rows: [row(w.municipalities.angelholm, 5)] })).body,
      ).toEqual({ saved: 1 });
      expect(
        (await staffB.put('/api/target-group-stats', { rows: [row(w.municipalities.perstorp, 7)] })).body,
      ).toEqual({ saved: 1 });
      expect(
        (await admin.put('/api/target-group-stats', { rows: [row(w.municipalities.klippan, 9)] })).body,
      ).toEqual({
        saved: 1,
      });
      expect(await stored()).toEqual([
        { name: 'Klippan', n: 9 },
        { name: 'Perstorp', n: 7 },
        { name: 'Ängelholm', n: 5 },
      ]);
    });
  });

  describe('session notes', () => {
    const NOTE = 'Inställt: Amina Hassan är sjuk och Omar har fått jobb';
    let groupId: string;

    beforeAll(async () => {
      const g = await staffA.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number: 2,
        startDate: '2020-08-24',
        endDate: '2020-11-20',
        capacity: 10,
        overIntake: 0,
        deliveryMode: 'on_site',
      });
      expect(g.status).toBe(201);
      groupId = g.body.id;
      const s = await staffA.post(`/api/groups/${groupId}/sessions`, {
        date: '2020-09-01',
        startTime: '13:00',
        endTime: '15:30',
        kind: 'lecture',
        theme: 'CV-träning',
      });
      const cancelled = await staffA.patch(`/api/sessions/${s.body.id}`, {
        version: 1,
        status: 'cancelled',
        note: NOTE,
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.note).toBe(NOTE);
    });

    it('reach staff of the programme', async () => {
      const res = await staffA.get(`/api/groups/${groupId}/sessions`);
      expect(
        res.body.sessions.map((s: { status: string; note: string | null }) => [s.status, s.note]),
      ).toEqual([['cancelled', NOTE]]);
    });

    it('reach no other role: the admin, the analysis group, steering and the evaluator get the session with a null note', async () => {
      for (const c of [admin, analysisA, steeringA, evaluatorA]) {
        const res = await c.get(`/api/groups/${groupId}/sessions`);
        expect(res.status).toBe(200);
        expect(
          res.body.sessions.map((s: { status: string; note: string | null }) => [s.status, s.note]),
        ).toEqual([['cancelled', null]]);
        expect(res.text).not.toContain('Amina');
      }
    });
  });

  describe('the audit-trail extract', () => {
    let participantId: string;

    beforeAll(async () => {
      const p = await staffA.post('/api/participants', {
        programmeId: w.programmeA,
        firstName: 'Şükrü',
        lastName: 'Đorđević',
        gender: 'man',
        birthYear: 1980,
      });
      expect(p.status).toBe(201);
      participantId = p.body.id;
    });

    it('is a PDF when a PDF is asked for, with the events in words', async () => {
      const res = await binary(staffA.get(`/api/participants/${participantId}/audit-trail?format=pdf`));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="granskningslogg-${participantId}.pdf"`,
      );
      const text = await pdfText(res.body as Buffer);
      expect(text).toContain('Granskningslogg');
      expect(text).toContain(`Deltagare ${participantId}`);
      expect(text).toContain('Tid Vem Roll Händelse Typ Utfall');
      expect(text).toMatch(
        /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d staff\.a Personal Registrerade deltagare Deltagare Utfört/,
      );
    });

    it('refuses a format it does not make with 400 naming format, instead of answering JSON', async () => {
      const res = await staffA.get(`/api/participants/${participantId}/audit-trail?format=xml`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        {
          field: 'format',
          message: 'format must be one of the following values: json, csv, pdf',
          code: 'not_allowed',
          params: { allowed: ['json', 'csv', 'pdf'] },
        },
      ]);
    });
  });
});
