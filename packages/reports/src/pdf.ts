import PDFDocument from 'pdfkit';
import { alignsRight, cellText } from './amounts.js';
import { chartOf } from './charts.js';
import { drawBarChart } from './pdf-chart.js';
import { type PdfFontFiles, type PdfFonts, useFonts } from './pdf-fonts.js';
import type { ReportTable } from './report-tables.js';

/** Room between two columns, in points. */
const GAP = 6;
/** The cell font sizes a table is tried at, largest first, until its longest words fit their columns. */
const CELL_SIZES = [9, 8, 7];

/**
 * Column widths (and the font size) for a table: equal columns, as long as every column's longest word fits its
 * share; otherwise widths after the content, so that an amount such as "1 030 000 kr" (no-break spaces: it cannot
 * wrap) keeps one line, at 8 or 7 pt when even that is too wide.
 */
function layout(
  doc: PDFKit.PDFDocument,
  font: PdfFonts,
  header: readonly string[],
  body: readonly (readonly string[])[],
  width: number,
): { size: number; widths: number[] } {
  const n = header.length;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  for (const size of CELL_SIZES) {
    const measure = (text: string, bold: boolean, words: boolean) => {
      doc.font(bold ? font.bold : font.regular).fontSize(size);
      const parts = words ? text.split(/[ \t\r\n]+/) : text.split('\n');
      return Math.max(0, ...parts.map((p) => doc.widthOfString(p))) + GAP;
    };
    const widest = (words: boolean) =>
      header.map((h, i) =>
        Math.max(measure(h, true, words), ...body.map((r) => measure(r[i] ?? '', false, words))),
      );
    const min = widest(true);
    if (size === CELL_SIZES[0] && min.every((m) => m <= width / n))
      return { size, widths: Array<number>(n).fill(width / n) };
    if (sum(min) > width && size !== CELL_SIZES[CELL_SIZES.length - 1]) continue;
    const natural = widest(false).map((w, i) => Math.max(w, min[i]));
    if (sum(natural) <= width) return { size, widths: natural.map((w) => w + (width - sum(natural)) / n) };
    const spare = Math.max(0, width - sum(min));
    const wants = sum(natural.map((w, i) => w - min[i]));
    const widths = min.map((m, i) => m + (wants ? (spare * (natural[i] - m)) / wants : spare / n));
    const scale = Math.min(1, width / sum(widths));
    return { size, widths: widths.map((w) => w * scale) };
  }
  return { size: CELL_SIZES[0], widths: Array<number>(n).fill(width / n) };
}

/**
 * The report's tables as a Swedish PDF, with a bar chart under the tables that have one (pdf-chart.ts), in the
 * fonts given (pdf-fonts.ts).
 */
export function renderTablesPdf(
  title: string,
  tables: readonly ReportTable[],
  fontFiles?: PdfFontFiles,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: title, Producer: 'Stegvis' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const font = useFonts(doc, fontFiles);
    doc.fontSize(20).text(title).moveDown();
    const width = doc.page.width - 96;
    for (const t of tables) {
      if (doc.y > doc.page.height - 160) doc.addPage();
      doc.fontSize(13).font(font.bold).text(t.title).moveDown(0.3);
      // Amounts as "1 030 000 kr" (amounts.ts); every other cell as it is.
      const body = t.rows.map((r) => r.map((c, i) => cellText(t, i, c)));
      const { size, widths } = layout(doc, font, t.columns, body, width);
      // In a table with amounts, the columns of figures are right-aligned (amounts.ts).
      const right = t.columns.map((_, i) => alignsRight(t, i));
      const row = (cells: readonly string[], bold: boolean) => {
        if (doc.y > doc.page.height - 72) doc.addPage();
        const y = doc.y;
        doc.font(bold ? font.bold : font.regular).fontSize(size);
        let h = 0;
        let x = 48;
        cells.forEach((text, i) => {
          // No align for the others: pdf-text.ts sets a right-to-left paragraph at the right of its cell.
          const options = right[i]
            ? { width: widths[i] - GAP, align: 'right' as const }
            : { width: widths[i] - GAP };
          doc.text(text, x, y, options);
          h = Math.max(h, doc.heightOfString(text, options));
          x += widths[i];
        });
        doc.x = 48;
        doc.y = y + h + 4;
      };
      row(t.columns, true);
      for (const r of body) row(r, false);
      doc.font(font.regular).fontSize(8);
      for (const n of t.notes) doc.text(n, 48, doc.y, { width });
      const chart = chartOf(t);
      if (chart) {
        doc.moveDown(0.5);
        drawBarChart(doc, chart, 48, width, font);
      }
      doc.moveDown();
    }
    doc.end();
  });
}
