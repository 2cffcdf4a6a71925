import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { UsersService } from './users.service';

/** The first admin from STEGVIS_ADMIN_EMAIL/PASSWORD: there are no default passwords in the code. */
export async function ensureInitialAdmin(
  app: INestApplicationContext,
  admin: { email: string; password: string },
  logger: Logger,
): Promise<void> {
  const users = app.get(UsersService);
  if (await users.findByEmail(admin.email)) return;
  try {
    await users.createUser({
      email: admin.email,
      displayName: 'Administratör',
      role: 'admin',
      password: admin.password,
    });
  } catch (err) {
    // Replicas starting together all found no admin; one created it, and the others must start, not exit.
    const duplicate =
      err instanceof QueryFailedError && (err.driverError as { code?: string } | undefined)?.code === '23505';
    if (duplicate && (await users.findByEmail(admin.email))) return;
    throw err;
  }
  logger.info('Initial admin created from STEGVIS_ADMIN_EMAIL');
}
