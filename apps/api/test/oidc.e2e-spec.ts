import { CSRF_HEADER, SESSION_COOKIE } from '@stegvis/contracts';
import { Secret, TOTP } from 'otpauth';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { loadConfig } from '../src/config/app-config';
import { OrganisationsService } from '../src/modules/organisations/organisations.service';
import { UsersService } from '../src/modules/users/users.service';
import { startTestProvider, type TestProvider } from './support/oidc-provider';
import { PASSWORD, startReplica, startTestApp, type TestApp } from './support/test-app';

const REDIRECT_URI = 'http://127.0.0.1/api/auth/oidc/callback';
const IDP_PASSWORD = 'provider-password-1';
const SECRET = 'JBSWY3DPEHPK3PXP';
const codeFor = (secret: string, ahead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + ahead });

describe('sign-in through the municipality identity provider (OpenID Connect, e2e)', () => {
  let idp: TestProvider;
  let t: TestApp;
  let municipalityOrg: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    idp = await startTestProvider(
      [
        { login: 'anna', password: IDP_PASSWORD, email: 'Anna.Andersson@Angelholm.se', amr: ['pwd', 'mfa'] },
        { login: 'bo', password: IDP_PASSWORD, email: 'Bo.Berg@Angelholm.se', amr: ['pwd'] },
        { login: 'cilla', password: IDP_PASSWORD, email: 'cilla.okand@angelholm.se' },
        { login: 'dan', password: IDP_PASSWORD, email: 'dan.slutat@angelholm.se' },
      ],
      REDIRECT_URI,
    );
    t = await startTestApp('oidc', {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_REDIRECT_URI: REDIRECT_URI,
      OIDC_ALLOW_INSECURE_HTTP: 'true',
    });
    const orgs = t.app.get(OrganisationsService);
    const users = t.app.get(UsersService);
    municipalityOrg = (await orgs.upsertOrganisation('Ängelholms kommun, försörjningsstöd', 'income_support'))
      .id;
    for (const [key, email, active] of [
      ['anna', 'anna.andersson@angelholm.se', true],
      ['bo', 'bo.berg@angelholm.se', true],
      ['dan', 'dan.slutat@angelholm.se', false],
    ] as const) {
      const u = await users.createUser({
        email,
        displayName: key,
        role: 'staff',
        password: PASSWORD,
        organisationId: municipalityOrg,
      });
      ids[key] = u.id;
      if (!active) await t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [u.id]);
    }
  });
  afterAll(async () => {
    await t?.close();
    await idp?.stop();
  });

  /** GET /start in a browser of its own, through the provider's pages, and back to our callback. */
  async function viaProvider(login: string, agent: TestAgent = request.agent(t.http)) {
    const start = await agent.get('/api/auth/oidc/start?returnTo=/deltagare');
    expect(start.status).toBe(302);
    const back = new URL(await idp.signIn(start.headers.location, login, IDP_PASSWORD));
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    const callback = await agent.get(back.pathname + back.search);
    return { agent, start, back, callback };
  }

  const sessionCookie = (res: request.Response) =>
    ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`));

  const lastLoginAudit = async () =>
    (
      await t.dataSource.query(
        'SELECT entity_id AS "entityId", outcome, details FROM audit_event WHERE action = \'auth.login\' ORDER BY id DESC LIMIT 1',
      )
    )[0] as { entityId: string | null; outcome: string; details: Record<string, unknown> };

  it('tells the login page that the provider is configured', async () => {
    expect((await request(t.http).get('/api/auth/sign-in-options')).body).toEqual({ oidc: true });
    const odd = await request(t.http).get('/api/auth/sign-in-options?oidc=false');
    expect(odd.status).toBe(400);
    expect(odd.body.errors).toEqual([
      { field: 'oidc', message: 'oidc is not a known field', code: 'unknown_field' },
    ]);
  });

  it('sends the browser to the provider with PKCE, state and nonce, and keeps the verifier on the server', async () => {
    const start = await request(t.http).get('/api/auth/oidc/start');
    const url = new URL(start.headers.location);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('client_id')).toBe('stegvis');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('code_verifier')).toBeNull();
    const cookie = ([] as string[])
      .concat(start.headers['set-cookie'])
      .find((c) => c.startsWith('stegvis_oidc='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    const [row] = await t.dataSource.query(
      'SELECT state, code_verifier AS "codeVerifier" FROM oidc_login ORDER BY created_at DESC LIMIT 1',
    );
    expect(row.state).toBe(url.searchParams.get('state'));
    expect(row.codeVerifier).toMatch(/^[\w-]{43}$/);
  });

  it('signs in the user the admin created with that e-mail address, whatever its case, and log-out ends it', async () => {
    await t.dataSource.query('UPDATE organisation SET idp_mfa_accepted = false WHERE id = $1', [
      municipalityOrg,
    ]);
    const { agent, back, callback } = await viaProvider('bo');
    expect(callback.status).toBe(302);
    expect(callback.headers.location).toBe('/deltagare');
    expect(sessionCookie(callback)).toMatch(/HttpOnly/);
    expect(sessionCookie(callback)).toMatch(/SameSite=Strict/);
    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('bo.berg@angelholm.se');
    expect(me.body.role).toBe('staff');
    expect(await lastLoginAudit()).toEqual({
      entityId: ids.bo,
      outcome: 'success',
      details: { method: 'oidc', idpMfa: false, amr: ['pwd'] },
    });
    // The pending sign-in is spent: the same way back a second time is refused.
    const again = await agent.get(back.pathname + back.search);
    expect(again.headers.location).toBe('/login?sso=expired');
    expect(sessionCookie(again)).toBeUndefined();

    const out = await agent.post('/api/auth/logout').set(CSRF_HEADER, me.body.csrfToken);
    expect(out.status).toBe(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses an ID token made out to another client (wrong audience)', async () => {
    idp.tamperAudience = 'another-client';
    try {
      const { agent, callback } = await viaProvider('bo');
      expect(callback.status).toBe(302);
      expect(callback.headers.location).toBe('/login?sso=failed');
      expect(sessionCookie(callback)).toBeUndefined();
      expect((await agent.get('/api/auth/me')).status).toBe(401);
      const audit = await lastLoginAudit();
      expect(audit.outcome).toBe('failure');
      expect(audit.details).toEqual({
        method: 'oidc',
        reason: 'failed',
        error: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
      });
    } finally {
      idp.tamperAudience = null;
    }
  });

  it('refuses a way back without the browser cookie, with a changed state, or after the sign-in expired', async () => {
    // The code came back to another browser (no cookie): a link someone was sent cannot sign them in.
    const { back } = await viaProvider('bo', request.agent(t.http));
    const stranger = await request(t.http).get(back.pathname + back.search);
    expect(stranger.headers.location).toBe('/login?sso=expired');
    expect(sessionCookie(stranger)).toBeUndefined();

    const changed = request.agent(t.http);
    const start = await changed.get('/api/auth/oidc/start');
    const cb = new URL(await idp.signIn(start.headers.location, 'bo', IDP_PASSWORD));
    cb.searchParams.set('state', 'x'.repeat(43));
    const tampered = await changed.get(cb.pathname + cb.search);
    expect(tampered.headers.location).toBe('/login?sso=failed');
    expect((await lastLoginAudit()).details).toEqual({
      method: 'oidc',
      reason: 'failed',
      error: 'OAUTH_INVALID_RESPONSE',
    });

    const late = request.agent(t.http);
    const lateStart = await late.get('/api/auth/oidc/start');
    const lateBack = new URL(await idp.signIn(lateStart.headers.location, 'bo', IDP_PASSWORD));
    await t.dataSource.query("UPDATE oidc_login SET expires_at = now() - interval '1 second'");
    const expired = await late.get(lateBack.pathname + lateBack.search);
    expect(expired.headers.location).toBe('/login?sso=expired');
    expect(sessionCookie(expired)).toBeUndefined();
    expect(await lastLoginAudit()).toEqual({
      entityId: null,
      outcome: 'failure',
      details: { method: 'oidc', reason: 'expired' },
    });
  });

  it('never creates an account: an unknown e-mail address goes back to the login page, audited', async () => {
    const [{ n: before }] = await t.dataSource.query('SELECT count(*)::int AS n FROM app_user');
    const { agent, callback } = await viaProvider('cilla');
    expect(callback.headers.location).toBe('/login?sso=unknown_user');
    expect(sessionCookie(callback)).toBeUndefined();
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    const [{ n: after }] = await t.dataSource.query('SELECT count(*)::int AS n FROM app_user');
    expect(after).toBe(before);
    expect(await lastLoginAudit()).toEqual({
      entityId: null,
      outcome: 'denied',
      details: { method: 'oidc', reason: 'unknown_user', email: 'cilla.okand@angelholm.se' },
    });
  });

  it('refuses a deactivated user', async () => {
    const { callback } = await viaProvider('dan');
    expect(callback.headers.location).toBe('/login?sso=inactive');
    expect(sessionCookie(callback)).toBeUndefined();
    expect(await lastLoginAudit()).toMatchObject({ entityId: ids.dan, outcome: 'denied' });
  });

  it("lets the provider's MFA stand in for our TOTP only where the organisation says so, else asks for the code", async () => {
    const users = t.app.get(UsersService);
    await users.setTotp(ids.anna, SECRET, true);
    await users.setTotp(ids.bo, SECRET, true);
    try {
      await t.dataSource.query('UPDATE organisation SET idp_mfa_accepted = false WHERE id = $1', [
        municipalityOrg,
      ]);
      // Not accepted: the provider's sign-in is the first factor, and the login page asks for the app's code.
      const owed = await viaProvider('anna');
      expect(owed.callback.headers.location).toBe('/login/kod?returnUrl=%2Fdeltagare');
      expect(sessionCookie(owed.callback)).toBeUndefined();
      expect((await owed.agent.get('/api/auth/me')).status).toBe(401);
      const wrong = await owed.agent
        .post('/api/auth/oidc/code')
        .set('X-Forwarded-For', '203.0.113.50')
        .send({ code: codeFor(SECRET) === '123456' ? '654321' : '123456' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('totp_code_wrong');
      expect(await lastLoginAudit()).toEqual({
        entityId: ids.anna,
        outcome: 'failure',
        details: { reason: 'totp' },
      });
      // Only the browser that went to the provider may finish: the code from elsewhere opens nothing.
      const elsewhere = await request(t.http)
        .post('/api/auth/oidc/code')
        .send({ code: codeFor(SECRET) });
      expect(elsewhere.status).toBe(401);
      expect(elsewhere.body.code).toBe('not_signed_in');
      const right = await owed.agent
        .post('/api/auth/oidc/code')
        .set('X-Forwarded-For', '203.0.113.50')
        .send({ code: codeFor(SECRET) });
      expect(right.status).toBe(200);
      expect(right.body.email).toBe('anna.andersson@angelholm.se');
      expect(sessionCookie(right)).toMatch(/HttpOnly/);
      expect((await owed.agent.get('/api/programmes')).status).toBe(200);
      expect(await lastLoginAudit()).toEqual({
        entityId: ids.anna,
        outcome: 'success',
        details: { method: 'oidc', idpMfa: false },
      });
      // The wait is over once used.
      const again = await owed.agent.post('/api/auth/oidc/code').send({ code: codeFor(SECRET, 30_000) });
      expect(again.status).toBe(401);
      expect(again.body.code).toBe('not_signed_in');

      await t.dataSource.query('UPDATE organisation SET idp_mfa_accepted = true WHERE id = $1', [
        municipalityOrg,
      ]);
      const accepted = await viaProvider('anna');
      expect(accepted.callback.headers.location).toBe('/deltagare');
      const me = await accepted.agent.get('/api/auth/me');
      expect(me.body.email).toBe('anna.andersson@angelholm.se');
      // A full session, not one held for setting up two factors.
      expect((await accepted.agent.get('/api/programmes')).status).toBe(200);
      expect(await lastLoginAudit()).toEqual({
        entityId: ids.anna,
        outcome: 'success',
        details: { method: 'oidc', idpMfa: true, amr: ['pwd', 'mfa'] },
      });

      // The organisation accepts the provider's MFA, but this sign-in used a password alone: the code is owed.
      const single = await viaProvider('bo');
      expect(single.callback.headers.location).toBe('/login/kod?returnUrl=%2Fdeltagare');
      expect(sessionCookie(single.callback)).toBeUndefined();
    } finally {
      await users.setTotp(ids.anna, null, false);
      await users.setTotp(ids.bo, null, false);
      await t.dataSource.query('UPDATE organisation SET idp_mfa_accepted = false WHERE id = $1', [
        municipalityOrg,
      ]);
    }
  });

  it("counts wrong codes after the provider's sign-in towards the login throttle (429 with Retry-After)", async () => {
    const users = t.app.get(UsersService);
    await users.setTotp(ids.bo, SECRET, true);
    try {
      const owed = await viaProvider('bo');
      expect(owed.callback.headers.location).toBe('/login/kod?returnUrl=%2Fdeltagare');
      const wrongCode = codeFor(SECRET) === '123456' ? '654321' : '123456';
      const attempt = () =>
        owed.agent
          .post('/api/auth/oidc/code')
          .set('X-Forwarded-For', '203.0.113.60')
          .send({ code: wrongCode });
      for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
      const locked = await attempt();
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('too_many_logins');
      expect(locked.body.retryAfter).toBe(60);
      expect(locked.headers['retry-after']).toBe('60');
    } finally {
      await users.setTotp(ids.bo, null, false);
    }
  });

  it('without OIDC_ISSUER offers no provider and answers 404; an unreachable provider sends the person back', async () => {
    const off = await startReplica(t);
    try {
      expect((await request(off.http).get('/api/auth/sign-in-options')).body).toEqual({ oidc: false });
      const start = await request(off.http).get('/api/auth/oidc/start');
      expect(start.status).toBe(404);
      expect(start.body.code).toBe('not_found');
      expect((await request(off.http).get('/api/auth/oidc/callback?code=x&state=y')).status).toBe(404);
    } finally {
      await off.close();
    }
    const down = await startReplica(t, {
      OIDC_ISSUER: 'http://127.0.0.1:9',
      OIDC_CLIENT_ID: 'stegvis',
      OIDC_REDIRECT_URI: REDIRECT_URI,
      OIDC_ALLOW_INSECURE_HTTP: 'true',
    });
    try {
      const start = await request(down.http).get('/api/auth/oidc/start');
      expect(start.status).toBe(302);
      expect(start.headers.location).toBe('/login?sso=unavailable');
      expect(start.headers['set-cookie']).toBeUndefined();
    } finally {
      await down.close();
    }
  });

  it("refuses a local password where the organisation has switched them off; the provider's sign-in still works", async () => {
    const login = () =>
      request(t.http)
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.40')
        .send({ email: 'bo.berg@angelholm.se', password: PASSWORD });
    expect((await login()).status).toBe(200);
    await t.dataSource.query('UPDATE organisation SET local_password_allowed = false WHERE id = $1', [
      municipalityOrg,
    ]);
    try {
      const refused = await login();
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('local_password_off');
      expect(sessionCookie(refused)).toBeUndefined();
      expect(await lastLoginAudit()).toEqual({
        entityId: ids.bo,
        outcome: 'denied',
        details: { reason: 'local_password_off' },
      });
      // A wrong password still answers as for anyone: the rule tells nothing to someone who does not know it.
      const wrong = await request(t.http)
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.41')
        .send({ email: 'bo.berg@angelholm.se', password: 'not-the-password-at-all' });
      expect(wrong.status).toBe(401);
      expect((await viaProvider('bo')).callback.headers.location).toBe('/deltagare');
    } finally {
      await t.dataSource.query('UPDATE organisation SET local_password_allowed = true WHERE id = $1', [
        municipalityOrg,
      ]);
    }
  });
});

describe('OIDC configuration', () => {
  const base = {
    OIDC_ISSUER: 'https://idp.angelholm.se',
    OIDC_CLIENT_ID: 'stegvis',
    OIDC_REDIRECT_URI: 'https://stegvis.angelholm.se/api/auth/oidc/callback',
  };

  it('is off without OIDC_ISSUER, and reads the rest when it is set', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).oidc).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', ...base, OIDC_MFA_ACR: 'loa3, loa4' }).oidc).toEqual({
      issuer: 'https://idp.angelholm.se',
      clientId: 'stegvis',
      clientSecret: null,
      redirectUri: 'https://stegvis.angelholm.se/api/auth/oidc/callback',
      scope: 'openid email',
      mfaAmr: ['mfa', 'otp'],
      mfaAcr: ['loa3', 'loa4'],
      allowInsecureHttp: false,
    });
  });

  it('refuses an http:// provider unless allowed, and the allowance in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', ...base, OIDC_ISSUER: 'http://127.0.0.1:3330' })).toThrow(
      'OIDC_ISSUER must be an https:// URL (http:// only with OIDC_ALLOW_INSECURE_HTTP=true)',
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/stegvis',
        PERSONAL_NUMBER_KEY: 'k'.repeat(40),
        ...base,
        OIDC_ALLOW_INSECURE_HTTP: 'true',
      }),
    ).toThrow('OIDC_ALLOW_INSECURE_HTTP is for tests and development; production talks https only');
    expect(() => loadConfig({ NODE_ENV: 'test', OIDC_ISSUER: base.OIDC_ISSUER })).toThrow(
      'OIDC_ISSUER needs OIDC_CLIENT_ID',
    );
  });
});
