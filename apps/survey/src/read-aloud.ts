import type { LanguageCode } from '@stegvis/questionnaires';

/**
 * Read-aloud for everything on the screen, with the phone's own voice (speechSynthesis). What is read is built from
 * the page itself (`textToRead`), so a question, the intro, an error, the code screen and a message are read the
 * same way, as they are shown, in the language they are shown in.
 *
 * Part of the first screen (the code screen and the messages need it before SurveyJS is loaded): keep it small.
 */

/** What the page shows but is not read: controls, hidden things, and the question's "Fråga 2 av 9" above it. */
const SKIP = [
  'button',
  'nav',
  'select',
  'textarea',
  'script',
  'style',
  'svg',
  '[hidden]',
  '[aria-hidden="true"]',
  // SurveyJS's visually hidden copies (a checkbox question's <legend> repeats its title).
  '.sv-hidden',
  '.question-number',
  // The scale's end labels: the radios' names already say them ("1 av 5, inte alls nöjd").
  '.sd-rating__min-text',
  '.sd-rating__max-text',
].join(',');

/** Elements that do not start a new sentence of their own. */
const INLINE = /^(SPAN|B|STRONG|I|EM|A|SMALL|BDI|BDO|ABBR|MARK|SUB|SUP|Q|U|S)$/;

/** A choice's separator in the language's script: Arabic and Dari "،", Tigrinya "፣". */
const comma = (lang: LanguageCode) => (lang === 'ar' || lang === 'prs' ? '، ' : lang === 'ti' ? '፣ ' : ', ');

/** A sentence already ends here (Arabic "؟", Ethiopic "።" and "፧" included); otherwise the voice gets a stop. */
const ENDED = /[.!?:…؟።፧]$/;

/**
 * The text to read for one or more elements: each heading, paragraph and label as a sentence, then a question's
 * choices one after the other, each by its accessible name (a scale button's "1 av 5, inte alls nöjd"), in the
 * language's own comma.
 */
export function textToRead(elements: Node[], lang: LanguageCode): string {
  return joined(parts(elements, lang, false), lang);
}

type Part = { text: string; choice: boolean };

/** The sentences and choices of `nodes`; `naming` a choice, whose own input is not read again. */
function parts(nodes: Node[], lang: LanguageCode, naming: boolean): Part[] {
  const out: Part[] = [];
  let buffer = '';
  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    if (text) out.push({ text, choice: false });
    buffer = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      buffer += node.textContent;
      return;
    }
    if (!(node instanceof HTMLElement) && !(node instanceof SVGElement)) return;
    if (node.matches(SKIP) || (node instanceof HTMLElement && node.style.display === 'none')) return;
    const input =
      node instanceof HTMLInputElement ? node : node.tagName === 'LABEL' ? node.querySelector('input') : null;
    if (input) {
      if (naming && node === input) return;
      if (input.type !== 'radio' && input.type !== 'checkbox') {
        // A text field is not read; its label (a <label> of its own) is.
        if (node !== input) node.childNodes.forEach(walk);
        return;
      }
      flush();
      const label =
        node === input ? [...(input.labels ?? [])].flatMap((l) => [...l.childNodes]) : [...node.childNodes];
      const name = input.getAttribute('aria-label') ?? joined(parts(label, lang, true), lang);
      if (name) out.push({ text: name, choice: true });
      return;
    }
    const inline = INLINE.test(node.tagName);
    if (!inline) flush();
    node.childNodes.forEach(walk);
    if (!inline) flush();
  };
  nodes.forEach(walk);
  flush();
  return out;
}

/** Sentences each ended by a stop, choices one after the other with the language's comma. */
function joined(list: Part[], lang: LanguageCode): string {
  let out = '';
  list.forEach((p, i) => {
    if (i === 0) out = p.text;
    else if (p.choice && list[i - 1].choice) out += comma(lang) + p.text;
    else out += (ENDED.test(out) ? ' ' : '. ') + p.text;
  });
  return out;
}

/** The voice languages that can read a participant language: easy Swedish is Swedish; Dari is Persian. */
const VOICE_LANGS: Partial<Record<LanguageCode, string[]>> = {
  'sv-easy': ['sv'],
  // Phones label Dari `prs` or `fa-AF` when they have it; a Persian voice reads Dari text understandably.
  prs: ['prs', 'fa'],
};

/** The phone's voice for `lang`, if it has one. */
export function voiceFor(lang: LanguageCode): SpeechSynthesisVoice | undefined {
  if (!('speechSynthesis' in window)) return undefined;
  const voices = speechSynthesis.getVoices();
  for (const tag of VOICE_LANGS[lang] ?? [lang]) {
    const voice = voices.find((v) => {
      const l = v.lang.toLowerCase().replace('_', '-');
      return l === tag || l.startsWith(`${tag}-`);
    });
    if (voice) return voice;
  }
  return undefined;
}

let current: LanguageCode = 'sv';
let label = 'Läs upp';
/** The recordings of the language on screen: text key (packages/questionnaires' audio texts) → recording id. */
let recordings: Record<string, string> = {};
/**
 * A button's text key, where a recording of its text may exist: fixed, or asked when needed for a screen whose text
 * changes (the message screen).
 */
export type TextKey = string | (() => string | undefined) | undefined;
/** Each button's text key. */
const buttons = new Map<HTMLButtonElement, TextKey>();
let player: HTMLAudioElement | undefined;

const recordingOf = (key: TextKey) => {
  const k = typeof key === 'function' ? key() : key;
  return k ? recordings[k] : undefined;
};

/** The buttons' words, voice and recordings follow the language on screen; a button shows where it can read. */
export function setReadAloudLanguage(
  lang: LanguageCode,
  text: string,
  recorded: Record<string, string> = {},
): void {
  current = lang;
  label = text;
  recordings = recorded;
  const voice = voiceFor(lang);
  for (const [b, key] of buttons) {
    if (!b.isConnected) buttons.delete(b);
    b.lastChild!.textContent = text;
    b.hidden = !voice && !recordingOf(key);
  }
}

/**
 * A "Läs upp" button that reads out what `targets` show when it is pressed, not what they showed when made. Where
 * staff recorded its text (`key`), the recording plays: a person's reading, checked like the translation, even
 * where the phone has a voice; elsewhere the phone's voice reads.
 */
export function readAloudButton(targets: () => Element[], key?: TextKey): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'read-aloud';
  const icon = document.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = '🔊 ';
  b.append(icon, label);
  b.hidden = !voiceFor(current) && !recordingOf(key);
  b.addEventListener('click', () => {
    const voice = voiceFor(current);
    if ('speechSynthesis' in window) speechSynthesis.cancel();
    player?.pause();
    const speak = () => {
      if (!voice) return;
      const u = new SpeechSynthesisUtterance(textToRead(targets(), current));
      u.voice = voice;
      u.lang = voice.lang;
      speechSynthesis.speak(u);
    };
    const recording = recordingOf(key);
    if (!recording) return speak();
    player ??= new Audio();
    player.src = `/api/public/surveys/audio/${encodeURIComponent(recording)}`;
    // A recording that cannot play (no connection, a format the phone lacks) is read by the voice where there is
    // one; without one the button stays as it was, and a second press tries again.
    void Promise.resolve(player.play()).catch(speak);
  });
  buttons.set(b, key);
  return b;
}

/**
 * The key of a screen whose own recorded text (`own`, the intro) may have a message shown with it (`shown`, a
 * refusal above the questionnaire): the message's recording where staff made one; else, with a voice, the message's
 * key, which has no recording, so the voice reads the whole screen, message included; only a phone with neither
 * plays the screen's own recording, which is still true, rather than nothing.
 */
export function keyWithMessage(own: string, shown: () => string | undefined): () => string {
  return () => {
    const message = shown();
    return message && (recordings[message] || voiceFor(current)) ? message : own;
  };
}

/** Shows or hides the buttons again after a screen's text (and so its key) changed. */
export function refreshReadAloud(): void {
  setReadAloudLanguage(current, label, recordings);
}

// Most browsers list their voices only after a while (Chrome fires `voiceschanged` once it has them).
if ('speechSynthesis' in window)
  speechSynthesis.addEventListener?.('voiceschanged', () => setReadAloudLanguage(current, label, recordings));
