import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { unitOf } from './amounts.js';
import type { ReportTable } from './report-tables.js';

/**
 * The number format of an amount column: whole kronor with a thousands separator, shown as the reader's Excel
 * groups digits (Swedish Excel: "1 030 000 kr"). The cell stays a number a formula can sum.
 */
export const AMOUNT_NUMBER_FORMAT = '#,##0 "kr"';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string, used: Set<string>): string {
  const base =
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 28)
      .trim() || 'Tabell';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 25)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** Rows added between two turns of the event loop; about 100 KB of sheet XML. */
const ROWS_PER_TURN = 1000;

/**
 * The report's tables as an XLSX workbook, a sheet per table, streamed to `out` row by row (exceljs's streaming
 * writer), so a large export never sits whole in memory.
 *
 * exceljs zips on the event loop (archiver), so rows added in one synchronous loop would reach `out` only after
 * the last one: the first byte would wait for the whole sheet. The writer lets the zip start before the first row
 * and catch up every `ROWS_PER_TURN` rows, and while `out` is full (a slow client) it waits for it to drain, so
 * memory stays bounded too.
 */
export async function writeTablesXlsx(tables: readonly ReportTable[], out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Stegvis';
  const used = new Set<string>();
  // The workbook's fixed parts (theme, relations) are queued already: the zip starts on its way before any row.
  await turn(out);
  let sinceTurn = 0;
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.title, used));
    const amounts = t.columns.flatMap((_, i) => (unitOf(t, i) === 'kr' ? [i + 1] : []));
    ws.columns = t.columns.map((c, i) => ({
      header: c,
      key: c,
      // "1 030 000 kr" needs 13 characters.
      width: Math.max(amounts.includes(i + 1) ? 15 : 12, Math.min(50, c.length + 4)),
    }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const r of t.rows) {
      const row = ws.addRow(r);
      for (const i of amounts) if (typeof r[i - 1] === 'number') row.getCell(i).numFmt = AMOUNT_NUMBER_FORMAT;
      row.commit();
      if (++sinceTurn === ROWS_PER_TURN) {
        sinceTurn = 0;
        await turn(out);
        // Nobody is reading any more (the client went away): stop instead of zipping into the void.
        if (out.destroyed) return;
      }
    }
    for (const n of t.notes) ws.addRow([n]).commit();
    ws.commit();
  }
  await wb.commit();
}

/** One turn of the event loop, or until `out` drains when it is full. */
function turn(out: Writable): Promise<void> {
  if (!out.writableNeedDrain) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    out.on('drain', done).on('close', done).on('error', done);
  });
}
