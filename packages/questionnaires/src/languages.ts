/**
 * The participants' languages. `sv` is SurveyJS's default locale; plain Swedish (lättläst) has no ISO code of its
 * own, so it is the private-use tag `sv-easy`. Dari is `prs` (ISO 639-3; not `fa`, which is Iranian Persian), written right to left, with its own interface
 * strings (apps/survey/src/locales.ts).
 */
export const LANGUAGES = [
  { code: 'sv', name: 'Svenska', dir: 'ltr' },
  { code: 'sv-easy', name: 'Lätt svenska', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'prs', name: 'دری', dir: 'rtl' },
  { code: 'so', name: 'Soomaali', dir: 'ltr' },
  { code: 'ti', name: 'ትግርኛ', dir: 'ltr' },
] as const;

/** The `default` texts are Swedish: set `surveyLocalization.defaultLocale = DEFAULT_LOCALE` before using a questionnaire. */
export const DEFAULT_LOCALE = 'sv';

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const LANGUAGE_CODES: readonly LanguageCode[] = LANGUAGES.map((l) => l.code);

/**
 * Who wrote each translation. Machine-drafted texts must be reviewed by a native speaker before the
 * questionnaire is used with participants in that language; the admin shows this.
 */
export const REVIEW_STATUS: Record<LanguageCode, 'original' | 'reviewed' | 'machine-draft'> = {
  sv: 'original',
  'sv-easy': 'original',
  en: 'reviewed',
  ar: 'machine-draft',
  prs: 'machine-draft',
  so: 'machine-draft',
  ti: 'machine-draft',
};

/** A text in every language; `default` is Swedish (SurveyJS's default locale key). */
export type Texts = { default: string } & Record<Exclude<LanguageCode, 'sv'>, string>;

export function t(
  sv: string,
  easy: string,
  en: string,
  ar: string,
  prs: string,
  so: string,
  ti: string,
): Texts {
  return { default: sv, 'sv-easy': easy, en, ar, prs, so, ti };
}
