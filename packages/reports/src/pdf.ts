import PDFDocument from 'pdfkit';
import { chartOf, drawBarChart } from './pdf-chart.js';
import { type PdfFontFiles, useFonts } from './pdf-fonts.js';
import type { ReportTable } from './report-tables.js';

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
      const colW = width / t.columns.length;
      const row = (cells: readonly (string | number | null)[], bold: boolean) => {
        if (doc.y > doc.page.height - 72) doc.addPage();
        const y = doc.y;
        doc.font(bold ? font.bold : font.regular).fontSize(9);
        let h = 0;
        cells.forEach((c, i) => {
          const text = c === null ? '' : String(c);
          doc.text(text, 48 + i * colW, y, { width: colW - 6 });
          h = Math.max(h, doc.heightOfString(text, { width: colW - 6 }));
        });
        doc.x = 48;
        doc.y = y + h + 4;
      };
      row(t.columns, true);
      for (const r of t.rows) row(r, false);
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
