import { HANDBOOK_FILE_TYPES, type HandbookWarning } from '@stegvis/contracts';
import { fileTypeFromBuffer } from 'file-type';
import { marked } from 'marked';
import { sanitizeHtml as sanitizer } from '../../common/lazy';
import { parsePersonalNumber } from '../participants/personal-number.util';

/**
 * The handbook's content rules in one place: how Markdown becomes safe HTML, which file contents are allowed and
 * what looks like personal data.
 */

/** Markdown to HTML without scripts, styles, event handlers or javascript: links. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  const sanitizeHtml = sanitizer();
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'h1', 'h2'],
    allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https'] },
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
  });
}

/** Markdown reduced to plain text, for search, exports and excerpts. */
export function markdownText(markdown: string): string {
  return sanitizer()(marked.parse(markdown, { async: false }), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const PERSONAL_NUMBER_LIKE = /(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)/g;

/** The handbook must hold no personal data; text that looks like a valid personal number is flagged. */
export function personalDataWarnings(fields: Record<string, string>): HandbookWarning[] {
  const warnings: HandbookWarning[] = [];
  for (const [field, text] of Object.entries(fields)) {
    const hit = [...text.matchAll(PERSONAL_NUMBER_LIKE)].find((m) => parsePersonalNumber(m[0]) !== null);
    if (hit) {
      warnings.push({
        field,
        message: `Texten ser ut att innehålla ett personnummer (${hit[0].slice(0, 6)}…). Handboken delas med alla program – ta bort personuppgifter.`,
        code: 'personal_number_in_text',
        params: { excerpt: hit[0].slice(0, 6) },
      });
    }
  }
  return warnings;
}

/**
 * The fields of an entry that hold a valid personal number, each a field error with the warning's code and words. Saving is refused on any: a number once saved would live on in the history, which keeps every version.
 */
export function personalNumberErrors(entry: {
  title: string;
  body: string;
  theme: string;
  alternative: string;
  whenToUse: string;
  links: readonly { title: string; url: string }[];
}): HandbookWarning[] {
  const fields: Record<string, string> = {
    title: entry.title,
    body: entry.body,
    theme: entry.theme,
    alternative: entry.alternative,
    whenToUse: entry.whenToUse,
  };
  entry.links.forEach((l, i) => {
    fields[`links.${i}.title`] = l.title;
    fields[`links.${i}.url`] = l.url;
  });
  return personalDataWarnings(fields);
}

/** The file's real type from its bytes, or null when it is not one the handbook accepts, whatever its name says. */
export async function allowedContentType(data: Buffer): Promise<string | null> {
  const type = await fileTypeFromBuffer(data);
  if (!type) return null;
  return (HANDBOOK_FILE_TYPES as readonly string[]).includes(type.mime) ? type.mime : null;
}

/** File names joined with their parts split at punctuation, so "cv-mall_2024.pptx" is found by "cv-mall" and "mall". */
export function fileNameSearchText(names: readonly string[]): string {
  return names.map((n) => `${n} ${n.replace(/[._-]+/g, ' ')}`).join(' ');
}
