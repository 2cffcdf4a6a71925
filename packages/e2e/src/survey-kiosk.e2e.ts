import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { expectNoAxeViolations, failOnCspViolations, launch } from './browser';
import { type RunningApi, demoPasswords, startApi } from './server';
import { openRoundForNewGroup, type RoundCode } from './survey-setup';

/** The buttons of the questionnaire in each language the journeys use. */
const BUTTONS = {
  sv: { next: 'Nästa', complete: 'Slutför' },
  en: { next: 'Next', complete: 'Complete' },
  ar: { next: 'التالي', complete: 'إرسال البيانات' },
} as const;
type Lang = keyof typeof BUTTONS;

/** The first page's three ratings: `overall` gets the given value (1–5), the two others 4. */
async function answerFirstPage(page: Page, overall: number): Promise<void> {
  await page
    .locator('[data-name="overall"] .sd-rating__item')
    .nth(overall - 1)
    .click();
  for (const name of ['lectures', 'talks'])
    await page.locator(`[data-name="${name}"] .sd-rating__item`).nth(3).click();
}

/** The rest of the questionnaire after the first page, then "send". */
async function answerTheRest(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: BUTTONS[lang].next }).click();
  await page.locator('[data-name="internship"] .sd-item label').nth(1).click();
  await page.locator('[data-name="time"] .sd-item label').nth(1).click();
  await page.getByRole('button', { name: BUTTONS[lang].next }).click();
  await page.locator('[data-name="wants"] .sd-item label').first().click();
  await page.locator('[data-name="next"] .sd-item label').first().click();
  await page.getByRole('button', { name: BUTTONS[lang].complete }).click();
}

async function typeCode(page: Page, code: string, lang: Lang): Promise<void> {
  await page.locator('#code-input').fill(code);
  await page.locator('#code-submit').click();
  await page.locator(`button[data-lang="${lang}"]`).click();
  await page.locator('[data-name="overall"]').waitFor();
}

const draftOf = (page: Page) => page.evaluate(() => sessionStorage.getItem('stegvis-survey-draft'));

describe('survey site: kiosk hand-over, reload and true messages (chromium, 360 px phone, real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let roundId: string;
  let codes: RoundCode[];

  before(async () => {
    api = await startApi('survey_kiosk', 3304, { STEGVIS_DEMO_SEED: 'true' });
    const { staff } = await demoPasswords(api);
    const c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    const round = await openRoundForNewGroup(c, 7, [
      'Amal',
      'Bilan',
      'Fatuma',
      'Hawa',
      'Idil',
      'Kowsar',
      'Layla',
      'Maryan',
      'Nimco',
    ]);
    roundId = round.roundId;
    codes = [...round.codes].sort((a, b) => a.displayName.localeCompare(b.displayName));
    browser = await launch();
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

  /** What the database holds for the round: each answer's language and overall rating, and whose codes are spent. */
  async function stored(): Promise<{ answers: string[]; used: string[] }> {
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      const answers = await db.query(
        `SELECT language || ' ' || (answers->>'overall') AS a FROM survey_response WHERE round_id = $1 ORDER BY 1`,
        [roundId],
      );
      const used = await db.query(
        'SELECT enrolment_id FROM survey_code WHERE round_id = $1 AND used_on IS NOT NULL',
        [roundId],
      );
      const names = new Map(codes.map((c) => [c.enrolmentId, c.displayName]));
      return {
        answers: answers.rows.map((r) => r.a as string),
        used: used.rows.map((r) => names.get(r.enrolment_id as string) ?? '?').sort(),
      };
    } finally {
      await db.end();
    }
  }

  it('a kiosk takes three people; the second walks away, the tablet resets, the third and the returning second each answer on their own code', async () => {
    const [amal, bilan, fatuma] = codes;
    const ctx = await phone();
    const page = await ctx.newPage();
    // Eight seconds of stillness reset the tablet here (three minutes unless told); the warning comes at four.
    await page.goto(`${api.url}/s/?kiosk=1&idle=8`);

    // Person 1 answers in Swedish; the tablet starts over by itself after the thank-you.
    await typeCode(page, amal.shortCode, 'sv');
    await answerFirstPage(page, 1);
    await answerTheRest(page, 'sv');
    await page.locator('#message-title').filter({ hasText: 'Tack! Ditt svar är sparat.' }).waitFor();
    await page.locator('#code-input').waitFor({ state: 'visible', timeout: 20_000 });

    // Person 2 starts in Arabic, answers one question and walks away.
    await typeCode(page, bilan.shortCode, 'ar');
    await page.locator('#not-me').filter({ hasText: 'إلغاء – لستُ أنا' }).waitFor();
    await page.locator('[data-name="overall"] .sd-rating__item').nth(1).click();
    assert.match((await draftOf(page)) ?? '', /"overall":2/, 'the answer is kept in the tab meanwhile');
    // The warning comes; "I am here" keeps the visit, answers and all.
    await page.locator('#idle').waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'still-here');
    await page.getByRole('button', { name: 'أنا هنا' }).click();
    assert.equal(await page.locator('#idle').isHidden(), true);
    assert.equal(await page.locator('[data-name="overall"] .sd-rating__item--selected').textContent(), '2');
    // Then person 2 walks away for good.
    // The warning, in the language person 2 chose, before the reset.
    await page.locator('#idle').waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await page.locator('#idle-title').textContent(), 'هل من أحد هنا؟');
    assert.match(
      (await page.locator('#idle-text').textContent()) ?? '',
      /^ستبدأ الصفحة من جديد بعد \d ثانية، وستُحذف الإجابات\.$/,
    );
    await page.screenshot({ path: '/tmp/e2e-kiosk-idle-ar.png' });
    await expectNoAxeViolations(page, 'kiosk idle warning (ar)');
    await page.locator('#code-input').waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(new URL(page.url()).search, '?kiosk=1&idle=8');
    assert.equal(await draftOf(page), null, "person 2's answer is gone from the tab");

    // Person 3 reloads first: the code field, never person 2's questionnaire.
    await page.reload();
    await page.locator('#code-input').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#survey').isHidden(), true);
    await typeCode(page, fatuma.shortCode, 'en');
    assert.equal(
      await page.locator('.sd-rating__item--selected').count(),
      0,
      'nothing of person 2 is filled in',
    );
    await answerFirstPage(page, 5);
    await answerTheRest(page, 'en');
    await page.locator('#message-title').filter({ hasText: 'Thank you! Your answer is saved.' }).waitFor();
    assert.deepEqual(await stored(), {
      answers: ['en 5', 'sv 1'],
      used: [amal.displayName, fatuma.displayName],
    });
    await page.locator('#code-input').waitFor({ state: 'visible', timeout: 20_000 });

    // Person 2 comes back: the code still works, and is not "already used".
    await typeCode(page, bilan.shortCode, 'ar');
    await answerFirstPage(page, 3);
    await answerTheRest(page, 'ar');
    await page.locator('#message-title').filter({ hasText: 'شكرًا! تم حفظ إجابتك.' }).waitFor();
    assert.deepEqual(await stored(), {
      answers: ['ar 3', 'en 5', 'sv 1'],
      used: [amal.displayName, bilan.displayName, fatuma.displayName],
    });
    await ctx.close();
  });

  it('"not me" ends a visit at once; a reload before that keeps the answers; the code stays unspent', async () => {
    const hawa = codes[3];
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${api.url}/s/?kiosk=1`);
    await typeCode(page, hawa.shortCode, 'sv');
    assert.deepEqual(await page.locator('.question-number').allTextContents(), [
      'Fråga 1 av 8',
      'Fråga 2 av 8',
      'Fråga 3 av 8',
    ]);
    await answerFirstPage(page, 2);
    // Reloaded by the same person (within the idle time): the same visit, answers and all.
    await page.reload();
    await page.locator('[data-name="overall"]').waitFor();
    assert.equal(
      await page.locator('[data-name="overall"] .sd-rating__item--selected').textContent(),
      '2',
      'the answer came back after the reload',
    );
    await expectNoAxeViolations(page, 'kiosk questionnaire with "not me"');
    await page.screenshot({ path: '/tmp/e2e-kiosk-sv.png' });
    await page.getByRole('button', { name: 'Avbryt – inte jag' }).click();
    await page.locator('#code-input').waitFor({ state: 'visible' });
    assert.equal(await draftOf(page), null);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    // Nothing is spent, and the next person starts from nothing, even after a reload.
    await page.reload();
    await page.locator('#code-input').waitFor({ state: 'visible' });
    assert.equal((await stored()).used.includes(hawa.displayName), false);
    await typeCode(page, hawa.shortCode, 'sv');
    assert.equal(await page.locator('.sd-rating__item--selected').count(), 0);
    await ctx.close();
  });

  it('a reload in the middle of the questionnaire keeps the answers and the page; sending clears them', async () => {
    const idil = codes[4];
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${api.url}/s/?t=${idil.token}`);
    await page.locator('button[data-lang="sv"]').click();
    await page.locator('[data-name="overall"]').waitFor();
    await answerFirstPage(page, 4);
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.locator('[data-name="internship"] .sd-item label').first().click();
    await page.locator('[data-name="internship_rating"] .sd-rating__item').nth(4).click();
    // "yes" to an internship shows one more question: the numbers follow.
    assert.deepEqual(await page.locator('.question-number').allTextContents(), [
      'Fråga 4 av 9',
      'Fråga 5 av 9',
      'Fråga 6 av 9',
    ]);
    await page.reload();
    await page.locator('[data-name="internship"]').waitFor();
    assert.equal(await page.locator('[data-name="internship"] input[value="yes"]').isChecked(), true);
    assert.equal(
      await page.locator('[data-name="internship_rating"] .sd-rating__item--selected').textContent(),
      '5',
    );
    await page.getByRole('button', { name: 'Föregående' }).click();
    assert.equal(await page.locator('[data-name="overall"] .sd-rating__item--selected').textContent(), '4');
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.locator('[data-name="time"] .sd-item label').nth(1).click();
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.locator('[data-name="wants"] .sd-item label').first().click();
    await page.locator('[data-name="next"] .sd-item label').first().click();
    await page.getByRole('button', { name: 'Slutför' }).click();
    await page.locator('#message-title').filter({ hasText: 'Tack! Ditt svar är sparat.' }).waitFor();
    assert.equal(await draftOf(page), null);
    assert.ok((await stored()).answers.includes('sv 4'));
    await ctx.close();
  });

  it('each outcome of sending has its own true message; refused and failed answers are kept', async () => {
    const kowsar = codes[5];
    const ctx = await phone();
    const page = await ctx.newPage();
    const before = await stored();
    await page.goto(`${api.url}/s/?t=${kowsar.token}`);
    await page.locator('button[data-lang="sv"]').click();
    await page.locator('[data-name="overall"]').waitFor();
    const responses = '**/api/public/surveys/current/responses';
    let tries = 0;

    // 400: what to fix, on the questionnaire, with the answers.
    await page.route(responses, (route) => {
      tries++;
      return route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'https://stegvis.se/problems/validation',
          status: 400,
          errors: [{ field: 'answers.wants', code: 'not_a_choice', message: 'wants must be a list' }],
        }),
      });
    });
    await answerFirstPage(page, 2);
    await answerTheRest(page, 'sv');
    await page
      .locator('#survey-error')
      .filter({
        hasText:
          'Några svar kunde inte tas emot. Ändra de markerade svaren och skicka igen. Dina andra svar finns kvar.',
      })
      .waitFor();
    await page
      .locator('[data-name="wants"]')
      .filter({ hasText: 'Det här svaret kunde inte tas emot. Ändra det.' })
      .waitFor();
    assert.equal(
      await page.locator('[data-name="wants"] input:checked').count(),
      1,
      'the answer is still there',
    );
    assert.equal(await page.locator('[data-name="next"] input:checked').count(), 1);
    assert.equal(tries, 1, 'a refusal is not retried');
    await expectNoAxeViolations(page, 'refused answer');
    await page.screenshot({ path: '/tmp/e2e-survey-refused.png', fullPage: true });
    await page.unroute(responses);

    // 500: "something went wrong", three tries, then "try later" with the answers kept.
    tries = 0;
    await page.route(responses, (route) => {
      tries++;
      return route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"status":500}' });
    });
    await page.getByRole('button', { name: 'Slutför' }).click();
    await page.locator('#sync').filter({ hasText: 'Något gick fel. Vi försöker igen …' }).waitFor();
    await page.locator('#message-title').filter({ hasText: 'Något gick fel.' }).waitFor({ timeout: 15_000 });
    assert.equal(
      await page.locator('#message-text').textContent(),
      'Svaret kunde inte sparas just nu. Dina svar finns kvar på sidan. Försök igen om en stund.',
    );
    assert.equal(tries, 3);
    assert.equal(await page.locator('#sync').isHidden(), true, 'no "we keep trying" left on screen');
    assert.match((await draftOf(page)) ?? '', /"overall":2/);
    await expectNoAxeViolations(page, 'server error, try later');
    await page.screenshot({ path: '/tmp/e2e-survey-failed.png' });
    assert.deepEqual(await stored(), before, 'nothing stored');

    // Used (409), closed (410) and unknown (404): each its own words, and the answers go (they can never be stored).
    const outcomes: [number, string, string][] = [
      [409, 'https://stegvis.se/problems/code-used', 'Den här koden har redan använts. Tack för ditt svar!'],
      [410, 'https://stegvis.se/problems/round-closed', 'Enkäten är stängd.'],
      [404, 'https://stegvis.se/problems/code-unknown', 'Koden finns inte. Kontrollera den och försök igen.'],
    ];
    for (const [status, type, text] of outcomes) {
      await page.unroute(responses);
      await page.route(responses, (route) =>
        route.fulfill({
          status,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type, status }),
        }),
      );
      // "Try again" the first time round; after that the page is loaded again and the questionnaire answered anew.
      if (status === 409) await page.getByRole('button', { name: 'Försök igen' }).click();
      else {
        await page.goto(`${api.url}/s/`);
        await page.locator('button[data-lang="sv"]').click();
        await page.locator('[data-name="overall"]').waitFor();
        assert.equal(await page.locator('.sd-rating__item--selected').count(), 0);
        await answerFirstPage(page, 2);
        await answerTheRest(page, 'sv');
      }
      await page.locator('#message-title').filter({ hasText: text }).waitFor();
      assert.equal(await draftOf(page), null, `${status}: the answers are not kept`);
      assert.equal(await page.locator('#message-retry').isHidden(), true);
    }
    assert.deepEqual(await stored(), before);

    // The real api at last: the same person answers once more, and it is stored.
    await page.unroute(responses);
    await page.goto(`${api.url}/s/`);
    await page.locator('button[data-lang="sv"]').click();
    await page.locator('[data-name="overall"]').waitFor();
    await answerFirstPage(page, 2);
    await answerTheRest(page, 'sv');
    await page.locator('#message-title').filter({ hasText: 'Tack! Ditt svar är sparat.' }).waitFor();
    const after = await stored();
    assert.equal(after.answers.length, before.answers.length + 1);
    assert.ok(after.used.includes(kowsar.displayName));
    await ctx.close();
  });
});
