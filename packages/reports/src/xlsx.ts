import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ReportTable } from './report-tables.js';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string, used: Set<string>): string {
  let base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28).trim() || 'Tabell';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 25)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * The report's tables as an XLSX workbook, a sheet per table, streamed to `out` row by row (exceljs's streaming
 * writer), so a large export never sits whole in memory.
 */
export async function writeTablesXlsx(tables: readonly ReportTable[], out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Stegvis';
  const used = new Set<string>();
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.title, used));
    ws.columns = t.columns.map((c) => ({ header: c, key: c, width: Math.max(12, Math.min(50, c.length + 4)) }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const r of t.rows) ws.addRow(r as (string | number | null)[]).commit();
    for (const n of t.notes) ws.addRow([n]).commit();
    ws.commit();
  }
  await wb.commit();
}
