import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { UsersService } from '../src/modules/users/users.service';
import { loadReferenceProgramme, REFERENCE_PERIOD, referenceProgramme } from './support/reference-programme';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

const SCRIPTS = join(__dirname, '../../../scripts');
const TABLES = [
  'participant',
  'enrolment',
  'attendance',
  'internship',
  'survey_response',
  'audit_event',
  'session',
  'schema_migration',
];

/** scripts/backup.sh and scripts/restore.sh as an operator runs them. */
function script(name: 'backup.sh' | 'restore.sh', args: string[], databaseUrl: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  if (databaseUrl === undefined) delete env.DATABASE_URL;
  delete env.DATABASE_URL_FILE;
  return spawnSync('bash', [join(SCRIPTS, name), ...args], { env, encoding: 'utf8' });
}

describe('backup and restore (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  let dir: string;
  let dump: string;
  let report: unknown;
  let counts: Record<string, number>;
  let audit: { n: number; digest: string; last: string };

  const reportNow = async () => {
    const res = await staff.get(`/api/programmes/${w.programmeA}/reports/progress?${REFERENCE_PERIOD}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  /** Row counts straight from the database, through a connection of the test's own. */
  const sql = async <T>(query: string): Promise<T[]> => {
    const c = new PgClient({ connectionString: t.db.url });
    await c.connect();
    try {
      return (await c.query(query)).rows;
    } finally {
      await c.end();
    }
  };
  const countRows = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (x) => [
          x,
          (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${x}"`))[0].n,
        ]),
      ),
    );
  // Every event's id, time, actor, action, target and details: any lost, added or altered row changes the digest.
  const auditTrail = async () =>
    (
      await sql<{ n: number; digest: string; last: string }>(
        `SELECT count(*)::int AS n, max(id)::text AS last,
                md5(string_agg(concat_ws('|', id, at, actor_id, action, entity_type, entity_id, subject_id, outcome, details::text), E'\\n' ORDER BY id)) AS digest
           FROM audit_event`,
      )
    )[0];
  const objectsIn = async (): Promise<number> =>
    (
      await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`,
      )
    )[0].n;

  beforeAll(async () => {
    t = await startTestApp('backup');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
    // The reference programme is typed in by its lead, who sees its people's health outcomes after placement.
    await t.app.get(UsersService).setAllocation(w.users.staffA.id, w.programmeA, true, async () => {});
    await loadReferenceProgramme(staff, w);
    dir = mkdtempSync(join(tmpdir(), 'stegvis-backup-'));
    dump = join(dir, 'stegvis.dump');
  }, 300_000);
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('backs up into one custom-format file only its owner can read', async () => {
    report = await reportNow();
    counts = await countRows();
    audit = await auditTrail();
    expect(counts.participant).toBe(referenceProgramme.participants.length);
    expect(counts.audit_event).toBeGreaterThan(counts.participant);

    const run = script('backup.sh', [dump], t.db.url);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^backup: wrote ${dump} \\(\\d+ bytes, \\d+ tables\\)\\n$`));
    expect(statSync(dump).mode & 0o777).toBe(0o600);
    const list = spawnSync('pg_restore', ['--list', dump], { encoding: 'utf8' });
    expect(list.stdout).toMatch(/Format: CUSTOM/);
    for (const table of TABLES) expect(list.stdout).toContain(` TABLE DATA public ${table} `);
    expect(list.stdout).toContain('TRIGGER public audit_event audit_event_no_truncate');
  });

  it('into a dropped and recreated database: the same report, the same rows, the same audit trail', async () => {
    const admin = new URL(t.db.url);
    admin.pathname = '/postgres';
    const c = new PgClient({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`DROP DATABASE ${t.db.name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${t.db.name}`);
    await c.end();
    expect(await objectsIn()).toBe(0);

    const run = script('restore.sh', [dump], t.db.url);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^restore: restored .+stegvis\.dump \(\d+ tables\)\n$/);

    expect(await countRows()).toEqual(counts);
    expect(await auditTrail()).toEqual(audit);
    // The session from before the backup still signs staff in, and the figures are the same to the last cell.
    expect(await reportNow()).toEqual(report);
  });

  it('the restored audit trail is still append-only, and new writes carry on after the restored ids', async () => {
    await expect(sql('DELETE FROM audit_event')).rejects.toThrow(
      /audit_event is append-only: DELETE refused/,
    );
    await expect(sql('TRUNCATE audit_event')).rejects.toThrow(/audit_event is append-only: TRUNCATE refused/);
    const created = await staff.post('/api/participants', {
      programmeId: w.programmeA,
      firstName: 'Efter',
      lastName: 'Återläsning',
      gender: 'woman',
    });
    expect(created.status).toBe(201);
    const [event] = await sql<{ id: string }>(
      `SELECT id::text FROM audit_event WHERE action = 'participant.create' AND entity_id = '${created.body.id}'`,
    );
    expect(BigInt(event.id)).toBeGreaterThan(BigInt(audit.last));
  });

  it('refuses a non-empty database without --clean, changing nothing; with --clean the database is the backup again', async () => {
    const changed = await countRows();
    expect(changed.participant).toBe(counts.participant + 1);

    const refused = script('restore.sh', [dump], t.db.url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^restore: the database is not empty \(\d+ tables, sequences, views or functions\); add --clean to replace its contents with the backup\n$/,
    );
    expect(await countRows()).toEqual(changed);

    const run = script('restore.sh', ['--clean', dump], t.db.url);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(await countRows()).toEqual(counts);
    expect(await auditTrail()).toEqual(audit);
    expect(await reportNow()).toEqual(report);
  });

  it('fails loudly and leaves nothing behind: no database, no URL, a damaged file', async () => {
    const missing = new URL(t.db.url);
    missing.pathname = '/stegvis_no_such_database';
    const lost = join(dir, 'lost.dump');
    const noDb = script('backup.sh', [lost], missing.toString());
    expect(noDb.status).not.toBe(0);
    expect(noDb.stderr).toMatch(/pg_dump: error: .*database "stegvis_no_such_database" does not exist/);
    expect(existsSync(lost)).toBe(false);
    expect(readdirSync(dir)).toEqual(['stegvis.dump']);

    const noUrl = script('backup.sh', [lost], undefined);
    expect(noUrl.status).toBe(2);
    expect(noUrl.stderr).toBe('backup: DATABASE_URL (or DATABASE_URL_FILE) is not set\n');
    expect(script('restore.sh', [], t.db.url).status).toBe(2);

    // A dump cut short (a full disk, a broken copy): its table of contents reads, its last table's rows do not, so
    // pg_restore stops half-way and the transaction that had already dropped the schema rolls back.
    const whole = readFileSync(dump);
    const cut = join(dir, 'cut.dump');
    writeFileSync(cut, whole.subarray(0, whole.length - 100));
    expect(spawnSync('pg_restore', ['--list', cut]).status).toBe(0);
    const before = await countRows();
    const damaged = script('restore.sh', ['--clean', cut], t.db.url);
    expect(damaged.status).toBe(1);
    expect(damaged.stderr).toMatch(/^pg_restore: error: could not read from input file: end of file\n$/);
    expect(await countRows()).toEqual(before);
    expect(await reportNow()).toEqual(report);

    writeFileSync(join(dir, 'notes.txt'), 'not a dump');
    const notDump = script('restore.sh', ['--clean', join(dir, 'notes.txt')], t.db.url);
    expect(notDump.status).toBe(1);
    expect(notDump.stderr).toMatch(/^restore: .*notes\.txt is not a pg_dump custom-format file: /);
  });
});
