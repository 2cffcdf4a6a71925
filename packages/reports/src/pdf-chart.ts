import { HELVETICA, type PdfFonts } from './pdf-fonts.js';
import type { ReportTable, TableCell } from './report-tables.js';

export interface Bar {
  label: string;
  /** Per cent 0–100; null when the figure is suppressed or not yet known. */
  percent: number | null;
  /** What is printed after the bar: the figure, or the suppression mark. */
  shown: string;
}

/** Which tables get a chart under them, and which column is drawn. */
const CHARTS: Partial<Record<ReportTable['id'], { column: string; caption: string }>> = {
  outcomes: { column: 'Andel (%)', caption: 'Diagram: resultat, andel av inskrivna' },
  attendance: { column: 'Närvaro (%)', caption: 'Diagram: närvaro per grupp' },
};

/**
 * The bars of a table's chart, read from the table itself so the chart can never show another figure than the
 * table above it; the total row is left out. Null when the table has no chart.
 */
export function chartOf(table: ReportTable): { caption: string; bars: Bar[] } | null {
  const spec = CHARTS[table.id];
  const col = spec ? table.columns.indexOf(spec.column) : -1;
  if (!spec || col < 0) return null;
  const bars = table.rows
    .filter((r) => r[0] !== 'Totalt')
    .map((r): Bar => {
      const v: TableCell = r[col];
      return {
        label: String(r[0] ?? ''),
        percent: typeof v === 'number' ? v : null,
        shown: typeof v === 'number' ? `${v} %` : v === null ? '–' : String(v),
      };
    });
  return bars.length ? { caption: spec.caption, bars } : null;
}

/** A horizontal bar chart in PDFKit's own drawing operations: readable in print, in black and white too. */
export function drawBarChart(
  doc: PDFKit.PDFDocument,
  chart: { caption: string; bars: Bar[] },
  left: number,
  width: number,
  font: PdfFonts = HELVETICA,
): void {
  const rowH = 15;
  const labelW = Math.min(190, width * 0.38);
  const valueW = 44;
  const barMax = width - labelW - valueW - 8;
  if (doc.y + 24 + chart.bars.length * rowH > doc.page.height - 56) doc.addPage();
  doc.font(font.italic).fontSize(9).fillColor('#333').text(chart.caption, left, doc.y, { width });
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
