import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppModule } from '../app.module';
import { createRootLogger } from '../common/logging/logger';
import { loadConfig } from '../config/app-config';
import { createApp } from '../setup-app';

/** Writes the OpenAPI document without a database: preview mode builds the module graph but no providers. */
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? '../../docs/api/openapi.json');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const { app, openapi: doc } = await createApp(
    AppModule.forRoot(config, 'postgres://unused/none'),
    config,
    createRootLogger(config),
    false,
    true,
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  process.stdout.write(`Wrote ${out}\n`);
  await app.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
