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

/**
 * An employer's page: its contact log, the places it offers, the internships it hosted and their results, each
 * as the programmes' staff may see them.
 */
describe('employers (e2e)', () => {
  let t: TestApp;
  let w: World;
  let lead: Client;
  let worker: Client;
  let staffB: Client;
  let admin: Client;
  let employerId: string;
  const internshipIds: Record<string, string> = {};
  let leylaId: string;
  let leylaPseudonym: string;

  const group = async (c: Client, programmeId: string, municipalityId: string, number: number) => {
    const g = await c.post('/api/groups', {
      programmeId,
      municipalityId,
      number,
      startDate: '2030-01-14',
      endDate: '2030-04-12',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
    });
    expect(g.status).toBe(201);
    return g.body.id as string;
  };

  const placed = async (
    c: Client,
    programmeId: string,
    groupId: string,
    name: string,
    protectedIdentity: boolean,
    startDate: string,
  ) => {
    const [firstName, lastName] = name.split(' ');
    const p = await c.post('/api/participants', {
      programmeId,
      firstName,
      lastName,
      gender: 'woman',
      protectedIdentity,
    });
    expect(p.status).toBe(201);
    const e = await c.post(`/api/participants/${p.body.id}/enrolments`, { groupId, startDate: '2030-01-14' });
    expect(e.status).toBe(201);
    const i = await c.post('/api/internships', {
      enrolmentId: e.body.id,
      employerId,
      periodNumber: 1,
      startDate,
      endDate: '2030-04-10',
      wishedSector: true,
    });
    expect(i.status).toBe(201);
    internshipIds[name] = i.body.id;
    return p.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp('employers');
    w = await seedWorld(t);
    const users = t.app.get(UsersService);
    // staffA leads programme A and so sees its protected identities; Nils works in A without the lead mark.
    await users.setAllocation(w.users.staffA.id, w.programmeA, true, async () => {});
    await users.createUser({
      email: 'nils.a@test.se',
      displayName: 'Nils Arbetare',
      role: 'staff',
      password: PASSWORD,
      programmeIds: [w.programmeA],
    });
    lead = await signIn(t, w.users.staffA.email);
    worker = await signIn(t, 'nils.a@test.se');
    staffB = await signIn(t, w.users.staffB.email);
    admin = await signIn(t, w.users.admin.email);
    const e = await lead.post('/api/employers', {
      name: 'Bageriet i Ängelholm',
      organisationNumber: '5567037485',
      sector: 'private',
      industry: 'bakery/café',
      municipalityId: w.municipalities.angelholm,
    });
    expect(e.status).toBe(201);
    employerId = e.body.id;
    const groupA = await group(lead, w.programmeA, w.municipalities.angelholm, 6);
    const groupB = await group(staffB, w.programmeB, w.municipalities.perstorp, 2);
    await placed(lead, w.programmeA, groupA, 'Amina Hassan', false, '2030-03-16');
    leylaId = await placed(lead, w.programmeA, groupA, 'Leyla Karimi', true, '2030-03-17');
    await placed(staffB, w.programmeB, groupB, 'Sofia Berg', false, '2030-03-18');
    const row: { pseudonym: string }[] = await t.dataSource.query(
      'SELECT pseudonym FROM participant WHERE id = $1',
      [leylaId],
    );
    leylaPseudonym = row[0].pseudonym;
  });
  afterAll(() => t?.close());

  describe('contact log', () => {
    it('refuses a no without its reason at the field, and stores nothing', async () => {
      const res = await lead.post(`/api/employers/${employerId}/contacts`, {
        date: '2030-01-20',
        outcome: 'no',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'reason', message: 'reason is required when the answer is no', code: 'required' },
      ]);
      expect(
        await t.dataSource.query(
          'SELECT count(*)::int AS n FROM employer_contact_log WHERE employer_id = $1',
          [employerId],
        ),
      ).toEqual([{ n: 0 }]);
    });

    it('refuses a reason that is not one of the list, naming the field', async () => {
      const res = await lead.post(`/api/employers/${employerId}/contacts`, {
        date: '2030-01-20',
        outcome: 'no',
        reason: 'too_busy',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['reason', 'not_allowed'],
      ]);
    });

    it('stores a no with its reason and note, and a later answer without one', async () => {
      const no = await lead.post(`/api/employers/${employerId}/contacts`, {
        date: '2030-01-20',
        outcome: 'no',
        reason: 'language_demands',
        note: 'Kräver SFI D',
      });
      expect(no.status).toBe(201);
      const later = await lead.post(`/api/employers/${employerId}/contacts`, {
        date: '2030-02-03',
        outcome: 'later',
        reason: 'pandemic',
      });
      expect(later.status).toBe(201);
      const log = await worker.get(`/api/employers/${employerId}/contacts`);
      expect(log.status).toBe(200);
      expect(
        log.body.map((c: { date: string; outcome: string; reason: string | null; note: string }) => [
          c.date,
          c.outcome,
          c.reason,
          c.note,
        ]),
      ).toEqual([
        ['2030-02-03', 'later', null, ''],
        ['2030-01-20', 'no', 'language_demands', 'Kräver SFI D'],
      ]);
    });
  });

  describe('places offered', () => {
    it("lists the places of the user's programmes only; the admin sees all", async () => {
      const a = await lead.post(`/api/employers/${employerId}/places`, {
        programmeId: w.programmeA,
        periodStart: '2030-01-01',
        periodEnd: '2030-04-30',
        places: 2,
      });
      expect(a.status).toBe(201);
      expect(a.body).toEqual({
        id: expect.any(String),
        employerId,
        programmeId: w.programmeA,
        periodStart: '2030-01-01',
        periodEnd: '2030-04-30',
        places: 2,
      });
      expect(
        (
          await staffB.post(`/api/employers/${employerId}/places`, {
            programmeId: w.programmeB,
            periodStart: '2030-05-01',
            periodEnd: '2030-08-31',
            places: 3,
          })
        ).status,
      ).toBe(201);
      const ofA = await worker.get(`/api/employers/${employerId}/places`);
      expect(ofA.status).toBe(200);
      expect(ofA.body.map((p: { programmeId: string; places: number }) => [p.programmeId, p.places])).toEqual(
        [[w.programmeA, 2]],
      );
      const all = await admin.get(`/api/employers/${employerId}/places`);
      expect(all.body.map((p: { periodStart: string; places: number }) => [p.periodStart, p.places])).toEqual(
        [
          ['2030-05-01', 3],
          ['2030-01-01', 2],
        ],
      );
    });
  });

  describe('internships hosted', () => {
    const identityReads = async (participantId: string, userId: string): Promise<number> => {
      const rows: { n: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event
          WHERE action = 'participant.identity.read' AND entity_id = $1 AND actor_id = $2`,
        [participantId, userId],
      );
      return rows[0].n;
    };

    it("shows the lead her programme's internships with names, none of another programme's", async () => {
      const before = await identityReads(leylaId, w.users.staffA.id);
      const res = await lead.get(`/api/employers/${employerId}/internships`);
      expect(res.status).toBe(200);
      expect(
        res.body.map((i: { displayName: string; groupName: string; startDate: string; result: string }) => [
          i.displayName,
          i.groupName,
          i.startDate,
          i.result,
        ]),
      ).toEqual([
        ['Leyla Karimi', 'Grupp 6', '2030-03-17', 'ongoing'],
        ['Amina Hassan', 'Grupp 6', '2030-03-16', 'ongoing'],
      ]);
      // One read of her real name, by the lead, for this answer.
      expect(await identityReads(leylaId, w.users.staffA.id)).toBe(before + 1);
    });

    it('shows a worker who does not see a protected person her pseudonym, and audits no read', async () => {
      const res = await worker.get(`/api/employers/${employerId}/internships`);
      expect(res.status).toBe(200);
      expect(res.body.map((i: { displayName: string }) => i.displayName)).toEqual([
        leylaPseudonym,
        'Amina Hassan',
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/Leyla|Karimi/);
      const worker1 = await t.dataSource.query("SELECT id FROM app_user WHERE email = 'nils.a@test.se'");
      expect(
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM audit_event WHERE action = 'participant.identity.read' AND actor_id = $1`,
          [worker1[0].id],
        ),
      ).toEqual([{ n: 0 }]);
    });

    it("shows programme B's staff only their own, and refuses the admin (no person-level data)", async () => {
      const b = await staffB.get(`/api/employers/${employerId}/internships`);
      expect(b.body.map((i: { displayName: string }) => i.displayName)).toEqual(['Sofia Berg']);
      expect((await admin.get(`/api/employers/${employerId}/internships`)).status).toBe(403);
    });
  });

  describe('an internship result', () => {
    it('records each result the programmes report, and counts offers as hires', async () => {
      const extended = await lead.patch(`/api/internships/${internshipIds['Amina Hassan']}`, {
        version: 1,
        result: 'extended',
        endDate: '2030-05-08',
      });
      expect(extended.status).toBe(200);
      expect(extended.body).toMatchObject({ result: 'extended', endDate: '2030-05-08', version: 2 });
      const seasonal = await lead.patch(`/api/internships/${internshipIds['Amina Hassan']}`, {
        version: 2,
        result: 'offer_seasonal',
      });
      expect(seasonal.body).toMatchObject({ result: 'offer_seasonal', endDate: '2030-05-08', version: 3 });
      expect(
        (
          await lead.patch(`/api/internships/${internshipIds['Leyla Karimi']}`, {
            version: 1,
            result: 'broken_off',
          })
        ).status,
      ).toBe(200);
      const employer = await worker.get(`/api/employers/${employerId}`);
      expect(employer.body).toMatchObject({ internshipsHosted: 3, hires: 1 });
    });

    it('refuses a result that is not one of the list, and a stale version, changing nothing', async () => {
      const bad = await lead.patch(`/api/internships/${internshipIds['Sofia Berg']}`, {
        version: 1,
        result: 'hired',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['result', 'not_allowed'],
      ]);
      // Programme B's internship is not programme A's to change.
      expect(
        (
          await lead.patch(`/api/internships/${internshipIds['Sofia Berg']}`, {
            version: 1,
            result: 'completed',
          })
        ).status,
      ).toBe(404);
      const stale = await lead.patch(`/api/internships/${internshipIds['Amina Hassan']}`, {
        version: 1,
        result: 'completed',
      });
      expect(stale.status).toBe(409);
      const rows = await t.dataSource.query(
        'SELECT result, version FROM internship WHERE id = ANY ($1::uuid[]) ORDER BY start_date',
        [[internshipIds['Amina Hassan'], internshipIds['Sofia Berg']]],
      );
      expect(rows).toEqual([
        { result: 'offer_seasonal', version: 3 },
        { result: 'ongoing', version: 1 },
      ]);
    });
  });
});
