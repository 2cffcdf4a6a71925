import { CSRF_COOKIE, SESSION_COOKIE } from '@stegvis/contracts';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import type { StartedSession } from './auth.service';

/** The session's two cookies, the same whether the person signed in with a password or through the provider. */
export function setSessionCookies(res: FastifyReply, started: StartedSession, config: AppConfig): void {
  const base = {
    sameSite: 'strict' as const,
    secure: config.cookieSecure,
    path: '/',
    expires: started.expiresAt,
  };
  res.setCookie(SESSION_COOKIE, started.sessionId, { ...base, httpOnly: true });
  // Readable by the admin's JavaScript, which echoes it in X-CSRF-Token (double submit, bound to the session).
  res.setCookie(CSRF_COOKIE, started.user.csrfToken, { ...base, httpOnly: false });
}
