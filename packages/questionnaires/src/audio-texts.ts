import type { LanguageCode } from './languages.js';
import { MESSAGE_AUDIO, type MessageAudioId, messageAudioKey, SITE_MESSAGES } from './site-messages.js';

/**
 * What a recording can be made of: the texts the survey site reads aloud as one piece each (its "Läs upp" buttons),
 * named by a key that stays the same across languages. Recorded audio (uploaded by staff, stored by the api) refers
 * to a questionnaire version, a language and one of these keys; the survey site plays it where the key's button is.
 *
 * - `intro`: the questionnaire's title and description, above the first question.
 * - `question:<name>`: one question with all it shows: title, description, choices, the scale's end labels.
 * - `message:<id>`: a message of the site's after sending (saved, or could not be saved; site-messages.ts).
 */
export interface AudioText {
  key: string;
  /** What to read, in the language, one line per piece as the screen shows them. */
  text: string;
}

export const INTRO_AUDIO_KEY = 'intro';
export const questionAudioKey = (name: string): string => `question:${name}`;

type Localised = string | Record<string, string> | undefined;

/** A text in `lang`: Swedish lives under `default`; a missing language falls back to Swedish, as SurveyJS does. */
function textIn(value: Localised, lang: LanguageCode): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return (lang === 'sv' ? value.default : (value[lang] ?? value.default)) ?? '';
}

interface Element {
  type?: string;
  name?: string;
  title?: Localised;
  description?: Localised;
  choices?: (string | number | { value: unknown; text?: Localised })[];
  hasOther?: boolean;
  otherText?: Localised;
  minRateDescription?: Localised;
  maxRateDescription?: Localised;
  rateMin?: number;
  rateMax?: number;
  elements?: Element[];
}

function questions(elements: Element[] | undefined): Element[] {
  return (elements ?? []).flatMap((e) =>
    e.type === 'panel' ? questions(e.elements) : e.type === 'html' || !e.name ? [] : [e],
  );
}

/**
 * Every recordable text of a questionnaire in `lang`, in the order the participant meets them. The title's
 * `{programme}` (the round's programme, filled in by the survey site) is left as "…": one recording serves every
 * programme, so the reader says the programme's name or the word for "the programme" there.
 */
export function audioTexts(json: object, lang: LanguageCode): AudioText[] {
  const q = json as { title?: Localised; description?: Localised; pages?: { elements?: Element[] }[] };
  const lines = (...parts: string[]) => parts.filter((p) => p.trim()).join('\n');
  const out: AudioText[] = [
    {
      key: INTRO_AUDIO_KEY,
      text: lines(textIn(q.title, lang).replace('{programme}', '…'), textIn(q.description, lang)),
    },
  ];
  for (const e of (q.pages ?? []).flatMap((p) => questions(p.elements))) {
    const choices = (e.choices ?? []).map((c) =>
      typeof c === 'object' ? textIn(c.text, lang) || String(c.value) : String(c),
    );
    if (e.hasOther) choices.push(textIn(e.otherText, lang));
    const scale =
      e.type === 'rating'
        ? [
            `${e.rateMin ?? 1} ${textIn(e.minRateDescription, lang)}`,
            `${e.rateMax ?? 5} ${textIn(e.maxRateDescription, lang)}`,
          ]
        : [];
    out.push({
      key: questionAudioKey(e.name!),
      text: lines(textIn(e.title, lang) || e.name!, textIn(e.description, lang), ...choices, ...scale),
    });
  }
  for (const [id, parts] of Object.entries(MESSAGE_AUDIO))
    out.push({
      key: messageAudioKey(id as MessageAudioId),
      text: lines(...parts.map((part) => SITE_MESSAGES[part][lang])),
    });
  return out;
}

/** Whether `key` names a recordable text of the questionnaire. */
export function isAudioKey(json: object, key: string): boolean {
  return audioTexts(json, 'sv').some((t) => t.key === key);
}
