import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { ApiClient } from './api-client';
import {
  chooseOption,
  dialogReady,
  expectNoAxeViolations,
  failOnCspViolations,
  launch,
  signIn,
} from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

describe('the admin runs the users (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let admin: { email: string; password: string };
  let setup: ApiClient;
  let programme: { id: string; name: string; ownerMunicipality: { id: string } };
  let omarId: string;

  before(async () => {
    // Staff and analysis members must use two factors, as by default; the demo admin signs in with a password.
    api = await startApi('users', 3321, {
      STEGVIS_DEMO_SEED: 'true',
      TOTP_REQUIRED_ROLES: 'staff,analysis_member',
    });
    admin = (await demoPasswords(api)).admin;
    setup = await new ApiClient(api.url).signIn(admin.email, admin.password);
    programme = (await setup.call('GET', '/api/programmes?limit=200')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    const omar = await setup.call('POST', '/api/staff-members', {
      name: 'Omar Ersättare',
      staffRole: 'programme_worker',
    });
    omarId = omar.id;
    await setup.call('POST', '/api/staff-allocations', {
      staffMemberId: omar.id,
      programmeId: programme.id,
      percent: 50,
      startDate: '2030-01-01',
      endDate: '2030-12-31',
    });
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('creates a user with an allocation; she enrols two factors; deactivated with a replacement, her session ends', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, admin);
    await page.getByTestId('nav-anvandare').click();
    await page.getByTestId('user-row').first().waitFor();
    await expectNoAxeViolations(page, 'användare');
    await expectNoRawCodes(page, 'användare');

    // A new staff member: no password typed, the api makes a one-time one.
    await page.getByTestId('user-new').click();
    await dialogReady(page);
    await page.getByTestId('user-name').fill('Lea Lindqvist');
    await page.getByTestId('user-email').fill('lea.lindqvist@stegvis.local');
    // The role a new user starts with: staff, who must use two factors here.
    assert.equal(await text(page.getByTestId('user-role')), 'Personal');
    await page.getByTestId(`user-works-${programme.id}`).locator('input').check();
    await expectNoAxeViolations(page, 'ny användare');
    await page.screenshot({ path: join(SHOTS, 'users-new.png') });
    await page.getByTestId('user-save').click();
    const otp = (await text(page.getByTestId('one-time-password'))).trim();
    assert.match(otp, /^[A-Za-z0-9_-]{20}$/);
    await expectNoAxeViolations(page, 'engångslösenord');
    await page.screenshot({ path: join(SHOTS, 'users-one-time-password.png') });
    await page.getByTestId('one-time-password-done').click();
    const row = page.locator('[data-testid="user-row"][data-email="lea.lindqvist@stegvis.local"]');
    await row.waitFor();
    assert.equal(await text(row.getByTestId('user-tfa')), 'Inte påslagen krävs för rollen');
    assert.equal(await text(row.getByTestId('user-programmes')), 'Nästa Steg');

    // The lead mark, on the allocation she has.
    await row.getByTestId('user-edit').click();
    await page.getByTestId(`user-leads-${programme.id}`).locator('input').check();
    await page.getByTestId('user-save').click();
    await row.getByTestId('user-programmes').filter({ hasText: 'processledare' }).waitFor();
    assert.equal(await text(row.getByTestId('user-programmes')), 'Nästa Steg (processledare)');
    await page.screenshot({ path: join(SHOTS, 'users-list.png') });

    // Set-up: she is the only staff of a group in the programme.
    const users = await setup.call('GET', '/api/users');
    const lea = users.find((u: { email: string }) => u.email === 'lea.lindqvist@stegvis.local');
    const leaStaff = await setup.call('POST', '/api/staff-members', {
      name: 'Lea Lindqvist',
      staffRole: 'programme_lead',
      userId: lea.id,
    });
    const group = await setup.call('POST', '/api/groups', {
      programmeId: programme.id,
      municipalityId: programme.ownerMunicipality.id,
      number: 9,
      startDate: '2030-01-14',
      endDate: '2030-04-12',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
      place: 'Folkets hus',
      staffMemberIds: [leaStaff.id],
    });

    // She signs in with the one-time password, picks her own, then must set up two factors.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const her = await context.newPage();
    const own = 'Lea väljer ett eget lösenord 2030';
    const login = async (password: string) => {
      await her.goto(`${api.url}/login`);
      await her.getByTestId('login-email').fill('lea.lindqvist@stegvis.local');
      await her.getByTestId('login-password').fill(password);
      await her.getByTestId('login-submit').click();
    };
    await login(otp);
    await her.getByTestId('account-must-change').waitFor();
    await expectNoAxeViolations(her, 'byt engångslösenord');
    await her.getByTestId('account-current').fill(otp);
    await her.getByTestId('account-new').fill(own);
    await her.getByTestId('account-repeat').fill(own);
    await her.getByTestId('account-change').click();
    await her.getByTestId('login-email').waitFor();
    await login(own);
    await her.getByTestId('totp-password').fill(own);
    await her.getByTestId('totp-start').click();
    const secret = (await text(her.getByTestId('totp-secret'))).trim();
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    await her.getByTestId('totp-code').fill(totp.generate());
    await her.getByTestId('totp-confirm').click();
    await her.getByTestId('recovery-codes').waitFor();
    const codes = (await her.getByTestId('recovery-codes').locator('li').allTextContents()).map((c) =>
      c.trim(),
    );
    assert.equal(codes.length, 10);
    for (const c of codes) assert.match(c, /^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    await expectNoAxeViolations(her, 'återställningskoder');
    await her.screenshot({ path: join(SHOTS, 'users-recovery-codes.png') });
    await her.getByTestId('recovery-codes-done').click();
    await her.getByTestId('current-user').waitFor();
    // Signing in again asks for the app's code; the one that confirmed it is spent, the next step's works.
    await her.getByTestId('logout').click();
    await login(own);
    await her.getByTestId('login-code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await her.getByTestId('login-submit').click();
    await her.getByTestId('current-user').waitFor();
    assert.equal(await text(her.getByTestId('current-user')), 'Lea Lindqvist · Personal');
    // The phone is lost: a recovery code instead, once.
    await her.getByTestId('logout').click();
    await login(own);
    await her.getByTestId('login-use-recovery').click();
    await her.getByTestId('login-recovery-code').fill(codes[0]);
    await expectNoAxeViolations(her, 'inloggning med återställningskod');
    await her.getByTestId('login-submit').click();
    await her.getByTestId('current-user').waitFor();
    // ... and, with the same kind of code, a new app on a new phone, which makes new codes.
    await her.goto(`${api.url}/tvafaktor`);
    await her.getByTestId('totp-use-recovery').click();
    await her.getByTestId('totp-password').fill(own);
    await her.getByTestId('totp-recovery-code').fill(codes[1]);
    await her.getByTestId('totp-start').click();
    const newSecret = (await text(her.getByTestId('totp-secret'))).trim();
    assert.notEqual(newSecret, secret);
    await her.getByTestId('totp-code').fill(new TOTP({ secret: Secret.fromBase32(newSecret) }).generate());
    await her.getByTestId('totp-confirm').click();
    await her.getByTestId('recovery-codes').waitFor();
    await her.getByTestId('recovery-codes-done').click();
    await her.getByTestId('current-user').waitFor();

    // The admin sees two factors on, and deactivates her: the group needs someone to take over first.
    await page.reload();
    await row.getByTestId('user-tfa').filter({ hasText: 'På' }).waitFor();
    assert.equal(await text(row.getByTestId('user-tfa')), 'På krävs för rollen');
    await row.getByTestId('user-deactivate').click();
    await page.getByTestId('deactivate-group-9').waitFor();
    await page.getByTestId('deactivate-confirm').click();
    await page.getByTestId('replacement-missing-9').waitFor();
    await expectNoAxeViolations(page, 'inaktivera användare');
    await page.screenshot({ path: join(SHOTS, 'users-deactivate.png') });
    await chooseOption(page, 'replacement-9', 'Omar Ersättare');
    await page.getByTestId('deactivate-confirm').click();
    await row.getByTestId('user-status').filter({ hasText: 'Inaktiverad' }).waitFor();
    assert.equal(await text(row.getByTestId('user-status')), 'Inaktiverad');

    // Her open session has ended: the next page she opens is the login page.
    await her.getByTestId('nav-grupper').click();
    await her.getByTestId('login-email').waitFor();

    // What was stored.
    const stored = (await setup.call('GET', '/api/users')).find((u: { id: string }) => u.id === lea.id);
    assert.deepEqual(
      {
        role: stored.role,
        active: stored.active,
        totpEnabled: stored.totpEnabled,
        totpRequired: stored.totpRequired,
        mustChangePassword: stored.mustChangePassword,
        programmeIds: stored.programmeIds,
        leadProgrammeIds: stored.leadProgrammeIds,
      },
      {
        role: 'staff',
        active: false,
        totpEnabled: true,
        totpRequired: true,
        mustChangePassword: false,
        programmeIds: [programme.id],
        leadProgrammeIds: [programme.id],
      },
    );
    assert.deepEqual((await setup.call('GET', `/api/groups/${group.id}`)).staffMemberIds, [omarId]);
    await assert.rejects(new ApiClient(api.url).signIn('lea.lindqvist@stegvis.local', own), /401/);

    // A forgotten password: the admin gives a new one-time password, shown once.
    const erik = page.locator('[data-testid="user-row"][data-email="utvarderare@stegvis.local"]');
    await erik.getByTestId('user-reset').click();
    await page.getByTestId('confirm-ok').click();
    const fresh = (await text(page.getByTestId('one-time-password'))).trim();
    await page.getByTestId('one-time-password-done').click();
    await erik.getByTestId('user-status').filter({ hasText: 'engångslösenord' }).waitFor();
    const signedIn = await new ApiClient(api.url).signIn('utvarderare@stegvis.local', fresh);
    await assert.rejects(signedIn.call('GET', '/api/programmes'), /403 .*password_change_required/);
    await context.close();
    await page.close();
  });
});
