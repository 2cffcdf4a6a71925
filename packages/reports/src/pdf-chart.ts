import type { Chart } from './charts.js';
import { HELVETICA, type PdfFonts } from './pdf-fonts.js';

// The chart data (which tables have a chart, the bars read from the table) is charts.ts, shared with the admin.
export { type Bar, type Chart, chartOf } from './charts.js';

/** A horizontal bar chart in PDFKit's own drawing operations: readable in print, in black and white too. */
export function drawBarChart(
  doc: PDFKit.PDFDocument,
  chart: Pick<Chart, 'caption' | 'bars'> & Partial<Pick<Chart, 'absent'>>,
  left: number,
  width: number,
  font: PdfFonts = HELVETICA,
): void {
  const rowH = 15;
  const labelW = Math.min(190, width * 0.38);
  const valueW = 44;
  const barMax = width - labelW - valueW - 8;
  if (doc.y + 24 + Math.max(1, chart.bars.length) * rowH > doc.page.height - 56) doc.addPage();
  doc.font(font.italic).fontSize(9).fillColor('#333').text(chart.caption, left, doc.y, { width });
  if (chart.absent) {
    // No axes and no empty tracks: they would read as zeros.
    doc
      .font(font.regular)
      .fontSize(8.5)
      .fillColor('black')
      .text(chart.absent, left, doc.y + 4, { width });
    doc.x = left;
    doc.y += 6;
    return;
  }
  let y = doc.y + 4;
  for (const b of chart.bars) {
    doc
      .font(font.regular)
      .fontSize(8.5)
      .fillColor('black')
      .text(b.label, left, y + 2, { width: labelW - 6, height: rowH, ellipsis: true, lineBreak: false });
    // A light track shows 100 %, so a short bar reads as a share of the whole.
    doc.rect(left + labelW, y + 2, barMax, rowH - 5).fill('#e8ecf2');
    if (b.percent !== null && b.percent > 0)
      doc.rect(left + labelW, y + 2, (barMax * Math.min(100, b.percent)) / 100, rowH - 5).fill('#1a5fb4');
    doc
      .fillColor('black')
      .font(font.regular)
      .fontSize(8.5)
      .text(b.shown, left + labelW + barMax + 6, y + 2, { width: valueW, lineBreak: false });
    y += rowH;
  }
  doc.x = left;
  doc.y = y + 6;
}
