import { HELVETICA, type PdfFonts } from './pdf-fonts.js';
import type { ReportTable, TableCell } from './report-tables.js';

export interface Bar {
  label: string;
  /** Per cent 0–100; null when the figure is suppressed or not yet known. */
  percent: number | null;
  /** What is printed after the bar: the figure, or the suppression mark. */
  shown: string;
}

export interface Chart {
  caption: string;
  bars: Bar[];
  /**
   * Why there is nothing to draw (no bar has a figure, none is hidden): printed under the caption instead of empty
   * bars, so a reader never takes an empty chart for zeros. Null when there are bars to draw.
   */
  absent: string | null;
}

/** What a bar shows for an empty cell (no figure yet, e.g. no session held). */
const NO_FIGURE = '–';

/** Which tables get a chart under them, which column is drawn, and what an empty one says. */
const CHARTS: Partial<Record<ReportTable['id'], { column: string; caption: string; absent: string }>> = {
  outcomes: {
    column: 'Andel (%)',
    caption: 'Diagram: resultat, andel av inskrivna',
    absent: 'Inga inskrivna deltagare under perioden',
  },
  attendance: {
    column: 'Närvaro (%)',
    caption: 'Diagram: närvaro per grupp',
    absent: 'Ingen närvaro registrerad',
  },
};

/**
 * The bars of a table's chart, read from the table itself so the chart can never show another figure than the
 * table above it; the total row is left out. Null when the table has no chart. A chart with no figure to draw
 * (attendance not recorded, nobody enrolled) says why in `absent`; a hidden figure ("..") is a figure.
 */
export function chartOf(table: ReportTable): Chart | null {
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
        shown: typeof v === 'number' ? `${v} %` : v === null ? NO_FIGURE : String(v),
      };
    });
  const empty = bars.every((b) => b.percent === null && b.shown === NO_FIGURE);
  return { caption: spec.caption, bars: empty ? [] : bars, absent: empty ? spec.absent : null };
}

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
