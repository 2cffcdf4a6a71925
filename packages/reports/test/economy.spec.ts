import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { AMOUNT_NUMBER_FORMAT, renderReportDocx, renderTablesPdf, writeTablesXlsx } from '../src/files.js';
import {
  alignsRight,
  type BudgetLine,
  economyTable,
  formatAmount,
  SUPPRESSED_MARK,
  tablesToCsv,
} from '../src/index.js';
import { parseCsv } from './csv-parse.js';
import { docxXmlOf } from './docx-support.js';
import { LATIN_ONLY, linesOf } from './pdf-support.js';

/**
 * The money of "Två orter" (the two-municipality reference programme, two-municipalities.ts: Bjuv and Höganäs,
 * T3 2024 and T1 2025), invented for the purpose. Every expected figure below is worked out by hand.
 */
const TWO_TOWNS_BUDGET: BudgetLine[] = [
  { municipality: 'Höganäs', year: 2025, approved: 640_000, invoiced: [505_000, 0, 0], forecast: 640_000 },
  { municipality: 'Bjuv', year: 2024, approved: 1_030_000, invoiced: [0, 0, 412_000], forecast: 1_000_000 },
  { municipality: 'Höganäs', year: 2024, approved: 480_000, invoiced: [0, 0, 96_500], forecast: 480_000 },
  { municipality: 'Bjuv', year: 2025, approved: 250_000, invoiced: [180_000, 0, 0], forecast: 300_000 },
];

const NBSP = '\u00a0';
/** "1 030 000 kr" written with plain spaces, as a test reads; the files have no-break spaces. */
const kr = (s: string) => s.replace(/ /g, NBSP);

describe('the economy table', () => {
  const t = economyTable(TWO_TOWNS_BUDGET);

  it('has approved funds, invoiced per tertial, share invoiced, remaining and forecast per municipality and year, and the total', () => {
    assert.deepEqual(t.columns, [
      'Kommun',
      'År',
      'Beviljat',
      'Fakturerat T1',
      'Fakturerat T2',
      'Fakturerat T3',
      'Fakturerat totalt',
      'Andel fakturerat (%)',
      'Kvar',
      'Prognos',
      'Avvikelse mot beviljat',
    ]);
    assert.deepEqual(t.rows, [
      // 412 000 / 1 030 000 = 40.0 %; 1 030 000 − 412 000 = 618 000; 1 030 000 − 1 000 000 = 30 000.
      ['Bjuv', 2024, 1_030_000, 0, 0, 412_000, 412_000, 40, 618_000, 1_000_000, 30_000],
      // 96 500 / 480 000 = 20.1 %.
      ['Höganäs', 2024, 480_000, 0, 0, 96_500, 96_500, 20, 383_500, 480_000, 0],
      // 180 000 / 250 000 = 72 %; the forecast is 50 000 over the approved funds.
      ['Bjuv', 2025, 250_000, 180_000, 0, 0, 180_000, 72, 70_000, 300_000, -50_000],
      // 505 000 / 640 000 = 78.9 %.
      ['Höganäs', 2025, 640_000, 505_000, 0, 0, 505_000, 79, 135_000, 640_000, 0],
      // 1 193 500 / 2 400 000 = 49.7 %.
      ['Totalt', null, 2_400_000, 685_000, 0, 508_500, 1_193_500, 50, 1_206_500, 2_420_000, -20_000],
    ]);
    assert.deepEqual(t.units, [null, null, 'kr', 'kr', 'kr', 'kr', 'kr', null, 'kr', 'kr', 'kr']);
  });

  it('sets the columns of figures right-aligned, in a table with amounts only', () => {
    assert.deepEqual(
      t.columns.map((_, i) => alignsRight(t, i)),
      [false, true, true, true, true, true, true, true, true, true, true],
    );
    const hidden = { rows: [['Grupp 1', SUPPRESSED_MARK, 100]], units: [null, null, 'kr' as const] };
    assert.deepEqual(
      [0, 1, 2].map((i) => alignsRight(hidden, i)),
      [false, true, true],
    );
    assert.equal(alignsRight({ rows: [['Grupp 1', 12]] }, 1), false);
  });

  it('leaves the share empty when nothing is approved, and says so when no budget is registered', () => {
    const none = economyTable([
      { municipality: 'Bjuv', year: 2025, approved: 0, invoiced: [0, 0, 0], forecast: 0 },
    ]);
    assert.deepEqual(none.rows[0], ['Bjuv', 2025, 0, 0, 0, 0, 0, null, 0, 0, 0]);
    const empty = economyTable([]);
    assert.deepEqual(empty.rows, []);
    assert.deepEqual(empty.notes, ['Ingen budget är registrerad för perioden.']);
  });

  it('in the CSV: plain numbers for a machine, the unit in the heading', () => {
    const rows = parseCsv(tablesToCsv([t]));
    assert.deepEqual(rows.slice(0, 3), [
      ['Ekonomi'],
      [
        'Kommun',
        'År',
        'Beviljat (kr)',
        'Fakturerat T1 (kr)',
        'Fakturerat T2 (kr)',
        'Fakturerat T3 (kr)',
        'Fakturerat totalt (kr)',
        'Andel fakturerat (%)',
        'Kvar (kr)',
        'Prognos (kr)',
        'Avvikelse mot beviljat (kr)',
      ],
      ['Bjuv', '2024', '1030000', '0', '0', '412000', '412000', '40', '618000', '1000000', '30000'],
    ]);
    assert.deepEqual(rows[6], [
      'Totalt',
      '',
      '2400000',
      '685000',
      '0',
      '508500',
      '1193500',
      '50',
      '1206500',
      '2420000',
      '-20000',
    ]);
  });

  it('in the XLSX: numbers stay numbers, shown with the kronor format', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeTablesXlsx([t], out);
    out.end();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.equal(ws.name, 'Ekonomi');
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), t.columns);
    const bjuv = ws.getRow(2);
    assert.deepEqual((bjuv.values as unknown[]).slice(1), [
      'Bjuv',
      2024,
      1_030_000,
      0,
      0,
      412_000,
      412_000,
      40,
      618_000,
      1_000_000,
      30_000,
    ]);
    assert.equal(bjuv.getCell(3).numFmt, '#,##0 "kr"');
    assert.equal(AMOUNT_NUMBER_FORMAT, '#,##0 "kr"');
    assert.equal(bjuv.getCell(11).numFmt, '#,##0 "kr"');
    // The share is a per cent, and the name and year are no amounts.
    for (const c of [1, 2, 8]) assert.equal(bjuv.getCell(c).numFmt, undefined, `column ${c}`);
    assert.equal(ws.getRow(6).getCell(11).value, -20_000);
  });

  it('in the PDF: each row on one line, amounts as "1 030 000 kr"', async () => {
    const lines = await linesOf(await renderTablesPdf('Delrapport', [t], LATIN_ONLY));
    const at = lines.indexOf('Ekonomi');
    assert.ok(at >= 0);
    // The copied text has the no-break spaces or plain ones, as the reader likes; compare with plain spaces.
    const rows = lines.slice(at + 1).map((l) => l.replace(/\u00a0/g, ' '));
    assert.deepEqual(
      rows.filter((l) => /^(Bjuv|Höganäs|Totalt)\b/.test(l)),
      [
        'Bjuv 2024 1 030 000 kr 0 kr 0 kr 412 000 kr 412 000 kr 40 618 000 kr 1 000 000 kr 30 000 kr',
        'Höganäs 2024 480 000 kr 0 kr 0 kr 96 500 kr 96 500 kr 20 383 500 kr 480 000 kr 0 kr',
        'Bjuv 2025 250 000 kr 180 000 kr 0 kr 0 kr 180 000 kr 72 70 000 kr 300 000 kr −50 000 kr',
        'Höganäs 2025 640 000 kr 505 000 kr 0 kr 0 kr 505 000 kr 79 135 000 kr 640 000 kr 0 kr',
        'Totalt 2 400 000 kr 685 000 kr 0 kr 508 500 kr 1 193 500 kr 50 1 206 500 kr 2 420 000 kr −20 000 kr',
      ],
    );
  });

  it('in the DOCX: amounts as "1 030 000 kr" with no-break spaces, right-aligned', async () => {
    const xml = docxXmlOf(await renderReportDocx('Delrapport', [t]));
    const cells = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const bjuv = cells.indexOf('Bjuv');
    assert.deepEqual(cells.slice(bjuv, bjuv + 11), [
      'Bjuv',
      '2024',
      kr('1 030 000 kr'),
      kr('0 kr'),
      kr('0 kr'),
      kr('412 000 kr'),
      kr('412 000 kr'),
      '40',
      kr('618 000 kr'),
      kr('1 000 000 kr'),
      kr('30 000 kr'),
    ]);
    const amount = xml.split('</w:p>').find((p) => p.includes(kr('>1 030 000 kr<')))!;
    assert.match(amount, /<w:jc w:val="right"\/>/);
    const total = cells.lastIndexOf('Totalt');
    assert.equal(cells[total + 1], kr('2 400 000 kr'));
    assert.equal(cells[total + 9], kr('−20 000 kr'));
  });
});

describe('amounts in Swedish format', () => {
  it('groups thousands with a no-break space and ends in kr', () => {
    assert.equal(formatAmount(1_030_000), '1\u00a0030\u00a0000\u00a0kr');
    assert.equal(formatAmount(1_030_000).replace(/\u00a0/g, ' '), '1 030 000 kr');
    assert.equal(formatAmount(0), '0\u00a0kr');
    assert.equal(formatAmount(999), '999\u00a0kr');
    assert.equal(formatAmount(1000), '1\u00a0000\u00a0kr');
    assert.equal(formatAmount(-50_000), '\u221250\u00a0000\u00a0kr');
  });

  it('is what Intl.NumberFormat("sv-SE") writes for kronor', () => {
    const sv = new Intl.NumberFormat('sv-SE', {
      style: 'currency',
      currency: 'SEK',
      maximumFractionDigits: 0,
    });
    for (const n of [0, 7, 999, 1000, 96_500, 1_030_000, 12_345_678, -50_000])
      assert.equal(formatAmount(n), sv.format(n), String(n));
  });

  it('prints in the PDFs’ font: Noto Sans has the no-break space and the minus sign', () => {
    // pdfkit's own font engine; a missing glyph would print as an empty box.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- fontkit (pdfkit's) ships no types
    const fontkit = require('fontkit') as {
      openSync(path: string): { hasGlyphForCodePoint(c: number): boolean };
    };
    for (const file of [LATIN_ONLY.regular, LATIN_ONLY.bold]) {
      const font = fontkit.openSync(file as string);
      assert.ok(font.hasGlyphForCodePoint(0xa0), `U+00A0 in ${String(file)}`);
      assert.ok(font.hasGlyphForCodePoint(0x2212), `U+2212 in ${String(file)}`);
    }
  });
});

/** The XML of a DOCX's main document. */
