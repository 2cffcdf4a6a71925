import { stringify } from 'csv-stringify/sync';
import { columnHeadingWithUnit } from './amounts.js';
import type { ReportTable, TableCell } from './report-tables.js';

/**
 * CSV as Swedish Excel opens it without an import dialog: UTF-8 with a byte order mark (else å, ä, ö break),
 * semicolon between fields (comma is the decimal sign), CRLF line ends. Fields holding ; " or a line break are
 * quoted. Text starting with = + - @ (or a tab or carriage return) gets a leading ' so a spreadsheet never runs
 * it as a formula (CSV injection): names and free text in reports come from users. Numbers are written as
 * numbers — a negative figure is not a formula — with a decimal comma. Amounts too: "1030000" under the heading
 * "Beviljat (kr)", not "1 030 000 kr", which a spreadsheet or a script would read as text (CSV has no cell
 * formats, and the no-break spaces of the Swedish format stop every number parser).
 */
export const CSV_OPTIONS = {
  bom: true,
  delimiter: ';',
  record_delimiter: 'windows',
  escape_formulas: true,
  // csv-stringify quotes only the record delimiter itself (CRLF); a lone LF or CR in a field must be quoted too.
  quoted_match: /[\r\n]/,
  cast: { number: (n: number) => (Number.isInteger(n) ? String(n) : String(n).replace('.', ',')) },
} as const;

/** Rows of cells as one CSV document (with the byte order mark). */
export function toCsv(rows: readonly (readonly TableCell[])[]): string {
  if (rows.length === 0) return '\uFEFF';
  return stringify(
    rows.map((r) => [...r]),
    CSV_OPTIONS,
  );
}

/** A table's column headings, each naming its unit: "Beviljat (kr)". */
const headings = (table: ReportTable): string[] =>
  table.columns.map((_, i) => columnHeadingWithUnit(table, i));

/** One report table: its column headings, its rows, then its notes. */
export function tableToCsv(table: ReportTable): string {
  return toCsv([headings(table), ...table.rows, ...table.notes.map((n) => [n])]);
}

/**
 * Several tables in one file, as a spreadsheet user reads a report: each starts with its title on a line of its
 * own, and an empty line separates them.
 */
export function tablesToCsv(tables: readonly ReportTable[]): string {
  const rows: TableCell[][] = [];
  tables.forEach((t, i) => {
    if (i > 0) rows.push([]);
    rows.push([t.title], headings(t), ...t.rows, ...t.notes.map((n) => [n]));
  });
  return toCsv(rows);
}
