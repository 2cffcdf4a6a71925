import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { expectNoAxeViolations, failOnCspViolations, launch } from './browser';
import { type RunningApi, demoPasswords, startApi } from './server';
import { openRoundForNewGroup, type RoundCode } from './survey-setup';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

/** What the phone was told to say. */
interface Spoken {
  text: string;
  lang: string;
  voice: string;
}

/**
 * A phone with a Swedish and an Arabic voice and nothing else, whose voice says nothing but notes what it was given.
 * The utterance's `voice` only takes a real SpeechSynthesisVoice, so it is made to take the fake ones.
 */
function fakeVoices(): void {
  const voices = [
    { lang: 'sv-SE', name: 'Alva', voiceURI: 'Alva', localService: true, default: true },
    { lang: 'ar-SA', name: 'Maged', voiceURI: 'Maged', localService: true, default: false },
  ];
  const spoken: Spoken[] = [];
  (window as unknown as { spoken: Spoken[] }).spoken = spoken;
  const synth = {
    getVoices: () => voices,
    cancel: () => {},
    speak: (u: SpeechSynthesisUtterance & { fakeVoice?: { name: string } }) =>
      spoken.push({ text: u.text, lang: u.lang, voice: u.fakeVoice?.name ?? '' }),
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', {
    configurable: true,
    get() {
      return (this as { fakeVoice?: unknown }).fakeVoice ?? null;
    },
    set(v: unknown) {
      (this as { fakeVoice?: unknown }).fakeVoice = v;
    },
  });
}

const spoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { spoken: Spoken[] }).spoken.splice(0));

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

/**
 * Read-aloud for everything on the screen (issue 21): on a 360 px phone, in Swedish and in Arabic, the button on the
 * code screen, the intro, a question (its options and the scale's ends, its error) and the thank-you each say what
 * the screen shows, in the language's voice.
 */
describe('survey site: read-aloud for everything on the screen (chromium, real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let codes: RoundCode[];

  before(async () => {
    api = await startApi('survey_read_aloud', 3346, { STEGVIS_DEMO_SEED: 'true' });
    const { staff } = await demoPasswords(api);
    const c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    ({ codes } = await openRoundForNewGroup(c, 8, ['Sahra', 'Amal']));
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  async function phone(): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'sv-SE',
    });
    await ctx.addInitScript(fakeVoices);
    return { ctx, page: await ctx.newPage() };
  }

  it('in Swedish: the code screen, the intro, a question with its error, and the thank-you', async () => {
    const { ctx, page } = await phone();
    try {
      await page.goto(`${api.url}/s/`);
      const codeButton = page.locator('#code').getByRole('button', { name: 'Läs upp', exact: true });
      await codeButton.click();
      assert.deepEqual(await spoken(page), [
        { text: 'Skriv din kod. Koden står på din lapp', lang: 'sv-SE', voice: 'Alva' },
      ]);
      // A button a finger can hit.
      const box = await codeButton.boundingBox();
      assert.ok(box && box.height >= 44 && box.width >= 44, `read-aloud button ${box?.width}×${box?.height}`);

      await page.locator('#code-input').fill(codes[0].shortCode);
      await page.locator('#code-submit').click();
      await page.locator('button[data-lang="sv"]').click();
      await page.locator('[data-name="overall"] .read-aloud').waitFor();

      await page.locator('#survey > .read-aloud').click();
      assert.deepEqual(await spoken(page), [
        {
          text: 'Vad tyckte du om Nästa Steg? Dina svar är anonyma. Ingen kan se vad just du har svarat.',
          lang: 'sv-SE',
          voice: 'Alva',
        },
      ]);

      await page
        .locator('[data-name="overall"]')
        .getByRole('button', { name: 'Läs upp', exact: true })
        .click();
      assert.deepEqual(await spoken(page), [
        {
          text: 'Hur nöjd är du med programmet som helhet? 1 av 5, inte alls nöjd, 2 av 5, 3 av 5, 4 av 5, 5 av 5, mycket nöjd',
          lang: 'sv-SE',
          voice: 'Alva',
        },
      ]);

      // "Next" with nothing answered: the error shown on the question is read before it.
      await page.getByRole('button', { name: 'Nästa' }).click();
      const error = await text(page.locator('[data-name="overall"] .sd-question__erbox'));
      assert.ok(error.length > 3, `the error on the question: "${error}"`);
      await page.locator('[data-name="overall"] .read-aloud').click();
      assert.deepEqual(
        (await spoken(page)).map((s) => s.text),
        [
          `${error} Hur nöjd är du med programmet som helhet? 1 av 5, inte alls nöjd, 2 av 5, 3 av 5, 4 av 5, 5 av 5, mycket nöjd`,
        ],
      );
      await expectNoAxeViolations(page, 'read-aloud sv questionnaire');
      await page.screenshot({ path: join(SHOTS, 'survey-read-aloud-sv.png'), fullPage: true });

      await answer(page, 'Nästa', 'Slutför');
      await page.locator('#message-title').filter({ hasText: 'Tack! Ditt svar är sparat.' }).waitFor();
      await page.locator('#message').getByRole('button', { name: 'Läs upp', exact: true }).click();
      assert.deepEqual(await spoken(page), [
        { text: 'Tack! Ditt svar är sparat.', lang: 'sv-SE', voice: 'Alva' },
      ]);
      await expectNoAxeViolations(page, 'read-aloud sv thank-you');
    } finally {
      await ctx.close();
    }
  });

  it('in Arabic: the intro, a question with the Arabic comma, the thank-you, in the Arabic voice', async () => {
    const { ctx, page } = await phone();
    try {
      await page.goto(`${api.url}/s/?t=${codes[1].token}&lang=ar`);
      const button = 'القراءة بصوت عالٍ';
      await page.locator('[data-name="overall"] .read-aloud').waitFor();
      await page.locator('#survey > .read-aloud').click();
      assert.deepEqual(await spoken(page), [
        {
          text: 'ما رأيك في Nästa Steg؟ إجاباتك مجهولة الهوية. لا أحد يستطيع أن يرى ما أجبت.',
          lang: 'ar-SA',
          voice: 'Maged',
        },
      ]);
      await page.locator('[data-name="lectures"]').getByRole('button', { name: button, exact: true }).click();
      assert.deepEqual(await spoken(page), [
        {
          text: 'ما مدى جودة المحاضرات؟ 1 من 5، سيئ جدًا، 2 من 5، 3 من 5، 4 من 5، 5 من 5، جيد جدًا',
          lang: 'ar-SA',
          voice: 'Maged',
        },
      ]);
      await expectNoAxeViolations(page, 'read-aloud ar questionnaire');
      await page.screenshot({ path: join(SHOTS, 'survey-read-aloud-ar.png'), fullPage: true });

      await answer(page, 'التالي', 'إرسال البيانات');
      await page.locator('#message-title').filter({ hasText: 'شكرًا' }).waitFor();
      await page.locator('#message').getByRole('button', { name: button, exact: true }).click();
      assert.deepEqual(await spoken(page), [{ text: 'شكرًا! تم حفظ إجابتك.', lang: 'ar-SA', voice: 'Maged' }]);
      await expectNoAxeViolations(page, 'read-aloud ar thank-you');
      await page.screenshot({ path: join(SHOTS, 'survey-read-aloud-ar-thanks.png') });
    } finally {
      await ctx.close();
    }
  });
});
