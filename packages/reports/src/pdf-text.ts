import bidiFactory, { type Bidi } from 'bidi-js';

/**
 * The participants' scripts in PDFs: Arabic script (Arabic, Dari) and Ethiopic (Tigrinya).
 *
 * PDFKit 0.20 shapes Arabic through fontkit once an Arabic font is set, but it lays a line out word by word in one
 * font and knows nothing of direction: each Arabic word comes out joined and right to left, but the words stay in
 * typing order from left to right, so a sentence reads backwards and each word's space lands on its other side.
 * Here each line of PDFKit's own wrapping is cut into runs by the Unicode bidirectional algorithm (bidi-js
 * embedding levels) and by script, each run gets a font that has its letters, and the runs are placed in visual
 * order (rule L2). fontkit shapes each run whole and reverses an Arabic run itself, so it is never reversed
 * twice. A right-to-left paragraph is aligned right unless the caller asks for another alignment.
 *
 * The text must also come back out, for copying, search, screen readers and our tests. A PDF reader (pdf.js) takes
 * the glyphs in the order of the file, one piece per font, and puts the right-to-left letters of each piece in
 * typing order. So the runs are written left to right; inside right-to-left text, whatever the Arabic font can
 * draw (digits, a Latin word) is drawn in it, so that a right-to-left line stays one piece; and a ligature maps
 * to its letters in visual order (mapRtlLigatures). The Arabic font must draw each letter with glyphs of its own:
 * Noto Sans Arabic draws ج ح خ as one glyph plus dots, and a PDF's text map gives a glyph one text only, so ح
 * would come out as ج. Vazirmatn does (apps/api/src/common/pdf/fonts.ts).
 *
 * `enableScripts` installs this on one document: `text`, `heightOfString` and `widthOfString` keep their
 * signatures, and text with none of these scripts takes PDFKit's own path unchanged.
 */

export const PDF_SCRIPTS = ['arabic', 'ethiopic'] as const;
export type PdfScript = (typeof PDF_SCRIPTS)[number];

/** Registered font names of one script: its bold is used under bold text, its regular under regular and italic. */
export interface ScriptFontNames {
  regular: string;
  bold: string;
}

export interface ScriptFontSetup {
  /** The document's own fonts (registered names) and which weight each one is. */
  base: Record<string, 'regular' | 'bold'>;
  scripts: Partial<Record<PdfScript, ScriptFontNames>>;
}

export type Direction = 'ltr' | 'rtl';

let bidiInstance: Bidi | null = null;
const bidi = (): Bidi => (bidiInstance ??= bidiFactory());

const SCRIPT_OF: Record<PdfScript, RegExp> = {
  arabic: /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u,
  ethiopic: /[\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f\u{1e7e0}-\u{1e7ff}]/u,
};

/**
 * Characters that need this layout: a right-to-left script or mark, a script with a font of its own, or a bidi
 * control (an isolate, a mark), which only this layout leaves out of the drawn text.
 */
const NEEDS_LAYOUT =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The bidi controls: they set levels and are not drawn (fontkit would draw them as a space, which is extracted). */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The scripts fontkit lays out right to left by itself (its own list, for the scripts a font here can have). */
const FONTKIT_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

const LETTER = /[\p{L}]/u;
const NO_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

export function needsScriptLayout(text: string): boolean {
  return NEEDS_LAYOUT.test(text);
}

/**
 * The direction of a paragraph: that of its first strong letter outside isolates (rules P2–P3), left to right when it
 * has none. A Swedish line that starts with a participant's name in Arabic is therefore right to left, unless the
 * name is isolated: `${isolate(name)} – Grupp 3` is left to right, with the name right to left inside it.
 */
export function paragraphDirection(text: string): Direction {
  const [paragraph] = bidi().getEmbeddingLevels(text, 'auto').paragraphs;
  return paragraph && paragraph.level % 2 === 1 ? 'rtl' : 'ltr';
}

/**
 * Text typed by someone, to put inside a line of ours (a name in a Swedish sentence): wrapped in Unicode's first
 * strong isolate (U+2068 … U+2069), so its direction neither decides the line's nor leaks into the words around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** What layout needs to know of a font: whether it has a character. */
export interface RunFont {
  hasGlyph(codePoint: number): boolean;
}

export interface VisualRun<F> {
  /** The run as typed (logical order), and where it starts in the line. */
  text: string;
  start: number;
  /**
   * What to hand fontkit so that it comes out in visual order (reversed and mirrored where fontkit will not),
   * without bidi controls. A run of controls alone is left out.
   */
  shaped: string;
  level: number;
  font: F;
}

/**
 * The fonts of a line, one per UTF-16 unit, given its bidi levels. A letter of a script with its own font takes
 * that font. Everything else inside right-to-left text (level 1 and up: a Latin word or digits in Arabic) takes
 * the Arabic font where it has the glyph, so that a right-to-left line is one run of one font, which a PDF reader
 * puts in typing order as a whole; outside, the base font. Spaces, digits, punctuation and marks first stay in the
 * font of the character before them (else after them) at the same level, so "ሰላም ዓለም።" is one run too.
 */
export function fontsOf<F extends RunFont>(
  line: string,
  levels: ArrayLike<number>,
  base: F,
  scripts: Partial<Record<PdfScript, F>>,
): F[] {
  const all = [base, ...PDF_SCRIPTS.flatMap((s) => (scripts[s] ? [scripts[s]] : []))];
  const rtl = scripts.arabic;
  // Code points with their level (the levels are per UTF-16 unit).
  const chars: { ch: string; cp: number; level: number }[] = [];
  for (let i = 0; i < line.length;) {
    const cp = line.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    chars.push({ ch, cp, level: levels[i] });
    i += ch.length;
  }
  const fallback = (cp: number, level: number): F =>
    [level > 0 ? rtl : undefined, base].find((f) => f?.hasGlyph(cp)) ??
    all.find((f) => f.hasGlyph(cp)) ??
    base;
  const strong: (F | null)[] = chars.map(({ ch, cp, level }) => {
    for (const s of PDF_SCRIPTS)
      if (SCRIPT_OF[s].test(ch)) return scripts[s]?.hasGlyph(cp) ? scripts[s] : fallback(cp, level);
    return LETTER.test(ch) ? fallback(cp, level) : null;
  });
  // The next letter's index, for each character.
  const next: number[] = [];
  for (let i = chars.length - 1; i >= 0; i--)
    next[i] = i + 1 < chars.length && strong[i + 1] ? i + 1 : (next[i + 1] ?? -1);
  const picked: F[] = [];
  chars.forEach(({ cp, level }, i) => {
    let f = strong[i];
    if (!f) {
      const before = i > 0 && chars[i - 1].level === level ? picked[i - 1] : undefined;
      const j = next[i];
      const after = j >= 0 && chars[j].level === level ? strong[j]! : undefined;
      f = [before, after].find((x) => x?.hasGlyph(cp)) ?? fallback(cp, level);
    }
    picked.push(f);
  });
  return chars.flatMap(({ ch }, i) => (ch.length === 2 ? [picked[i], picked[i]] : [picked[i]]));
}

const reverse = (s: string): string => Array.from(s).reverse().join('');

/**
 * A line cut into runs of one embedding level and one font, in visual order (left to right on the page). An
 * Arabic run is handed to fontkit as typed, since fontkit reverses it; any other run at an odd level (say
 * brackets in the base font) is reversed and mirrored here, and a run at an even level that fontkit would
 * reverse (Arabic-Indic digits) is reversed here first, so it reads left to right.
 */
export function visualRuns<F extends RunFont>(
  line: string,
  direction: Direction,
  base: F,
  scripts: Partial<Record<PdfScript, F>>,
): VisualRun<F>[] {
  if (!line) return [];
  const levels = levelsOf(line, direction);
  const fonts = fontsOf(line, levels, base, scripts);
  const runs: { start: number; end: number; level: number; font: F }[] = [];
  for (let i = 0; i < line.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i] && last.font === fonts[i]) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, level: levels[i], font: fonts[i] });
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or higher.
  const max = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => (r.level % 2 ? r.level : r.level + 1)));
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i].level < level) continue;
      let j = i;
      while (j + 1 < runs.length && runs[j + 1].level >= level) j++;
      runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return runs.flatMap((r) => {
    const text = line.slice(r.start, r.end);
    const drawn = text.replace(BIDI_CONTROLS, '');
    if (!drawn) return [];
    const rtl = r.level % 2 === 1;
    const fontkitReverses = fontkitDirection(drawn) === 'rtl';
    let shaped = drawn;
    if (rtl && !fontkitReverses)
      shaped = reverse(Array.from(drawn, (ch) => bidi().getMirroredCharacter(ch) ?? ch).join(''));
    else if (!rtl && fontkitReverses) shaped = reverse(drawn);
    return [{ text, start: r.start, shaped, level: r.level, font: r.font }];
  });
}

/** The bidi levels of a line (rules P–I), with whitespace at its end at the paragraph's level (rule L1). */
export function levelsOf(line: string, direction: Direction): number[] {
  const levels = Array.from(bidi().getEmbeddingLevels(line, direction).levels);
  for (let i = line.length - 1; i >= 0 && /\s/u.test(line[i]); i--) levels[i] = direction === 'rtl' ? 1 : 0;
  return levels;
}

/** fontkit's choice: the script of the first character that belongs to one decides the direction it lays out. */
function fontkitDirection(text: string): Direction {
  for (const ch of text) {
    if (NO_SCRIPT.test(ch)) continue;
    return FONTKIT_RTL.test(ch) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}

// ---------------------------------------------------------------------------------------------------------------
// PDFKit. The members below are PDFKit 0.20's own (pinned in package.json); the tests fail if they change.

interface KitFont {
  id: string;
  ascender: number;
  descender: number;
  xHeight: number;
  font?: { hasGlyphForCodePoint?(cp: number): boolean };
  unicode?: number[][];
  widthOfString(text: string, size: number, features?: unknown): number;
  toUnicodeCmap?: (this: KitFont) => unknown;
}

type TextOptions = PDFKit.Mixins.TextOptions & {
  horizontalScaling?: number;
  lineWidth?: number;
  textWidth?: number;
  wordCount?: number;
  [PARAGRAPHS]?: Paragraphs;
};

interface KitDoc {
  _font: KitFont;
  _fontSize: number;
  font(name: string): unknown;
  text: (this: KitDoc, text: string | number | null | undefined, ...rest: unknown[]) => unknown;
  heightOfString: (this: KitDoc, text: string, options?: TextOptions) => number;
  widthOfString: (this: KitDoc, text: string, options?: TextOptions) => number;
  _fragment: (this: KitDoc, text: string, x: number, y: number, options: TextOptions) => void;
}

const PARAGRAPHS = Symbol('stegvis.paragraphs');

/** The text of one `text()` call, so that each line can find its paragraph and the paragraph's direction. */
interface Paragraphs {
  text: string;
  starts: number[];
  directions: Direction[];
  cursor: number;
}

function paragraphsOf(text: string): Paragraphs {
  const starts: number[] = [];
  const directions: Direction[] = [];
  let at = 0;
  for (const p of text.split('\n')) {
    starts.push(at);
    directions.push(paragraphDirection(p));
    at += p.length + 1;
  }
  return { text, starts, directions, cursor: 0 };
}

function lineDirection(line: string, paragraphs: Paragraphs | undefined): Direction {
  if (!paragraphs) return paragraphDirection(line);
  const at = paragraphs.text.indexOf(line, paragraphs.cursor);
  if (at < 0) return paragraphDirection(line);
  paragraphs.cursor = at + line.length;
  let p = 0;
  while (p + 1 < paragraphs.starts.length && paragraphs.starts[p + 1] <= at) p++;
  return paragraphs.directions[p];
}

/** Where PDFKit puts the baseline below the line's top, for the base font, so every run shares it. */
function baselineDrop(font: KitFont, size: number, baseline: TextOptions['baseline']): number {
  if (typeof baseline === 'number') return -baseline;
  const em =
    baseline === 'svg-middle'
      ? 0.5 * font.xHeight
      : baseline === 'middle' || baseline === 'svg-central'
        ? 0.5 * (font.descender + font.ascender)
        : baseline === 'bottom' || baseline === 'ideographic'
          ? font.descender
          : baseline === 'alphabetic'
            ? 0
            : baseline === 'mathematical'
              ? 0.5 * font.ascender
              : baseline === 'hanging'
                ? 0.8 * font.ascender
                : font.ascender;
  return (em / 1000) * size;
}

/**
 * A glyph of several right-to-left characters (the lam-alef ligature لا) maps to them in visual order in the
 * PDF's text map: a reader reverses a right-to-left line character by character, which puts them back in typing
 * order. Glyphs of one character, and of left-to-right ones (fi), keep their mapping.
 */
function mapRtlLigatures(font: KitFont): void {
  const own = font.toUnicodeCmap;
  if (!own || !font.unicode) return;
  font.toUnicodeCmap = function (this: KitFont) {
    this.unicode = this.unicode!.map((cps) => {
      const types = cps.map((cp) => bidi().getBidiCharTypeName(String.fromCodePoint(cp)));
      const rtl = cps.length > 1 && types.some((t) => t === 'R' || t === 'AL') && !types.includes('L');
      return rtl ? [...cps].reverse() : cps;
    });
    return own.call(this);
  };
}

const glyphTest = (f: KitFont) => ({
  kit: f,
  hasGlyph: (cp: number) =>
    typeof f.font?.hasGlyphForCodePoint === 'function' ? f.font.hasGlyphForCodePoint(cp) : cp < 0x100,
});
type Measured = ReturnType<typeof glyphTest>;

/**
 * Makes every `text()` of the document print Arabic and Ethiopic script right (see the top of this file). The
 * fonts must be registered already; `setup.base` names the document's own fonts so that bold text gets the
 * bold Arabic. Returns the document.
 */
export function enableScripts<D extends PDFKit.PDFDocument>(document: D, setup: ScriptFontSetup): D {
  const doc = document as unknown as KitDoc;
  const current = doc._font;
  const load = (name: string): KitFont => {
    doc.font(name);
    const f = doc._font;
    mapRtlLigatures(f);
    return f;
  };
  const weightOf = new Map<KitFont, 'regular' | 'bold'>();
  for (const [name, weight] of Object.entries(setup.base)) weightOf.set(load(name), weight);
  const scriptFonts = { regular: {}, bold: {} } as Record<
    'regular' | 'bold',
    Partial<Record<PdfScript, Measured>>
  >;
  for (const s of PDF_SCRIPTS) {
    const names = setup.scripts[s];
    if (!names) continue;
    scriptFonts.regular[s] = glyphTest(load(names.regular));
    scriptFonts.bold[s] = glyphTest(load(names.bold));
  }
  doc._font = current;

  const ownText = doc.text;
  const ownHeight = doc.heightOfString;
  const ownWidth = doc.widthOfString;
  const ownFragment = doc._fragment;
  let drawing = false;
  /** The direction of the text being wrapped, when all its paragraphs share one: words are measured in it. */
  let wrapping: Direction | undefined;
  const fontsFor = (base: KitFont) => ({
    base: glyphTest(base),
    scripts: scriptFonts[weightOf.get(base) ?? 'regular'],
  });
  const whileWrapping = <T>(paragraphs: Paragraphs, wrap: () => T): T => {
    const before = wrapping;
    wrapping = new Set(paragraphs.directions).size === 1 ? paragraphs.directions[0] : undefined;
    try {
      return wrap();
    } finally {
      wrapping = before;
    }
  };

  doc.text = function (this: KitDoc, text: string | number | null | undefined, ...rest: unknown[]) {
    const s = text == null ? '' : String(text);
    if (!needsScriptLayout(s)) return ownText.call(this, text, ...rest);
    // PDFKit takes text(s, options) or text(s, x, y, options), and drops the options of text(s, undefined, …);
    // the paragraphs ride along in the options.
    const paragraphs = paragraphsOf(s);
    const at =
      rest[0] != null && typeof rest[0] === 'object' ? 0 : rest[0] == null && rest[1] == null ? 0 : 2;
    const options = { ...(rest[at] as TextOptions | undefined), [PARAGRAPHS]: paragraphs };
    const args = at === 0 ? [options] : [rest[0], rest[1], options];
    return whileWrapping(paragraphs, () => ownText.call(this, s, ...args));
  };

  doc.heightOfString = function (this: KitDoc, text: string, options?: TextOptions) {
    const s = text == null ? '' : String(text);
    if (!needsScriptLayout(s)) return ownHeight.call(this, text, options);
    return whileWrapping(paragraphsOf(s), () => ownHeight.call(this, s, options));
  };

  doc.widthOfString = function (this: KitDoc, text: string, options: TextOptions = {}) {
    if (drawing || !needsScriptLayout(text)) return ownWidth.call(this, text, options);
    const { base, scripts } = fontsFor(this._font);
    const fonts = fontsOf(text, levelsOf(text, wrapping ?? paragraphDirection(text)), base, scripts);
    let width = 0;
    for (let i = 0; i < text.length;) {
      let j = i + 1;
      while (j < text.length && fonts[j] === fonts[i]) j++;
      width += fonts[i].kit.widthOfString(text.slice(i, j), this._fontSize, options.features);
      i = j;
    }
    const spacing = (options.characterSpacing ?? 0) * (text.length - 1);
    return ((width + spacing) * (options.horizontalScaling ?? 100)) / 100;
  };

  doc._fragment = function (this: KitDoc, text: string, x: number, y: number, options: TextOptions) {
    if (drawing || !needsScriptLayout(text)) return ownFragment.call(this, text, x, y, options);
    const line = text.replace(/\n/g, '').replace(/\s+$/u, '');
    const direction = lineDirection(line, options[PARAGRAPHS]);
    const baseFont = this._font;
    const { base, scripts } = fontsFor(baseFont);
    const size = this._fontSize;
    // Each run laid out whole: PDFKit's word-by-word cache would keep the words of an Arabic run in typing order.
    const features = options.features ?? [];
    const runs = visualRuns(line, direction, base, scripts).map((r) => ({
      ...r,
      width: r.font.kit.widthOfString(r.shaped, size, features),
    }));
    const total = runs.reduce((sum, r) => sum + r.width, 0);
    const natural = direction === 'rtl' ? 'right' : 'left';
    const align = !options.align || options.align === 'justify' ? natural : options.align;
    const room = options.lineWidth ?? options.width;
    let left = x;
    if (room !== undefined && align === 'right') left = x + room - total;
    if (room !== undefined && align === 'center') left = x + (room - total) / 2;
    const baseline = -baselineDrop(baseFont, size, options.baseline);
    drawing = true;
    try {
      // Written in visual order, left to right: a PDF reader rebuilds the order of a right-to-left line from it.
      for (const r of runs) {
        this._font = r.font.kit;
        ownFragment.call(this, r.shaped, left, y, {
          ...options,
          align: 'left',
          width: undefined,
          lineWidth: undefined,
          wordSpacing: 0,
          textWidth: r.width,
          wordCount: undefined,
          baseline,
          features,
        });
        left += r.width;
      }
    } finally {
      this._font = baseFont;
      drawing = false;
    }
  };
  return document;
}
