import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { resolveDatabase, runMigrations } from '../database/connect';
import { UsersService } from '../modules/users/users.service';

/** `npm run create-admin -w @stegvis/api -- admin@kommun.se "Namn"`: prints a one-time password. */
async function main(): Promise<void> {
  const [email, displayName = 'Administratör'] = process.argv.slice(2);
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email))
    throw new Error('Usage: create-admin <email> [display name]');
  const config = loadConfig();
  const { url, embedded } = await resolveDatabase(config);
  try {
    await runMigrations(url);
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), { logger: false });
    const users = app.get(UsersService);
    if (await users.findByEmail(email)) throw new Error(`A user ${email} already exists`);
    const password = randomBytes(15).toString('base64url');
    await users.createUser({ email, displayName, role: 'admin', password, mustChangePassword: true });
    process.stdout.write(`Admin ${email} created. Password (shown once): ${password}\n`);
    await app.close();
  } finally {
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
