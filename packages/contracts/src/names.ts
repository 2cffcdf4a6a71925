/**
 * Person names as typed (issue 16, item 17). Bidirectional formatting controls are refused: they reorder how the
 * rest of the name is shown (U+202E turns "Anna Lind" into "dniL annA" on screen while the data stays the same),
 * so a name could be made to look like someone else's. Stripping them would silently show something other than
 * what was typed, so the person is told instead. Zero-width characters are removed: they show nothing, carry no
 * letter, and are what invisible look-alikes ("Anna" and "An\u200Bna") are made of. Then the name is NFC-normalised,
 * so "Å" typed as A + ring and "Å" typed as one key are the same name.
 */

/** U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069: marks, embeddings, overrides and isolates. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** U+200B–U+200D (zero-width space, non-joiner, joiner), U+2060 (word joiner), U+FEFF (zero-width no-break space). */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/gu;

/** Whether a name holds a bidirectional formatting control (refused with `invalid_characters`). */
export function hasBidiControl(name: string): boolean {
  return BIDI_CONTROLS.test(name);
}

/** The name without zero-width characters, NFC-normalised. */
export function normalisePersonName(name: string): string {
  return name.replace(ZERO_WIDTH, '').normalize('NFC');
}
