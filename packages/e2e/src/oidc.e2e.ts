import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { expectNoAxeViolations, failOnCspViolations, launch } from './browser';
import { startTestProvider, type TestProvider } from './oidc-provider';
import { expectNoRawCodes } from './raw-codes';
import { type RunningApi, startApi } from './server';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');
const PORT = 3325;
const IDP_PORT = 3330;
const ADMIN = { email: 'admin@oidc.example', password: 'ett-langt-losenord-for-resan-9' };
const IDP_PASSWORD = 'kommunens-losenord-1';
const UNO = { email: 'uno.unden@angelholm.se', password: 'fjarde-langa-losenordet-8' };
const TOVE = { email: 'tove.tidlund@angelholm.se', password: 'tredje-langa-losenordet-5' };

describe("sign-in with the municipality's account (chromium, a real OpenID provider on 127.0.0.1)", () => {
  failOnCspViolations();
  let idp: TestProvider;
  let api: RunningApi;
  let browser: Browser;
  let admin: ApiClient;
  let saraId: string;

  before(async () => {
    idp = await startTestProvider(
      IDP_PORT,
      [
        { login: 'sara', password: IDP_PASSWORD, email: 'Sara.Svensson@Angelholm.se', amr: ['pwd'] },
        { login: 'olle', password: IDP_PASSWORD, email: 'olle.okand@angelholm.se', amr: ['pwd'] },
        { login: 'tove', password: IDP_PASSWORD, email: TOVE.email, amr: ['pwd', 'mfa'] },
        { login: 'uno', password: IDP_PASSWORD, email: UNO.email, amr: ['pwd', 'mfa'] },
      ],
      `http://127.0.0.1:${PORT}/api/auth/oidc/callback`,
    );
    api = await startApi('oidc', PORT, {
      STEGVIS_ADMIN_EMAIL: ADMIN.email,
      STEGVIS_ADMIN_PASSWORD: ADMIN.password,
      TOTP_REQUIRED_ROLES: '',
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_REDIRECT_URI: `http://127.0.0.1:${PORT}/api/auth/oidc/callback`,
      // The provider runs on http://127.0.0.1; production refuses this setting.
      OIDC_ALLOW_INSECURE_HTTP: 'true',
    });
    admin = await new ApiClient(api.url).signIn(ADMIN.email, ADMIN.password);
    // Set-up: the admin has created Sara's account; the provider knows her by the same address, in other case.
    saraId = (
      await admin.call<{ id: string }>('POST', '/api/users', {
        email: 'sara.svensson@angelholm.se',
        displayName: 'Sara Svensson',
        role: 'staff',
        password: 'ett-annat-langt-losenord-3',
      })
    ).id;
    await admin.call('POST', '/api/users', {
      email: TOVE.email,
      displayName: 'Tove Tidlund',
      role: 'staff',
      password: TOVE.password,
    });
    // Uno's organisation signs in through the municipality only, and lets its MFA count.
    const org = await admin.call<{ id: string }>('POST', '/api/organisations', {
      name: 'Ängelholms kommun, arbetsmarknad',
      kind: 'municipality',
      localPasswordAllowed: false,
      idpMfaAccepted: true,
    });
    await admin.call('POST', '/api/users', {
      email: UNO.email,
      displayName: 'Uno Undén',
      role: 'staff',
      password: UNO.password,
      organisationId: org.id,
    });
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
    await idp?.stop();
  });

  /** From the login page through the provider's own login and consent pages, as the person would. */
  async function throughProvider(page: Page, login: string): Promise<void> {
    await page.goto(`${api.url}/login`);
    const button = page.getByTestId('login-oidc');
    await button.waitFor();
    assert.equal(await text(button), 'Logga in med kommunens konto');
    await button.click();
    await page.getByTestId('idp-login').waitFor();
    assert.equal(new URL(page.url()).origin, idp.issuer);
    await page.getByTestId('idp-login').fill(login);
    await page.getByTestId('idp-password').fill(IDP_PASSWORD);
    await page.getByTestId('idp-submit').click();
    await page.getByTestId('idp-consent').click();
  }

  it('a staff member signs in through the provider and lands in the admin, signed in as herself', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await page.goto(`${api.url}/login`);
    await page.getByTestId('login-oidc').waitFor();
    await expectNoAxeViolations(page, 'inloggning med kommunens konto');
    await page.screenshot({ path: join(SHOTS, 'oidc-login.png') });

    await throughProvider(page, 'sara');
    await page.getByTestId('current-user').waitFor();
    assert.match(await text(page.getByTestId('current-user')), /Sara Svensson/);
    assert.equal(new URL(page.url()).origin, api.url);
    await expectNoRawCodes(page, 'första sidan efter inloggning med kommunens konto');

    // The session in the browser is Sara's, and the admin sees the sign-in in the audit log.
    const me = (await (await page.request.get(`${api.url}/api/auth/me`)).json()) as {
      id: string;
      email: string;
    };
    assert.deepEqual([me.id, me.email], [saraId, 'sara.svensson@angelholm.se']);
    const log = await admin.call<{ items: { actorId: string | null; outcome: string }[] }>(
      'GET',
      `/api/audit-events?action=auth.login&actorId=${saraId}`,
    );
    assert.deepEqual(
      log.items.map((e) => e.outcome),
      ['success'],
    );

    await page.getByTestId('logout').click();
    await page.getByTestId('login-oidc').waitFor();
    assert.equal((await page.request.get(`${api.url}/api/auth/me`)).status(), 401);
    await page.close();
  });

  it('someone the admin has not added is sent back to the login page and told so; no account is made', async () => {
    const users = async () => (await admin.call<unknown[]>('GET', '/api/users')).length;
    const before = await users();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await throughProvider(page, 'olle');
    const error = page.getByTestId('login-sso-error');
    await error.waitFor();
    assert.equal(
      await text(error),
      'Det finns inget konto i Stegvis med din e-postadress. Be administratören att lägga upp dig.',
    );
    assert.equal(new URL(page.url()).pathname, '/login');
    await expectNoAxeViolations(page, 'inloggning med kommunens konto, okänd person');
    await page.screenshot({ path: join(SHOTS, 'oidc-unknown.png') });
    assert.equal(await users(), before);
    assert.equal((await page.request.get(`${api.url}/api/auth/me`)).status(), 401);
    await page.close();
  });

  it("with two-factor login on, and the provider's MFA not accepted, the app's code finishes the sign-in", async () => {
    // Set-up: Tove has turned two-factor login on herself; she has no organisation, so the provider's MFA does not count.
    const tove = await new ApiClient(api.url).signIn(TOVE.email, TOVE.password);
    const setup = await tove.call<{ secret: string }>('POST', '/api/auth/totp/setup', {
      password: TOVE.password,
    });
    const totp = new TOTP({ secret: Secret.fromBase32(setup.secret) });
    await tove.call('POST', '/api/auth/totp/confirm', { code: totp.generate() });

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await throughProvider(page, 'tove');
    await page.getByTestId('idp-code').waitFor();
    assert.equal(new URL(page.url()).pathname, '/login/kod');
    assert.equal((await page.request.get(`${api.url}/api/auth/me`)).status(), 401);
    await expectNoAxeViolations(page, 'kod efter inloggning med kommunens konto');
    await page.screenshot({ path: join(SHOTS, 'oidc-code.png') });
    // The code that confirmed the app is spent; the app's next one (30 s on, accepted for clock drift) signs in.
    await page.getByTestId('idp-code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByTestId('idp-code-submit').click();
    await page.getByTestId('current-user').waitFor();
    assert.match(await text(page.getByTestId('current-user')), /Tove Tidlund/);
    const me = (await (await page.request.get(`${api.url}/api/auth/me`)).json()) as { email: string };
    assert.equal(me.email, TOVE.email);
    await page.close();
  });

  it("where the organisation has switched local passwords off, the password form says to use the municipality's account", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await page.goto(`${api.url}/login`);
    await page.getByTestId('login-email').fill(UNO.email);
    await page.getByTestId('login-password').fill(UNO.password);
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.equal(
      await text(error),
      'Din organisation loggar in med kommunens konto, inte med lösenord i Stegvis.',
    );
    assert.equal((await page.request.get(`${api.url}/api/auth/me`)).status(), 401);
    await expectNoAxeViolations(page, 'inloggning med lösenord avstängt');
    // The municipality's account, with its MFA accepted for the organisation, lets Uno in.
    await throughProvider(page, 'uno');
    await page.getByTestId('current-user').waitFor();
    assert.match(await text(page.getByTestId('current-user')), /Uno Undén/);
    await page.close();
  });
});
