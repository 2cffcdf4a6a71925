import type ExcelJS from 'exceljs';
import { exceljs } from '../../common/lazy';
import { IMPORT_CODE_LISTS, type ImportRecords, TEMPLATE_COLUMNS, TEMPLATE_EXAMPLES } from './import-format';

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
        { field: 'file', message: 'Filen är inte en Excel-arbetsbok (.xlsx).', code: 'file_not_xlsx' },
      ],
    };
  }
  const sheet = wb.worksheets[0];
  if (!sheet)
    return {
      ...none,
      errors: [{ field: 'file', message: 'Arbetsboken har inget blad.', code: 'file_no_sheet' }],
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

/** The sheet the rows go in, and the sheet that explains the codes. */
export const TEMPLATE_SHEET = 'Deltagare';
export const CODES_SHEET = 'Koder';
/** How many rows of the template carry the drop-down lists. */
export const TEMPLATE_ROWS = 2000;

/** A column's letter (1 → A, 27 → AA). */
function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * The template as a workbook: the sheet "Deltagare" with every column and the example rows (dates typed as
 * text), where each coded column offers its codes as a drop-down list and refuses others; and the sheet "Koder",
 * which lists each coded column's codes with their Swedish meaning, from the same lists the import reads.
 */
export async function templateXlsx(): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  const ws = wb.addWorksheet(TEMPLATE_SHEET);
  const codes = wb.addWorksheet(CODES_SHEET);
  ws.addRow([...TEMPLATE_COLUMNS]).font = { bold: true };
  for (const r of TEMPLATE_EXAMPLES) ws.addRow([...r]);
  ws.columns.forEach((c) => (c.width = 16));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // exceljs keeps a sheet's validations by address; a range applies to every cell in it (not in its typings).
  const validations = (
    ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
  ).dataValidations;

  codes.addRow(['Kolumn', 'Kod', 'Betydelse']).font = { bold: true };
  codes.columns = [{ width: 20 }, { width: 24 }, { width: 60 }];
  for (const { column, codes: values } of IMPORT_CODE_LISTS) {
    const first = codes.rowCount + 1;
    for (const c of values) codes.addRow([column, c.typed, c.label]);
    const last = codes.rowCount;
    const letter = columnLetter(TEMPLATE_COLUMNS.indexOf(column) + 1);
    const rule: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`${CODES_SHEET}!$B$${first}:$B$${last}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Okänd kod',
      error: `Välj en av koderna för ${column} (bladet ${CODES_SHEET}).`,
    };
    validations.add(`${letter}2:${letter}${TEMPLATE_ROWS}`, rule);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
