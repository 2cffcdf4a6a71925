import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { expectNoAxeViolations, failOnCspViolations, launch, signIn } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { openRoundForNewGroup } from './survey-setup';
import { text } from './text';

/** Answers every page of the end-of-group questionnaire by clicking, as a participant would. */
async function answer(page: Page, next: string, complete: string): Promise<void> {
  for (const name of ['overall', 'lectures', 'talks'])
    await page.locator(`[data-name="${name}"] .sd-rating__item`).nth(3).click();
  await page.getByRole('button', { name: next }).click();
  await page.locator('[data-name="internship"] .sd-item label').first().click();
  await page.locator('[data-name="internship_rating"] .sd-rating__item').nth(4).click();
  await page.locator('[data-name="time"] .sd-item label').nth(1).click();
  await page.getByRole('button', { name: next }).click();
  await page.locator('[data-name="wants"] .sd-item label').first().click();
  await page.locator('[data-name="next"] .sd-item label').first().click();
  await page.getByRole('button', { name: complete }).click();
}

describe('participant survey site on a phone (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let codes: { token: string; shortCode: string }[];
  let roundId: string;
  let staffLogin: { email: string; password: string };

  before(async () => {
    api = await startApi('survey', 3214, { STEGVIS_DEMO_SEED: 'true' });
    const { staff } = await demoPasswords(api);
    staffLogin = staff;
    const c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    ({ roundId, codes } = await openRoundForNewGroup(c, 6, [
      'Amal',
      'Bilan',
      'Fatuma',
      'Hawa',
      'Idil',
      'Kowsar',
      'Layla',
    ]));
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const phone = () =>
    browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'sv-SE',
    });

  /** Paper answers of a round per recorded language. */
  async function paperByLanguage(round: string): Promise<Record<string, number>> {
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      const r = await db.query(
        `SELECT language, count(*)::int AS n FROM survey_response WHERE round_id = $1 AND channel = 'paper' GROUP BY language`,
        [round],
      );
      return Object.fromEntries(r.rows.map((row) => [row.language as string, row.n as number]));
    } finally {
      await db.end();
    }
  }
  async function responses(): Promise<number> {
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    // This round's answers: the demo's rounds hold paper answers of their own.
    const r = await db.query('SELECT count(*)::int AS n FROM survey_response WHERE round_id = $1', [roundId]);
    await db.end();
    return r.rows[0].n;
  }

  it('answers in Arabic: the page and its navigation are right to left', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    // A link that names the language opens the questionnaire in it at once.
    await page.goto(`${api.url}/s/?t=${codes[0].token}&lang=ar`);
    await page.locator('[data-name="overall"]').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('t'), null, 'the token leaves the address bar');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(
      await page.locator('.sd-root-modern').evaluate((el) => getComputedStyle(el).direction),
      'rtl',
    );
    // The page's one heading is the questionnaire's title, drawn before SurveyJS; SurveyJS does not repeat it.
    assert.deepEqual(await page.getByRole('heading', { level: 1 }).allTextContents(), [
      'ما رأيك في Nästa Steg؟',
    ]);
    assert.equal(await page.getByText('ما رأيك في Nästa Steg؟').count(), 1);
    assert.match((await page.locator('[data-name="internship"]').count()) === 0 ? 'ok' : 'no', /ok/);
    await page.screenshot({ path: '/tmp/e2e-survey-ar.png' });
    const nextBox = await page.getByRole('button', { name: 'التالي' }).boundingBox();
    assert.ok(nextBox, 'the Arabic "next" button is there');
    await answer(page, 'التالي', 'إرسال البيانات');
    await page.locator('#message-title').filter({ hasText: 'شكرًا' }).waitFor();
    await ctx.close();
    assert.equal(await responses(), 1);
  });

  it('answers in Swedish', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${api.url}/s/?t=${codes[1].token}`);
    await page.locator('button[data-lang="sv"]').click();
    await page.locator('[data-name="overall"]').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    await expectNoRawCodes(page, 'enkät');
    assert.equal(await text(page.locator('#survey-title')), 'Vad tyckte du om Nästa Steg?');
    assert.match(
      (await page.locator('[data-name="overall"]').textContent()) ?? '',
      /Hur nöjd är du med programmet som helhet\?/,
    );
    await answer(page, 'Nästa', 'Slutför');
    await page.locator('#message-title').filter({ hasText: 'Tack! Ditt svar är sparat.' }).waitFor();
    await ctx.close();
    assert.equal(await responses(), 2);
  });

  it('loses the connection before sending, gets it back, and the answer is stored exactly once', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${api.url}/s/?t=${codes[2].token}`);
    await page.locator('button[data-lang="sv"]').click();
    await page.locator('[data-name="overall"]').waitFor();
    let blocked = 0;
    await page.route('**/api/public/surveys/current/responses', (route) => {
      blocked++;
      return route.abort('internetdisconnected');
    });
    await answer(page, 'Nästa', 'Slutför');
    await page.locator('#sync').filter({ hasText: 'Ingen kontakt' }).waitFor();
    await page.waitForTimeout(1500);
    assert.ok(blocked >= 1);
    assert.equal(await responses(), 2, 'nothing arrived while offline');
    await page.unroute('**/api/public/surveys/current/responses');
    await page
      .locator('#message-title')
      .filter({ hasText: 'Tack! Ditt svar är sparat.' })
      .waitFor({ timeout: 20_000 });
    assert.equal(await responses(), 3);
    await ctx.close();
  });

  it('axe finds no accessibility violations on the first screen and the questionnaire page', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${api.url}/s/?t=${codes[3].token}`);
    await page.locator('#languages button').first().waitFor();
    const first = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(
      first.violations.map((v) => `${v.id}: ${v.nodes.length}`),
      [],
    );
    await page.locator('button[data-lang="ti"]').click();
    await page.locator('[data-name="overall"]').waitFor();
    const survey = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(
      survey.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
      [],
    );
    await ctx.close();
  });

  it('a round not open yet says when it opens, in Swedish time, whether by link or by a typed code', async () => {
    const c = await new ApiClient(api.url).signIn(staffLogin.email, staffLogin.password);
    const { groupId } = await c.call('GET', `/api/survey-rounds/${roundId}`);
    // 08:00 UTC on 1 March is 09:00 in Sweden (winter time).
    const later = await c.call('POST', '/api/survey-rounds', {
      groupId,
      questionnaireId: 'end-of-group',
      opensAt: '2027-03-01T08:00:00.000Z',
      closesAt: '2027-03-15T16:00:00.000Z',
    });
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${api.url}/s/?t=${later.codes[0].token}`);
    await page.locator('#message-title').filter({ hasText: 'Enkäten har inte öppnat än.' }).waitFor();
    const text = (await page.locator('#message-text').textContent()) ?? '';
    assert.match(text, /^Den öppnar 1 mars 2027 (kl\. )?09:00\.$/);
    await page.goto(`${api.url}/s/`);
    await page.locator('#code-input').fill(later.codes[1].shortCode);
    await page.locator('#code-submit').click();
    await page.locator('#code-error').filter({ hasText: 'Enkäten har inte öppnat än.' }).waitFor();
    assert.match((await page.locator('#code-error').textContent()) ?? '', /1 mars 2027 (kl\. )?09:00/);
    await ctx.close();
  });

  it('a used code shows its own page', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${api.url}/s/?t=${codes[1].token}`);
    await page.locator('#message-title').filter({ hasText: 'redan använts' }).waitFor();
    await page.goto(`${api.url}/s/`);
    await page.locator('#code-input').fill('NOTACODE');
    await page.locator('#code-submit').click();
    await page.locator('#code-error').filter({ hasText: 'Koden finns inte' }).waitFor();
    await page.locator('#code-input').fill(codes[3].shortCode);
    await page.locator('#code-submit').click();
    await page.locator('button[data-lang="so"]').waitFor();
    await ctx.close();
  });

  it('staff type in a paper answer; a mistyped code keeps the answers until the right one is given', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'sv-SE' });
    const page = await ctx.newPage();
    await signIn(page, api.url, staffLogin);
    const before = await responses();
    await page.goto(`${api.url}/s/?paper=${roundId}`);
    await page.locator('#code-title').filter({ hasText: 'Pappersenkät' }).waitFor();
    await page.locator('#code-input').fill('FELKOD99');
    await page.locator('#code-submit').click();
    await page.locator('[data-name="overall"]').waitFor();
    await answer(page, 'Nästa', 'Slutför');
    await page
      .locator('#code-error')
      .filter({ hasText: 'Koden finns inte i den här omgången. Svaren finns kvar' })
      .waitFor();
    assert.equal(await responses(), before);
    await page.locator('#code-input').fill(codes[4].shortCode.toLowerCase());
    await page.locator('#code-submit').click();
    await page
      .locator('#code-error')
      .filter({ hasText: `Sparat (kod ${codes[4].shortCode})` })
      .waitFor();
    assert.equal(await responses(), before + 1);
    // The participant's own link is spent now.
    await page.goto(`${api.url}/s/?t=${codes[4].token}`);
    await page.locator('#message-title').filter({ hasText: 'redan använts' }).waitFor();
    await ctx.close();
  });

  it("staff type three slips in a row without reloading, each in its slip's language; another round's code is refused", async () => {
    const c = await new ApiClient(api.url).signIn(staffLogin.email, staffLogin.password);
    // A round of its own, so the other tests' codes stay unspent, and another group's round for the wrong slip.
    const mine = await openRoundForNewGroup(c, 10, ['Ubah', 'Warsan', 'Zamzam']);
    const other = await openRoundForNewGroup(c, 11, ['Xaliimo']);
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'sv-SE' });
    const page = await ctx.newPage();
    await signIn(page, api.url, staffLogin);
    await page.goto(`${api.url}/s/?paper=${mine.roundId}`);
    await page.locator('#code-title').filter({ hasText: 'Pappersenkät' }).waitFor();
    const slip = async (language: string, code: string) => {
      await page.locator('#paper-language').selectOption({ label: language });
      await page.locator('#code-input').fill(code);
      await page.locator('#code-submit').click();
      await page.locator('[data-name="overall"]').waitFor();
      await answer(page, 'Nästa', 'Slutför');
    };
    await slip('العربية', mine.codes[0].shortCode);
    await page
      .locator('#code-error')
      .filter({ hasText: `Sparat (kod ${mine.codes[0].shortCode})` })
      .waitFor();
    // The next slip is another round's: refused, the answers kept until this round's code is typed.
    await slip('Svenska', other.codes[0].shortCode);
    await page.locator('#code-error').filter({ hasText: 'Koden finns inte i den här omgången' }).waitFor();
    assert.deepEqual(await paperByLanguage(mine.roundId), { ar: 1 });
    await page.locator('#code-input').fill(mine.codes[1].shortCode);
    await page.locator('#code-submit').click();
    await page
      .locator('#code-error')
      .filter({ hasText: `Sparat (kod ${mine.codes[1].shortCode})` })
      .waitFor();
    await slip('Soomaali', mine.codes[2].shortCode);
    await page
      .locator('#code-error')
      .filter({ hasText: `Sparat (kod ${mine.codes[2].shortCode})` })
      .waitFor();
    await expectNoAxeViolations(page, 'paper entry, third slip saved');

    assert.deepEqual(await paperByLanguage(mine.roundId), { ar: 1, so: 1, sv: 1 });
    assert.deepEqual(await paperByLanguage(other.roundId), {});
    await ctx.close();
  });

  it('a shared tablet in kiosk mode takes two participants in turn, each with the code from their slip', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 800, height: 1280 },
      hasTouch: true,
      locale: 'sv-SE',
    });
    const page = await ctx.newPage();
    const before = await responses();
    await page.goto(`${api.url}/s/?kiosk=1`);
    for (const code of [codes[5], codes[6]]) {
      await page.locator('#code-input').fill(code.shortCode);
      await page.locator('#code-submit').click();
      await page.locator('button[data-lang="sv"]').click();
      await page.locator('[data-name="overall"]').waitFor();
      await answer(page, 'Nästa', 'Slutför');
      await page.locator('#message-title').filter({ hasText: 'Tack! Ditt svar är sparat.' }).waitFor();
      // The tablet starts over by itself for the next person (after 8 s), at the code field: not at "already used".
      await page.locator('#code-input').waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await page.locator('#message').isHidden(), true);
      assert.equal(new URL(page.url()).search, '?kiosk=1');
    }
    assert.equal(await responses(), before + 2);
    await ctx.close();
  });
});
