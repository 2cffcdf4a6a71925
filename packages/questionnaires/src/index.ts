import { END_OF_GROUP_V1 } from './end-of-group.js';
import { LANGUAGE_CODES, type LanguageCode } from './languages.js';
import { PROGRESS_ASSESSMENT_V1 } from './progress-assessment.js';

export * from './audio-texts.js';
export * from './languages.js';
export * from './paper-texts.js';
export * from './site-messages.js';
export { END_OF_GROUP_V1 } from './end-of-group.js';
export { PROGRESS_ASSESSMENT_V1 } from './progress-assessment.js';

export interface Questionnaire {
  id: string;
  version: number;
  title: string;
  languages: readonly LanguageCode[];
  json: object;
}

/** Every questionnaire version ever used: answers stay tied to the exact version they answered. */
const CATALOG: Questionnaire[] = [
  {
    id: 'end-of-group',
    version: 1,
    title: 'Enkät vid gruppens slut',
    languages: LANGUAGE_CODES,
    json: END_OF_GROUP_V1,
  },
  {
    id: 'progress-assessment',
    version: 1,
    title: 'Självskattning (start, mitt, slut)',
    languages: LANGUAGE_CODES,
    json: PROGRESS_ASSESSMENT_V1,
  },
];

/** A questionnaire version; without a version, the latest one. */
export function getQuestionnaire(id: string, version?: number): Questionnaire | null {
  const all = CATALOG.filter((q) => q.id === id).sort((a, b) => b.version - a.version);
  return (version === undefined ? all[0] : all.find((q) => q.version === version)) ?? null;
}

export function listQuestionnaires(): Questionnaire[] {
  return CATALOG.filter((q) => getQuestionnaire(q.id) === q);
}

export interface MissingTranslation {
  language: LanguageCode;
  path: string;
}

const LOCALISABLE = new Set([
  'title',
  'description',
  'text',
  'minRateDescription',
  'maxRateDescription',
  'placeholder',
  'otherText',
  'requiredErrorText',
]);

/** Every localisable string in the JSON that lacks a language: the check that fails the build when one is missing. */
export function missingTranslations(json: object): MissingTranslation[] {
  const out: MissingTranslation[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      const p = path ? `${path}.${k}` : k;
      if (LOCALISABLE.has(k)) {
        const texts = typeof v === 'string' ? { default: v } : (v as Record<string, string>);
        for (const lang of LANGUAGE_CODES) {
          const s = texts[lang === 'sv' ? 'default' : lang];
          if (typeof s !== 'string' || !s.trim()) out.push({ language: lang, path: p });
        }
      } else {
        walk(v, p);
      }
    }
  };
  walk(json, '');
  return out;
}
