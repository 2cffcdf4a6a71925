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

  it('every download carries the economy of the period’s budget years, amounts as "1 030 000 kr"', async () => {
    const budget = (year: number, approved: number, invoiced: number[], forecast: number) =>
      staff.put(`/api/programmes/${w.programmeA}/budget`, {
        municipalityId: w.municipalities.angelholm,
        year,
        approved,
        invoiced,
        forecast,
      });
    expect((await budget(2020, 1_030_000, [250_000, 310_500, 120_000], 1_000_000)).status).toBe(204);
    expect((await budget(2021, 1_200_000, [400_000, 0, 0], 1_250_000)).status).toBe(204);
    // 2022 is after the period (2019-09-03 – 2021-05-01): not in its report.
    expect((await budget(2022, 900_000, [0, 0, 0], 900_000)).status).toBe(204);
    // By hand: 2020 invoiced 680 500 of 1 030 000 (66.07 %), 349 500 left, forecast 30 000 under;
    // 2021 invoiced 400 000 of 1 200 000 (33.3 %), forecast 50 000 over; in all 1 080 500 of 2 230 000 (48.5 %).
    const rows = [
      ['Ängelholm', 2020, 1_030_000, 250_000, 310_500, 120_000, 680_500, 66, 349_500, 1_000_000, 30_000],
      ['Ängelholm', 2021, 1_200_000, 400_000, 0, 0, 400_000, 33, 800_000, 1_250_000, -50_000],
      ['Totalt', null, 2_230_000, 650_000, 310_500, 120_000, 1_080_500, 48, 1_149_500, 2_250_000, -20_000],
    ];
    const columns = [
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
    ];
    const url = (ext: string) => `/api/programmes/${w.programmeA}/reports/progress${ext}?${PERIOD}`;
    type Table = { id: string; columns: string[]; rows: unknown[][]; units?: unknown[] };

    // JSON, for staff and, in full (money is no count of people), for the evaluator (who asks for a fixed period:
    // the whole programme, whose budget years are the same).
    const evaluator = await signIn(t, w.users.evaluatorA.email, PASSWORD);
    for (const [c, u] of [
      [staff, url('')],
      [evaluator, `/api/programmes/${w.programmeA}/reports/progress`],
    ] as const) {
      const tables = (await c.get(u)).body.tables as Table[];
      const economy = tables.find((x) => x.id === 'economy')!;
      expect(economy.columns).toEqual(columns);
      expect(economy.rows).toEqual(rows);
      expect(economy.units).toEqual([null, null, 'kr', 'kr', 'kr', 'kr', 'kr', null, 'kr', 'kr', 'kr']);
    }

    // CSV: plain numbers, the unit in the heading.
    const csv = (await staff.get(url('.csv'))).text;
    expect(csv).toContain(
      'Ekonomi\r\nKommun;År;Beviljat (kr);Fakturerat T1 (kr);Fakturerat T2 (kr);Fakturerat T3 (kr);' +
        'Fakturerat totalt (kr);Andel fakturerat (%);Kvar (kr);Prognos (kr);Avvikelse mot beviljat (kr)\r\n' +
        'Ängelholm;2020;1030000;250000;310500;120000;680500;66;349500;1000000;30000\r\n' +
        'Ängelholm;2021;1200000;400000;0;0;400000;33;800000;1250000;-50000\r\n' +
        'Totalt;;2230000;650000;310500;120000;1080500;48;1149500;2250000;-20000\r\n',
    );

    // XLSX: numbers, with the kronor number format.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await binary(staff.get(url('.xlsx')))).body as ArrayBuffer);
    const ws = wb.getWorksheet('Ekonomi')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(columns);
    rows.forEach((row, i) =>
      expect((ws.getRow(i + 2).values as unknown[]).slice(1)).toEqual(row.map((c) => c ?? undefined)),
    );
    expect(ws.getRow(2).getCell(3).numFmt).toBe('#,##0 "kr"');
    expect(ws.getRow(4).getCell(11).numFmt).toBe('#,##0 "kr"');
    expect(ws.getRow(2).getCell(8).numFmt).toBeUndefined();

    // PDF: each row on a line, amounts in Swedish format (no-break spaces, read here as spaces).
    const text = (await pdfText((await binary(staff.get(url('.pdf')))).body as Buffer)).replace(
      /\u00a0/g,
      ' ',
    );
    expect(text).toContain(
      'Ängelholm 2020 1 030 000 kr 250 000 kr 310 500 kr 120 000 kr 680 500 kr 66 349 500 kr 1 000 000 kr 30 000 kr',
    );
    expect(text).toContain(
      'Ängelholm 2021 1 200 000 kr 400 000 kr 0 kr 0 kr 400 000 kr 33 800 000 kr 1 250 000 kr −50 000 kr',
    );
    expect(text).toContain(
      'Totalt 2 230 000 kr 650 000 kr 310 500 kr 120 000 kr 1 080 500 kr 48 1 149 500 kr 2 250 000 kr −20 000 kr',
    );

    // DOCX: the same, with the no-break spaces themselves.
    const cells = [
      ...docxXml((await binary(staff.get(url('.docx')))).body as Buffer).matchAll(
        /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g,
      ),
    ].map((m) => m[1]);
    const at = cells.indexOf('Ekonomi');
    expect(at).toBeGreaterThan(0);
    const nbsp = (s: string) => s.replace(/ /g, '\u00a0');
    expect(cells.slice(at + 1 + columns.length, at + 1 + 2 * columns.length)).toEqual(
      [
        'Ängelholm',
        '2020',
        '1 030 000 kr',
        '250 000 kr',
        '310 500 kr',
        '120 000 kr',
        '680 500 kr',
        '66',
        '349 500 kr',
        '1 000 000 kr',
        '30 000 kr',
      ].map(nbsp),
    );
    // The total's year is an empty cell: no text.
    expect(cells.slice(at + 1 + 3 * columns.length, at + 4 * columns.length)).toEqual(
      [
        'Totalt',
        '2 230 000 kr',
        '650 000 kr',
        '310 500 kr',
        '120 000 kr',
        '1 080 500 kr',
        '48',
        '1 149 500 kr',
        '2 250 000 kr',
        '−20 000 kr',
      ].map(nbsp),
    );
  });

  it('for evaluators, steering and the admin: the counts reports print, health below k hidden, no personal data', async () => {
    // The whole programme (2019-09-03 – 2021-12-31) by default: a fixed period.
    const whole = `/api/programmes/${w.programmeA}/reports/progress`;
    for (const who of ['evaluatorA', 'steeringA', 'admin'] as const) {
      const c = await signIn(t, w.users[who].email, PASSWORD);
      const res = await c.get(whole);
      expect(res.status).toBe(200);
      expect(res.body.report).toBeNull();
      expect(res.body.suppressed).toBe(true);
      const table = (id: string) =>
        (res.body.tables as { id: string; rows: unknown[][]; notes: string[] }[]).find((x) => x.id === id)!;
      // Plain counts as the real reports print them: 15 began studies, 2 other, 12 without a result yet, group 2's
      // 3 to work. The two health outcomes (groups 2 and 3) are hidden, and with them as few other cells as the
      // audit needs so that neither can be worked out from anything else the evaluator can obtain.
      expect(table('outcomes').rows.map((r) => r.slice(0, 2))).toEqual([
        ['Arbete', '..'],
        ['Studier', 15],
        ['Planering mot arbete eller studier', '..'],
        ['Ohälsa som hinder', '..'],
        ['Annat', 2],
        ['Varken arbete, studier eller planering', 0],
        ['Avbrott utan registrerat resultat', 0],
        ['Inget resultat ännu', 12],
        ['Totalt', 51],
      ]);
      expect(table('outcomes-by-group').rows[1]).toEqual(['Grupp 2', 10, 3, 4, 3, '..', 0, 0, 0, 0, 7, 70]);
      expect(table('enrolled').rows.at(-1)).toEqual(['Totalt', null, null, null, 51, 37, 2, 12]);
      expect(table('clear-plan').rows[0]).toEqual(['..', '..', '..', 75, '..']);
      expect(table('outcomes').notes.join(' ')).toContain('uppgifter om hälsa visas från 5 personer');
      // Health is counted with personal reasons for leaving, and every reason has its row.
      expect(table('early-leavers').rows[0]).toEqual(['Personliga skäl eller hälsa', 0]);
      const files = [res.text, (await c.get(`${whole}.csv`)).text];
      const pdf = await binary(c.get(`${whole}.pdf`));
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

  it('aggregate-only readers choose a tertial, a year or the whole programme, nothing else', async () => {
    const evaluator = await signIn(t, w.users.evaluatorA.email, PASSWORD);
    const url = (q: string) => `/api/programmes/${w.programmeA}/reports/progress?${q}`;
    for (const q of [PERIOD, 'from=2020-09-01&to=2020-12-30', 'from=2020-09-01', 'to=2020-12-31']) {
      const res = await evaluator.get(url(q));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('period_not_fixed');
      expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['from', 'period_not_fixed'],
        ['to', 'period_not_fixed'],
      ]);
    }
    for (const q of [
      'from=2020-09-01&to=2020-12-31',
      'from=2021-01-01&to=2021-12-31',
      'from=2019-09-03&to=2021-12-31',
    ])
      expect((await evaluator.get(url(q))).status).toBe(200);
    // Staff choose any dates, as before.
    expect((await staff.get(url(PERIOD))).status).toBe(200);
    // The fixed periods, for a client to offer.
    const periods = await evaluator.get(`/api/programmes/${w.programmeA}/reports/periods`);
    expect(periods.status).toBe(200);
    expect(periods.body.map((p: { id: string }) => p.id)).toEqual([
      '2019-T3',
      '2019',
      '2020-T1',
      '2020-T2',
      '2020-T3',
      '2020',
      '2021-T1',
      '2021-T2',
      '2021-T3',
      '2021',
      'whole',
    ]);
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
    expect(csv).toContain('19811218-9876;Kvinna;2022-01-10;;Pågående;;;;\r\n');
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

describe('a programme in two municipalities, each with a "Grupp 4" (e2e)', () => {
  let t: TestApp;
  let w: World;
  afterAll(() => t?.close());

  it('keeps the groups apart, codes outcomes, counts a moved participant once and prints it all', async () => {
    t = await startTestApp('reports_towns');
    w = await seedWorld(t);
    // Programme B runs in Perstorp and Klippan; staffB works in it.
    const staff = await signIn(t, w.users.staffB.email);
    const p = w.programmeB;
    const group = async (municipalityId: string, startDate: string, endDate: string) =>
      staff.post('/api/groups', {
        programmeId: p,
        municipalityId,
        number: 4,
        startDate,
        endDate,
        capacity: 12,
        overIntake: 0,
        deliveryMode: 'on_site',
      });
    const perstorp = await group(w.municipalities.perstorp, '2024-09-02', '2024-12-13');
    const klippan = await group(w.municipalities.klippan, '2024-11-04', '2025-02-28');
    expect([perstorp.status, klippan.status]).toEqual([201, 201]);
    const twice = await group(w.municipalities.klippan, '2025-03-03', '2025-05-30');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('group_number_taken');

    let n = 0;
    const enrol = async (groupId: string, startDate: string, gender: string) => {
      const person = (
        await staff.post('/api/participants', {
          programmeId: p,
          firstName: `Ort${n}`,
          lastName: `Exempel${n++}`,
          gender,
        })
      ).body;
      return (await staff.post(`/api/participants/${person.id}/enrolments`, { groupId, startDate })).body
        .id as string;
    };
    const complete = (e: string, endDate: string) =>
      staff.patch(`/api/enrolments/${e}`, { status: 'completed', endDate });
    const outcome = async (e: string, category: string, detailCode: string | null, date: string) => {
      const res = await staff.put(`/api/enrolments/${e}/outcome`, { category, detailCode, detail: '', date });
      expect(res.status).toBe(200);
      return res;
    };
    // Perstorp: P1 introduction job, P2 work without a code, P3 left early (personal reasons, no outcome),
    // P4 SFI, P5 moved to Klippan's group, where she completed with a work trial.
    const [p1, p2, p3, p4, p5] = [
      await enrol(perstorp.body.id, '2024-09-02', 'woman'),
      await enrol(perstorp.body.id, '2024-09-02', 'man'),
      await enrol(perstorp.body.id, '2024-09-02', 'woman'),
      await enrol(perstorp.body.id, '2024-09-02', 'man'),
      await enrol(perstorp.body.id, '2024-09-02', 'woman'),
    ];
    for (const e of [p1, p2, p4]) await complete(e, '2024-12-13');
    await staff.patch(`/api/enrolments/${p3}`, {
      status: 'left_early',
      endDate: '2024-10-01',
      leftReason: 'personal',
    });
    const moved = await staff.post(`/api/enrolments/${p5}/move`, {
      toGroupId: klippan.body.id,
      date: '2024-11-04',
      reason: 'moved_home',
    });
    expect(moved.status).toBe(201);
    const p5k = (
      await t.dataSource.query<{ id: string }[]>(
        "SELECT id FROM enrolment WHERE group_id = $1 AND status = 'active'",
        [klippan.body.id],
      )
    )[0]!.id;
    const [k1, k2, k3] = [
      await enrol(klippan.body.id, '2024-11-04', 'man'),
      await enrol(klippan.body.id, '2024-11-04', 'woman'),
      await enrol(klippan.body.id, '2024-11-04', 'man'),
    ];
    for (const e of [p5k, k1, k2, k3]) await complete(e, '2025-02-28');

    // A code must be one of its category's: SFI is not a kind of work.
    const wrong = await staff.put(`/api/enrolments/${p1}/outcome`, {
      category: 'work',
      detailCode: 'sfi',
      date: '2024-12-13',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      {
        field: 'detailCode',
        message: 'detailCode is not one of the codes of work',
        code: 'detail_code_not_in_category',
        params: {
          category: 'work',
          allowed: [
            'unsubsidised_employment',
            'introduction_job',
            'extra_job',
            'new_start_job',
            'wage_subsidy',
            'hourly_on_call',
            'seasonal_work',
          ],
        },
      },
    ]);
    const unknown = await staff.put(`/api/enrolments/${p1}/outcome`, {
      category: 'work',
      detailCode: 'astronaut',
      date: '2024-12-13',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'detailCode', code: 'not_allowed' });

    const saved = await outcome(p1, 'work', 'introduction_job', '2024-12-13');
    expect(saved.body).toMatchObject({ category: 'work', detailCode: 'introduction_job' });
    await outcome(p2, 'work', null, '2024-12-13');
    await outcome(p4, 'studies', 'sfi', '2024-12-13');
    await outcome(p5k, 'plan', 'work_trial', '2025-02-28');
    await outcome(k1, 'other', 'parental_leave', '2025-02-28');
    await outcome(k2, 'work', 'extra_job', '2025-02-28');
    expect(
      (
        await staff.post(`/api/enrolments/${p1}/follow-ups`, {
          months: 3,
          date: '2025-03-13',
          category: 'work',
        })
      ).status,
    ).toBe(200);

    const res = await staff.get(`/api/programmes/${p}/reports/progress?from=2024-09-01&to=2025-04-30`);
    expect(res.status).toBe(200);
    const tables = res.body.tables as { id: string; columns: string[]; rows: unknown[][] }[];
    const table = (id: string) => tables.find((x) => x.id === id)!;
    // Each group lists its enrolments (P5 in both); the total counts 8 persons.
    expect(table('enrolled').rows).toEqual([
      ['Grupp 4, Klippan', '2024-11-04', '2025-02-28', 'Avslutad', 4, 4, 0, 0],
      ['Grupp 4, Perstorp', '2024-09-02', '2024-12-13', 'Avslutad', 5, 3, 2, 0],
      ['Totalt', null, null, null, 8, 7, 1, 0],
    ]);
    expect(table('outcome-details').columns).toEqual([
      'Resultat',
      'Klippan',
      'Perstorp',
      'Antal',
      'Andel av inskrivna (%)',
    ]);
    expect(table('outcome-details').rows).toEqual([
      ['Arbete', 1, 2, 3, 38],
      ['Arbete – varav introduktionsjobb', 0, 1, 1, 13],
      ['Arbete – varav extratjänst', 1, 0, 1, 13],
      ['Arbete – varav okodad', 0, 1, 1, 13],
      ['Studier', 0, 1, 1, 13],
      ['Studier – varav SFI', 0, 1, 1, 13],
      ['Planering mot arbete eller studier', 1, 0, 1, 13],
      ['Planering mot arbete eller studier – varav arbetsprövning', 1, 0, 1, 13],
      ['Ohälsa som hinder', 0, 0, 0, 0],
      ['Annat', 1, 0, 1, 13],
      ['Annat – varav föräldraledighet', 1, 0, 1, 13],
      ['Varken arbete, studier eller planering', 0, 0, 0, 0],
      ['Avbrott utan registrerat resultat', 0, 1, 1, 13],
      ['Inget resultat ännu', 1, 0, 1, 13],
      ['Totalt', 4, 4, 8, 100],
    ]);
    expect(table('early-leavers').rows).toEqual([
      ['Personliga skäl', 0, 1, 1],
      ['Totalt', 0, 1, 1],
    ]);
    expect(table('follow-ups').rows).toEqual([
      ['3 månader efter avslut', 'Klippan', 0, 0, 0, 0, 0, 0, 0, 0, null],
      ['3 månader efter avslut', 'Perstorp', 1, 1, 0, 0, 0, 0, 0, 1, 100],
      ['3 månader efter avslut', 'Totalt', 1, 1, 0, 0, 0, 0, 0, 1, 100],
    ]);
    // T3 2024: all 8 persons, Klippan's group still running; T1 2025: Klippan's 4, all completed.
    expect(table('tertials').columns).toEqual([
      'Nyckeltal',
      'T3 2024 (2024-09-01 – 2024-12-31)',
      'T1 2025 (2025-01-01 – 2025-04-30)',
    ]);
    expect(table('tertials').rows.slice(0, 4)).toEqual([
      ['Inskrivna', 8, 4],
      ['Fullföljt', 3, 4],
      ['Avbrott', 1, 0],
      ['Pågående', 4, 0],
    ]);

    // The person-level file carries the code beside the category.
    const sus = await staff.get(`/api/programmes/${p}/reports/sus.csv?year=2024`);
    expect(sus.text.split('\r\n')[0]).toBe(
      '\uFEFFPersonnummer;Kön;Startdatum;Slutdatum;Status;Försörjning före;Försörjning efter;Resultat;Resultat, underkategori',
    );
  }, 300_000);
});

describe('the small-cell k of a report is the deployment’s setting (e2e)', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('with SMALL_CELL_K=10 the evaluator’s health cells are hidden below 10, and the note says so', async () => {
    t = await startTestApp('reports_k10', { SMALL_CELL_K: '10' });
    const w = await seedWorld(t);
    const staff = await signIn(t, w.users.staffA.email);
    await t.app.get(UsersService).setAllocation(w.users.staffA.id, w.programmeA, true, async () => {});
    await loadReferenceProgramme(staff, w);
    const byGender = async (c: Client, q = '') =>
      (
        (await c.get(`/api/programmes/${w.programmeA}/reports/progress${q}`)).body.tables as {
          id: string;
          rows: unknown[][];
          notes: string[];
        }[]
      ).find((x) => x.id === 'by-gender')!;
    const evaluator = await byGender(await signIn(t, w.users.evaluatorA.email));
    // The women's two health outcomes are hidden below 10, and with k = 10 the audit needs more cells hidden to
    // protect them than with 5 (the hidden ones of the line must be able to add up to 9).
    expect(evaluator.rows[0]).toEqual(['Kvinnor', 30, '..', '..', '..', '..', 1, 0, 0, '..', '..', '..']);
    expect(evaluator.notes.join(' ')).toContain('från 10 personer');
    // Staff see every figure of their programme whatever k is.
    expect((await byGender(staff, `?${PERIOD}`)).rows[0].slice(0, 4)).toEqual(['Kvinnor', 30, 7, 8]);
  }, 300_000);
});
