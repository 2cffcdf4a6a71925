import { INDUSTRIES, labelOf, OUTCOME_DETAIL_CODES } from '@stegvis/contracts';
import ExcelJS from 'exceljs';
import { binary } from './support/files';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/** Every column of the template, in its order (docs/import.md). */
const COLUMNS = [
  'grupp',
  'gruppstart',
  'gruppslut',
  'kommunkod',
  'fornamn',
  'efternamn',
  'personnummer',
  'kon',
  'svenskniva',
  'inskrivning_start',
  'inskrivning_slut',
  'status',
  'avbrottsorsak',
  'resultat',
  'resultat_kod',
  'resultat_detalj',
  'resultat_datum',
  'praktik_bransch',
  'praktik_start',
  'praktik_slut',
  'praktik_erbjudande',
] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string>>;

/** A completer of group 7 (2020-08-24 – 2020-12-17) in Ängelholm, with what the test changes. */
const person = (fornamn: string, changes: Row = {}): string[] => {
  const r: Row = {
    grupp: '7',
    gruppstart: '2020-08-24',
    gruppslut: '2020-12-17',
    kommunkod: '1292',
    fornamn,
    efternamn: 'Prov',
    kon: 'kvinna',
    inskrivning_start: '2020-08-24',
    inskrivning_slut: '2020-12-17',
    status: 'fullföljd',
    ...changes,
  };
  return COLUMNS.map((c) => r[c] ?? '');
};
const csv = (rows: string[][], columns: readonly string[] = COLUMNS) =>
  [columns, ...rows].map((r) => r.join(';')).join('\r\n');

/** A personnummer with its check digit (Luhn over the last ten digits). */
function pnr(date: string, serial: string): string {
  const ten = `${date.slice(2)}${serial}`;
  const sum = [...ten].reduce((s, ch, i) => {
    const v = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return s + (v > 9 ? v - 9 : v);
  }, 0);
  return `${date}-${serial}${(10 - (sum % 10)) % 10}`;
}

/** A workbook with the rows on a sheet of that name, from row 1 (the header) down. */
async function workbook(sheet: string, rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('an import that cannot be wrong silently (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  const counts = async () =>
    (
      await t.dataSource.query(
        'SELECT (SELECT count(*) FROM participant)::int AS p, (SELECT count(*) FROM enrolment)::int AS e, (SELECT count(*) FROM programme_group)::int AS g, (SELECT count(*) FROM outcome)::int AS o, (SELECT count(*) FROM internship)::int AS i',
      )
    )[0];
  const importCsv = (content: string, c: Client = staff, programme = w.programmeA) =>
    c.post(`/api/programmes/${programme}/imports`, { content });
  const importXlsx = async (file: Buffer) =>
    staff.agent
      .post(`/api/programmes/${w.programmeA}/imports/xlsx`)
      .set('x-csrf-token', staff.user.csrfToken)
      .attach('file', file, { filename: 'historik.xlsx' });

  beforeAll(async () => {
    t = await startTestApp('imports_validation');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
  });
  afterAll(() => t?.close());

  it('refuses dates outside the group or the enrolment, names each in Swedish, and stores nothing', async () => {
    const before = await counts();
    const res = await importCsv(
      csv([
        person('Alba', { inskrivning_start: '2020-08-17' }),
        person('Berit', { inskrivning_slut: '2021-01-15' }),
        person('Cecilia', {
          inskrivning_start: '2020-09-01',
          inskrivning_slut: '2020-08-31',
        }),
        person('Dunja', { status: 'pågående', inskrivning_slut: '' }),
        person('Elif', { resultat: 'arbete', resultat_datum: '2020-08-20' }),
        person('Fatima', {
          praktik_bransch: 'retail',
          praktik_start: '2020-08-10',
        }),
        person('Gul', {
          status: 'avbrott',
          avbrottsorsak: 'flytt',
          inskrivning_slut: '2020-10-02',
          praktik_bransch: 'care',
          praktik_slut: '2020-10-30',
        }),
        person('Hawa', {
          grupp: '8',
          gruppstart: '2021-01-11',
          gruppslut: '2020-12-17',
        }),
        person('Ida'),
      ]),
    );
    expect(res.status).toBe(400);
    expect([res.body.code, res.body.params, res.body.detail]).toEqual([
      'file_has_errors',
      { count: 8 },
      'The file has 8 error(s); nothing was imported',
    ]);
    expect(res.body.errors).toEqual([
      {
        field: 'rows.2.inskrivning_start',
        message: 'Rad 2, kolumn inskrivning_start: datumet ligger före gruppens start (2020-08-24)',
        code: 'before_group_start',
        params: { groupStart: '2020-08-24' },
      },
      {
        field: 'rows.3.inskrivning_slut',
        message: 'Rad 3, kolumn inskrivning_slut: datumet ligger efter gruppens slut (2020-12-17)',
        code: 'after_group_end',
        params: { groupEnd: '2020-12-17' },
      },
      {
        field: 'rows.4.inskrivning_slut',
        message: 'Rad 4, kolumn inskrivning_slut: slutdatumet ligger före inskrivningens start (2020-09-01)',
        code: 'end_before_start',
        params: { start: 'inskrivning_start' },
      },
      {
        field: 'rows.5.status',
        message:
          'Rad 5, kolumn status: gruppen slutade 2020-12-17; en inskrivning i den kan inte vara pågående',
        code: 'ongoing_in_ended_group',
        params: { groupEnd: '2020-12-17' },
      },
      {
        field: 'rows.6.resultat_datum',
        message: 'Rad 6, kolumn resultat_datum: resultatet är daterat före inskrivningens start (2020-08-24)',
        code: 'before_enrolment_start',
        params: { startDate: '2020-08-24' },
      },
      {
        field: 'rows.7.praktik_start',
        message:
          'Rad 7, kolumn praktik_start: praktiken ligger utanför inskrivningen (2020-08-24 – 2020-12-17)',
        code: 'outside_enrolment',
        params: { start: '2020-08-24', end: '2020-12-17' },
      },
      {
        field: 'rows.8.praktik_slut',
        message:
          'Rad 8, kolumn praktik_slut: praktiken ligger utanför inskrivningen (2020-08-24 – 2020-10-02)',
        code: 'outside_enrolment',
        params: { start: '2020-08-24', end: '2020-10-02' },
      },
      {
        field: 'rows.9.gruppslut',
        message: 'Rad 9, kolumn gruppslut: gruppens slut ligger före dess start (2021-01-11)',
        code: 'end_before_start',
        params: { start: 'gruppstart' },
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('names the Excel sheet, its row and the column', async () => {
    const before = await counts();
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    // The header, twelve who started with the group (rows 2–13), and on row 14 one dated a week before it.
    const rows = Array.from({ length: 13 }, (_, i) => {
      const r: (string | number | Date | null)[] = person(`Deltagare${i + 1}`);
      r[0] = 3;
      r[1] = d('2020-08-24');
      r[2] = d('2020-12-17');
      r[9] = d(i === 12 ? '2020-08-17' : '2020-08-24');
      r[10] = d('2020-12-17');
      return r;
    });
    const res = await importXlsx(await workbook('Deltagare', [[...COLUMNS], ...rows]));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'rows.14.inskrivning_start',
        message:
          'Blad Deltagare, rad 14, kolumn inskrivning_start: datumet ligger före gruppens start (2020-08-24)',
        code: 'before_group_start',
        params: { groupStart: '2020-08-24' },
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a second import of the same rows, listing them, and stores nothing the second time', async () => {
    const rows = [
      person('Jamila', { grupp: '9', personnummer: pnr('19850312', '238') }),
      person('Kawsar', { grupp: '9' }),
      person('Lina', {
        grupp: '9',
        inskrivning_slut: '2020-10-30',
        status: 'avbrott',
        avbrottsorsak: 'hälsa',
      }),
    ];
    const first = await importCsv(csv(rows));
    expect([first.status, first.body]).toEqual([
      201,
      { groups: 1, enrolments: 3, outcomes: 0, internships: 0 },
    ]);
    const before = await counts();
    const again = await importCsv(csv(rows));
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual(
      [2, 3, 4].map((row) => ({
        field: `rows.${row}`,
        message: `Rad ${row}: inskrivningen finns redan (samma person i grupp 9 från 2020-08-24); raden har importerats förut`,
        code: 'already_imported',
      })),
    );
    expect(await counts()).toEqual(before);

    // Written another way (the number without its century, the name in capitals), a new row beside them: the old
    // ones are still the same enrolments, and the new one is not stored either.
    const retyped = await importCsv(
      csv([
        person('Nasra', { grupp: '9' }),
        person('JAMILA', {
          grupp: '9',
          personnummer: pnr('19850312', '238').slice(2),
          efternamn: 'prov',
        }),
        person(' Kawsar ', { grupp: '9' }),
      ]),
    );
    expect(retyped.status).toBe(400);
    expect(retyped.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['rows.3', 'already_imported'],
      ['rows.4', 'already_imported'],
    ]);
    expect(await counts()).toEqual(before);

    // The same person from another day is another enrolment; a row given twice in one file is not.
    const twice = await importCsv(
      csv([
        person('Kawsar', {
          grupp: '10',
          gruppstart: '2021-01-11',
          gruppslut: '2021-04-09',
          inskrivning_start: '2021-01-11',
          inskrivning_slut: '2021-04-09',
        }),
        person('Kawsar', {
          grupp: '10',
          gruppstart: '2021-01-11',
          gruppslut: '2021-04-09',
          inskrivning_start: '2021-01-11',
          inskrivning_slut: '2021-04-09',
        }),
      ]),
    );
    expect(twice.body.errors).toEqual([
      {
        field: 'rows.3',
        message: 'Rad 3: samma inskrivning som rad 2 (samma person, grupp och startdatum)',
        code: 'duplicate_row',
        params: { row: 2 },
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a group that exists with other dates', async () => {
    const before = await counts();
    const res = await importCsv(csv([person('Oda', { grupp: '9', gruppslut: '2020-12-18' })]));
    expect(res.body.errors).toEqual([
      {
        field: 'rows.2.gruppstart',
        message: 'Rad 2, kolumn gruppstart: grupp 9 finns redan med perioden 2020-08-24 – 2020-12-17',
        code: 'group_exists_with_other_dates',
        params: { start: '2020-08-24', end: '2020-12-17' },
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a CSV row with more or fewer columns than the header, and an unknown column', async () => {
    const before = await counts();
    const good = person('Petra', { grupp: '11' });
    const res = await importCsv(
      [
        COLUMNS.join(';'),
        good.join(';'),
        `${person('Rana', { grupp: '11' }).join(';')};x`,
        person('Sofia', { grupp: '11' }).slice(0, -1).join(';'),
      ].join('\r\n'),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'rows.3',
        message: 'Rad 3: raden har 22 kolumner men rubrikraden har 21',
        code: 'column_count_differs',
        params: { expected: 21, actual: 22 },
      },
      {
        field: 'rows.4',
        message: 'Rad 4: raden har 20 kolumner men rubrikraden har 21',
        code: 'column_count_differs',
        params: { expected: 21, actual: 20 },
      },
    ]);
    const unknown = await importCsv(csv([[...good, 'x']], [...COLUMNS, 'anteckning']));
    expect(unknown.body.errors).toEqual([
      {
        field: 'rows.1',
        message: 'Rad 1: okända kolumner: anteckning; kolumnerna heter som i mallen',
        code: 'unknown_columns',
        params: { columns: ['anteckning'] },
      },
    ]);
    // In Excel a row may end early, but a value beyond the named columns is refused the same way.
    const sheet = await importXlsx(await workbook('Blad1', [[...COLUMNS], good, [...good, '', 'x']]));
    expect(sheet.body.errors).toEqual([
      {
        field: 'rows.3',
        message: 'Blad Blad1, rad 3: raden har värden i 23 kolumner men rubrikraden har 21',
        code: 'column_count_differs',
        params: { expected: 21, actual: 23 },
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown code in any coded column, naming the codes allowed', async () => {
    const before = await counts();
    const res = await importCsv(
      csv([
        person('Saba', { kon: 'kvinnor', svenskniva: 'sfi e' }),
        person('Tina', { status: 'klar' }),
        person('Ulla', { status: 'avbrott', avbrottsorsak: 'sjuk' }),
        person('Vera', { resultat: 'jobb' }),
        person('Wafa', { resultat: 'arbete', resultat_kod: 'sfi' }),
        person('Xenia', {
          praktik_bransch: 'bageri',
          praktik_erbjudande: 'kanske',
        }),
      ]),
    );
    expect(res.status).toBe(400);
    const notAllowed = (row: number, column: string, value: string, allowed: string[], orEmpty: boolean) => ({
      field: `rows.${row}.${column}`,
      message: `Rad ${row}, kolumn ${column}: ${value} är inte tillåtet; ange ${allowed.join(', ')}${orEmpty ? ' eller lämna tomt' : ''}`,
      code: 'not_allowed',
      params: { allowed },
    });
    expect(res.body.errors).toEqual([
      notAllowed(2, 'kon', 'kvinnor', ['kvinna', 'man', 'annat'], false),
      notAllowed(2, 'svenskniva', 'sfi e', ['sfi a', 'sfi b', 'sfi c', 'sfi d', 'gruv', 'ingen'], true),
      notAllowed(3, 'status', 'klar', ['pågående', 'fullföljd', 'avbrott'], false),
      notAllowed(
        4,
        'avbrottsorsak',
        'sjuk',
        ['personliga', 'flytt', 'arbete', 'hälsa', 'föräldraledighet', 'annan insats', 'annat'],
        false,
      ),
      notAllowed(5, 'resultat', 'jobb', ['arbete', 'studier', 'planering', 'hälsa', 'annat', 'inget'], true),
      {
        field: 'rows.6.resultat_kod',
        message:
          'Rad 6, kolumn resultat_kod: sfi hör inte till resultatet arbete; ange unsubsidised_employment, introduction_job, extra_job, new_start_job, wage_subsidy, hourly_on_call, seasonal_work',
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
      notAllowed(7, 'praktik_bransch', 'bageri', [...INDUSTRIES], true),
      notAllowed(7, 'praktik_erbjudande', 'kanske', ['ja', 'nej'], true),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('needs the municipality only when the programme has several; takes its code or its name', async () => {
    const staffB = await signIn(t, w.users.staffB.email);
    const without = COLUMNS.filter((c) => c !== 'kommunkod');
    const drop = (r: string[]) => r.filter((_, i) => COLUMNS[i] !== 'kommunkod');
    const before = await counts();
    const several = await importCsv(csv([drop(person('Yasmin'))], without), staffB, w.programmeB);
    expect(several.body.errors).toEqual([
      {
        field: 'rows.1',
        message: 'Rad 1: kolumner saknas: kommunkod',
        code: 'missing_columns',
        params: { columns: ['kommunkod'] },
      },
    ]);
    const unknown = await importCsv(csv([person('Yasmin', { kommunkod: '1292' })]), staffB, w.programmeB);
    expect(unknown.body.errors).toEqual([
      {
        field: 'rows.2.kommunkod',
        message:
          'Rad 2, kolumn kommunkod: 1292 är ingen av insatsens kommuner; ange 1276 (Klippan), 1275 (Perstorp)',
        code: 'unknown_municipality_code',
        params: { value: '1292' },
      },
    ]);
    expect(await counts()).toEqual(before);

    const one = await importCsv(csv([drop(person('Zahra', { grupp: '12' }))], without));
    expect(one.status).toBe(201);
    const byName = await importCsv(
      csv([person('Zahra', { grupp: '12', kommunkod: 'klippan' })]),
      staffB,
      w.programmeB,
    );
    expect(byName.status).toBe(201);
    expect(
      await t.dataSource.query(
        `SELECT m.name, g.number FROM programme_group g JOIN municipality m ON m.id = g.municipality_id
          WHERE g.number = 12 ORDER BY m.name`,
      ),
    ).toEqual([
      { name: 'Klippan', number: 12 },
      { name: 'Ängelholm', number: 12 },
    ]);
  });

  it('offers an Excel template with a drop-down list on each coded column and a sheet that explains the codes', async () => {
    const res = await binary(staff.get('/api/imports/template.xlsx'));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Deltagare', 'Koder']);
    const [sheet, codes] = wb.worksheets;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([...COLUMNS]);

    const explained = codes
      .getSheetValues()
      .slice(2)
      .map((r) => (r as string[]).slice(1));
    expect(codes.getRow(1).values).toEqual([undefined, 'Kolumn', 'Kod', 'Betydelse']);
    const of = (column: string) => explained.filter((r) => r[0] === column).map((r) => [r[1], r[2]]);
    expect(of('kon')).toEqual([
      ['kvinna', 'Kvinna'],
      ['man', 'Man'],
      ['annat', 'Annat'],
    ]);
    expect(of('status')).toEqual([
      ['pågående', 'Pågående'],
      ['fullföljd', 'Genomförd'],
      ['avbrott', 'Avbrott'],
    ]);
    expect(of('svenskniva')).toEqual([
      ['sfi a', 'SFI A'],
      ['sfi b', 'SFI B'],
      ['sfi c', 'SFI C'],
      ['sfi d', 'SFI D'],
      ['gruv', 'GRUV'],
      ['ingen', 'Ingen SFI eller GRUV'],
    ]);
    expect(of('avbrottsorsak')).toEqual([
      ['personliga', 'Personliga skäl'],
      ['flytt', 'Flyttat'],
      ['arbete', 'Fick arbete'],
      ['hälsa', 'Hälsoskäl'],
      ['föräldraledighet', 'Föräldraledighet'],
      ['annan insats', 'Gick till en annan insats'],
      ['annat', 'Annat'],
    ]);
    expect(of('resultat')).toEqual([
      ['arbete', 'Arbete'],
      ['studier', 'Studier'],
      ['planering', 'Planering mot arbete eller studier'],
      ['hälsa', 'Ohälsa som hinder'],
      ['annat', 'Annat'],
      ['inget', 'Varken arbete, studier eller planering'],
    ]);
    expect(of('resultat_kod')).toHaveLength(OUTCOME_DETAIL_CODES.length);
    expect(of('resultat_kod').slice(0, 2)).toEqual([
      ['unsubsidised_employment', 'Osubventionerad anställning (under Arbete)'],
      ['introduction_job', 'Introduktionsjobb (under Arbete)'],
    ]);
    expect(of('praktik_bransch')).toEqual(INDUSTRIES.map((c) => [c, labelOf('industry', c)]));
    expect(of('praktik_erbjudande')).toEqual([
      ['ja', 'Praktiken ledde till ett erbjudande om arbete'],
      ['nej', 'Inget erbjudande om arbete'],
    ]);

    // Each coded column, from the first row to the last the template prepares, offers exactly its codes.
    const coded = [
      'kon',
      'svenskniva',
      'status',
      'avbrottsorsak',
      'resultat',
      'resultat_kod',
      'praktik_bransch',
      'praktik_erbjudande',
    ];
    for (const column of coded) {
      const letter = sheet.getColumn(COLUMNS.indexOf(column as (typeof COLUMNS)[number]) + 1).letter;
      for (const row of [2, 2000]) {
        const v = sheet.getCell(`${letter}${row}`).dataValidation;
        expect([column, v.type, v.allowBlank, v.showErrorMessage]).toEqual([column, 'list', true, true]);
        const [, first, last] = /^Koder!\$B\$(\d+):\$B\$(\d+)$/.exec(v.formulae![0] as string)!;
        const offered = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => [
          codes.getCell(`A${Number(first) + i}`).value,
          codes.getCell(`B${Number(first) + i}`).value,
        ]);
        expect(offered).toEqual(of(column).map(([code]) => [column, code]));
      }
    }
    // Columns that take no code have no list.
    expect(sheet.getCell('E2').dataValidation).toBeUndefined();

    // And the template's own example rows import.
    const before = await counts();
    const imported = await importXlsx(res.body as Buffer);
    expect([imported.status, imported.body]).toEqual([
      201,
      { groups: 1, enrolments: 2, outcomes: 2, internships: 1 },
    ]);
    expect((await counts()).e).toBe(before.e + 2);
  });
});
