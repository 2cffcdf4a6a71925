import type ExcelJS from 'exceljs';
import { exceljs } from '../../common/lazy';
import { type ImportRecords, TEMPLATE_COLUMNS } from './import-format';

/** Excel keeps dates as dates and numbers as numbers; the import format wants the text a person would type. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  // exceljs gives a date cell as midnight UTC of the day typed (Excel has no zone): its UTC day is that day.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v).trim();
}

/**
 * The first sheet's cells, row by row, as the CSV reader would give them, each row without its empty cells at the
 * end (Excel has no row width; a value beyond the header's columns is then an error naming the row). Blank rows are
 * skipped; row numbers and the sheet's name are kept for the errors.
 */
export async function xlsxRecords(data: Buffer): Promise<ImportRecords> {
  const wb = new (exceljs().Workbook)();
  const none = { records: [], rowNumbers: [], sheet: null };
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return {
      ...none,
      errors: [
        {
          field: 'file',
          message: 'Filen är inte en Excel-arbetsbok (.xlsx).',
          code: 'file_not_xlsx',
        },
      ],
    };
  }
  const sheet = wb.worksheets[0];
  if (!sheet)
    return {
      ...none,
      errors: [
        {
          field: 'file',
          message: 'Arbetsboken har inget blad.',
          code: 'file_no_sheet',
        },
      ],
    };
  const records: string[][] = [];
  // Errors name the sheet's own row numbers, blank rows in between included, so a person finds the row in Excel.
  const rowNumbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value));
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.length) {
      records.push(cells);
      rowNumbers.push(n);
    }
  });
  return { records, rowNumbers, sheet: sheet.name, errors: [] };
}

/** The template as a workbook: the same columns and example rows as the CSV, dates typed as text. */
export async function templateXlsx(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  const ws = wb.addWorksheet('Import');
  ws.addRow([...TEMPLATE_COLUMNS]).font = { bold: true };
  for (const r of rows) ws.addRow([...r]);
  ws.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
