import { OrganisationsService } from '../src/modules/organisations/organisations.service';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

// The seed progress report's table, September 2019 and March 2021.
const CSV = `kommunkod;datum;oppet_arbetslosa;i_program
1278;2019-09-01;54;113
1276;2019-09-01;131;188
1275;2019-09-01;110;210
1292;2019-09-01;182;293
1257;2019-09-01;71;111
1278;2021-03-01;87;118
1276;2021-03-01;172;161
1275;2021-03-01;101;217
1292;2021-03-01;223;314
1257;2021-03-01;56;130
`;

describe('target-group statistics and economy (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  let programmeId: string;

  beforeAll(async () => {
    t = await startTestApp('statistics');
    w = await seedWorld(t);
    const orgs = t.app.get(OrganisationsService);
    const bastad = await orgs.upsertMunicipality('Båstad', '1278');
    const ork = await orgs.upsertMunicipality('Örkelljunga', '1257');
    staff = await signIn(t, w.users.staffA.email);
    const m = w.municipalities;
    programmeId = (
      await staff.post('/api/programmes', {
        name: 'Nordvästra Skåne',
        ownerMunicipalityId: m.angelholm,
        municipalityIds: [m.klippan, m.perstorp, bastad.id, ork.id],
        partnerOrganisationIds: [],
        startDate: '2019-09-01',
        endDate: '2021-12-31',
        goals: [],
      })
    ).body.id;
  });
  afterAll(() => t?.close());

  it('imports the figures, refusing a file with one bad row whole', async () => {
    const bad = CSV.replace('1257;2021-03-01;56;130', '1257;2021-03-01;femtiosex;130');
    const r = await staff.post('/api/target-group-stats/import', { content: bad });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      { field: 'row 11, oppet_arbetslosa', message: 'must be a whole number', code: 'not_integer' },
    ]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM target_group_stat')).toEqual([{ n: 0 }]);
    expect((await staff.post('/api/target-group-stats/import', { content: CSV })).body).toEqual({
      saved: 10,
    });
  });

  it('shows each municipality at the two dates with the change, as in the progress report', async () => {
    const admin = await signIn(t, w.users.admin.email);
    const res = await admin.get(
      `/api/programmes/${programmeId}/reports/target-group?from=2019-09-30&to=2021-03-31`,
    );
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      ['Båstad', 54, 87, '+33', 113, 118, '+5', 167, 205, '+38'],
      ['Klippan', 131, 172, '+41', 188, 161, '-27', 319, 333, '+14'],
      ['Perstorp', 110, 101, '-9', 210, 217, '+7', 320, 318, '-2'],
      ['Ängelholm', 182, 223, '+41', 293, 314, '+21', 475, 537, '+62'],
      ['Örkelljunga', 71, 56, '-15', 111, 130, '+19', 182, 186, '+4'],
    ]);
  });

  it('keeps the economy per municipality and tertial, with what remains', async () => {
    expect(
      (
        await staff.put(`/api/programmes/${programmeId}/budget`, {
          municipalityId: w.municipalities.angelholm,
          year: 2020,
          approved: 1200000,
          invoiced: [300000, 250000, 310000],
          forecast: 1150000,
        })
      ).status,
    ).toBe(204);
    const bad = await staff.put(`/api/programmes/${programmeId}/budget`, {
      municipalityId: w.municipalities.angelholm,
      year: 2020,
      approved: 1,
      invoiced: [1, 2],
      forecast: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('invoiced');
    const e = await staff.get(`/api/programmes/${programmeId}/reports/economy?year=2020`);
    // 860 000 of 1 200 000 invoiced: 72 %.
    expect(e.body.rows).toEqual([
      ['Ängelholm', 2020, 1200000, 300000, 250000, 310000, 860000, 72, 340000, 1150000, 50000],
      ['Totalt', null, 1200000, 300000, 250000, 310000, 860000, 72, 340000, 1150000, 50000],
    ]);
    expect(e.body.units).toEqual([null, null, 'kr', 'kr', 'kr', 'kr', 'kr', null, 'kr', 'kr', 'kr']);
  });
});
