import ExcelJS from 'exceljs';
import { UsersService } from '../src/modules/users/users.service';
import { binary, docxXml, pdfText } from './support/files';
import {
  loadReferenceProgramme,
  REFERENCE_PERIOD as PERIOD,
  referenceProgramme as fixture,
} from './support/reference-programme';
import {
  type Client,
  PASSWORD,
  seedWorld,
  signIn,
  startTestApp,
  type TestApp,
  type World,
} from './support/test-app';

describe('progress report of the reference programme (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;

  beforeAll(async () => {
    t = await startTestApp('reports');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
    // The reference programme is typed in by its lead, who sees its people's health outcomes after placement.
    await t.app.get(UsersService).setAllocation(w.users.staffA.id, w.programmeA, true, async () => {});
    await loadReferenceProgramme(staff, w);
  }, 300_000);
  afterAll(() => t?.close());

  const expected = fixture.expected;

  it('the JSON has exactly the expected figures', async () => {
    const res = await staff.get(`/api/programmes/${w.programmeA}/reports/progress?${PERIOD}`);
    expect(res.status).toBe(200);
    const r = res.body.report;
    expect(r.enrolled).toBe(expected.enrolled);
    expect(
      Object.fromEntries(
        Object.entries(r.outcomes as Record<string, { count: number }>)
          .filter(([, v]) => v.count > 0)
          .map(([k, v]) => [k, v.count]),
      ),
    ).toEqual(expected.outcomes);
    expect(r.noOutcomeYet.count).toBe(expected.noOutcomeYet);
    expect(r.toWorkOrStudies).toEqual(expected.toWorkOrStudies);
    expect(
      Object.fromEntries(
        r.attendance.byGroup.map((g: { group: number; rate: { percent: number } }) => [
          String(g.group),
          g.rate.percent,
        ]),
      ),
    ).toEqual(expected.attendancePercentByGroup);
    expect(r.attendance.overall.rate.percent).toBe(expected.attendancePercentOverall);
    expect(r.internships.rate).toEqual(expected.internshipGroups1to3);
    expect(r.internships.offers).toBe(expected.internshipOffers);
    expect(
      Object.fromEntries(
        r.internships.byIndustry.map((x: { industry: string; count: number }) => [x.industry, x.count]),
      ),
    ).toEqual(expected.internshipSectorsGroups1to3);
    const g4 = r.internships.byGroup.find((g: { group: number }) => g.group === 4);
    expect({ count: g4.rate.count, of: g4.rate.of }).toEqual(expected.internshipGroup4);
    expect(
      Object.fromEntries(
        r.surveys.map((s: { group: number; rate: { count: number; of: number } }) => [
          String(s.group),
          `${s.rate.count} of ${s.rate.of}`,
        ]),
      ),
    ).toEqual(expected.surveyResponse);
    expect(r.clearPlanGoal).toMatchObject(expected.clearPlanGoal);
  });

  it('the CSV, XLSX and PDF show the same figures', async () => {
    const json = (await staff.get(`/api/programmes/${w.programmeA}/reports/progress?${PERIOD}`)).body;
    const csv = await staff.get(`/api/programmes/${w.programmeA}/reports/progress.csv?${PERIOD}`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    for (const table of json.tables as { title: string; rows: (string | number | null)[][] }[]) {
      expect(csv.text).toContain(table.title);
      for (const row of table.rows)
        expect(csv.text).toContain(
          row
            .map((c) => (c === null ? '' : String(c)))
            .join(';')
            .split(';')[0],
        );
    }
    // The work-or-studies row: 26 of 51, 51 %.
    expect(csv.text).toContain('Till arbete eller studier;Av inskrivna;Andel (%)\r\n26;51;51');
    expect(csv.text).toContain('Grupp 3;10;273;310;88;10;100');

    const xlsx = await binary(staff.get(`/api/programmes/${w.programmeA}/reports/progress.xlsx?${PERIOD}`));
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(json.tables.length);
    // Every table's cells, read back from its own sheet, are the JSON's cells.
    for (const [i, table] of (
      json.tables as { columns: string[]; rows: (string | number | null)[][] }[]
    ).entries()) {
      const ws = wb.worksheets[i];
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(table.columns);
      table.rows.forEach((row, j) => {
        const got = (ws.getRow(j + 2).values as unknown[]).slice(1);
        expect(row.map((c) => (c === null ? undefined : c))).toEqual([
          ...got,
          ...Array(row.length - got.length).fill(undefined),
        ]);
      });
    }

    const pdf = await binary(staff.get(`/api/programmes/${w.programmeA}/reports/progress.pdf?${PERIOD}`));
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('Delrapport Nästa Steg 2019-09-03 – 2021-05-01');
    expect(text).toContain('Andel till arbete eller studier');
    expect(text).toMatch(/Grupp 1–3\s+28\s+30\s+93\s+5/);
    expect(text).toMatch(/Totalt\s+51\s+1140\s+1313\s+87/);
  });

  it('the DOCX draft has every figure and headings for the evaluator’s own text', async () => {
    const docx = await binary(staff.get(`/api/programmes/${w.programmeA}/reports/progress.docx?${PERIOD}`));
    expect(docx.status).toBe(200);
    const xml = docxXml(docx.body as Buffer);
    const text = xml
      .replace(/<\/w:tc>/g, '\t')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/\n\t/g, '\t');
    expect(text).toContain('Delrapport Nästa Steg 2019-09-03 – 2021-05-01');
    for (const heading of [
      'Sammanfattning',
      'Bakgrund och syfte',
      'Metod',
      'Resultat',
      'Analys och slutsatser',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('Andel till arbete eller studier');
    expect(text).toMatch(/26\t51\t51\t/);
    expect(text).toMatch(/Grupp 3\t10\t273\t310\t88\t10\t100\t/);
  });

  it('for evaluators, steering and the admin: the same report with small cells suppressed, and no personal data anywhere', async () => {
    for (const who of ['evaluatorA', 'steeringA', 'admin'] as const) {
      const c = await signIn(t, w.users[who].email, PASSWORD);
      const res = await c.get(`/api/programmes/${w.programmeA}/reports/progress?${PERIOD}`);
      expect(res.status).toBe(200);
      expect(res.body.report).toBeNull();
      expect(res.body.suppressed).toBe(true);
      expect(JSON.stringify(res.body.tables)).toContain('..');
      expect(JSON.stringify(res.body.tables)).toContain('"rows":[[26,51,51]]');
      const files = [
        res.text,
        (await c.get(`/api/programmes/${w.programmeA}/reports/progress.csv?${PERIOD}`)).text,
      ];
      const pdf = await binary(c.get(`/api/programmes/${w.programmeA}/reports/progress.pdf?${PERIOD}`));
      files.push((pdf.body as Buffer).toString('latin1'));
      for (const f of files) expect(f).not.toMatch(/Fnamn\d\d|Enamn\d\d/);
    }
    const analyst = await signIn(t, w.users.analysisA.email);
    expect((await analyst.get(`/api/programmes/${w.programmeA}/reports/progress?${PERIOD}`)).status).toBe(
      403,
    );
    const other = await signIn(t, w.users.staffB.email);
    expect((await other.get(`/api/programmes/${w.programmeA}/reports/progress?${PERIOD}`)).status).toBe(404);
  });

  it('Uppföljning Finsam counts the effort’s participants of a year by sex', async () => {
    const inYear = fixture.participants.filter((x) => [2, 3, 4].includes(x.group));
    const res = await staff.get(`/api/programmes/${w.programmeA}/reports/finsam?year=2020`);
    expect(res.body).toEqual({
      year: 2020,
      effort: 'Nästa Steg',
      women: inYear.filter((x) => x.gender === 'woman').length,
      men: inYear.filter((x) => x.gender === 'man').length,
      other: 0,
      total: inYear.length,
    });
  });

  it('the SUS file names only consenting people; protected identities and the rest appear anonymously', async () => {
    const g = (
      await staff.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number: 7,
        startDate: '2022-01-10',
        endDate: '2022-04-08',
        capacity: 10,
        overIntake: 0,
        deliveryMode: 'on_site',
      })
    ).body;
    const people = [
      {
        firstName: 'Med',
        lastName: 'Samtycke',
        personalNumber: '19811218-9876',
        gender: 'woman',
        consent: true,
      },
      {
        firstName: 'Skyddad',
        lastName: 'Person',
        personalNumber: '19811228-9874',
        gender: 'woman',
        consent: true,
        protectedIdentity: true,
      },
      {
        firstName: 'Utan',
        lastName: 'Samtycke',
        personalNumber: '19701063-2391',
        gender: 'man',
        consent: false,
      },
    ];
    for (const { consent, ...person } of people) {
      const p = (await staff.post('/api/participants', { programmeId: w.programmeA, ...person })).body;
      await staff.post(`/api/participants/${p.id}/enrolments`, { groupId: g.id, startDate: '2022-01-10' });
      if (consent)
        await staff.post(`/api/participants/${p.id}/consents`, {
          purpose: 'national_followup',
          givenOn: '2022-01-10',
        });
    }
    const csv = (await staff.get(`/api/programmes/${w.programmeA}/reports/sus.csv?year=2022`)).text;
    expect(csv).toContain('19811218-9876;Kvinna;2022-01-10;;Pågående;;;\r\n');
    expect(csv).not.toContain('19811228');
    expect(csv).not.toContain('19701063');
    // The anonymous part also holds group 5, still active in 2022 and without consent: 5 men and 7 women from 2021.
    expect(csv).toContain('Startår;Kön;Antal\r\n2021;Man;5\r\n2021;Kvinna;7\r\n2022;Man;1\r\n2022;Kvinna;1');
    const evaluator = await signIn(t, w.users.evaluatorA.email);
    expect((await evaluator.get(`/api/programmes/${w.programmeA}/reports/sus.csv?year=2022`)).status).toBe(
      403,
    );
  });

  it('names a bad period field', async () => {
    const res = await staff.get(
      `/api/programmes/${w.programmeA}/reports/progress?from=2021-05-01&to=2019-01-01`,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'to',
        message: 'to must not be before from',
        code: 'end_before_start',
        params: { start: 'from' },
      },
    ]);
  });
});

describe('the small-cell k of a report is the deployment’s setting (e2e)', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('with SMALL_CELL_K=10 the evaluator sees 8 women to studies as "..", and the note says fewer than 10', async () => {
    t = await startTestApp('reports_k10', { SMALL_CELL_K: '10' });
    const w = await seedWorld(t);
    const staff = await signIn(t, w.users.staffA.email);
    await t.app.get(UsersService).setAllocation(w.users.staffA.id, w.programmeA, true, async () => {});
    await loadReferenceProgramme(staff, w);
    const byGender = async (c: Client) =>
      (
        (await c.get(`/api/programmes/${w.programmeA}/reports/progress?${PERIOD}`)).body.tables as {
          id: string;
          rows: unknown[][];
          notes: string[];
        }[]
      ).find((x) => x.id === 'by-gender')!;
    const evaluator = await byGender(await signIn(t, w.users.evaluatorA.email));
    expect(evaluator.rows[0].slice(0, 4)).toEqual(['Kvinnor', 30, '..', '..']);
    expect(evaluator.notes.join(' ')).toContain('färre än 10');
    // Staff see every figure of their programme whatever k is.
    expect((await byGender(staff)).rows[0].slice(0, 4)).toEqual(['Kvinnor', 30, 7, 8]);
  }, 300_000);
});
