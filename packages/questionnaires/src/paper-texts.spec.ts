import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGUAGE_CODES, PAPER_TEXTS, paperTexts } from './index.js';

describe('the paper questionnaire’s texts', () => {
  it('has every text in every language, none blank', () => {
    for (const [key, texts] of Object.entries(PAPER_TEXTS))
      for (const lang of LANGUAGE_CODES)
        assert.ok((texts as Record<string, string>)[lang]?.trim(), `${key} in ${lang}`);
  });

  it('gives one language’s texts by key, placeholders kept', () => {
    const sv = paperTexts('sv');
    assert.equal(sv.codeLabel, 'Kod från lappen');
    assert.equal(sv.questionOf, 'Fråga {n} av {total}');
    assert.equal(paperTexts('ar').questionOf, 'السؤال {n} من {total}');
  });

  // The survey site's checks (apps/survey/src/gender-neutral.spec.ts), for the paper's words.
  it('Tigrinya: no second person singular masculine ending, the polite plural instead', () => {
    const ti = Object.values(PAPER_TEXTS).map((t) => t.ti);
    assert.deepEqual(
      ti.filter((s) => /[ካኻ](?=[\s?።፣!]|$)|ካዮ|ካሉ/.test(s)),
      [],
    );
  });

  it('Arabic: no masculine-only imperative or verb aimed at the reader', () => {
    const ar = Object.values(PAPER_TEXTS).map((t) => t.ar);
    assert.deepEqual(
      ar.filter((s) =>
        /(^|\s)(اختر|اكتب|انتظر|تحقق|حاول|اقرأ|ضع|سلّم|لا تكتب|لا تغلق|تريد|تود)(\s|$)/.test(s),
      ),
      [],
    );
  });
});
