import { formatStockholm } from '@stegvis/contracts';
import PDFDocument from 'pdfkit';
import { type PdfFontFiles, useFonts } from './pdf-fonts.js';

/**
 * The printable paper questionnaire: a SurveyJS questionnaire of packages/questionnaires drawn as an A4 form in
 * one language, for participants who answer on paper. Staff type the answers in afterwards with the code from the
 * participant's slip (the admin's paper entry), so the form has a box for that code and asks for no name.
 */

/** The words around the questions, in the form's language (PAPER_TEXTS of @stegvis/questionnaires). */
export interface PaperQuestionnaireTexts {
  instructionsHeading: string;
  markOne: string;
  anonymous: string;
  copyCode: string;
  /** With `{date}`: the round's closing time. */
  handBack: string;
  codeLabel: string;
  /** With `{n}` and `{total}`. */
  questionOf: string;
  chooseOne: string;
  chooseMany: string;
  writeHere: string;
  /** With `{choice}` and `{n}`. */
  onlyIf: string;
  other: string;
  thanks: string;
}

export interface PaperQuestionnaireInput {
  /** SurveyJS JSON whose strings are `{ default: <Swedish>, en, ar, … }` or plain strings. */
  questionnaire: object;
  /** The language code (`sv` reads the `default` texts). */
  language: string;
  direction: 'ltr' | 'rtl';
  texts: PaperQuestionnaireTexts;
  /** Put in place of `{programme}` in the title. */
  programmeName: string;
  /** The round's closing instant (UTC); printed as Swedish date and time, as everywhere in the app. */
  closesAt: string | Date;
  /** Characters of the short code on the slip: one square each. */
  codeLength: number;
  /** Where the code's grouping dash goes (after this many characters), if the code has one. */
  codeDashAfter?: number;
}

type Localised = string | Record<string, string> | undefined;

interface PaperChoice {
  text: string;
  /** An "Other" choice: a line to write on beside it. */
  other: boolean;
}

/** One question as the paper shows it. */
export interface PaperQuestion {
  name: string;
  kind: 'one' | 'many' | 'scale' | 'lines';
  title: string;
  choices: PaperChoice[];
  scale: { values: number[]; minLabel: string; maxLabel: string } | null;
  /** "Answer only if you answered … to question n", for a question shown only after a given answer. */
  condition: string | null;
  /** Ruled lines for a written answer. */
  lines: number;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** The questions of a questionnaire in order, in one language, as the survey site numbers them. */
export function paperQuestions(
  json: object,
  language: string,
  texts: Pick<PaperQuestionnaireTexts, 'onlyIf' | 'other'>,
): PaperQuestion[] {
  const loc = (v: Localised): string =>
    typeof v === 'string' ? v : (v?.[language === 'sv' ? 'default' : language] ?? v?.default ?? '');
  const elements: Record<string, unknown>[] = [];
  const walk = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const e of list as Record<string, unknown>[]) {
      if (e.type === 'panel') walk(e.elements);
      else elements.push(e);
    }
  };
  for (const page of ((json as { pages?: unknown[] }).pages ?? []) as Record<string, unknown>[])
    walk(page.elements);
  walk((json as { elements?: unknown }).elements);

  const out: PaperQuestion[] = [];
  const numberOf = new Map<string, number>();
  const choicesOf = new Map<string, { value: unknown; text: string }[]>();
  for (const e of elements) {
    const type = e.type as string;
    const name = e.name as string;
    const title = loc(e.title as Localised) || name;
    const raw = ((e.choices as unknown[]) ?? []).map((c) =>
      c && typeof c === 'object'
        ? {
            value: (c as { value: unknown }).value,
            text: loc((c as { text?: Localised }).text) || String((c as { value: unknown }).value),
          }
        : { value: c, text: String(c) },
    );
    const choices: PaperChoice[] = raw.map((c) => ({ text: c.text, other: false }));
    if (e.hasOther || e.showOtherItem)
      choices.push({ text: loc(e.otherText as Localised) || texts.other, other: true });
    let q: Omit<PaperQuestion, 'condition'> | null = null;
    if (type === 'radiogroup' || type === 'dropdown')
      q = { name, kind: 'one', title, choices, scale: null, lines: 0 };
    else if (type === 'checkbox' || type === 'tagbox')
      q = { name, kind: 'many', title, choices, scale: null, lines: 0 };
    else if (type === 'boolean')
      q = {
        name,
        kind: 'one',
        title,
        choices: [
          { text: loc(e.labelTrue as Localised) || '✓', other: false },
          { text: loc(e.labelFalse as Localised) || '–', other: false },
        ],
        scale: null,
        lines: 0,
      };
    else if (type === 'rating') {
      const min = typeof e.rateMin === 'number' ? e.rateMin : 1;
      const max = typeof e.rateMax === 'number' ? e.rateMax : 5;
      const step = typeof e.rateStep === 'number' && e.rateStep > 0 ? e.rateStep : 1;
      const values: number[] = [];
      for (let v = min; v <= max; v += step) values.push(v);
      q = {
        name,
        kind: 'scale',
        title,
        choices: [],
        scale: {
          values,
          minLabel: loc(e.minRateDescription as Localised),
          maxLabel: loc(e.maxRateDescription as Localised),
        },
        lines: 0,
      };
    } else if (type === 'comment') q = { name, kind: 'lines', title, choices: [], scale: null, lines: 4 };
    else if (type === 'text') q = { name, kind: 'lines', title, choices: [], scale: null, lines: 1 };
    if (!q) continue;
    out.push({ ...q, condition: conditionOf(e.visibleIf, numberOf, choicesOf, texts.onlyIf) });
    numberOf.set(name, out.length);
    choicesOf.set(name, raw);
  }
  return out;
}

/** `{internship} = 'yes'` as "Answer only if you answered "Yes" to question 4"; other conditions are left out. */
function conditionOf(
  visibleIf: unknown,
  numberOf: Map<string, number>,
  choicesOf: Map<string, { value: unknown; text: string }[]>,
  onlyIf: string,
): string | null {
  if (typeof visibleIf !== 'string') return null;
  const m = /^\s*\{(\w+)\}\s*=\s*'([^']*)'\s*$/.exec(visibleIf);
  if (!m || !numberOf.has(m[1])) return null;
  const choice = choicesOf.get(m[1])?.find((c) => String(c.value) === m[2]);
  return choice ? fill(onlyIf, { choice: choice.text, n: numberOf.get(m[1])! }) : null;
}

const MARGIN = 48;
const INK = '#000000';
const SOFT = '#3c3c3c';
const RULE = '#8a8a8a';
/** A choice's check box. */
const BOX = 12;
/** A scale's boxes and the distance between their left edges. */
const SCALE_BOX = 20;
const SCALE_PITCH = 58;
/** A square of the code box. */
const CODE_BOX = 26;
const CODE_GAP = 6;
/** The room of the code's grouping dash. */
const DASH = 12;
const LINE_GAP = 22;

/**
 * The form as an A4 PDF. Right-to-left languages (Arabic, Dari) put the boxes on the right and read the scale from
 * the right; their text is aligned right by pdf-text.ts. A question never splits across two pages.
 */
export function renderPaperQuestionnairePdf(
  input: PaperQuestionnaireInput,
  fontFiles?: PdfFontFiles,
): Promise<Buffer> {
  const { texts } = input;
  const rtl = input.direction === 'rtl';
  const json = input.questionnaire as { title?: Localised };
  const loc = (v: Localised): string =>
    typeof v === 'string'
      ? v
      : (v?.[input.language === 'sv' ? 'default' : input.language] ?? v?.default ?? '');
  const title = loc(json.title).replaceAll('{programme}', input.programmeName);
  const questions = paperQuestions(input.questionnaire, input.language, texts);

  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      lang: input.language === 'sv-easy' ? 'sv' : input.language,
      info: { Title: title, Producer: 'Stegvis' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const font = useFonts(doc, fontFiles);
    const left = MARGIN;
    const right = doc.page.width - MARGIN;
    const width = right - left;
    const bottom = doc.page.height - MARGIN;

    /** Text in a column: its height, drawn when `draw`. Right-to-left text aligns right by itself. */
    const text = (
      draw: boolean,
      s: string,
      x: number,
      y: number,
      w: number,
      style: { size: number; bold?: boolean; colour?: string; align?: 'left' | 'right' | 'center' },
    ): number => {
      doc
        .font(style.bold ? font.bold : font.regular)
        .fontSize(style.size)
        .fillColor(style.colour ?? INK);
      const options = style.align ? { width: w, align: style.align } : { width: w };
      const h = doc.heightOfString(s, options);
      if (draw) doc.text(s, x, y, options);
      return h;
    };
    const square = (x: number, y: number, size: number) =>
      doc.lineWidth(1).strokeColor(INK).rect(x, y, size, size).stroke();

    // The title.
    let y = MARGIN;
    y += text(true, title, left, y, width, { size: 18, bold: true }) + 10;

    // The code box: one square per character, the label above them, framed so it is found at once.
    const dash = input.codeDashAfter && input.codeDashAfter < input.codeLength ? input.codeDashAfter : 0;
    const codeWidth =
      input.codeLength * CODE_BOX + (input.codeLength - 1) * CODE_GAP + (dash ? DASH + CODE_GAP : 0);
    const frame = codeWidth + 28;
    const frameLeft = rtl ? right - frame : left;
    const labelHeight = text(false, texts.codeLabel, frameLeft + 14, y + 10, codeWidth, {
      size: 11,
      bold: true,
    });
    const frameHeight = 10 + labelHeight + 6 + CODE_BOX + 12;
    doc.lineWidth(1.5).strokeColor(INK).roundedRect(frameLeft, y, frame, frameHeight, 4).stroke();
    text(true, texts.codeLabel, frameLeft + 14, y + 10, codeWidth, {
      size: 11,
      bold: true,
      align: rtl ? 'right' : undefined,
    });
    let x = frameLeft + 14;
    const boxesTop = y + 10 + labelHeight + 6;
    for (let i = 0; i < input.codeLength; i++) {
      if (dash && i === dash) {
        doc
          .lineWidth(1.5)
          .moveTo(x + 2, boxesTop + CODE_BOX / 2)
          .lineTo(x + DASH - 2, boxesTop + CODE_BOX / 2)
          .stroke();
        x += DASH + CODE_GAP;
      }
      square(x, boxesTop, CODE_BOX);
      x += CODE_BOX + CODE_GAP;
    }
    y += frameHeight + 12;

    // The instructions.
    y += text(true, texts.instructionsHeading, left, y, width, { size: 12, bold: true }) + 4;
    for (const line of [
      texts.markOne,
      texts.copyCode,
      texts.anonymous,
      fill(texts.handBack, { date: formatStockholm(input.closesAt) }),
    ])
      y += text(true, line, left, y, width, { size: 10.5 }) + 3;
    y += 10;
    doc.lineWidth(0.75).strokeColor(RULE).moveTo(left, y).lineTo(right, y).stroke();
    y += 14;

    // One question: its height, drawn from `top` when `draw`.
    const question = (q: PaperQuestion, n: number, top: number, draw: boolean): number => {
      let at = top;
      at += text(draw, fill(texts.questionOf, { n, total: questions.length }), left, at, width, {
        size: 9,
        colour: SOFT,
      });
      at += 1;
      at += text(draw, q.title, left, at, width, { size: 12, bold: true }) + 2;
      const hints = [
        q.kind === 'one' || q.kind === 'scale'
          ? texts.chooseOne
          : q.kind === 'many'
            ? texts.chooseMany
            : texts.writeHere,
        ...(q.condition ? [q.condition] : []),
      ];
      for (const hint of hints) at += text(draw, hint, left, at, width, { size: 9.5, colour: SOFT });
      at += 6;
      if (q.kind === 'one' || q.kind === 'many') {
        for (const c of q.choices) {
          // An "Other" choice keeps to its words (plus a little), so the line to write on starts right after them.
          doc.font(font.regular).fontSize(11);
          const textWidth = c.other ? Math.min(doc.widthOfString(c.text) + 2, 200) : width - 22;
          const textLeft = rtl ? right - 22 - textWidth : left + 22;
          const h = text(draw, c.text, textLeft, at, textWidth, { size: 11 });
          if (draw) {
            square(rtl ? right - BOX : left, at + 1.5, BOX);
            if (c.other) {
              const lineFrom = rtl ? left : textLeft + textWidth + 8;
              const lineTo = rtl ? textLeft - 8 : right;
              doc
                .lineWidth(0.75)
                .strokeColor(RULE)
                .moveTo(lineFrom, at + 13)
                .lineTo(lineTo, at + 13)
                .stroke();
            }
          }
          at += Math.max(h, BOX + 3) + 4;
        }
      } else if (q.kind === 'scale' && q.scale) {
        const values = q.scale.values;
        const span = (values.length - 1) * SCALE_PITCH + SCALE_BOX;
        // The first value's box: at the left, or at the right in a right-to-left form.
        const boxX = (i: number) => (rtl ? right - SCALE_BOX - i * SCALE_PITCH : left + i * SCALE_PITCH);
        values.forEach((v, i) => {
          text(draw, String(v), boxX(i) - 10, at, SCALE_BOX + 20, { size: 10, align: 'center' });
          if (draw) square(boxX(i), at + 15, SCALE_BOX);
        });
        at += 15 + SCALE_BOX + 4;
        // The end labels under the first and the last box, each in half the scale's width (plus a little).
        const labelWidth = Math.max(120, span / 2 + 20);
        const scaleLeft = rtl ? right - span : left;
        const first = rtl
          ? { x: right - labelWidth, align: 'right' as const }
          : { x: left, align: undefined };
        const last = rtl
          ? { x: scaleLeft, align: 'left' as const }
          : { x: left + span - labelWidth, align: 'right' as const };
        const h1 = text(draw, q.scale.minLabel, first.x, at, labelWidth, { size: 9.5, align: first.align });
        const h2 = text(draw, q.scale.maxLabel, last.x, at, labelWidth, { size: 9.5, align: last.align });
        at += Math.max(h1, h2);
      } else if (q.kind === 'lines') {
        for (let i = 0; i < q.lines; i++) {
          at += LINE_GAP;
          if (draw) doc.lineWidth(0.75).strokeColor(RULE).moveTo(left, at).lineTo(right, at).stroke();
        }
        at += 4;
      }
      return at - top;
    };

    questions.forEach((q, i) => {
      const h = question(q, i + 1, y, false);
      if (y + h > bottom && y > MARGIN + 1) {
        doc.addPage();
        y = MARGIN;
      }
      y += question(q, i + 1, y, true) + 14;
    });

    const thanksHeight = text(false, texts.thanks, left, y, width, { size: 14, bold: true });
    if (y + thanksHeight > bottom) {
      doc.addPage();
      y = MARGIN;
    }
    text(true, texts.thanks, left, y, width, { size: 14, bold: true });
    doc.end();
  });
}
