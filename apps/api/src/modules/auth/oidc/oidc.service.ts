import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import * as client from 'openid-client';
import { LessThan, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '../../../config/app-config';
import { AuditService } from '../../../common/audit/audit.service';
import type { RequestContext } from '../../../common/context/request-context';
import { Problem } from '../../../common/problem/problem';
import { OrganisationsService } from '../../organisations/organisations.service';
import { type UserRecord, UsersService } from '../../users/users.service';
import { AuthService, type StartedSession } from '../auth.service';
import { OidcLogin } from '../entities/oidc-login.entity';

/**
 * Why a sign-in through the identity provider ended on the login page: the admin words each one in Swedish
 * (`login.sso.<reason>`), and the audit record names it.
 */
export const OIDC_REFUSALS = [
  'expired',
  'cancelled',
  'failed',
  'unavailable',
  'no_email',
  'unknown_user',
  'inactive',
] as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

export type OidcOutcome =
  | { kind: 'signed_in'; session: StartedSession; returnTo: string }
  /** The provider said who it is; our own TOTP is still owed (POST /api/auth/oidc/code). */
  | { kind: 'code'; returnTo: string }
  | { kind: 'refused'; reason: OidcRefusal };

/** Long enough to type a password and approve a push at the provider; short enough that a stale tab fails. */
export const LOGIN_MINUTES = 10;
/** The wait for our own code after the provider's sign-in. */
export const CODE_MINUTES = 5;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A path in the admin to return to; anything else (another host, `//x`, `/\x`) goes to the start page. */
export function safeReturnTo(raw: unknown): string {
  return typeof raw === 'string' && /^\/(?![/\\])[^\s]*$/.test(raw) && raw.length <= 500 ? raw : '/';
}

/**
 * Sign-in through the municipality's identity provider: authorization code with PKCE (openid-client). The provider
 * says who the person is; a user the admin created with that e-mail address is signed in with the same session as
 * a password login. Nobody is ever created here.
 */
@Injectable()
export class OidcService {
  private readonly log = new Logger(OidcService.name);
  private discovered: Promise<client.Configuration> | null = null;

  constructor(
    @InjectRepository(OidcLogin) private readonly logins: Repository<OidcLogin>,
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.appConfig.oidc !== null;
  }

  private get config(): OidcConfig {
    if (!this.appConfig.oidc)
      throw Problem.notFound('Sign-in through an identity provider is not configured here');
    return this.appConfig.oidc;
  }

  /** The provider's metadata and keys, fetched once; a failed fetch is tried again on the next sign-in. */
  private provider(): Promise<client.Configuration> {
    const c = this.config;
    this.discovered ??= client
      .discovery(
        new URL(c.issuer),
        c.clientId,
        c.clientSecret ?? undefined,
        c.clientSecret ? undefined : client.None(),
        c.allowInsecureHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        this.discovered = null;
        throw err;
      });
    return this.discovered;
  }

  /**
   * Starts a sign-in: state, nonce and PKCE verifier are kept server-side under the hash of a random cookie, so the
   * way back works only in the browser that set out. Returns the provider's address and the cookie's value.
   */
  async start(ctx: RequestContext, returnTo: unknown): Promise<{ location: string; cookie: string | null }> {
    const c = this.config;
    let provider: client.Configuration;
    try {
      provider = await this.provider();
    } catch (err) {
      this.log.warn(`identity provider unreachable: ${String(err)}`);
      await this.refusedAudit(ctx, 'unavailable');
      return { location: loginPage('unavailable'), cookie: null };
    }
    const cookie = randomBytes(32).toString('base64url');
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await this.logins.delete({ expiresAt: LessThan(new Date()) });
    await this.logins.insert({
      idHash: sha256(cookie),
      state,
      nonce,
      codeVerifier,
      returnTo: safeReturnTo(returnTo),
      userId: null,
      expiresAt: new Date(Date.now() + LOGIN_MINUTES * 60_000),
    });
    const url = client.buildAuthorizationUrl(provider, {
      redirect_uri: c.redirectUri,
      scope: c.scope,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { location: url.href, cookie };
  }

  /**
   * The way back from the provider. The pending sign-in is used once, whatever happens; the code is exchanged, the
   * ID token checked (signature, issuer, audience, expiry, nonce) and the user matched by e-mail address.
   */
  async callback(ctx: RequestContext, cookie: string | undefined, query: string): Promise<OidcOutcome> {
    const c = this.config;
    const idHash = cookie && cookie.length <= 100 ? sha256(cookie) : null;
    const pending = idHash ? await this.take(idHash) : null;
    if (!idHash || !pending || pending.userId) return this.refuse(ctx, 'expired');
    const params = new URLSearchParams(query);
    if (params.get('error') === 'access_denied') return this.refuse(ctx, 'cancelled');
    const current = new URL(c.redirectUri);
    current.search = params.toString();
    let claims: client.IDToken;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      const provider = await this.provider();
      tokens = await client.authorizationCodeGrant(provider, current, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims()!;
    } catch (err) {
      return this.refuse(ctx, 'failed', { error: errorCode(err) });
    }
    const email = await this.emailOf(claims, tokens);
    if (!email) return this.refuse(ctx, 'no_email');
    const user = await this.users.findByEmail(email);
    if (!user) return this.refuse(ctx, 'unknown_user', { email });
    if (!user.active) return this.refuse(ctx, 'inactive', { email }, user);
    const idpMfa = await this.providerMfaCounts(user, claims);
    if (user.totpEnabled && !idpMfa) {
      // The provider's sign-in was the first factor; the same browser now owes the app's code, and nothing else.
      await this.logins.insert({
        idHash,
        state: '',
        nonce: '',
        codeVerifier: '',
        returnTo: pending.returnTo,
        userId: user.id,
        expiresAt: new Date(Date.now() + CODE_MINUTES * 60_000),
      });
      return { kind: 'code', returnTo: pending.returnTo };
    }
    const mfaPending = !idpMfa && !user.totpEnabled && this.appConfig.totpRequiredRoles.includes(user.role);
    const session = await this.auth.startSession(ctx, user, mfaPending, {
      method: 'oidc',
      idpMfa,
      ...(claims.amr ? { amr: claims.amr } : {}),
      ...(claims.acr ? { acr: claims.acr } : {}),
    });
    return { kind: 'signed_in', session, returnTo: pending.returnTo };
  }

  /**
   * The app's code (or a recovery code) after the provider's sign-in, from the browser that went there. Wrong codes
   * count towards the login throttle and leave the wait in place until it expires; the right one ends it.
   */
  async secondFactor(
    ctx: RequestContext,
    cookie: string | undefined,
    code: string | undefined,
    recoveryCode: string | undefined,
  ): Promise<StartedSession> {
    const idHash = cookie && cookie.length <= 100 ? sha256(cookie) : null;
    const pending = idHash ? await this.logins.findOneBy({ idHash }) : null;
    const waiting = pending?.userId && pending.expiresAt.getTime() > Date.now();
    const user = waiting ? await this.users.findById(pending.userId!) : null;
    if (!idHash || !user?.active || !user.totpEnabled) {
      await this.refusedAudit(ctx, 'expired', { step: 'code' });
      throw new Problem(401, 'Sign in through the identity provider again', undefined, undefined, {
        code: 'not_signed_in',
      });
    }
    const session = await this.auth.signInWithSecondFactor(ctx, user, code, recoveryCode, {
      method: 'oidc',
      idpMfa: false,
    });
    await this.logins.delete({ idHash });
    return session;
  }

  /** The pending sign-in of this cookie, removed as it is read, or null when there is none or it has expired. */
  private async take(idHash: string): Promise<OidcLogin | null> {
    const row = await this.logins.findOneBy({ idHash });
    if (!row) return null;
    const { affected } = await this.logins.delete({ idHash });
    // Two requests with one cookie: only the one that removed it goes on.
    if (affected !== 1 || row.expiresAt.getTime() <= Date.now()) return null;
    return row;
  }

  /** The e-mail address from the ID token, else from the userinfo endpoint; null when unverified or absent. */
  private async emailOf(
    claims: client.IDToken,
    tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>,
  ): Promise<string | null> {
    let source: Record<string, unknown> = claims;
    if (typeof source.email !== 'string') {
      try {
        source = await client.fetchUserInfo(await this.provider(), tokens.access_token, claims.sub);
      } catch (err) {
        this.log.warn(`userinfo failed: ${errorCode(err)}`);
        return null;
      }
    }
    if (typeof source.email !== 'string' || source.email_verified === false) return null;
    return source.email.trim().toLowerCase();
  }

  /** The provider's MFA claim stands in for our TOTP only where the user's organisation says so. */
  private async providerMfaCounts(user: UserRecord, claims: client.IDToken): Promise<boolean> {
    if (!user.organisationId) return false;
    const policy = await this.organisations.signInPolicy(user.organisationId);
    if (!policy.idpMfaAccepted) return false;
    const c = this.config;
    const amr: unknown[] = Array.isArray(claims.amr) ? claims.amr : [];
    const acr = claims.acr;
    return (
      amr.some((m) => typeof m === 'string' && c.mfaAmr.includes(m)) ||
      (typeof acr === 'string' && c.mfaAcr.includes(acr))
    );
  }

  private async refuse(
    ctx: RequestContext,
    reason: OidcRefusal,
    details: Record<string, unknown> = {},
    user?: UserRecord,
  ): Promise<OidcOutcome> {
    await this.refusedAudit(ctx, reason, details, user);
    return { kind: 'refused', reason };
  }

  private async refusedAudit(
    ctx: RequestContext,
    reason: OidcRefusal,
    details: Record<string, unknown> = {},
    user?: UserRecord,
  ): Promise<void> {
    await this.audit.record(ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user?.id ?? null,
      outcome: reason === 'unknown_user' || reason === 'inactive' ? 'denied' : 'failure',
      details: { method: 'oidc', reason, ...details },
    });
  }
}

/** The login page, telling why the sign-in through the provider did not go through. */
export function loginPage(reason: OidcRefusal): string {
  return `/login?sso=${reason}`;
}

/** openid-client's error code (e.g. OAUTH_JWT_CLAIM_COMPARISON_FAILED), never the message, which may quote input. */
function errorCode(err: unknown): string {
  const e = err as { code?: unknown; error?: unknown };
  return typeof e?.error === 'string' ? e.error : typeof e?.code === 'string' ? e.code : 'unknown';
}
