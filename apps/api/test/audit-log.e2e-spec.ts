import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';
import { withoutRandomIds } from './support/without-random-ids';

interface Entry {
  action: string;
  actorName: string | null;
  subjectName: string | null;
  subjectId: string | null;
  at: string;
}
const brief = (items: Entry[]) => items.map((e) => [e.action, e.actorName, e.subjectName]);

describe('the audit log for the system owner (e2e)', () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let staff: Client;
  let omar: string;
  let samira: string;
  let pseudonym: string;

  beforeAll(async () => {
    t = await startTestApp('auditlog');
    w = await seedWorld(t);
    admin = await signIn(t, w.users.admin.email);
    staff = await signIn(t, w.users.staffA.email);
    const mk = async (body: object) => {
      const res = await staff.post('/api/participants', {
        programmeId: w.programmeA,
        gender: 'woman',
        ...body,
      });
      expect(res.status).toBe(201);
      return res.body as { id: string; pseudonym: string };
    };
    omar = (await mk({ firstName: 'Omar', lastName: 'Öppen', gender: 'man' })).id;
    const s = await mk({
      firstName: 'Samira',
      lastName: 'Hemligsdotter',
      personalNumber: '19811218-9876',
      protectedIdentity: true,
    });
    samira = s.id;
    pseudonym = s.pseudonym;
    expect((await staff.get(`/api/participants/${omar}`)).status).toBe(200);
    expect((await staff.get(`/api/participants/${samira}`)).status).toBe(200);
    // Two sign-ins either side of midnight, Swedish time, on 1–2 March 2026 (UTC+1).
    await t.dataSource.query(
      `INSERT INTO audit_event (at, actor_id, actor_role, action, entity_type, entity_id, outcome)
       VALUES ('2026-03-01T22:30:00Z', $1::uuid, 'staff', 'auth.login', 'app_user', $1::text, 'success'),
              ('2026-03-01T23:30:00Z', $1::uuid, 'staff', 'auth.login', 'app_user', $1::text, 'success')`,
      [w.users.staffA.id],
    );
  });
  afterAll(() => t?.close());

  it('filters by person: a name finds the open record, with the Swedish-labelled actions', async () => {
    const res = await admin.get(`/api/audit-events?person=${encodeURIComponent('omar öpp')}`);
    expect(res.status).toBe(200);
    expect(brief(res.body.items)).toEqual([
      ['participant.read', 'staff.a', 'Omar Öppen'],
      ['participant.create', 'staff.a', 'Omar Öppen'],
    ]);
    expect(res.body.nextCursor).toBeNull();
  });

  it('a protected person appears by pseudonym only, and her name finds nothing', async () => {
    const byName = await admin.get(`/api/audit-events?person=Hemligsdotter`);
    expect(byName.status).toBe(200);
    expect(byName.body.items).toEqual([]);

    const res = await admin.get(`/api/audit-events?person=${encodeURIComponent(pseudonym)}`);
    expect(brief(res.body.items)).toEqual([
      // Staff of her programme read her record and, as her group's staff may, her identity: logged by pseudonym.
      ['participant.identity.read', 'staff.a', pseudonym],
      ['participant.read', 'staff.a', pseudonym],
      ['participant.create', 'staff.a', pseudonym],
    ]);
    expect(res.body.items.every((e: Entry) => e.subjectId === samira)).toBe(true);
    const everything = JSON.stringify((await admin.get('/api/audit-events?limit=200')).body);
    expect(everything).toContain(pseudonym);
    for (const secret of ['Samira', 'Hemligsdotter', '9876', '811218'])
      expect(withoutRandomIds(everything)).not.toContain(secret);
  });

  it('filters by user and action, newest first, a page at a time', async () => {
    const q = `actorId=${w.users.staffA.id}&action=participant.read`;
    const first = await admin.get(`/api/audit-events?${q}&limit=1`);
    expect(brief(first.body.items)).toEqual([['participant.read', 'staff.a', pseudonym]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await admin.get(`/api/audit-events?${q}&limit=1&after=${first.body.nextCursor}`);
    expect(brief(second.body.items)).toEqual([['participant.read', 'staff.a', 'Omar Öppen']]);
    expect(second.body.nextCursor).toBeNull();
    const bad = await admin.get(`/api/audit-events?${q}&after=bm90LWEtY3Vyc29y`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'after', code: 'invalid_cursor' });
  });

  it('filters by Swedish days: midnight in Stockholm, not in UTC, parts them', async () => {
    const day = async (from: string, to: string) =>
      (await admin.get(`/api/audit-events?action=auth.login&from=${from}&to=${to}`)).body.items.map(
        (e: Entry) => e.at,
      );
    expect(await day('2026-03-01', '2026-03-01')).toEqual(['2026-03-01T22:30:00.000Z']);
    expect(await day('2026-03-02', '2026-03-02')).toEqual(['2026-03-01T23:30:00.000Z']);
    expect(await day('2026-03-01', '2026-03-02')).toEqual([
      '2026-03-01T23:30:00.000Z',
      '2026-03-01T22:30:00.000Z',
    ]);
    const bad = await admin.get('/api/audit-events?from=2026-03-02&to=2026-03-01');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ field: 'to', code: 'end_before_start', params: { start: 'from' } }),
    ]);
    const notADate = await admin.get('/api/audit-events?from=2026-02-30');
    expect(notADate.status).toBe(400);
    expect(notADate.body.errors[0].field).toBe('from');
  });

  it('is the admin’s only: staff get 403, for the list and the export', async () => {
    expect((await staff.get('/api/audit-events')).status).toBe(403);
    expect((await staff.get('/api/audit-events/export.csv')).status).toBe(403);
  });

  it('exports the filtered log as CSV in Swedish, pseudonym only, and audits the export and the reads', async () => {
    const res = await admin.get(`/api/audit-events/export.csv?person=${encodeURIComponent(pseudonym)}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="granskningslogg.csv"');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('tid;användare;roll;händelse;typ;person;utfall');
    expect(lines.slice(1).map((l) => l.split(';').slice(1))).toEqual([
      // The search by her pseudonym above was logged with her as its subject.
      ['Ada Admin', 'Systemadministratör', 'Sökte i granskningsloggen', 'Deltagare', pseudonym, 'Utfört'],
      ['staff.a', 'Personal', 'Läste skyddad identitet', 'Deltagare', pseudonym, 'Utfört'],
      ['staff.a', 'Personal', 'Läste deltagaruppgifter', 'Deltagare', pseudonym, 'Utfört'],
      ['staff.a', 'Personal', 'Registrerade deltagare', 'Deltagare', pseudonym, 'Utfört'],
    ]);
    expect(lines[1].split(';')[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(res.text).not.toContain('Samira');

    const audited = await t.dataSource.query(
      `SELECT action, actor_id, subject_id, details->>'rows' AS rows FROM audit_event
        WHERE action IN ('audit.export', 'audit.search') AND subject_id = $1 ORDER BY id`,
      [samira],
    );
    expect(audited).toEqual([
      { action: 'audit.search', actor_id: w.users.admin.id, subject_id: samira, rows: null },
      { action: 'audit.export', actor_id: w.users.admin.id, subject_id: samira, rows: '4' },
    ]);
  });
});
