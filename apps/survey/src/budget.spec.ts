// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The sites' byte budgets (issue 21), as a phone downloads them: Brotli at the quality the api serves
 * (scripts/precompress.mjs). Lighthouse runs in `npm run bench`; this keeps a growing first screen from going
 * unnoticed in `npm test`. Raise a budget only with the reason in the commit.
 */
const FIRST_SCREEN_BUDGET = 12 * 1024;
const QUESTIONNAIRE_BUDGET = 320 * 1024;

const root = resolve(__dirname, '..');
let out = '';
const sizes = new Map<string, number>();

const brotli = (bytes: Buffer) =>
  brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'survey-budget-'));
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: out } });
  for (const dir of ['', 'assets'])
    for (const name of readdirSync(join(out, dir)))
      if (/\.(html|js|css)$/.test(name))
        sizes.set(join(dir, name), brotli(readFileSync(join(out, dir, name))));
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const total = (test: RegExp) => [...sizes].filter(([n]) => test.test(n)).reduce((sum, [, s]) => sum + s, 0);

describe('byte budgets of the survey site (Brotli)', () => {
  it('the first screen (page, its style and its script) stays under 12 KB', () => {
    const first = total(/^(index\.html|assets\/index-[^/]+\.(js|css))$/);
    expect(first).toBeGreaterThan(4 * 1024);
    expect(first).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET);
  });

  it('the questionnaire (SurveyJS and the page code) stays under 320 KB', () => {
    const questionnaire = total(/^assets\/survey-/);
    expect(questionnaire).toBeGreaterThan(200 * 1024);
    expect(questionnaire).toBeLessThanOrEqual(QUESTIONNAIRE_BUDGET);
  });
});
