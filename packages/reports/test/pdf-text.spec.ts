import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractText } from 'unpdf';
import { isolate, paragraphDirection, renderTablesPdf, type RunFont, visualRuns } from '../src/files.js';
import { computeProgressReport, type ReportTable, toReportTables } from '../src/index.js';
import { inkBetween, inkLines, LATIN_ONLY, linesOf, pdfOf, renderPage, WITH_SCRIPTS } from './pdf-support.js';
import { REFERENCE_INTERNSHIP_GROUPS, REFERENCE_PERIOD, referenceInput } from './reference-programme.js';

// Free-text answers as participants write them. The Arabic one has letters that share one shape and differ only in
// their dots (ج ح, س ش, ب ت ث), the lam-alef ligature (الآن) and an Arabic comma; the Dari one has the zero-width
// non-joiner of "می‌کردم".
const ARABIC = 'تعلمت الكثير عن سوق العمل في السويد، والآن أبحث عن عمل جديد. شكرا!';
const DARI = 'من در کابل زندگی می‌کردم و حالا در سویدن کار پیدا کرده‌ام.';
const TIGRINYA = 'እዚ ኮርስ ብዙሕ ሓጊዙኒ፣ ሕጂ ስራሕ ይደሊ ኣለኹ።';
const MIXED = 'حضرت 12 جلسة في Stegvis خلال 3 أشهر';

/** A text width of 483 pt from x 56: the right margin is at 539 pt. */
const LEFT = 56;
const RIGHT = 539.28;

describe('the participants’ scripts in PDFs: extracted text', () => {
  it('reads an Arabic sentence back as typed: letters, ligature, word order and every space', async () => {
    const lines = await linesOf(await pdfOf((doc) => doc.text(ARABIC)));
    assert.deepEqual(lines, [ARABIC]);
  });

  it('reads a Tigrinya sentence back as typed', async () => {
    const lines = await linesOf(await pdfOf((doc) => doc.text(TIGRINYA)));
    assert.deepEqual(lines, [TIGRINYA]);
  });

  it('reads a mixed line (Arabic with digits and a Latin word) back in typing order, no space lost', async () => {
    const lines = await linesOf(await pdfOf((doc) => doc.text(MIXED)));
    assert.deepEqual(lines, [MIXED]);
  });

  it('reads Dari back as typed, the zero-width non-joiner as a space (the font draws it with its space glyph)', async () => {
    const lines = await linesOf(await pdfOf((doc) => doc.text(DARI)));
    assert.deepEqual(lines, [DARI.replaceAll('\u200c', ' ')]);
  });

  it('keeps the spaces of later text when a non-joiner is the first thing printed in Arabic script', async () => {
    const lines = await linesOf(
      await pdfOf((doc) => doc.text('می‌کردم').text('سلام دنیا، حال شما چطور است؟')),
    );
    assert.deepEqual(lines, ['می کردم', 'سلام دنیا، حال شما چطور است؟']);
  });

  it('reads an Arabic name inside a Swedish sentence, and bold text, back as typed', async () => {
    const lines = await linesOf(
      await pdfOf((doc, font) =>
        doc
          .text('Intyg för فاطمة أحمد (grupp 3), född 1990')
          .font(font.bold)
          .text('ብርሃነ ተኽለ ገብረሚካኤል')
          .text('محمد جان احمدی'),
      ),
    );
    assert.deepEqual(lines, [
      'Intyg för فاطمة أحمد (grupp 3), född 1990',
      'ብርሃነ ተኽለ ገብረሚካኤል',
      'محمد جان احمدی',
    ]);
  });

  it('wraps a long right-to-left answer into lines that keep their words, in a table cell as in a report', async () => {
    const long = `${ARABIC} ${ARABIC}`;
    let [height, advanced, lineHeight] = [0, 0, 0];
    const pdf = await pdfOf((doc) => {
      height = doc.heightOfString(long, { width: 200 });
      lineHeight = doc.currentLineHeight(true);
      doc.text(long, 300, 100, { width: 200 });
      advanced = doc.y - 100;
    });
    const lines = await linesOf(pdf);
    assert.ok(lines.length > 2, `wrapped: ${lines.length} lines`);
    assert.equal(lines.join(' '), long);
    // The height a table row reserves is the height the text takes.
    assert.equal(height, advanced);
    assert.equal(Math.round(height / lineHeight), lines.length);
  });
});

// What a reader sees: the page drawn by pdf.js on a canvas.
describe('the participants’ scripts in PDFs: the rendered page', () => {
  // One paragraph per band of 40 pt: font size 12, so a band holds one line.
  const bands = (texts: string[]) => (doc: PDFKit.PDFDocument) =>
    texts.forEach((t, i) => doc.fontSize(12).text(t, LEFT, 100 + 40 * i, { width: RIGHT - LEFT }));
  const band = (i: number) => [95 + 40 * i, 95 + 40 * i + 30] as const;

  it('aligns a right-to-left paragraph at the right margin and a Latin or Tigrinya one at the left', async () => {
    const page = await renderPage(await pdfOf(bands([ARABIC, 'Svar på svenska', TIGRINYA, MIXED])));
    const [arabic, swedish, tigrinya, mixed] = [0, 1, 2, 3].map((i) => inkBetween(page, ...band(i)));
    for (const rtl of [arabic, mixed]) {
      assert.ok(rtl.count > 500, `ink: ${rtl.count}`);
      assert.ok(Math.abs(rtl.right - RIGHT) < 1.5, `right edge ${rtl.right}`);
      assert.ok(rtl.left > LEFT + 100, `left edge ${rtl.left}`);
    }
    for (const ltr of [swedish, tigrinya]) {
      assert.ok(ltr.count > 100, `ink: ${ltr.count}`);
      assert.ok(Math.abs(ltr.left - LEFT) < 1.5, `left edge ${ltr.left}`);
    }
  });

  it('keeps a Swedish line that starts with an Arabic name left to right once the name is isolated', async () => {
    const name = 'فاطمة أحمد';
    const line = (n: string) => `${n} – Nästa Steg, Grupp 3 (2025-01-13 – 2025-04-11)`;
    const pdf = await pdfOf(bands([line(isolate(name)), line(name)]));
    // The isolate's marks are not drawn, so not read back either.
    assert.equal((await linesOf(pdf))[0], line(name));
    const page = await renderPage(pdf);
    const [isolated, bare] = [0, 1].map((i) => inkBetween(page, ...band(i)));
    assert.ok(Math.abs(isolated.left - LEFT) < 1.5, `isolated: left edge ${isolated.left}`);
    // Without the isolate the name decides: a right-to-left line, at the right margin.
    assert.ok(Math.abs(bare.right - RIGHT) < 1.5, `bare: right edge ${bare.right}`);
  });

  it('draws the letters themselves, where a font without them draws the same empty box for each', async () => {
    // Two words of as many letters: drawn as boxes they look alike, drawn as letters they do not.
    const words = ['کتاب', 'مدرس', 'ሰላም', 'ትምህ'];
    const withScripts = await renderPage(await pdfOf(bands(words)));
    const latinOnly = await renderPage(await pdfOf(bands(words), LATIN_ONLY));
    const ink = (page: typeof withScripts) => words.map((_, i) => inkBetween(page, ...band(i)));
    const [arA, arB, etA, etB] = ink(withScripts);
    const [boxArA, boxArB, boxEtA, boxEtB] = ink(latinOnly);
    for (const i of [arA, arB, etA, etB, boxArA, boxEtA]) assert.ok(i.count > 100, `ink: ${i.count}`);
    // The check can see boxes: with the Latin font alone both words of a script are the same row of boxes.
    assert.equal(boxArA.pixels, boxArB.pixels);
    assert.equal(boxEtA.pixels, boxEtB.pixels);
    // With the script fonts, the words are different drawings.
    assert.notEqual(arA.pixels, arB.pixels);
    assert.notEqual(etA.pixels, etB.pixels);
    // And they are not the boxes.
    assert.notEqual(arA.pixels, boxArA.pixels);
    assert.notEqual(etA.pixels, boxEtA.pixels);
  });
});

describe('the participants’ scripts in a progress report', () => {
  // Answers of one line each in the answer column.
  const ANSWERS: [string, string][] = [
    ['Grupp 1', 'Bra kurs, jag har fått praktik på ett lager.'],
    ['Grupp 2', 'تعلمت الكثير عن سوق العمل في السويد، شكرا!'],
    ['Grupp 3', TIGRINYA],
    ['Grupp 4', 'حالا در سویدن کار پیدا کرده‌ام.'],
    ['Grupp 5', MIXED],
  ];
  const freeText: ReportTable = {
    id: 'surveys',
    title: 'Enkätsvar i fritext',
    columns: ['Grupp', 'Svar'],
    rows: ANSWERS,
    notes: [],
  };
  // renderTablesPdf: margin 48, text width 499.3, two columns of 249.6 with 6 pt kept free at the right of each.
  const ANSWER_COLUMN = [297.6, 541.3] as const;

  it('prints free-text answers in the report’s table, each right-to-left one at the right of its cell', async () => {
    const report = computeProgressReport(referenceInput(), REFERENCE_PERIOD, {
      internshipGroups: REFERENCE_INTERNSHIP_GROUPS,
    });
    const tables = [freeText, ...toReportTables(report)];
    const pdf = await renderTablesPdf('Delrapport – Nästa Steg', tables, WITH_SCRIPTS);
    const lines = (await extractText(new Uint8Array(pdf), { mergePages: false })).text[0].split('\n');
    const at = lines.indexOf('Grupp Svar');
    assert.deepEqual(
      lines.slice(at + 1, at + 1 + ANSWERS.length),
      ANSWERS.map(([g, a]) => `${g} ${a.replaceAll('\u200c', ' ')}`),
    );
    // On the page: the column's heading "Svar", then one line per answer; right-to-left ones end at the column's
    // right edge, the others start at its left.
    const page = await renderPage(pdf, 1);
    const [heading, ...answers] = inkLines(page, ...ANSWER_COLUMN).slice(0, 1 + ANSWERS.length);
    const ink = answers.map((l) => inkBetween(page, l.top, l.bottom, ...ANSWER_COLUMN));
    assert.ok(Math.abs(inkBetween(page, heading.top, heading.bottom, ...ANSWER_COLUMN).left - 297.6) < 1.5);
    ANSWERS.forEach(([, answer], i) => {
      const rtl = paragraphDirection(answer) === 'rtl';
      const edge = rtl ? ink[i].right : ink[i].left;
      assert.ok(
        Math.abs(edge - ANSWER_COLUMN[rtl ? 1 : 0]) < 1.5,
        `${answer}: ${ink[i].left}–${ink[i].right}`,
      );
    });
    // docs/img/pdf-scripts.png is this page: WRITE_DOCS_IMG=1 npm test -w @stegvis/reports
    if (process.env.WRITE_DOCS_IMG)
      writeFileSync(
        join(__dirname, '../../../../docs/img/pdf-scripts.png'),
        await (await renderPage(pdf, 1, 1.5)).png(),
      );
  });
});

describe('bidi runs', () => {
  const font = (name: string, has: (cp: number) => boolean) => ({ name, hasGlyph: has });
  const latin = font('latin', (cp) => cp < 0x250);
  const arabic = font(
    'arabic',
    (cp) => (cp >= 0x600 && cp < 0x700) || (cp >= 0x30 && cp <= 0x39) || cp === 0x20,
  );
  const runs = (line: string, scripts: { arabic?: RunFont & { name: string } } = { arabic }) =>
    visualRuns(line, paragraphDirection(line), latin, scripts).map((r) => [
      r.text,
      r.shaped,
      r.level,
      (r.font as { name: string }).name,
    ]);

  it('puts the runs of a right-to-left line right to left, each in typing order for fontkit to lay out', () => {
    assert.deepEqual(runs('حضرت 12 جلسة'), [
      [' جلسة', ' جلسة', 1, 'arabic'],
      ['12', '12', 2, 'arabic'],
      ['حضرت ', 'حضرت ', 1, 'arabic'],
    ]);
  });

  it('sets a Latin word inside Arabic in the Arabic font when it has the letters, else in the base font', () => {
    assert.deepEqual(runs('في Stegvis اليوم'), [
      [' اليوم', ' اليوم', 1, 'arabic'],
      ['Stegvis', 'Stegvis', 2, 'latin'],
      ['في ', 'في ', 1, 'arabic'],
    ]);
  });

  it('keeps an Arabic phrase inside a Swedish line where it was typed', () => {
    assert.deepEqual(runs('Hej مرحبا بكم, välkomna'), [
      ['Hej ', 'Hej ', 0, 'latin'],
      ['مرحبا بكم', 'مرحبا بكم', 1, 'arabic'],
      [', välkomna', ', välkomna', 0, 'latin'],
    ]);
  });

  it('reverses and mirrors right-to-left brackets that the base font draws, since fontkit will not', () => {
    const noBrackets = font('arabic', (cp) => cp >= 0x600 && cp < 0x700);
    assert.deepEqual(runs('(مرحبا)', { arabic: noBrackets }), [
      [')', '(', 1, 'latin'],
      ['مرحبا', 'مرحبا', 1, 'arabic'],
      ['(', ')', 1, 'latin'],
    ]);
  });

  it('takes a paragraph’s direction from its first letter', () => {
    assert.equal(paragraphDirection('12 مرحبا Hej'), 'rtl');
    assert.equal(paragraphDirection('Grupp 3: مرحبا'), 'ltr');
    assert.equal(paragraphDirection('ሰላም'), 'ltr');
    assert.equal(paragraphDirection('2025'), 'ltr');
    assert.equal(paragraphDirection(`${isolate('مرحبا')} Hej`), 'ltr');
  });
});
