import ExcelJS from 'exceljs';
import { binary } from './support/files';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/** A workbook as Excel saves it: dates as date cells, the group number as a number. */
async function workbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad1');
  ws.addRow(HEADER.split(';'));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const HEADER =
  'grupp;gruppstart;gruppslut;kommunkod;fornamn;efternamn;personnummer;kon;inskrivning_start;inskrivning_slut;status;avbrottsorsak;resultat;resultat_detalj;praktik_bransch;praktik_erbjudande';
/** The template's columns: the file's, and the optional ones (docs/import.md). */
const TEMPLATE_HEADER =
  'grupp;gruppstart;gruppslut;kommunkod;fornamn;efternamn;personnummer;kon;svenskniva;inskrivning_start;inskrivning_slut;status;avbrottsorsak;resultat;resultat_kod;resultat_detalj;resultat_datum;praktik_bransch;praktik_start;praktik_slut;praktik_erbjudande';
const GOOD = [
  '1;2019-09-23;2019-12-20;1292;Amina;Exempel;19811218-9876;kvinna;2019-09-23;2019-12-20;fullföljd;;studier;barnskötarutbildning;pre-school/school;nej',
  '1;2019-09-23;2019-12-20;1292;Omar;Exempel;;man;2019-09-23;2019-10-04;avbrott;arbete;annat;timanställning;;',
  '2;2020-01-20;2020-04-17;1292;Leyla;Exempel;;kvinna;2020-01-20;2020-04-17;fullföljd;;arbete;bageri;bakery/café;ja',
];

describe('import of a historical programme (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  const counts = async () =>
    (
      await t.dataSource.query(
        'SELECT (SELECT count(*) FROM participant)::int AS p, (SELECT count(*) FROM enrolment)::int AS e, (SELECT count(*) FROM programme_group)::int AS g, (SELECT count(*) FROM outcome)::int AS o, (SELECT count(*) FROM internship)::int AS i',
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp('imports');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
  });
  afterAll(() => t?.close());

  it('offers a template with the columns, the optional ones included', async () => {
    const res = await staff.get('/api/imports/template.csv');
    expect(res.text.startsWith(`\uFEFF${TEMPLATE_HEADER}\r\n`)).toBe(true);
  });

  it('keeps two towns’ "Grupp 4" apart and stores the detail codes; an unknown code refuses the file', async () => {
    const header = `${HEADER};resultat_kod`;
    // Programme B runs in Perstorp (1275) and Klippan (1276).
    const rows = [
      '4;2021-01-11;2021-04-09;1275;Sara;Exempel;;kvinna;2021-01-11;2021-04-09;fullföljd;;arbete;barnskötare;;;introduction_job',
      '4;2021-02-01;2021-04-30;1276;Ali;Exempel;;man;2021-02-01;2021-04-30;fullföljd;;studier;;;;SFI',
    ];
    const staffB = await signIn(t, w.users.staffB.email);
    const before = await counts();
    const bad = await staffB.post(`/api/programmes/${w.programmeB}/imports`, {
      content: [header, rows[0], rows[1].replace(';SFI', ';introduction_job')].join('\r\n'),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      {
        field: 'rows.3.resultat_kod',
        message:
          'Rad 3, kolumn resultat_kod: introduction_job hör inte till resultatet studier; ange sfi, gruv, vocational_training, labour_market_training, folk_high_school, swedish_1_3',
        code: 'detail_code_not_in_category',
        params: {
          category: 'studies',
          allowed: [
            'sfi',
            'gruv',
            'vocational_training',
            'labour_market_training',
            'folk_high_school',
            'swedish_1_3',
          ],
        },
      },
    ]);
    expect(await counts()).toEqual(before);

    const ok = await staffB.post(`/api/programmes/${w.programmeB}/imports`, {
      content: [header, ...rows].join('\r\n'),
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ groups: 2, enrolments: 2, outcomes: 2, internships: 0 });
    expect(
      await t.dataSource.query(
        `SELECT m.name, g.number, o.detail_code FROM programme_group g JOIN municipality m ON m.id = g.municipality_id
           JOIN enrolment e ON e.group_id = g.id JOIN outcome o ON o.enrolment_id = e.id
          WHERE g.programme_id = $1 ORDER BY m.name`,
        [w.programmeB],
      ),
    ).toEqual([
      { name: 'Klippan', number: 4, detail_code: 'sfi' },
      { name: 'Perstorp', number: 4, detail_code: 'introduction_job' },
    ]);
  });

  it('one bad row: nothing is written and the error names the row and the column', async () => {
    const before = await counts();
    const bad = [...GOOD];
    bad[2] = bad[2].replace('2020-04-17;fullföljd', '2020-04-31;fullföljd').replace('bakery/café', 'bageri');
    const res = await staff.post(`/api/programmes/${w.programmeA}/imports`, {
      content: [HEADER, ...bad].join('\r\n'),
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('The file has 2 error(s); nothing was imported');
    expect(res.body.errors).toEqual([
      {
        field: 'rows.4.inskrivning_slut',
        message: 'Rad 4, kolumn inskrivning_slut: ange ett datum ÅÅÅÅ-MM-DD eller lämna tomt',
        code: 'invalid_date',
      },
      {
        field: 'rows.4.praktik_bransch',
        message: expect.stringMatching(
          /^Rad 4, kolumn praktik_bransch: bageri är inte tillåtet; ange pre-school\/school, retail, .* eller lämna tomt$/,
        ),
        code: 'not_allowed',
        params: { allowed: expect.arrayContaining(['pre-school/school', 'retail']) },
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('a good file creates groups, participants, enrolments, outcomes and internships in one go', async () => {
    const before = await counts();
    const res = await staff.post(`/api/programmes/${w.programmeA}/imports`, {
      content: [HEADER, ...GOOD].join('\r\n'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ groups: 2, enrolments: 3, outcomes: 3, internships: 2 });
    const after = await counts();
    expect(after).toEqual({
      p: before.p + 3,
      e: before.e + 3,
      g: before.g + 2,
      o: before.o + 3,
      i: before.i + 2,
    });
    const report = (
      await staff.get(`/api/programmes/${w.programmeA}/reports/progress?from=2019-09-03&to=2020-12-31`)
    ).body.report;
    expect(report.enrolled).toBe(3);
    expect(report.toWorkOrStudies).toEqual({ count: 2, of: 3, percent: 67 });
    expect(report.internships.offers).toBe(1);
  });

  it('reads an Excel workbook the same way: one bad row writes nothing and names the sheet row and column', async () => {
    const template = await binary(staff.get('/api/imports/template.xlsx'));
    expect(template.status).toBe(200);
    const tw = new ExcelJS.Workbook();
    await tw.xlsx.load(template.body as unknown as ArrayBuffer);
    expect((tw.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(TEMPLATE_HEADER.split(';'));
    expect(tw.worksheets[0].rowCount).toBe(3);

    const before = await counts();
    const rows = [
      [
        3,
        d('2020-08-24'),
        d('2020-11-20'),
        '1292',
        'Hodan',
        'Exempel',
        null,
        'kvinna',
        d('2020-08-24'),
        d('2020-11-20'),
        'fullföljd',
        null,
        'arbete',
        'undersköterska',
        'care',
        'ja',
      ],
      [],
      [
        3,
        d('2020-08-24'),
        d('2020-11-20'),
        '1292',
        'Yonas',
        'Exempel',
        null,
        'man',
        d('2020-08-24'),
        null,
        'fullföljd',
        null,
        'studier',
        'komvux',
        null,
        null,
      ],
    ];
    const bad = await staff.agent
      .post(`/api/programmes/${w.programmeA}/imports/xlsx`)
      .set('x-csrf-token', staff.user.csrfToken)
      .attach('file', await workbook(rows), { filename: 'historik.xlsx' });
    expect(bad.status).toBe(400);
    // Row 4 of the sheet: the header, Hodan, a blank row, then Yonas without an end date.
    expect(bad.body.errors).toEqual([
      {
        field: 'rows.4.inskrivning_slut',
        message: 'Blad Blad1, rad 4, kolumn inskrivning_slut: slutdatum krävs om statusen inte är pågående',
        code: 'end_required_unless_ongoing',
      },
    ]);
    expect(await counts()).toEqual(before);

    rows[2][9] = d('2020-11-20');
    const ok = await staff.agent
      .post(`/api/programmes/${w.programmeA}/imports/xlsx`)
      .set('x-csrf-token', staff.user.csrfToken)
      .attach('file', await workbook(rows), { filename: 'historik.xlsx' });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ groups: 1, enrolments: 2, outcomes: 2, internships: 1 });
    const [yonas] = await t.dataSource.query(
      "SELECT e.end_date::text AS end FROM enrolment e JOIN participant p ON p.id = e.participant_id WHERE p.first_name = 'Yonas'",
    );
    expect(yonas.end).toBe('2020-11-20');

    const notExcel = await staff.agent
      .post(`/api/programmes/${w.programmeA}/imports/xlsx`)
      .set('x-csrf-token', staff.user.csrfToken)
      .attach('file', Buffer.from(HEADER), { filename: 'historik.xlsx' });
    expect(notExcel.status).toBe(400);
    expect(notExcel.body.errors).toEqual([
      { field: 'file', message: 'Filen är inte en Excel-arbetsbok (.xlsx).', code: 'file_not_xlsx' },
    ]);
  });

  it('only staff and admins import; evaluators get 403', async () => {
    const e = await signIn(t, w.users.evaluatorA.email);
    expect((await e.post(`/api/programmes/${w.programmeA}/imports`, { content: HEADER })).status).toBe(403);
  });
});
