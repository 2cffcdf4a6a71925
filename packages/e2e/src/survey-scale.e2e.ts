import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { expectNoAxeViolations, failOnCspViolations, launch } from './browser';
import { type RunningApi, demoPasswords, startApi } from './server';
import { openRoundForNewGroup } from './survey-setup';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

/** What the first question's ends read in each language, as the buttons' accessible names say them. */
const ENDS = {
  sv: {
    first: '1 av 5, inte alls nöjd',
    middle: '3 av 5',
    last: '5 av 5, mycket nöjd',
    lectures: '1 av 5, inte alls bra',
  },
  ar: {
    first: '1 من 5، غير راضٍ/راضية على الإطلاق',
    middle: '3 من 5',
    last: '5 من 5، راضٍ/راضية جدًا',
    lectures: '1 من 5، سيئ جدًا',
  },
} as const;

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

async function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    }),
  );
}

/**
 * The 1–5 scale on the phones participants have (issue 21): its five buttons share one line from 320 px, in Swedish
 * and in Arabic (right to left), with the end labels below them, and each button is named by its value and meaning.
 */
describe('survey site: the 1–5 scale fits a phone (chromium, real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let code: string;

  before(async () => {
    api = await startApi('survey_scale', 3305, { STEGVIS_DEMO_SEED: 'true' });
    const { staff } = await demoPasswords(api);
    const c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    const round = await openRoundForNewGroup(c, 8, ['Sahra']);
    code = round.codes[0].shortCode;
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  for (const lang of ['sv', 'ar'] as const)
    for (const width of [320, 360, 390])
      it(`${lang} at ${width} px: five buttons on one line, ends below, named by value and meaning`, async () => {
        const ctx = await browser.newContext({
          viewport: { width, height: 740 },
          isMobile: true,
          hasTouch: true,
          locale: 'sv-SE',
        });
        const page = await ctx.newPage();
        try {
          await page.goto(`${api.url}/s/`);
          await page.locator('#code-input').fill(code);
          await page.locator('#code-submit').click();
          await page.locator(`button[data-lang="${lang}"]`).click();
          await page.locator('[data-name="talks"] .sd-rating__item').nth(4).waitFor();
          for (const question of ['overall', 'lectures', 'talks']) {
            const items = await boxes(page, `[data-name="${question}"] .sd-rating__item`);
            assert.equal(items.length, 5, question);
            const tops = items.map((b) => Math.round(b.top));
            assert.ok(
              Math.max(...tops) - Math.min(...tops) <= 1,
              `${question} on one line: tops ${tops.join(', ')}`,
            );
            for (const b of items)
              assert.ok(b.left >= 0 && b.right <= width, `${question} inside ${width} px`);
            // Each button is still a finger's width.
            for (const b of items)
              assert.ok(b.right - b.left >= 44, `${question} button ${b.right - b.left} px wide`);
            const ends = await boxes(
              page,
              `[data-name="${question}"] .sd-rating__min-text, [data-name="${question}"] .sd-rating__max-text`,
            );
            assert.equal(ends.length, 2, `${question} end labels`);
            const lowestButton = Math.max(...items.map((b) => b.bottom));
            for (const e of ends)
              assert.ok(e.top >= lowestButton - 1, `${question} end label below the buttons`);
          }
          assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width);
          for (const name of [ENDS[lang].first, ENDS[lang].middle, ENDS[lang].last])
            assert.equal(
              await page.locator('[data-name="overall"]').getByRole('radio', { name, exact: true }).count(),
              1,
              name,
            );
          assert.equal(
            await page
              .locator('[data-name="lectures"]')
              .getByRole('radio', { name: ENDS[lang].lectures, exact: true })
              .count(),
            1,
          );
          if (width === 320) {
            await expectNoAxeViolations(page, `scale ${lang} 320 px`);
            await page.screenshot({ path: join(SHOTS, `survey-scale-${lang}-320.png`), fullPage: true });
          }
        } finally {
          await ctx.close();
        }
      });
});
