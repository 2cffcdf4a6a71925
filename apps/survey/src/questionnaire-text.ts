import { LANGUAGE_CODES, type LanguageCode } from '@stegvis/questionnaires';

/** The keys of a text in every language: Swedish is SurveyJS's `default`. */
const TEXT_KEYS = new Set<string>(['default', ...LANGUAGE_CODES.filter((c) => c !== 'sv')]);

function isTexts(node: object): node is Record<string, string> {
  const entries = Object.entries(node);
  return (
    entries.some(([k]) => k === 'default') &&
    entries.every(([k, v]) => TEXT_KEYS.has(k) && typeof v === 'string')
  );
}

/** One questionnaire text in one language (Swedish where the language lacks it). */
export function textIn(value: unknown, lang: LanguageCode): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object' || !isTexts(value)) return '';
  return value[lang === 'sv' ? 'default' : lang] ?? value.default;
}

/**
 * The questionnaire with every text in the chosen language only: SurveyJS then builds one string per text
 * instead of seven, and the page needs no other language.
 */
export function inLanguage<T>(json: T, lang: LanguageCode): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    if (isTexts(node)) return textIn(node, lang);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
  };
  return walk(json) as T;
}
