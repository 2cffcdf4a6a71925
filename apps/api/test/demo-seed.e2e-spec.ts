import { seedDemo } from '../src/database/seeds/demo-seed';
import { UsersService } from '../src/modules/users/users.service';
import { REFERENCE_PERIOD, referenceProgramme as fixture } from './support/reference-programme';
import { type Client, PASSWORD, signIn, startTestApp, type TestApp } from './support/test-app';

// Only Date is faked (as in survey-round-time.e2e-spec.ts): the api keeps running while its clock reads later.
const ONLY_DATE = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

interface Table {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** What `npm start` gives a newcomer: the api's demo seed (main.ts runs it when STEGVIS_DEMO_SEED is true). */
describe('demo data (e2e)', () => {
  let t: TestApp;
  let staff: Client;
  let steering: Client;
  let otherLead: Client;
  let ids: Record<string, string>;
  let seededAt: number;

  beforeAll(async () => {
    t = await startTestApp('demo_seed');
    seededAt = Date.now();
    const creds = await seedDemo(t.app);
    const login = (role: string) => creds!.find((c) => c.role === role)!;
    staff = await signIn(t, login('staff').email, login('staff').password);
    steering = await signIn(t, login('steering').email, login('steering').password);
    // Steg för steg's lead gets no password from the seed; the test gives her one to read her programme in full.
    const users = t.app.get(UsersService);
    const petra = (await users.findByEmail('processledare.perstorp@stegvis.local'))!;
    await users.setPassword(petra.id, PASSWORD);
    otherLead = await signIn(t, petra.email);
    const list = (await steering.get('/api/programmes')).body.items as { id: string; name: string }[];
    ids = Object.fromEntries(list.map((p) => [p.name, p.id]));
  }, 120_000);
  afterAll(() => t?.close());

  const report = async (programme: string, query: string, as = staff) => {
    const res = await as.get(`/api/programmes/${ids[programme]}/reports/progress?${query}`);
    expect(res.status).toBe(200);
    return res.body as { report: Record<string, any>; tables: Table[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- read loosely, asserted exactly
  };
  const table = (tables: Table[], title: string) => tables.find((x) => x.title === title)!;

  it('runs once: a second start on the same database seeds nothing', async () => {
    expect(await seedDemo(t.app)).toBeNull();
  });

  it('the staff member leads Nästa Steg only; the steering group sees both programmes, Nästa Steg first', async () => {
    const names = async (c: Client) =>
      ((await c.get('/api/programmes')).body.items as { name: string }[]).map((p) => p.name);
    expect(await names(staff)).toEqual(['Nästa Steg']);
    expect(staff.user.leadProgrammeIds).toEqual([ids['Nästa Steg']]);
    expect(await names(steering)).toEqual(['Nästa Steg', 'Steg för steg']);
    expect((await staff.get(`/api/programmes/${ids['Steg för steg']}`)).status).toBe(404);
  });

  it('Nästa Steg’s report for the seed report’s period has the reference programme’s exact figures', async () => {
    const { report: r, tables } = await report('Nästa Steg', REFERENCE_PERIOD);
    // The seed report: "51 deltagare inskrivna … 26 deltagare (51%) gått vidare till arbete eller studier".
    expect(r.enrolled).toBe(51);
    expect(r.toWorkOrStudies).toEqual({ count: 26, of: 51, percent: 51 });
    const expected = fixture.expected;
    expect(
      Object.fromEntries(
        Object.entries(r.outcomes as Record<string, { count: number }>)
          .filter(([, v]) => v.count > 0)
          .map(([k, v]) => [k, v.count]),
      ),
    ).toEqual({ studies: 15, work: 11, plan: 9, health: 2, other: 2 });
    expect(r.noOutcomeYet.count).toBe(expected.noOutcomeYet);
    expect(
      Object.fromEntries(
        r.attendance.byGroup.map((g: { group: number; rate: { percent: number } }) => [
          String(g.group),
          g.rate.percent,
        ]),
      ),
    ).toEqual(expected.attendancePercentByGroup);
    expect(r.attendance.overall.rate.percent).toBe(87);
    expect(r.internships.rate).toEqual({ count: 28, of: 30, percent: 93 });
    expect(r.internships.offers).toBe(expected.internshipOffers);
    expect(
      Object.fromEntries(
        r.internships.byIndustry.map((x: { industry: string; count: number }) => [x.industry, x.count]),
      ),
    ).toEqual(expected.internshipSectorsGroups1to3);
    expect(
      r.surveys.map((s: { group: number; rate: { count: number; of: number } }) => [
        s.group,
        s.rate.count,
        s.rate.of,
      ]),
    ).toEqual([
      [3, 10, 10],
      [4, 7, 7],
    ]);
    expect(r.clearPlanGoal).toMatchObject(expected.clearPlanGoal);
    // Coded where the fixture's text says which code; a job's employment form it does not say.
    expect(table(tables, 'Resultat per underkategori').rows.slice(0, 4)).toEqual([
      ['Arbete', 11, 22],
      ['Arbete – varav okodad', 11, 22],
      ['Studier', 15, 29],
      ['Studier – varav GRUV (grundläggande vuxenutbildning)', 7, 14],
    ]);
    // The seed report's "Statistik": the target group in Ängelholm, September 2019 and March 2021.
    const target = await staff.get(
      `/api/programmes/${ids['Nästa Steg']}/reports/target-group?from=2019-09-03&to=2021-05-01`,
    );
    expect(target.body.rows).toEqual([['Ängelholm', 182, 223, '+41', 293, 314, '+21', 475, 537, '+62']]);
    expect(table(tables, 'Avbrott per orsak').rows).toEqual([
      ['Fick arbete', 1],
      ['Gick till en annan insats', 1],
      ['Totalt', 2],
    ]);
  });

  it('the report a newcomer opens first (programme start to today) shows the same result figures', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { report: r, tables } = await report('Nästa Steg', `from=2019-09-03&to=${today}`);
    expect([r.enrolled, r.toWorkOrStudies, r.noOutcomeYet.count]).toEqual([
      51,
      { count: 26, of: 51, percent: 51 },
      12,
    ]);
    expect(table(tables, 'Delrapport').rows).toEqual([
      ['Insats', 'Nästa Steg'],
      ['Period', `2019-09-03 – ${today}`],
      ['Grupper', 'Grupp 1–5'],
      ['Kommuner', 'Ängelholm'],
    ]);
  });

  it('Steg för steg runs in two municipalities: figures per municipality, coded outcomes and its budget', async () => {
    const { report: r, tables } = await report('Steg för steg', 'from=2021-01-01&to=2021-12-31', otherLead);
    expect(otherLead.user.leadProgrammeIds).toEqual([ids['Steg för steg']]);
    expect(r.enrolled).toBe(26);
    expect(r.municipalities.map((m: { municipality: string }) => m.municipality)).toEqual([
      'Klippan',
      'Perstorp',
    ]);
    expect(table(tables, 'Nyckeltal per kommun').rows).toEqual([
      ['Klippan', 14, 13, 1, 0, 5, 4, 9, 64, 4, 29, 88],
      ['Perstorp', 12, 11, 1, 0, 4, 3, 7, 58, 4, 33, 85],
      ['Totalt', 26, 24, 2, 0, 9, 7, 16, 62, 8, 31, 87],
    ]);
    expect(table(tables, 'Antal inskrivna').rows).toEqual([
      ['Grupp 2, Klippan', '2021-03-08', '2021-06-04', 'Avslutad', 14, 13, 1, 0],
      ['Grupp 1, Perstorp', '2021-01-18', '2021-04-16', 'Avslutad', 12, 11, 1, 0],
      ['Totalt', null, null, null, 26, 24, 2, 0],
    ]);
    // Every work outcome is coded: the breakdown the evaluator writes from.
    expect(table(tables, 'Resultat per underkategori').rows.slice(0, 8)).toEqual([
      ['Arbete', 5, 4, 9, 35],
      ['Arbete – varav osubventionerad anställning', 0, 1, 1, 4],
      ['Arbete – varav introduktionsjobb', 1, 2, 3, 12],
      ['Arbete – varav extratjänst', 0, 1, 1, 4],
      ['Arbete – varav nystartsjobb', 1, 0, 1, 4],
      ['Arbete – varav lönebidrag', 1, 0, 1, 4],
      ['Arbete – varav timanställning eller behovsanställning', 1, 0, 1, 4],
      ['Arbete – varav säsongsarbete', 1, 0, 1, 4],
    ]);
    const economy = table(tables, 'Ekonomi');
    expect(economy.columns).toEqual([
      'Kommun',
      'År',
      'Beviljat',
      'Fakturerat T1',
      'Fakturerat T2',
      'Fakturerat T3',
      'Fakturerat totalt',
      'Andel fakturerat (%)',
      'Kvar',
      'Prognos',
      'Avvikelse mot beviljat',
    ]);
    expect(economy.rows).toEqual([
      ['Klippan', 2021, 860_000, 121_300, 305_750, 0, 427_050, 50, 432_950, 845_000, 15_000],
      ['Perstorp', 2021, 1_030_000, 342_150, 298_400, 0, 640_550, 62, 389_450, 1_010_000, 20_000],
      ['Totalt', null, 1_890_000, 463_450, 604_150, 0, 1_067_600, 56, 822_400, 1_855_000, 35_000],
    ]);
    expect(table(tables, 'Uppföljning efter avslut').rows).toContainEqual([
      '3 månader efter avslut',
      'Perstorp',
      3,
      2,
      1,
      0,
      0,
      0,
      0,
      3,
      100,
    ]);
  });

  it('the steering group reads Steg för steg’s report: both municipalities, its groups and the budget', async () => {
    // The year 2021: one of the fixed periods the steering group may choose (disclosure-model.ts fixedPeriods).
    const { report: r, tables } = await report('Steg för steg', 'from=2021-01-01&to=2021-12-31', steering);
    // Aggregate-only: tables, small cells suppressed, no raw figures.
    expect(r).toBeNull();
    expect(table(tables, 'Delrapport').rows.slice(2)).toEqual([
      ['Grupper', 'Klippan: Grupp 2; Perstorp: Grupp 1'],
      ['Kommuner', 'Klippan, Perstorp'],
    ]);
    expect(table(tables, 'Antal inskrivna').rows.map((row) => [row[0], row[4]])).toEqual([
      ['Grupp 2, Klippan', 14],
      ['Grupp 1, Perstorp', 12],
      ['Totalt', 26],
    ]);
    expect(table(tables, 'Ekonomi').rows).toEqual([
      ['Klippan', 2021, 860_000, 121_300, 305_750, 0, 427_050, 50, 432_950, 845_000, 15_000],
      ['Perstorp', 2021, 1_030_000, 342_150, 298_400, 0, 640_550, 62, 389_450, 1_010_000, 20_000],
      ['Totalt', null, 1_890_000, 463_450, 604_150, 0, 1_067_600, 56, 822_400, 1_855_000, 35_000],
    ]);
  });

  it('the paper survey rounds close half a minute after the seed, and their results are then released', async () => {
    const groups = (await staff.get(`/api/groups?programmeId=${ids['Nästa Steg']}`)).body as {
      id: string;
      number: number;
    }[];
    const g3 = groups.find((g) => g.number === 3)!;
    const [round] = (await staff.get(`/api/groups/${g3.id}/survey-rounds`)).body as {
      id: string;
      opensAt: string;
      closesAt: string;
    }[];
    expect(round.opensAt).toBe('2020-11-13T08:00:00.000Z');
    const closes = new Date(round.closesAt).getTime();
    expect(closes - seededAt).toBeGreaterThan(30_000);
    expect(closes - seededAt).toBeLessThan(90_000);
    jest.useFakeTimers({ doNotFake: [...ONLY_DATE], now: closes + 1000 });
    const released = (await staff.get(`/api/survey-rounds/${round.id}/summary`)).body;
    jest.useRealTimers();
    expect(released.withheld).toBeNull();
    const q = (name: string) => released.questions.find((x: { name: string }) => x.name === name);
    expect(q('overall')).toMatchObject({ answered: 10 });
    expect(q('internship').choices.map((c: { count: number }) => c.count)).toEqual([10, 0]);
  });
});
