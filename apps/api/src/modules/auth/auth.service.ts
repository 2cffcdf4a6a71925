import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { formatStockholm } from '@stegvis/contracts';
import { Secret, TOTP } from 'otpauth';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../../common/audit/audit.service';
import type { AuthUser, RequestContext } from '../../common/context/request-context';
import { Problem, fieldError } from '../../common/problem/problem';
import { SqlService } from '../../common/sql/sql.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { OutboxService } from '../outbox/outbox.service';
import { assertStrongPassword, burnVerifyTime, verifyPassword } from '../users/password.util';
import { type UserRecord, UsersService } from '../users/users.service';
import { Session } from './entities/session.entity';
import { LoginThrottleService, type Refused } from './login-throttle.service';

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
    private readonly sql: SqlService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(
    ctx: RequestContext,
    emailRaw: string,
    password: string,
    code?: string,
    recoveryCode?: string,
  ): Promise<StartedSession> {
    const email = emailRaw.trim().toLowerCase();
    const gate = await this.throttle.begin(email, ctx.ip);
    if (!gate.ok) {
      await this.audit.record(ctx, {
        action: 'auth.login',
        entityType: 'user',
        outcome: 'denied',
        details: { reason: 'throttled', scope: gate.scope },
      });
      throw throttled(gate);
    }
    const user = await this.users.findByEmail(email);
    const ok = user?.active
      ? await verifyPassword(user.passwordHash, password)
      : (await burnVerifyTime(password), false);
    if (!user || !ok) {
      await this.throttle.failed();
      await this.audit.record(ctx, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user?.id ?? null,
        outcome: 'failure',
      });
      // Same answer whether or not the user exists.
      throw new Problem(401, 'Wrong e-mail or password', undefined, undefined, { code: 'wrong_credentials' });
    }
    // The right password, but this organisation's staff sign in through the municipality's identity provider.
    if (!(await this.localPasswordAllowed(user))) {
      await this.throttle.uncount(email, ctx.ip, gate);
      await this.audit.record(ctx, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        outcome: 'denied',
        details: { reason: 'local_password_off' },
      });
      const detail = 'Your organisation signs in through the identity provider';
      throw new Problem(403, detail, undefined, undefined, { code: 'local_password_off' });
    }
    if (user.totpEnabled && recoveryCode !== undefined) {
      await this.signInWithRecoveryCode(ctx, user, recoveryCode);
    } else if (user.totpEnabled) {
      if (!code) {
        // The right password, sent before the code was asked for: no guess was made, so it does not count.
        await this.throttle.uncount(email, ctx.ip, gate);
        throw new Problem(
          401,
          'Enter the six-digit code from your authenticator app',
          [fieldError('code', 'code is required', { code: 'required' })],
          { type: 'https://stegvis.se/problems/totp-required' },
          { code: 'totp_required' },
        );
      }
      await this.checkTotp(ctx, user, code);
    }
    // A role that must use two factors, without them yet, gets a session good only for setting them up.
    const mfaPending = !user.totpEnabled && this.config.totpRequiredRoles.includes(user.role);
    await this.throttle.succeeded(email, ctx.ip);
    return this.startSession(ctx, user, mfaPending, undefined, user.mustChangePassword);
  }

  /**
   * The second step of a sign-in through the identity provider, for a user with two factors whose organisation does
   * not let the provider's MFA stand in: the app's code or a recovery code, throttled and audited as at the password
   * login.
   */
  async signInWithSecondFactor(
    ctx: RequestContext,
    user: UserRecord,
    code: string | undefined,
    recoveryCode: string | undefined,
    details: Record<string, unknown>,
  ): Promise<StartedSession> {
    const gate = await this.throttle.begin(user.email, ctx.ip);
    if (!gate.ok) {
      await this.audit.record(ctx, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        outcome: 'denied',
        details: { ...details, reason: 'throttled', scope: gate.scope },
      });
      throw throttled(gate);
    }
    if (recoveryCode !== undefined) await this.signInWithRecoveryCode(ctx, user, recoveryCode);
    else await this.checkTotp(ctx, user, code ?? '');
    await this.throttle.succeeded(user.email, ctx.ip);
    return this.startSession(ctx, user, false, details);
  }

  /** The app's code, good once within its window; a wrong one counts as a failed login and is audited. */
  private async checkTotp(ctx: RequestContext, user: UserRecord, code: string): Promise<void> {
    const step = totpStep(user.totpSecret!, code);
    if (step === null || !(await this.users.claimTotpStep(user.id, step))) {
      await this.throttle.failed();
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

  /** Whether the user's organisation lets its staff sign in with a password of ours (users without one may). */
  private async localPasswordAllowed(user: UserRecord): Promise<boolean> {
    if (!user.organisationId) return true;
    return (await this.organisations.signInPolicy(user.organisationId)).localPasswordAllowed;
  }

  /**
   * A new session for a user who has proved who they are, by password (and code) or through the identity provider:
   * one cookie, one CSRF token and one audit record, however they came.
   */
  async startSession(
    ctx: RequestContext,
    user: UserRecord,
    mfaPending: boolean,
    details?: Record<string, unknown>,
    // A password the admin was shown; a sign-in through the identity provider never carries one.
    passwordChangePending = false,
  ): Promise<StartedSession> {
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
      passwordChangePending,
    });
    const authUser: AuthUser = {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organisationId: user.organisationId,
      programmeIds: user.programmeIds,
      leadProgrammeIds: user.leadProgrammeIds,
      sessionIdHash: sha256(sessionId),
      csrfToken,
      mfaPending,
      mustChangePassword: passwordChangePending,
    };
    await this.audit.record(
      { ...ctx, user: authUser },
      { action: 'auth.login', entityType: 'user', entityId: user.id, ...(details ? { details } : {}) },
    );
    return { sessionId, user: authUser, expiresAt };
  }

  /**
   * A recovery code instead of the app's code (the phone is lost): each is good once; a wrong one counts as a
   * failed login, and each use is audited with how many are left, so the admin sees an account living on its codes.
   */
  private async signInWithRecoveryCode(
    ctx: RequestContext,
    user: UserRecord,
    recoveryCode: string,
  ): Promise<void> {
    if (!(await this.users.claimRecoveryCode(user.id, recoveryCode))) {
      await this.throttle.failed();
      await this.audit.record(ctx, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        outcome: 'failure',
        details: { reason: 'recovery_code' },
      });
      throw new Problem(
        401,
        'Wrong or used recovery code',
        [fieldError('recoveryCode', 'recoveryCode is wrong or used', { code: 'recovery_code_wrong' })],
        { type: 'https://stegvis.se/problems/totp-required' },
        { code: 'recovery_code_wrong' },
      );
    }
    await this.audit.record(ctx, {
      action: 'auth.totp.recovery',
      entityType: 'user',
      entityId: user.id,
      details: { left: await this.users.recoveryCodesLeft(user.id) },
    });
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
      passwordChangePending: boolean;
    }>(
      `SELECT user_id AS "userId", csrf_token AS "csrfToken", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", revoked_at AS "revokedAt", mfa_pending AS "mfaPending",
              password_change_pending AS "passwordChangePending"
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
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organisationId: user.organisationId,
      programmeIds: user.programmeIds,
      leadProgrammeIds: user.leadProgrammeIds,
      sessionIdHash: idHash,
      csrfToken: session.csrfToken,
      mfaPending: session.mfaPending,
      mustChangePassword: session.passwordChangePending,
    };
  }

  async logout(ctx: RequestContext & { user: AuthUser }): Promise<void> {
    await this.sessions.update({ idHash: ctx.user.sessionIdHash }, { revokedAt: new Date() });
    await this.audit.record(ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.user.id });
  }

  /** Ends every session of a user (password change, suspected compromise). */
  async revokeAll(ctx: RequestContext, userId: string, manager?: EntityManager): Promise<number> {
    const result = await (manager?.getRepository(Session) ?? this.sessions)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    await this.audit.record(
      ctx,
      {
        action: 'auth.revoke_all',
        entityType: 'user',
        entityId: userId,
        details: { sessions: result.affected ?? 0 },
      },
      manager,
    );
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
    assertStrongPassword('newPassword', next, { email: user.email, name: user.displayName });
    await this.users.setPassword(user.id, next);
    await this.audit.record(ctx, { action: 'auth.password', entityType: 'user', entityId: user.id });
    await this.revokeAll(ctx, user.id);
  }

  async totpStatus(
    ctx: RequestContext & { user: AuthUser },
  ): Promise<{ enabled: boolean; required: boolean }> {
    const user = await this.users.findById(ctx.user.id);
    return {
      enabled: user?.totpEnabled ?? false,
      required: this.config.totpRequiredRoles.includes(ctx.user.role),
    };
  }

  /**
   * Starts TOTP enrolment, or the replacement of the app in use: a new secret, shown once as a QR-able otpauth URI
   * and kept on this session until a first code confirms it. Needs the password, and a current code while two
   * factors are on, so that a session left open (or stolen) cannot take over the second factor; with the phone
   * lost, one of the recovery codes stands in for the code.
   */
  async setupTotp(
    ctx: RequestContext & { user: AuthUser },
    password: string,
    code: string | undefined,
    recoveryCode?: string,
  ): Promise<{ secret: string; uri: string }> {
    const user = await this.proveOwner(ctx, 'auth.totp.setup', password, code, recoveryCode);
    const secret = new Secret({ size: 20 });
    const totp = new TOTP({ issuer: 'Stegvis', label: user.email, secret });
    await this.dataSource.transaction(async (m) => {
      await m.update(Session, { idHash: ctx.user.sessionIdHash }, { totpPendingSecret: secret.base32 });
      await this.audit.record(
        ctx,
        {
          action: 'auth.totp.setup',
          entityType: 'user',
          entityId: user.id,
          details: { replacing: user.totpEnabled },
        },
        m,
      );
    });
    return { secret: secret.base32, uri: totp.toString() };
  }

  /** Confirms the secret this session started with a first code from the app; from then on login asks for one. */
  async confirmTotp(
    ctx: RequestContext & { user: AuthUser },
    code: string,
  ): Promise<{ recoveryCodes: string[] }> {
    const [pending] = await this.sql.rows<{ secret: string | null }>(
      'SELECT totp_pending_secret AS secret FROM session WHERE id_hash = $1',
      [ctx.user.sessionIdHash],
    );
    const user = await this.users.findById(ctx.user.id);
    const step = pending?.secret ? totpStep(pending.secret, code) : null;
    if (!user || !pending?.secret || step === null)
      throw Problem.field('code', 'code is wrong or expired', { code: 'totp_code_wrong' });
    const secret = pending.secret;
    const recoveryCodes = await this.dataSource.transaction(async (m) => {
      await this.users.setTotp(user.id, secret, true, m);
      // Shown once, with the app confirmed: the way in when the phone is lost.
      const codes = await this.users.replaceRecoveryCodes(user.id, m);
      await m.update(
        Session,
        { idHash: ctx.user.sessionIdHash },
        { mfaPending: false, totpPendingSecret: null },
      );
      await this.audit.record(
        ctx,
        {
          action: 'auth.totp.enable',
          entityType: 'user',
          entityId: user.id,
          details: { replacing: user.totpEnabled },
        },
        m,
      );
      if (user.totpEnabled) await this.outbox.enqueue(m, [totpMail(user, 'replaced')]);
      return codes;
    });
    // The code that confirmed the app cannot also sign in.
    await this.users.claimTotpStep(user.id, step);
    return { recoveryCodes };
  }

  /**
   * Switches two factors off: needs the password and a current code, is audited, and tells the user by e-mail (an
   * unexpected one is the sign to act). A role that must use two factors may replace the app but not switch off.
   */
  async disableTotp(
    ctx: RequestContext & { user: AuthUser },
    password: string,
    code: string | undefined,
  ): Promise<void> {
    const current = await this.users.findById(ctx.user.id);
    if (!current?.totpEnabled)
      throw Problem.rule('Two-factor login is not switched on', { code: 'totp_not_enabled' });
    if (this.config.totpRequiredRoles.includes(current.role))
      throw Problem.rule('Your role must sign in with two factors; replace the app instead', {
        code: 'totp_required_for_role',
      });
    const user = await this.proveOwner(ctx, 'auth.totp.disable', password, code);
    await this.dataSource.transaction(async (m) => {
      await this.users.setTotp(user.id, null, false, m);
      await this.audit.record(ctx, { action: 'auth.totp.disable', entityType: 'user', entityId: user.id }, m);
      await this.outbox.enqueue(m, [totpMail(user, 'disabled')]);
    });
  }

  /**
   * The signed-in user proves they are the owner: the password, and a current code while two factors are on. Wrong
   * answers count towards the login throttle of the user's account and address, so a session cannot be used to
   * guess the password.
   */
  private async proveOwner(
    ctx: RequestContext & { user: AuthUser },
    action: 'auth.totp.setup' | 'auth.totp.disable',
    password: string,
    code: string | undefined,
    recoveryCode?: string,
  ): Promise<UserRecord> {
    const user = await this.users.findById(ctx.user.id);
    if (!user) throw Problem.notFound('user');
    if (user.totpEnabled && !code && recoveryCode === undefined)
      throw Problem.field('code', 'code is required', { code: 'required' });
    const gate = await this.throttle.begin(user.email, ctx.ip);
    if (!gate.ok) {
      await this.audit.record(ctx, {
        action,
        entityType: 'user',
        entityId: user.id,
        outcome: 'denied',
        details: { reason: 'throttled', scope: gate.scope },
      });
      throw throttled(gate);
    }
    const fail = async (field: 'password' | 'code' | 'recoveryCode', problem: Problem): Promise<never> => {
      await this.throttle.failed();
      await this.audit.record(ctx, {
        action,
        entityType: 'user',
        entityId: user.id,
        outcome: 'failure',
        details: { reason: field },
      });
      throw problem;
    };
    if (!(await verifyPassword(user.passwordHash, password)))
      return fail('password', Problem.field('password', 'password is wrong', { code: 'wrong_password' }));
    if (user.totpEnabled && !code) {
      if (!(await this.users.claimRecoveryCode(user.id, recoveryCode!)))
        return fail(
          'recoveryCode',
          Problem.field('recoveryCode', 'recoveryCode is wrong or used', { code: 'recovery_code_wrong' }),
        );
    } else if (user.totpEnabled) {
      const step = totpStep(user.totpSecret!, code!);
      if (step === null || !(await this.users.claimTotpStep(user.id, step)))
        return fail('code', Problem.field('code', 'code is wrong or expired', { code: 'totp_code_wrong' }));
    }
    await this.throttle.succeeded(user.email, ctx.ip);
    return user;
  }
}

/** A refused attempt: 429 with the seconds to wait, which the controller also sends as Retry-After. */
function throttled(gate: Refused): Problem {
  return new Problem(
    429,
    'Too many failed logins. Wait a few minutes and try again.',
    undefined,
    { retryAfter: gate.retryAfterSeconds },
    { code: 'too_many_logins' },
  );
}

/** The e-mail a user gets when their second factor is switched off or replaced; it names no one else. */
function totpMail(user: UserRecord, change: 'disabled' | 'replaced') {
  const when = formatStockholm(new Date());
  const what =
    change === 'disabled'
      ? `Tvåstegsverifieringen för ditt konto i Stegvis stängdes av ${when}.`
      : `Tvåstegsverifieringen för ditt konto i Stegvis fick en ny autentiseringsapp ${when}.`;
  return {
    to: user.email,
    subject:
      change === 'disabled'
        ? 'Tvåstegsverifiering avstängd i Stegvis'
        : 'Ny app för tvåstegsverifiering i Stegvis',
    body: `Hej ${user.displayName}!\n\n${what}\n\nVar det inte du? Byt lösenord direkt och kontakta Stegvis administratör.\n\nMed vänlig hälsning\nStegvis`,
  };
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
