import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { resolveDatabase, runMigrations } from './connect';

async function main(): Promise<void> {
  const config = loadConfig();
  const { url, embedded } = await resolveDatabase(config);
  try {
    const applied = await runMigrations(url);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Schema is up to date.\n');
  } finally {
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
