import ExcelJS from 'exceljs';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

const HEADER =
  'grupp;gruppstart;gruppslut;kommunkod;fornamn;efternamn;personnummer;kon;inskrivning_start;inskrivning_slut;status;avbrottsorsak;resultat;resultat_detalj;praktik_bransch;praktik_erbjudande';
const AMINA_1 =
  '1;2019-09-23;2019-12-20;1292;Amina;Exempel;19811218-9876;kvinna;2019-09-23;2019-12-20;fullföljd;;studier;barnskötarutbildning;pre-school/school;nej';
const AMINA_2 =
  '2;2020-01-20;2020-04-17;1292;Amina;Exempel;198112189876;kvinna;2020-01-20;2020-04-17;fullföljd;;arbete;bageri;bakery/café;ja';
const LEYLA = '2;2020-01-20;2020-04-17;1292;Leyla;Exempel;;kvinna;2020-01-20;2020-04-17;avbrott;flytt;;;;';
const OMAR_BAD =
  '2;2020-01-20;2020-04-17;1292;Omar;Exempel;;man;2020-01-20;2020-04-31;fullföljd;;arbete;lager;;';
const OMAR = OMAR_BAD.replace('2020-04-31', '2020-04-17');
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');

describe('the import’s dry run and its confirmation (e2e)', () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  const counts = async () =>
    (
      await t.dataSource.query(
        'SELECT (SELECT count(*) FROM participant)::int AS p, (SELECT count(*) FROM enrolment)::int AS e, (SELECT count(*) FROM programme_group)::int AS g, (SELECT count(*) FROM outcome)::int AS o, (SELECT count(*) FROM internship)::int AS i',
      )
    )[0] as Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp('importdryrun');
    w = await seedWorld(t);
    admin = await signIn(t, w.users.admin.email);
    // An earlier import: Amina in group 1.
    const first = await admin.post(`/api/programmes/${w.programmeA}/imports`, { content: csv(AMINA_1) });
    expect(first.status).toBe(201);
  });
  afterAll(() => t?.close());

  it('stores nothing and lists every row’s fate and every error in Swedish', async () => {
    const before = await counts();
    const res = await admin.post(`/api/programmes/${w.programmeA}/imports/dry-run`, {
      content: csv(AMINA_1, AMINA_2, LEYLA, OMAR_BAD),
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      {
        row: 2,
        group: '1',
        firstName: 'Amina',
        lastName: 'Exempel',
        enrolmentStart: '2019-09-23',
        fate: 'already_imported',
      },
      {
        row: 3,
        group: '2',
        firstName: 'Amina',
        lastName: 'Exempel',
        enrolmentStart: '2020-01-20',
        fate: 'new_enrolment',
      },
      {
        row: 4,
        group: '2',
        firstName: 'Leyla',
        lastName: 'Exempel',
        enrolmentStart: '2020-01-20',
        fate: 'new_participant',
      },
      {
        row: 5,
        group: '2',
        firstName: 'Omar',
        lastName: 'Exempel',
        enrolmentStart: '2020-01-20',
        fate: 'error',
      },
    ]);
    expect(res.body.errors).toEqual([
      {
        field: 'rows.2',
        message:
          'Rad 2: inskrivningen finns redan (samma person i grupp 1 från 2019-09-23); raden har importerats förut',
        code: 'already_imported',
      },
      {
        field: 'rows.5.inskrivning_slut',
        message: 'Rad 5, kolumn inskrivning_slut: ange ett datum ÅÅÅÅ-MM-DD eller lämna tomt',
        code: 'invalid_date',
      },
    ]);
    expect(res.body.counts).toEqual({ groups: 0, enrolments: 0, outcomes: 0, internships: 0 });
    expect(res.body.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await counts()).toEqual(before);
  });

  it('a clean dry run says what confirming writes; the confirmation stores exactly that', async () => {
    const content = csv(AMINA_2, LEYLA, OMAR);
    const before = await counts();
    const dry = await admin.post(`/api/programmes/${w.programmeA}/imports/dry-run`, { content });
    expect(dry.status).toBe(200);
    expect(dry.body.errors).toEqual([]);
    expect(dry.body.rows.map((r: { row: number; fate: string }) => [r.row, r.fate])).toEqual([
      [2, 'new_enrolment'],
      [3, 'new_participant'],
      [4, 'new_participant'],
    ]);
    expect(dry.body.counts).toEqual({ groups: 1, enrolments: 3, outcomes: 2, internships: 1 });
    expect(await counts()).toEqual(before);
    const audited = await t.dataSource.query(
      `SELECT actor_id, entity_id, details FROM audit_event WHERE action = 'import.dry_run' ORDER BY id DESC LIMIT 1`,
    );
    expect(audited).toEqual([
      {
        actor_id: w.users.admin.id,
        entity_id: w.programmeA,
        details: { rows: 3, errors: 0, groups: 1, enrolments: 3, outcomes: 2, internships: 1 },
      },
    ]);

    // Another file than the one checked: refused, nothing stored.
    const changed = await admin.post(
      `/api/programmes/${w.programmeA}/imports?checkedHash=${dry.body.fileHash}`,
      { content: csv(AMINA_2, LEYLA) },
    );
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('file_changed_since_dry_run');
    expect(await counts()).toEqual(before);

    const ok = await admin.post(`/api/programmes/${w.programmeA}/imports?checkedHash=${dry.body.fileHash}`, {
      content,
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual(dry.body.counts);
    // Amina's second enrolment joined her record: two new participants, three new enrolments.
    expect(await counts()).toEqual({
      p: before.p + 2,
      e: before.e + 3,
      g: before.g + 1,
      o: before.o + 2,
      i: before.i + 1,
    });
    const amina = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM participant WHERE first_name = 'Amina' AND programme_id = $1`,
      [w.programmeA],
    );
    expect(amina).toEqual([{ n: 1 }]);

    // The same file again: every row already there.
    const again = await admin.post(`/api/programmes/${w.programmeA}/imports/dry-run`, { content });
    expect(again.body.rows.map((r: { fate: string }) => r.fate)).toEqual([
      'already_imported',
      'already_imported',
      'already_imported',
    ]);
  });

  it('an Excel workbook’s dry run names the sheet and stores nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Historik');
    ws.addRow(HEADER.split(';'));
    ws.addRow(
      '3;2020-08-24;2020-11-20;1292;Hodan;Exempel;;kvinna;2020-08-24;2020-11-20;fullföljd;;inget;;;'.split(
        ';',
      ),
    );
    ws.addRow('3;2020-08-24;2020-11-20;1292;Yonas;Exempel;;okänd;2020-08-24;;pågående;;;;;'.split(';'));
    const before = await counts();
    const res = await admin.agent
      .post(`/api/programmes/${w.programmeA}/imports/xlsx/dry-run`)
      .set('x-csrf-token', admin.user.csrfToken)
      .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'historik.xlsx' });
    expect(res.status).toBe(200);
    expect(
      res.body.rows.map((r: { row: number; firstName: string; fate: string }) => [
        r.row,
        r.firstName,
        r.fate,
      ]),
    ).toEqual([
      [2, 'Hodan', 'new_participant'],
      [3, 'Yonas', 'error'],
    ]);
    expect(
      res.body.errors.map((e: { field: string; code: string; message: string }) => [
        e.field,
        e.code,
        e.message,
      ]),
    ).toEqual([
      [
        'rows.3.kon',
        'not_allowed',
        'Blad Historik, rad 3, kolumn kon: okänd är inte tillåtet; ange kvinna, man, annat',
      ],
      [
        'rows.3.status',
        'ongoing_in_ended_group',
        'Blad Historik, rad 3, kolumn status: gruppen slutade 2020-11-20; en inskrivning i den kan inte vara pågående',
      ],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses roles without import.run, and a missing workbook names the field', async () => {
    const evaluator = await signIn(t, w.users.evaluatorA.email);
    const res = await evaluator.post(`/api/programmes/${w.programmeA}/imports/dry-run`, {
      content: csv(LEYLA),
    });
    expect(res.status).toBe(403);
    const none = await admin.agent
      .post(`/api/programmes/${w.programmeA}/imports/xlsx/dry-run`)
      .set('x-csrf-token', admin.user.csrfToken)
      .field('other', 'x');
    expect(none.status).toBe(400);
    expect(none.body.errors[0]).toMatchObject({ field: 'file', code: 'file_required' });
  });
});
