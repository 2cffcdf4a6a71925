import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stockholmDateAndTime } from '@stegvis/contracts';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { expectNoAxeViolations, failOnCspViolations, launch, signIn } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { openRoundForNewGroup, type RoundCode } from './survey-setup';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');
const BASE = '/api/questionnaires/end-of-group/versions/1/translations';

/**
 * Translation review (issue 21): staff see which languages of a round's questionnaire are machine drafts, mark one
 * reviewed once a native speaker has checked it, and stop the programme offering the unreviewed ones; a participant's
 * phone then offers only original and reviewed languages.
 */
describe('translations: review status and the languages offered (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let staff: { email: string; password: string };
  let c: ApiClient;
  let groupId: string;
  let programmeId: string;
  let codes: RoundCode[];

  before(async () => {
    api = await startApi('translations', 3342, { STEGVIS_DEMO_SEED: 'true' });
    staff = (await demoPasswords(api)).staff;
    c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    ({ groupId, codes } = await openRoundForNewGroup(c, 12, ['Hodan', 'Yasmin']));
    programmeId = (await c.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    ).id;
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const statuses = async () =>
    Promise.all(
      (await page.getByTestId('translation-row').all()).map(async (r) => [
        await text(r.getByTestId('translation-language')),
        await text(r.getByTestId('translation-status')),
      ]),
    );

  it('shows each language of the round with its status, and marks Arabic reviewed after a confirm', async () => {
    await signIn(page, api.url, staff);
    await page.goto(`${api.url}/grupper/${groupId}`);
    await page.getByRole('tab', { name: 'Enkäter' }).click();
    await page.getByTestId('round-show').first().click();
    await page.getByTestId('translation-row').nth(6).waitFor();
    assert.deepEqual(await statuses(), [
      ['Svenska', 'Original'],
      ['Lättläst svenska', 'Original'],
      ['Engelska', 'Granskad'],
      ['Arabiska', 'Maskinöversättning – inte granskad'],
      ['Dari', 'Maskinöversättning – inte granskad'],
      ['Somaliska', 'Maskinöversättning – inte granskad'],
      ['Tigrinska', 'Maskinöversättning – inte granskad'],
    ]);
    assert.equal(await page.getByTestId('mark-reviewed').count(), 4);
    await expectNoAxeViolations(page, 'survey rounds with translations');
    await expectNoRawCodes(page, 'survey rounds with translations');
    await page.getByTestId('translations').screenshot({ path: join(SHOTS, 'translations-before.png') });

    await page.getByRole('button', { name: 'Markera Arabiska som granskad' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    assert.equal(await text(dialog.locator('h2')), 'Markera Arabiska som granskad?');
    assert.equal(
      await text(dialog.locator('p')),
      'Du intygar att någon med arabiska som modersmål har läst och rättat alla texter i enkäten. Ditt namn visas som granskare.',
    );
    await expectNoAxeViolations(page, 'confirm a translation reviewed');
    await page.screenshot({ path: join(SHOTS, 'translations-confirm.png') });
    await page.getByTestId('confirm-ok').click();
    await page
      .locator('[data-language="ar"] [data-testid="translation-status"]', { hasText: 'Granskad av' })
      .waitFor();

    // What was stored: Arabic reviewed by the signed-in person, shown in Swedish time.
    const me = await c.call('GET', '/api/auth/me');
    const all = await c.call<
      {
        language: string;
        status: string;
        reviewedBy: { id: string; displayName: string };
        reviewedAt: string;
      }[]
    >('GET', BASE);
    const ar = all.find((s) => s.language === 'ar')!;
    assert.equal(ar.status, 'reviewed');
    assert.deepEqual(ar.reviewedBy, { id: me.id, displayName: me.displayName });
    const { date, time } = stockholmDateAndTime(ar.reviewedAt);
    assert.deepEqual((await statuses())[3], ['Arabiska', `Granskad av ${me.displayName} ${date} ${time}`]);
    assert.equal(await page.getByTestId('mark-reviewed').count(), 3);
    await expectNoAxeViolations(page, 'translations after a review');
    await page.getByTestId('translations').screenshot({ path: join(SHOTS, 'translations-after.png') });
  });

  it('unticks "Erbjud ogranskade översättningar" on the programme', async () => {
    await page.goto(`${api.url}/insatser/${programmeId}`);
    const box = page.getByTestId('programme-allow-unreviewed').locator('input[type="checkbox"]');
    await box.waitFor();
    // Filled from the programme: the form reads it after the page appears.
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('[data-testid="programme-name"]')?.value === 'Nästa Steg',
    );
    assert.equal(await box.isChecked(), true);
    assert.equal(
      await text(page.locator('#allow-unreviewed-help')),
      'Av: deltagarna kan bara välja språk som är original eller granskade av någon med språket som modersmål.',
    );
    await expectNoAxeViolations(page, 'programme form with the translation setting');
    await box.uncheck();
    await page
      .getByTestId('programme-allow-unreviewed')
      .screenshot({ path: join(SHOTS, 'translations-programme.png') });
    await page.getByTestId('programme-save').click();
    await page.waitForURL(`${api.url}/insatser`);
    assert.equal((await c.call('GET', `/api/programmes/${programmeId}`)).allowUnreviewedTranslations, false);
  });

  it('on a 360 px phone the survey offers only the original and reviewed languages', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'sv-SE',
    });
    const phone = await ctx.newPage();
    await phone.goto(`${api.url}/s/?t=${codes[0].token}`);
    await phone.locator('#languages button').first().waitFor();
    const buttons = async (selector: string) =>
      Promise.all((await phone.locator(selector).all()).map((b) => text(b)));
    assert.deepEqual(await buttons('#languages button'), ['Svenska', 'Lätt svenska', 'English', 'العربية']);
    // The invitation in other languages names only those on offer.
    assert.equal(await text(phone.locator('#start-lead')), 'Choose your language · اختيار اللغة');
    await expectNoAxeViolations(phone, 'survey languages offered');
    await phone.screenshot({ path: join(SHOTS, 'translations-phone.png') });
    // Ending the visit, the code screen on this device offers the same languages.
    await phone.goto(`${api.url}/s/?kiosk=1`);
    await phone.locator('#code-languages button').first().waitFor();
    assert.deepEqual(await buttons('#code-languages button'), [
      'Svenska',
      'Lätt svenska',
      'English',
      'العربية',
    ]);
    await expectNoAxeViolations(phone, 'code screen languages offered');
    await phone.screenshot({ path: join(SHOTS, 'translations-code-screen.png') });
    await ctx.close();
  });
});
