import assert from 'node:assert/strict';
import * as contracts from '@stegvis/contracts';
import type { Page } from 'playwright-core';

/**
 * Every value of the contracts' enumerations: the exports whose name is ALL_CAPS and whose value is an array of
 * strings (the rule of apps/admin/src/app/core/i18n/labels.spec.ts, which makes sure each has a label).
 */
const CODES: readonly string[] = [
  ...new Set(
    (Object.entries(contracts) as [string, unknown][])
      .filter(([name, v]) => /^[A-Z][A-Z0-9_]*$/.test(name) && Array.isArray(v))
      .flatMap(([, v]) => (v as unknown[]).filter((x): x is string => typeof x === 'string')),
  ),
];

// Codes that are also Swedish words a screen may use in a sentence ("en tydlig plan", "man kan"), or that a
// Swedish label spells the same way ("Hybrid", "Normal"): on a Swedish screen they prove nothing. `en` is the
// survey language English and the Swedish "a".
const ALSO_SWEDISH = new Set([
  'en',
  'man',
  'plan',
  'start',
  'normal',
  'regional',
  'hybrid',
  'digital',
  'personal',
  'organisation',
]);

/**
 * The codes looked for on a screen: every code with `_`, `.`, `/` or a space in it (`in_progress`,
 * `participant.read`, `bakery/café`), and the plain ones that are English words (`care`, `active`, `woman`).
 */
export const SCREEN_CODES: readonly string[] = CODES.filter(
  (c) => /[_./ ]/.test(c) || (/^[a-z]+$/.test(c) && !ALSO_SWEDISH.has(c)),
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// As a whole word, case-sensitive: a code is lower case, a label starts with a capital ("Annat", "Man").
const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}_.@/-])(?:${[...SCREEN_CODES]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![\\p{L}\\p{N}_@/-]|\\.[\\p{L}])`,
  'gu',
);

/** The codes that occur in a text as whole words, each once. */
export function rawCodesIn(text: string): string[] {
  return [...new Set(text.match(PATTERN) ?? [])];
}

/** Fails when the page shows a code where a person should read a word; `screen` names the place in the message. */
export async function expectNoRawCodes(page: Page, screen: string): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  assert.deepEqual(rawCodesIn(text), [], `raw codes on the screen "${screen}"`);
}
