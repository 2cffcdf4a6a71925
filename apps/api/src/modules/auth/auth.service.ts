import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { PASSWORD_MESSAGES, passwordProblem } from '@stegvis/contracts';
import { Secret, TOTP } from 'otpauth';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../../common/audit/audit.service';
import type { AuthUser, RequestContext } from '../../common/context/request-context';
import { Problem, fieldError, passwordCode } from '../../common/problem/problem';
import { SqlService } from '../../common/sql/sql.service';
import { burnVerifyTime, verifyPassword } from '../users/password.util';
import { UsersService } from '../users/users.service';
import { LoginAttempt } from './entities/login-attempt.entity';
import { Session } from './entities/session.entity';

export interface StartedSession {
  sessionId: string;
  user: AuthUser;
  expiresAt: Date;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// 256 bits from the CSPRNG; only the hash is stored.
const newToken = () => randomBytes(32).toString('base64url');
/** Writing last_seen_at on every request would cost a write per read; a minute's precision is enough. */
const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(LoginAttempt) private readonly attempts: Repository<LoginAttempt>,
    private readonly users: UsersService,
    private readonly sql: SqlService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(
    ctx: RequestContext,
    emailRaw: string,
    password: string,
    code?: string,
  ): Promise<StartedSession> {
    const email = emailRaw.trim().toLowerCase();
    const since = new Date(Date.now() - this.config.loginWindowMinutes * 60_000);
    const [byEmail, byIp] = await Promise.all([
      this.attempts.count({ where: { email, at: MoreThan(since) } }),
      this.attempts.count({ where: { ip: ctx.ip, at: MoreThan(since) } }),
    ]);
    if (byEmail >= this.config.loginMaxFailures || byIp >= this.config.loginMaxFailures * 4) {
      await this.audit.record(ctx, {
        action: 'auth.login',
        entityType: 'user',
        outcome: 'denied',
        details: { reason: 'throttled' },
      });
      throw new Problem(
        429,
        'Too many failed logins. Wait a few minutes and try again.',
        undefined,
        undefined,
        {
          code: 'too_many_logins',
        },
      );
    }
    const user = await this.users.findByEmail(email);
    const ok = user?.active
      ? await verifyPassword(user.passwordHash, password)
      : (await burnVerifyTime(password), false);
    if (!user || !ok) {
      await this.attempts.insert({ email, ip: ctx.ip });
      await this.audit.record(ctx, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user?.id ?? null,
        outcome: 'failure',
      });
      // Same answer whether or not the user exists.
      throw new Problem(401, 'Wrong e-mail or password', undefined, undefined, { code: 'wrong_credentials' });
    }
    if (user.totpEnabled) {
      if (!code)
        throw new Problem(
          401,
          'Enter the six-digit code from your authenticator app',
          [fieldError('code', 'code is required', { code: 'required' })],
          { type: 'https://stegvis.se/problems/totp-required' },
          { code: 'totp_required' },
        );
      const step = totpStep(user.totpSecret!, code);
      if (step === null || !(await this.users.claimTotpStep(user.id, step))) {
        await this.attempts.insert({ email, ip: ctx.ip });
        await this.audit.record(ctx, {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          outcome: 'failure',
          details: { reason: 'totp' },
        });
        throw new Problem(
          401,
          'Wrong code',
          [fieldError('code', 'code is wrong or expired', { code: 'totp_code_wrong' })],
          { type: 'https://stegvis.se/problems/totp-required' },
          { code: 'totp_code_wrong' },
        );
      }
    }
    // A role that must use two factors, without them yet, gets a session good only for setting them up.
    const mfaPending = !user.totpEnabled && this.config.totpRequiredRoles.includes(user.role);
    await this.attempts.delete({ email });
    const sessionId = newToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000);
    const csrfToken = newToken();
    await this.sessions.insert({
      idHash: sha256(sessionId),
      userId: user.id,
      csrfToken,
      lastSeenAt: now,
      expiresAt,
      revokedAt: null,
      mfaPending,
    });
    const authUser: AuthUser = {
      leadProgrammeIds: user.leadProgrammeIds,
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organisationId: user.organisationId,
      programmeIds: user.programmeIds,
      sessionIdHash: sha256(sessionId),
      csrfToken,
      mfaPending,
    };
    await this.audit.record(
      { ...ctx, user: authUser },
      { action: 'auth.login', entityType: 'user', entityId: user.id },
    );
    return { sessionId, user: authUser, expiresAt };
  }

  /** The user behind a session cookie, or null when it is unknown, revoked, idle too long or past its end. */
  async authenticate(sessionId: string): Promise<AuthUser | null> {
    if (!sessionId || sessionId.length > 100) return null;
    const idHash = sha256(sessionId);
    // Every signed-in request comes through here: plain SQL, not the ORM's query building.
    const [session] = await this.sql.rows<{
      userId: string;
      csrfToken: string;
      lastSeenAt: Date;
      expiresAt: Date;
      revokedAt: Date | null;
      mfaPending: boolean;
    }>(
      `SELECT user_id AS "userId", csrf_token AS "csrfToken", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", revoked_at AS "revokedAt", mfa_pending AS "mfaPending"
         FROM session WHERE id_hash = $1`,
      [idHash],
    );
    const now = Date.now();
    if (
      !session ||
      session.revokedAt ||
      session.expiresAt.getTime() <= now ||
      session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000 <= now
    ) {
      return null;
    }
    const user = await this.users.findById(session.userId);
    if (!user?.active) return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.sessions.update({ idHash }, { lastSeenAt: new Date(now) });
    }
    return {
      leadProgrammeIds: user.leadProgrammeIds,
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organisationId: user.organisationId,
      programmeIds: user.programmeIds,
      sessionIdHash: idHash,
      csrfToken: session.csrfToken,
      mfaPending: session.mfaPending,
    };
  }

  async logout(ctx: RequestContext & { user: AuthUser }): Promise<void> {
    await this.sessions.update({ idHash: ctx.user.sessionIdHash }, { revokedAt: new Date() });
    await this.audit.record(ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.user.id });
  }

  /** Ends every session of a user (password change, suspected compromise). */
  async revokeAll(ctx: RequestContext, userId: string): Promise<number> {
    const result = await this.sessions
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    await this.audit.record(ctx, {
      action: 'auth.revoke_all',
      entityType: 'user',
      entityId: userId,
      details: { sessions: result.affected ?? 0 },
    });
    return result.affected ?? 0;
  }

  /** A new password ends every session of the user, this one included: whoever knew the old one is out. */
  async changePassword(
    ctx: RequestContext & { user: AuthUser },
    current: string,
    next: string,
  ): Promise<void> {
    const user = await this.users.findByEmail(ctx.user.email);
    if (!user || !(await verifyPassword(user.passwordHash, current))) {
      await this.audit.record(ctx, {
        action: 'auth.password',
        entityType: 'user',
        entityId: ctx.user.id,
        outcome: 'failure',
      });
      throw Problem.field('currentPassword', 'currentPassword is wrong', { code: 'wrong_password' });
    }
    const weak = passwordProblem(next, user.email);
    if (weak) throw Problem.field('newPassword', PASSWORD_MESSAGES[weak], passwordCode(weak));
    await this.users.setPassword(user.id, next);
    await this.audit.record(ctx, { action: 'auth.password', entityType: 'user', entityId: user.id });
    await this.revokeAll(ctx, user.id);
  }

  /** Starts TOTP enrolment: a new secret, shown once as a QR-able otpauth URI; trusted after the first good code. */
  async setupTotp(ctx: RequestContext & { user: AuthUser }): Promise<{ secret: string; uri: string }> {
    const secret = new Secret({ size: 20 });
    const totp = new TOTP({ issuer: 'Stegvis', label: ctx.user.email, secret });
    await this.users.setTotp(ctx.user.id, secret.base32, false);
    await this.audit.record(ctx, { action: 'auth.totp.setup', entityType: 'user', entityId: ctx.user.id });
    return { secret: secret.base32, uri: totp.toString() };
  }

  async confirmTotp(ctx: RequestContext & { user: AuthUser }, code: string): Promise<void> {
    const user = await this.users.findById(ctx.user.id);
    const step = user?.totpSecret ? totpStep(user.totpSecret, code) : null;
    if (!user?.totpSecret || step === null)
      throw Problem.field('code', 'code is wrong or expired', { code: 'totp_code_wrong' });
    await this.users.setTotp(user.id, user.totpSecret, true);
    // The code that confirmed the app cannot also sign in.
    await this.users.claimTotpStep(user.id, step);
    await this.sessions.update({ idHash: ctx.user.sessionIdHash }, { mfaPending: false });
    await this.audit.record(ctx, { action: 'auth.totp.enable', entityType: 'user', entityId: user.id });
  }
}

const TOTP_PERIOD_S = 30;

/**
 * The 30-second step a code belongs to, or null when it is wrong. A code is accepted in its own step and the one
 * before or after (clock drift on a phone); the caller makes sure each step is used once.
 */
function totpStep(secret: string, code: string): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = Date.now();
  const delta = new TOTP({ secret: Secret.fromBase32(secret), period: TOTP_PERIOD_S }).validate({
    token: code,
    window: 1,
    timestamp: now,
  });
  return delta === null ? null : Math.floor(now / 1000 / TOTP_PERIOD_S) + delta;
}
