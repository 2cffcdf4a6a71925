import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { AppModule } from './app.module';
import { resolveDatabase, runMigrations } from './database/connect';
import { createRootLogger, PinoNestLogger } from './common/logging/logger';
import { ensureInitialAdmin } from './modules/users/initial-admin';
import { seedDemo } from './database/seeds/demo-seed';
import { createApp } from './setup-app';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createRootLogger(config);
  const { url, embedded } = await resolveDatabase(config);
  if (embedded)
    logger.info({ dataDir: config.dataDir, port: config.embeddedPgPort }, 'Embedded PostgreSQL started');
  if (config.runMigrations) {
    const applied = await runMigrations(url);
    logger.info({ applied }, applied.length ? 'Migrations applied' : 'Schema is up to date');
  }
  const { app } = await createApp(AppModule.forRoot(config, url), config, logger, new PinoNestLogger(logger));
  app.enableShutdownHooks();
  if (config.initialAdmin) await ensureInitialAdmin(app, config.initialAdmin, logger);
  const stop = async () => {
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen(config.port, config.host);
  logger.info({ url: `http://${config.host}:${config.port}` }, 'Stegvis api listening');
  if (config.demoSeed) {
    const creds = await seedDemo(app);
    // Printed once, to the terminal of whoever ran `npm start`; never logged.
    if (creds) {
      process.stdout.write('\nDemo users (passwords shown once):\n');
      for (const c of creds)
        process.stdout.write(`  ${c.role.padEnd(16)} ${c.email.padEnd(28)} ${c.password}\n`);
    }
  }
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  process.stdout.write(
    `\nStegvis is running:\n  admin       ${base}/\n  survey site ${base}/s/\n  API docs    ${base}/api/docs\n  health      ${base}/api/health\n\n`,
  );
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`Stegvis api could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
