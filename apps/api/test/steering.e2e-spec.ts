import { stockholmToday } from '@stegvis/contracts';
import { UsersService } from '../src/modules/users/users.service';
import { loadReferenceProgramme } from './support/reference-programme';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/** The calendar tertial holding a day, as fixed periods name them: T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec. */
function tertialOfDay(day: string): { id: string; start: string; end: string } {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (month <= 4) return { id: `${year}-T1`, start: `${year}-01-01`, end: `${year}-04-30` };
  if (month <= 8) return { id: `${year}-T2`, start: `${year}-05-01`, end: `${year}-08-31` };
  return { id: `${year}-T3`, start: `${year}-09-01`, end: `${year}-12-31` };
}

describe('committees and the steering page (e2e)', () => {
  let t: TestApp;
  let w: World;
  let lead: Client;
  let staffB: Client;
  let analysis: Client;
  let steering: Client;
  let evaluator: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp('steering');
    w = await seedWorld(t);
    await t.app.get(UsersService).setAllocation(w.users.staffA.id, w.programmeA, true, async () => {});
    lead = await signIn(t, w.users.staffA.email);
    staffB = await signIn(t, w.users.staffB.email);
    analysis = await signIn(t, w.users.analysisA.email);
    steering = await signIn(t, w.users.steeringA.email);
    evaluator = await signIn(t, w.users.evaluatorA.email);
    admin = await signIn(t, w.users.admin.email);
  }, 120_000);
  afterAll(() => t?.close());

  describe('committee memberships', () => {
    const count = async (sql: string, params: unknown[]): Promise<number> =>
      ((await t.dataSource.query(sql, params)) as { n: number }[])[0].n;

    it('adds a member once, ends the membership audited, and keeps the former member', async () => {
      const add = await lead.post(`/api/programmes/${w.programmeA}/committees`, {
        kind: 'steering',
        name: 'Greta Chef',
        organisationId: w.organisations.ifo,
        roleTitle: 'Enhetschef',
      });
      expect(add.status).toBe(201);
      expect(add.body).toEqual({
        id: add.body.id,
        programmeId: w.programmeA,
        kind: 'steering',
        name: 'Greta Chef',
        organisationId: w.organisations.ifo,
        roleTitle: 'Enhetschef',
        userId: null,
        endedOn: null,
      });
      // The same person for the same organisation, typed again: refused, nothing added.
      const twice = await lead.post(`/api/programmes/${w.programmeA}/committees`, {
        kind: 'steering',
        name: ' greta  chef ',
        organisationId: w.organisations.ifo,
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('already_committee_member');
      expect(twice.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['name', 'already_committee_member'],
      ]);
      expect(
        await count(`SELECT count(*)::int AS n FROM committee_member WHERE programme_id = $1`, [
          w.programmeA,
        ]),
      ).toBe(1);

      const future = await lead.post(`/api/programmes/${w.programmeA}/committees/${add.body.id}/end`, {
        endedOn: '2999-01-01',
      });
      expect(future.status).toBe(400);
      expect(future.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['endedOn', 'date_in_future'],
      ]);

      // Another programme's staff and a role without staffing.manage change nothing.
      const other = await staffB.post(`/api/programmes/${w.programmeA}/committees/${add.body.id}/end`, {});
      expect(other.status).toBe(404);
      const wrongProgramme = await staffB.post(
        `/api/programmes/${w.programmeB}/committees/${add.body.id}/end`,
        {},
      );
      expect(wrongProgramme.status).toBe(404);
      const noRight = await analysis.post(
        `/api/programmes/${w.programmeA}/committees/${add.body.id}/end`,
        {},
      );
      expect(noRight.status).toBe(403);

      const end = await lead.post(`/api/programmes/${w.programmeA}/committees/${add.body.id}/end`, {});
      expect(end.status).toBe(200);
      expect(end.body.endedOn).toBe(stockholmToday());
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_event
            WHERE action = 'committee.end' AND entity_id = $1 AND actor_id = $2 AND outcome = 'success'`,
          [add.body.id, w.users.staffA.id],
        ),
      ).toBe(1);
      const again = await lead.post(`/api/programmes/${w.programmeA}/committees/${add.body.id}/end`, {});
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('committee_membership_ended');

      expect((await lead.get(`/api/programmes/${w.programmeA}/committees`)).body).toEqual([]);
      const all = await lead.get(`/api/programmes/${w.programmeA}/committees?includeEnded=true`);
      expect(all.body.map((m: { name: string; endedOn: string }) => [m.name, m.endedOn])).toEqual([
        ['Greta Chef', stockholmToday()],
      ]);
      // Ended, she may be added again.
      const back = await lead.post(`/api/programmes/${w.programmeA}/committees`, {
        kind: 'steering',
        name: 'Greta Chef',
        organisationId: w.organisations.ifo,
      });
      expect(back.status).toBe(201);
    });
  });

  describe('the steering page', () => {
    beforeAll(async () => {
      await loadReferenceProgramme(lead, w);
      const budget = (year: number, approved: number, invoiced: number[], forecast: number) =>
        lead.put(`/api/programmes/${w.programmeA}/budget`, {
          municipalityId: w.municipalities.angelholm,
          year,
          approved,
          invoiced,
          forecast,
        });
      expect((await budget(2020, 1200000, [300000, 250000, 310000], 1150000)).status).toBe(204);
      expect((await budget(2021, 1000000, [200000, 150000, 0], 1000000)).status).toBe(204);
    }, 300_000);

    const tablesOf = async (c: Client, from: string, to: string) => {
      const r = await c.get(`/api/programmes/${w.programmeA}/reports/progress?from=${from}&to=${to}`);
      expect(r.status).toBe(200);
      return r.body.tables as { id: string }[];
    };

    it("gives the steering member exactly their audience's tables of this tertial and the previous one", async () => {
      const res = await steering.get(`/api/programmes/${w.programmeA}/steering`);
      expect(res.status).toBe(200);
      const s = res.body;
      // Nothing but the page's fields: no report object with per-person detail, no participants.
      expect(Object.keys(s).sort()).toEqual([
        'asOf',
        'current',
        'economy',
        'endDate',
        'goals',
        'keyFigures',
        'nextReport',
        'previous',
        'programmeId',
        'programmeName',
        'startDate',
        'suppressed',
      ]);
      // The programme ended 2021-12-31: its last tertial beside the one before, and no report left to make.
      expect(s).toMatchObject({
        programmeName: 'Nästa Steg',
        asOf: stockholmToday(),
        current: { id: '2021-T3', kind: 'tertial', start: '2021-09-01', end: '2021-12-31' },
        previous: { id: '2021-T2', kind: 'tertial', start: '2021-05-01', end: '2021-08-31' },
        nextReport: null,
        suppressed: true,
      });
      const t3 = await tablesOf(steering, '2021-09-01', '2021-12-31');
      const t2 = await tablesOf(steering, '2021-05-01', '2021-08-31');
      expect(s.goals.current).toEqual(t3.find((x) => x.id === 'goals'));
      expect(s.goals.previous).toEqual(t2.find((x) => x.id === 'goals'));
      expect(s.keyFigures).toEqual(t3.find((x) => x.id === 'tertials'));
      expect(s.keyFigures).not.toBeNull();
      const economy = await steering.get(`/api/programmes/${w.programmeA}/reports/economy`);
      expect(s.economy).toEqual(economy.body);
      // The economy over both budget years: 1 210 000 of 2 200 000 invoiced is 55 %, 990 000 remains.
      expect(s.economy.rows).toEqual([
        ['Ängelholm', 2020, 1200000, 300000, 250000, 310000, 860000, 72, 340000, 1150000, 50000],
        ['Ängelholm', 2021, 1000000, 200000, 150000, 0, 350000, 35, 650000, 1000000, 0],
        ['Totalt', null, 2200000, 500000, 400000, 310000, 1210000, 55, 990000, 2150000, 50000],
      ]);
      // The figures of the tertials are those of the audience: staff see every count, steering may not.
      const staffT3 = await tablesOf(lead, '2021-09-01', '2021-12-31');
      expect(s.keyFigures.columns).toEqual(
        (staffT3.find((x) => x.id === 'tertials') as unknown as { columns: string[] }).columns,
      );
    });

    it('shows no person-level data', async () => {
      const res = await steering.get(`/api/programmes/${w.programmeA}/steering`);
      const text = JSON.stringify(res.body);
      // The reference programme's people are Fnamn01 Enamn01 …; none of them, and no personal number.
      expect(text).not.toMatch(/Fnamn|Enamn/);
      expect(text).not.toMatch(/\d{6,8}[-+]?\d{4}/);
      const tables = [res.body.goals.current, res.body.goals.previous, res.body.keyFigures, res.body.economy];
      expect(tables.map((x: { id: string }) => x.id)).toEqual(['goals', 'goals', 'tertials', 'economy']);
    });

    it("shows no other programme's figures", async () => {
      expect((await steering.get(`/api/programmes/${w.programmeB}/steering`)).status).toBe(404);
      expect((await evaluator.get(`/api/programmes/${w.programmeA}/steering`)).status).toBe(403);
      expect((await analysis.get(`/api/programmes/${w.programmeA}/steering`)).status).toBe(403);
      const mine = await steering.get('/api/programmes');
      expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([w.programmeA]);
    });

    it('names the next tertial report of a running programme: the end of the tertial holding today', async () => {
      const b = (await admin.get(`/api/programmes/${w.programmeB}`)).body;
      const patched = await admin.patch(`/api/programmes/${w.programmeB}`, {
        version: b.version,
        endDate: '2035-12-31',
      });
      expect(patched.status).toBe(200);
      const res = await admin.get(`/api/programmes/${w.programmeB}/steering`);
      expect(res.status).toBe(200);
      const now = tertialOfDay(stockholmToday());
      expect(res.body.nextReport).toEqual({ ...now, kind: 'tertial' });
      expect(res.body.current).toEqual({ ...now, kind: 'tertial' });
      expect(res.body.economy.rows).toEqual([]);
      expect(res.body.economy.notes).toEqual(['Ingen budget är registrerad för perioden.']);
    });
  });
});
