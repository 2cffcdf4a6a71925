import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { failOnCspViolations, launch } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { text } from './text';

describe('two-factor login in the admin (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let staff: { email: string; password: string };

  before(async () => {
    api = await startApi('totp', 3215, { STEGVIS_DEMO_SEED: 'true', TOTP_REQUIRED_ROLES: 'staff' });
    staff = (await demoPasswords(api)).staff;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('staff are taken to the setup, confirm with a first code, and are asked for a code at the next login', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const login = async (code?: string) => {
      await page.goto(`${api.url}/login`);
      await page.getByTestId('login-email').fill(staff.email);
      await page.getByTestId('login-password').fill(staff.password);
      await page.getByTestId('login-submit').click();
      if (code !== undefined) {
        await page.getByTestId('login-code').fill(code);
        await page.getByTestId('login-submit').click();
      }
    };
    await login();
    await expectNoRawCodes(page, 'tvåstegsverifiering');
    // Setting up (or replacing) the second factor asks for the password first.
    await page.getByTestId('totp-start').click();
    assert.equal(await page.getByTestId('totp-secret').count(), 0);
    await page.getByTestId('totp-password').fill('not the password at all');
    await page.getByTestId('totp-start').click();
    assert.equal(await text(page.getByTestId('totp-password-error')), 'Fel nuvarande lösenord.');
    await page.getByTestId('totp-password').fill(staff.password);
    await page.getByTestId('totp-start').click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    await page.getByTestId('totp-code').fill(totp.generate());
    await page.getByTestId('totp-confirm').click();
    // The recovery codes are shown once, before going on.
    await page.getByTestId('recovery-codes').waitFor();
    assert.equal(await page.getByTestId('recovery-codes').locator('li').count(), 10);
    await page.getByTestId('recovery-codes-done').click();
    await page.getByTestId('programme-row').first().waitFor();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
    await login();
    await page.getByTestId('login-code').waitFor();
    assert.equal(await page.getByTestId('login-email').inputValue(), staff.email);
    // Each code is good once, and the one that confirmed the app is spent: the app's next code (30 s on, which the
    // server accepts for clock drift) signs in.
    await page.getByTestId('login-code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('programme-row').first().waitFor();
    // Now that two factors are on, replacing the app needs a current code too; a staff role cannot switch them off.
    await page.goto(`${api.url}/tvafaktor`);
    await page.getByTestId('totp-current-code').waitFor();
    assert.equal(await page.getByTestId('totp-disable').count(), 0);
    await page.close();
  });
});
