import { END_OF_GROUP_V1 } from '@stegvis/questionnaires';
import { describe, expect, it } from 'vitest';
import { UI } from './ui-texts';

/** Every string of a language in the questionnaire and the site's own words. */
function stringsOf(lang: 'ar' | 'ti'): string[] {
  const out: string[] = [];
  const walk = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    const texts = o as Record<string, unknown>;
    if (typeof texts[lang] === 'string') out.push(texts[lang]);
    for (const v of Object.values(texts)) walk(v);
  };
  walk(END_OF_GROUP_V1);
  walk(UI);
  return out;
}

/**
 * Arabic and Tigrinya mark the person spoken to as a man or a woman; the site spoke to men only. It now uses
 * impersonal forms or both forms in Arabic, and the polite plural (which addresses anyone) in Tigrinya.
 */
describe('the participants are not all addressed as men', () => {
  it('Tigrinya: no second person singular masculine ending (-ka, -kha), the polite plural instead', () => {
    const masculine = stringsOf('ti').filter((s) => /[ካኻ](?=[\s?።፣!]|$)|ካዮ|ካሉ/.test(s));
    expect(masculine).toEqual([]);
  });

  it('Arabic: no masculine-only imperative or verb aimed at the reader', () => {
    const masculine = stringsOf('ar').filter((s) =>
      /(^|\s)(اختر|اكتب|انتظر|تحقق|حاول|اقرأ|لا تغلق|تريد|تود)(\s|$)/.test(s),
    );
    expect(masculine).toEqual([]);
  });
});
