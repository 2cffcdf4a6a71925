import type { ReportTable, TableCell } from './report-tables.js';

// The chart data of a report: which tables have a chart, and each bar read from the table's own rows. The PDF
// (pdf-chart.ts) and the admin's report page draw from this one function, so a chart never shows another figure
// than its table. Browser-safe: no value import from the rest of the package ('@stegvis/reports/view').

export interface Bar {
  label: string;
  /** Per cent 0–100; null when the figure is suppressed or not yet known. */
  percent: number | null;
  /** What is printed after the bar: the figure, or the suppression mark. */
  shown: string;
  /** The figure is hidden (a small cell, ".."): there is a figure, but it is not shown, so no bar is drawn. */
  hidden: boolean;
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
export function chartOf(table: Pick<ReportTable, 'id' | 'columns' | 'rows'>): Chart | null {
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
        hidden: typeof v === 'string',
      };
    });
  const empty = bars.every((b) => b.percent === null && !b.hidden);
  return { caption: spec.caption, bars: empty ? [] : bars, absent: empty ? spec.absent : null };
}
