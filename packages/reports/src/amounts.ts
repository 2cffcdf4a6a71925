import type { ReportTable, TableCell } from './report-tables.js';

// How a table's cells read to people: on screen, in the PDF and in the DOCX. Amounts of money in Swedish format
// ("1 030 000 kr"); the machine-read files keep numbers as numbers (CSV: the unit in the heading, XLSX: a number
// format). Browser-safe: no value import from the rest of the package ('@stegvis/reports/view').

/** The units a column can carry (ReportTable.units): kronor. */
export type TableUnit = NonNullable<NonNullable<ReportTable['units']>[number]>;

/**
 * The thousands separator: a no-break space (U+00A0), the one `Intl.NumberFormat('sv-SE')` gives, so "1 030 000"
 * never breaks over two lines. Noto Sans, the PDFs' font, has its glyph (amounts.spec.ts checks both).
 */
export const THOUSANDS_SEPARATOR = '\u00a0';
/** The minus sign (U+2212) Swedish typesetting and `Intl.NumberFormat('sv-SE')` use, not the hyphen. */
export const MINUS_SIGN = '\u2212';

/**
 * An integer in Swedish format: "1 030 000", "−50 000". Written out rather than through `Intl`, which an ICU-less
 * Node or another browser may format differently; a non-integer keeps its decimals with a decimal comma.
 */
export function formatNumber(n: number): string {
  const [whole, decimals] = Math.abs(n).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, THOUSANDS_SEPARATOR);
  return `${n < 0 ? MINUS_SIGN : ''}${grouped}${decimals ? `,${decimals}` : ''}`;
}

/** An amount of kronor as people read it: "1 030 000 kr" (no-break spaces throughout). */
export function formatAmount(kronor: number): string {
  return `${formatNumber(kronor)}${THOUSANDS_SEPARATOR}kr`;
}

/** The unit of a table's column, if it has one. */
export function unitOf(table: Pick<ReportTable, 'units'>, column: number): TableUnit | null {
  return table.units?.[column] ?? null;
}

/**
 * A cell as the screen, the PDF and the DOCX print it: an amount as "1 030 000 kr", any other figure as it is
 * (counts and whole per cents), an empty cell as nothing.
 */
export function cellText(table: Pick<ReportTable, 'units'>, column: number, value: TableCell): string {
  if (value === null) return '';
  if (typeof value === 'number' && unitOf(table, column) === 'kr') return formatAmount(value);
  return String(value);
}

/**
 * Whether a column is set right-aligned, so its digits stand under each other: in a table with amounts, the amount
 * columns and every other column of figures (a number, an empty cell or the suppression mark ".." in each row).
 * Tables without amounts keep their layout. The PDF and the screen use this one rule. ('..' is report-tables'
 * SUPPRESSED_MARK, written out so this module imports no value; economy.spec.ts checks they agree.)
 */
export function alignsRight(table: Pick<ReportTable, 'rows' | 'units'>, column: number): boolean {
  if (!table.units?.some(Boolean)) return false;
  return (
    unitOf(table, column) !== null ||
    table.rows.every((r) => typeof r[column] === 'number' || r[column] === null || r[column] === '..')
  );
}

/**
 * A column's heading in a file whose cells are bare numbers (CSV): the unit in brackets, "Beviljat (kr)", so the
 * number needs no unit of its own.
 */
export function columnHeadingWithUnit(table: Pick<ReportTable, 'columns' | 'units'>, column: number): string {
  const unit = unitOf(table, column);
  return unit ? `${table.columns[column]} (${unit})` : table.columns[column];
}
