import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const root = join(__dirname, '../../..');

function answers(port: number): Promise<boolean> {
  return new Promise((r) => {
    const s = createConnection({ host: '127.0.0.1', port });
    s.setTimeout(1000, () => (s.destroy(), r(false)));
    s.once('connect', () => (s.destroy(), r(true)));
    s.once('error', () => r(false));
  });
}

export interface RunningApi {
  url: string;
  databaseUrl: string;
  /** What the api printed (demo passwords on first start). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The real, built api serving the built admin and survey site, on a fresh database: DATABASE_URL's server, else
 * the PostgreSQL on 127.0.0.1:5432, else the api's embedded one in a temporary folder.
 */
export async function startApi(
  name: string,
  port: number,
  env: Record<string, string> = {},
): Promise<RunningApi> {
  let databaseUrl = '';
  let drop = async () => {};
  const server =
    process.env.DATABASE_URL ??
    ((await answers(5432)) ? 'postgres://postgres@127.0.0.1:5432/postgres' : null);
  const extra: Record<string, string> = {};
  if (server) {
    const db = `stegvis_e2e_${name}_${process.pid}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${db}`;
    databaseUrl = u.toString();
    extra.DATABASE_URL = databaseUrl;
    drop = async () => {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await c.end();
    };
  } else {
    extra.STEGVIS_DATA_DIR = join(tmpdir(), `stegvis-e2e-${name}-${process.pid}`);
    extra.STEGVIS_EMBEDDED_PG_PORT = String(port + 1000);
  }
  const child: ChildProcess = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...extra,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      // A build of one's own (STEGVIS_E2E_ADMIN_DIST) while others rebuild apps/admin/dist in the same tree.
      STEGVIS_ADMIN_DIST: process.env.STEGVIS_E2E_ADMIN_DIST ?? join(root, 'apps/admin/dist/admin/browser'),
      STEGVIS_SURVEY_DIST: process.env.STEGVIS_E2E_SURVEY_DIST ?? join(root, 'apps/survey/dist'),
      // The journeys sign staff in with passwords only; one about two-factor login passes its own roles.
      TOTP_REQUIRED_ROLES: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`api exited: ${output}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`api did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!databaseUrl) databaseUrl = `postgres://postgres:postgres@127.0.0.1:${port + 1000}/stegvis`;
  return {
    url,
    databaseUrl,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await drop();
    },
  };
}

/** The demo users' one-time passwords, read from what `STEGVIS_DEMO_SEED=true` printed. */
export async function demoPasswords(
  api: RunningApi,
): Promise<Record<string, { email: string; password: string }>> {
  // The demo seed takes about 10 s on an idle machine and several times that on a loaded one.
  const deadline = Date.now() + 120_000;
  while (!api.output().includes('evaluator') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  const out: Record<string, { email: string; password: string }> = {};
  for (const m of api.output().matchAll(/^ {2}(\w+)\s+(\S+@\S+)\s+(\S+)$/gm))
    out[m[1]] = { email: m[2], password: m[3] };
  return out;
}
