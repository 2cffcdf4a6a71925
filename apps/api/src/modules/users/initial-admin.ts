import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';
import { UsersService } from './users.service';

/** The first admin from STEGVIS_ADMIN_EMAIL/PASSWORD: there are no default passwords in the code. */
export async function ensureInitialAdmin(app: INestApplicationContext, admin: { email: string; password: string }, logger: Logger): Promise<void> {
  const users = app.get(UsersService);
  if (await users.findByEmail(admin.email)) return;
  await users.createUser({ email: admin.email, displayName: 'Administratör', role: 'admin', password: admin.password });
  logger.info('Initial admin created from STEGVIS_ADMIN_EMAIL');
}
