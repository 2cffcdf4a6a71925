import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import type { Browser, BrowserContext } from 'playwright-core';
import { ApiClient } from './api-client';
import { expectNoAxeViolations, failOnCspViolations, launch } from './browser';
import { type RunningApi, demoPasswords, startApi } from './server';
import { openRoundForNewGroup, type RoundCode } from './survey-setup';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

/**
 * The code screen as a participant meets it on a 360 px phone (issue 21): she reads it in her own language before
 * typing, types the code as the slip's spacing invites, and a classroom's typos slow her by seconds, not lock her out.
 */
describe('survey site: the code screen (chromium, 360 px phone, real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let codes: RoundCode[];

  before(async () => {
    api = await startApi('survey_code_screen', 3307, { STEGVIS_DEMO_SEED: 'true' });
    const { staff } = await demoPasswords(api);
    const c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    codes = (await openRoundForNewGroup(c, 9, ['Hodan', 'Yasmin'])).codes;
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const phone = (): Promise<BrowserContext> =>
    browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'sv-SE',
    });

  it('chooses Arabic on the code screen, types the code in small letters with a space and a dash, and answers in Arabic', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${api.url}/s/`);
    await page.locator('[data-code-lang="ar"]').click();
    assert.deepEqual(
      {
        title: await text(page.locator('#code-title')),
        label: await text(page.locator('#code-label')),
        dir: await page.evaluate(() => document.documentElement.dir),
        lang: await page.evaluate(() => document.documentElement.lang),
        pressed: await page.locator('[data-code-lang="ar"]').getAttribute('aria-pressed'),
      },
      { title: 'إدخال الرمز', label: 'الرمز مكتوب على ورقتك', dir: 'rtl', lang: 'ar', pressed: 'true' },
    );
    await expectNoAxeViolations(page, 'code screen in Arabic');
    await page.screenshot({ path: join(SHOTS, 'survey-code-ar.png') });
    const code = codes[0].shortCode.toLowerCase();
    await page.locator('#code-input').fill(`${code.slice(0, 4)} ${code.slice(4, 6)}-${code.slice(6)}`);
    await page.locator('#code-submit').click();
    // Chosen once, the language is not asked again: the questionnaire opens in Arabic.
    await page.locator('[data-name="overall"]').waitFor();
    assert.equal(await text(page.locator('#survey-title')), 'ما رأيك في Nästa Steg؟');
    await ctx.close();
  });

  for (const [code, expected] of [
    ['prs', { lang: 'prs', next: 'بعدی', required: 'لطفاً به این سوال جواب بدهید.' }],
    ['sv-easy', { lang: 'sv', next: 'Nästa', required: 'Svara på frågan.' }],
  ] as const)
    it(`${code}: the questionnaire's own buttons and errors are in ${code === 'prs' ? 'Dari' : 'easy-read Swedish'}`, async () => {
      const ctx = await phone();
      const page = await ctx.newPage();
      await page.goto(`${api.url}/s/`);
      await page.locator(`[data-code-lang="${code}"]`).click();
      await page.locator('#code-input').fill(codes[1].shortCode);
      await page.locator('#code-submit').click();
      await page.locator('[data-name="overall"]').waitFor();
      const next = page.locator('.sd-navigation__next-btn');
      assert.equal(await next.inputValue().catch(() => next.textContent()), expected.next);
      await next.click();
      await page.locator('[data-name="overall"] .sd-question__erbox').first().waitFor();
      assert.deepEqual(
        {
          lang: await page.evaluate(() => document.documentElement.lang),
          required: await text(page.locator('[data-name="overall"] .sd-question__erbox').first()),
        },
        { lang: expected.lang, required: expected.required },
      );
      await ctx.close();
    });

  it('after ten typos on one network the eleventh code waits seconds, said in her language, then works', async () => {
    // A classroom's earlier typos, from the same address as this phone (the journeys' browser is on 127.0.0.1).
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      await db.query('DELETE FROM survey_code_attempt');
      await db.query(
        `INSERT INTO survey_code_attempt (ip, prefix, at) SELECT '127.0.0.1', 'Q' || n, now() FROM generate_series(1, 10) AS n`,
      );
      const ctx = await phone();
      const page = await ctx.newPage();
      await page.goto(`${api.url}/s/`);
      await page.locator('[data-code-lang="so"]').click();
      await page.locator('#code-input').fill(codes[1].shortCode);
      await page.locator('#code-submit').click();
      await page.locator('#code-error').filter({ hasText: 'Sug' }).waitFor();
      // Two seconds from the last typo, less the moment the page took to send it.
      assert.match(
        await text(page.locator('#code-error')),
        /^Koodh khaldan oo badan waqti gaaban gudahood\. Sug [12] ilbiriqsi oo isku day mar kale\.$/,
      );
      // What she typed stays, to send again once the wait is over.
      assert.equal(await page.locator('#code-input').inputValue(), codes[1].shortCode);
      await db.query(`UPDATE survey_code_attempt SET at = at - interval '3 seconds'`);
      await page.locator('#code-submit').click();
      await page.locator('[data-name="overall"]').waitFor();
      await ctx.close();
    } finally {
      await db.end();
    }
  });
});
