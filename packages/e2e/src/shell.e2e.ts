import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { failOnCspViolations, launch, signIn, expectNoAxeViolations } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

/** Whether the api still takes this e-mail and password: the login endpoint's own answer. */
async function loginStatus(base: string, email: string, password: string): Promise<number> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

describe('the shell and shared patterns: skip link, not found, unsaved changes, empty list, Mitt konto', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let staff: { email: string; password: string };
  // A worker whose only programme has no groups yet; the account tests change her password.
  const lisa = {
    email: 'lisa.konto@stegvis.local',
    password: 'Första lösenordet 2030',
    displayName: 'Lisa Konto',
  };
  const strong = 'Blåbärssylt vid Kattegatt 42';

  before(async () => {
    api = await startApi('shell', 3281, { STEGVIS_DEMO_SEED: 'true' });
    const pw = await demoPasswords(api);
    staff = pw.staff;
    const admin = await new ApiClient(api.url).signIn(pw.admin.email, pw.admin.password);
    const municipalities = await admin.call<{ id: string; name: string }[]>('GET', '/api/municipalities');
    const owner = municipalities.find((m) => m.name === 'Båstad') ?? municipalities[0];
    const c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    const empty = await c.call('POST', '/api/programmes', {
      name: 'Tom insats utan grupper',
      ownerMunicipalityId: owner.id,
      municipalityIds: [owner.id],
      partnerOrganisationIds: [],
      startDate: '2030-01-01',
      endDate: '2030-12-31',
      targetGroup: '',
      goals: [{ key: 'attendance', description: 'Närvaro', targetValue: 80 }],
    });
    await admin.call('POST', '/api/users', {
      email: lisa.email,
      password: lisa.password,
      displayName: lisa.displayName,
      role: 'staff',
      programmeIds: [empty.id],
    });
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  async function staffPage(who = staff): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' });
    await signIn(page, api.url, who);
    return page;
  }

  it('the skip link is the first thing Tab reaches and moves focus to the content', async () => {
    const page = await staffPage();
    // A fresh page load: Tab starts from the top of the document.
    await page.goto(`${api.url}/insatser`);
    await page.getByTestId('programme-table').waitFor();
    await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    assert.equal(await first.getAttribute('data-testid'), 'skip-link');
    assert.equal(await text(first), 'Hoppa till innehållet');
    assert.ok(await first.isVisible(), 'the focused skip link is on screen');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'innehall');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MAIN');
    // The next Tab goes into the page's content, not back to the toolbar.
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.closest('main')?.id ?? 'outside main'),
      'innehall',
    );
    await page.close();
  });

  it('an unknown address shows the not-found page with a link home', async () => {
    const page = await staffPage();
    await page.goto(`${api.url}/finns-inte/alls`);
    await page.getByTestId('not-found').waitFor();
    assert.equal(await text(page.locator('h1')), 'Sidan finns inte');
    assert.equal(await text(page.getByTestId('not-found-address')), '/finns-inte/alls');
    assert.equal(new URL(page.url()).pathname, '/finns-inte/alls');
    await expectNoAxeViolations(page, 'not found');
    await page.screenshot({ path: join(SHOTS, 'not-found.png') });
    await expectNoRawCodes(page, 'not found');
    await page.getByTestId('not-found-home').click();
    await page.getByTestId('programme-table').waitFor();
    assert.equal(new URL(page.url()).pathname, '/insatser');
    await page.close();
  });

  it('leaving a form with unsaved changes asks first, and staying keeps what was typed', async () => {
    const page = await staffPage();
    await page.getByTestId('new-programme').click();
    await page.getByTestId('programme-name').fill('Halvfärdig insats');
    await page.getByTestId('nav-grupper').click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    assert.equal(await text(dialog.locator('h2')), 'Lämna utan att spara?');
    await expectNoAxeViolations(page, 'unsaved changes dialog');
    await page.screenshot({ path: join(SHOTS, 'unsaved-dialog.png') });
    await dialog.getByRole('button', { name: 'Stanna kvar' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(new URL(page.url()).pathname, '/insatser/ny');
    assert.equal(await page.getByTestId('programme-name').inputValue(), 'Halvfärdig insats');

    // Reloading the tab asks through the browser's own dialog; dismissing it keeps the page.
    const asked = page.waitForEvent('dialog');
    const reload = page.reload().catch(() => undefined);
    const unload = await asked;
    assert.equal(unload.type(), 'beforeunload');
    await unload.dismiss();
    await reload;
    assert.equal(await page.getByTestId('programme-name').inputValue(), 'Halvfärdig insats');

    await page.getByTestId('nav-grupper').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Lämna sidan' }).click();
    await page.waitForURL(`${api.url}/grupper`);
    // Nothing was saved on the way out.
    const c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    const names = (await c.call<{ items: { name: string }[] }>('GET', '/api/programmes')).items.map(
      (p) => p.name,
    );
    assert.equal(names.includes('Halvfärdig insats'), false);
    await page.close();
  });

  it('a saved form lets the user go without asking', async () => {
    const page = await staffPage();
    await page.getByTestId('programme-row').first().getByRole('link', { name: /Ändra/ }).click();
    await page.getByTestId('programme-target-group').fill('Kvinnor långt från arbetsmarknaden');
    await page.getByTestId('programme-save').click();
    await page.locator('mat-snack-bar-container').getByText('Insatsen är sparad.').waitFor();
    await page.getByTestId('programme-table').waitFor();
    await page.getByTestId('nav-grupper').click();
    await page.waitForURL(`${api.url}/grupper`);
    assert.equal(await page.getByRole('alertdialog').count(), 0);
    await page.close();
  });

  it('an empty list says so instead of showing nothing', async () => {
    const page = await staffPage(lisa);
    await page.getByTestId('nav-grupper').click();
    const empty = page.getByTestId('list-empty');
    await empty.waitFor();
    assert.equal(await text(empty.locator('p')), 'Inga grupper i insatsen ännu.');
    assert.equal(await page.getByTestId('group-row').count(), 0);
    await expectNoAxeViolations(page, 'empty group list');
    await page.screenshot({ path: join(SHOTS, 'empty-list.png') });
    await page.close();
  });

  it('Mitt konto refuses a weak password at the field, takes a strong one, and the new one signs in', async () => {
    const page = await staffPage(lisa);
    await page.getByTestId('nav-account').click();
    await page.getByRole('heading', { name: 'Mitt konto', level: 1 }).waitFor();
    assert.match(await text(page.getByTestId('account-user')), /Lisa Konto \(lisa\.konto@stegvis\.local\)/);
    assert.equal(await page.getByTestId('account-tfa-link').getAttribute('href'), '/tvafaktor');
    await page.getByTestId('account-tfa-status').waitFor();
    await expectNoAxeViolations(page, 'Mitt konto');
    await page.screenshot({ path: join(SHOTS, 'account.png'), fullPage: true });
    await expectNoRawCodes(page, 'Mitt konto');

    // Weak: 12 characters, not on the common list, but a repeated word.
    await page.getByTestId('account-current').fill(lisa.password);
    await page.getByTestId('account-new').fill('sommarsommar');
    await page.getByTestId('account-repeat').fill('sommarsommar');
    await page.getByTestId('account-change').click();
    const newError = page.getByTestId('account-new-error');
    await newError.waitFor();
    assert.equal(
      await text(newError),
      'Lösenordet är för lätt att gissa. Upprepade mönster som "abcabc" är lätta att gissa. Välj en längre fras av ovanliga ord.',
    );
    assert.equal(await page.getByTestId('account-new').inputValue(), 'sommarsommar');
    assert.equal(await page.getByTestId('account-current').inputValue(), lisa.password);
    assert.equal(await loginStatus(api.url, lisa.email, lisa.password), 200, 'the old password still counts');

    // A wrong current password is named at its own field.
    await page.getByTestId('account-current').fill('inte mitt lösenord alls');
    await page.getByTestId('account-new').fill(strong);
    await page.getByTestId('account-repeat').fill(strong);
    await page.getByTestId('account-change').click();
    await page.getByTestId('account-current-error').waitFor();
    assert.equal(await text(page.getByTestId('account-current-error')), 'Fel nuvarande lösenord.');

    // Strong: saved, every session ends, and the login page asks for the new one.
    await page.getByTestId('account-current').fill(lisa.password);
    await page.getByTestId('account-change').click();
    await page
      .locator('mat-snack-bar-container')
      .getByText('Lösenordet är bytt. Logga in med ditt nya lösenord.')
      .waitFor();
    await page.getByTestId('login-email').waitFor();
    await page.getByTestId('login-email').fill(lisa.email);
    await page.getByTestId('login-password').fill(strong);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    assert.match(await text(page.getByTestId('current-user')), /Lisa Konto/);
    assert.equal(await loginStatus(api.url, lisa.email, lisa.password), 401, 'the old password is refused');
    lisa.password = strong;
    await page.close();
  });

  it('signing out everywhere ends the user’s other sessions too', async () => {
    const here = await staffPage(lisa);
    const elsewhere = await staffPage(lisa);
    const script = await new ApiClient(api.url).signIn(lisa.email, lisa.password);
    await script.call('GET', '/api/auth/me');

    await here.getByTestId('nav-account').click();
    await here.getByTestId('account-revoke-all').click();
    const dialog = here.getByRole('alertdialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Logga ut överallt' }).click();
    await here
      .locator('mat-snack-bar-container')
      .getByText('Du är utloggad överallt. Logga in igen för att fortsätta.')
      .waitFor();
    await here.getByTestId('login-email').waitFor();

    // The other browser's session is gone: its next page load lands on the login page.
    await elsewhere.goto(`${api.url}/grupper`);
    await elsewhere.getByTestId('login-email').waitFor();
    assert.equal(new URL(elsewhere.url()).pathname, '/login');
    await assert.rejects(script.call('GET', '/api/auth/me'), /401/);
    await here.close();
    await elsewhere.close();
  });
});
