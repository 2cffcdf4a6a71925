import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeProgressReport, tableToCsv, tablesToCsv, toCsv, toReportTables } from '../src/index.js';
import { parseCsv } from './csv-parse.js';
import { REFERENCE_INTERNSHIP_GROUPS, REFERENCE_PERIOD, referenceInput } from './reference-programme.js';

describe('toCsv', () => {
  it('writes UTF-8 text with a byte order mark, semicolons and CRLF', () => {
    assert.equal(
      toCsv([
        ['Grupp', 'Närvaro (%)'],
        ['Grupp 1', 83],
      ]),
      '\uFEFFGrupp;Närvaro (%)\r\nGrupp 1;83\r\n',
    );
  });

  it('quotes fields holding a semicolon, a quote or a line break, and doubles quotes', () => {
    assert.equal(
      toCsv([['a;b', 'sa "hej"', 'rad 1\nrad 2', 'cr\rhere', 'vanlig']]),
      '\uFEFF"a;b";"sa ""hej""";"rad 1\nrad 2";"cr\rhere";vanlig\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    assert.equal(
      toCsv([['=1+1', '+46 70', '-x', '@SUM(A1)', '\tx', 'a=b']]),
      "\uFEFF'=1+1;'+46 70;'-x;'@SUM(A1);'\tx;a=b\r\n",
    );
    assert.deepEqual(parseCsv(toCsv([['=HYPERLINK("http://x";"klick")']])), [
      [`'=HYPERLINK("http://x";"klick")`],
    ]);
  });

  it('keeps numbers as numbers, a negative one too, with a decimal comma, and null as an empty field', () => {
    assert.equal(toCsv([[-2, 0, 12.5, null, '']]), '\uFEFF-2;0;12,5;;\r\n');
  });
});

describe('CSV of the reference programme', () => {
  const report = computeProgressReport(referenceInput(), REFERENCE_PERIOD, {
    internshipGroups: REFERENCE_INTERNSHIP_GROUPS,
  });
  const tables = toReportTables(report);
  const text = tablesToCsv(tables);
  const rows = parseCsv(text);
  const after = (title: string, n: number) => {
    const at = rows.findIndex((r) => r.length === 1 && r[0] === title);
    assert.ok(at >= 0, `title ${title}`);
    return rows.slice(at + 1, at + 1 + n);
  };

  it('is UTF-8 with a BOM, semicolons and CRLF only', () => {
    assert.ok(text.startsWith('\uFEFF'));
    assert.equal(text.match(/\uFEFF/g)?.length, 1);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/);
    assert.match(text, /Närvaro per grupp/);
  });

  it('reads back with the same figures as the tables', () => {
    assert.deepEqual(after('Antal inskrivna', 7).slice(5), [
      ['Grupp 5', '2021-03-15', '2021-06-11', 'Pågående', '12', '0', '0', '12'],
      ['Totalt', '', '', '', '51', '37', '2', '12'],
    ]);
    assert.deepEqual(after('Andel till arbete eller studier', 2), [
      ['Till arbete eller studier', 'Av inskrivna', 'Andel (%)'],
      ['26', '51', '51'],
    ]);
    assert.deepEqual(
      after('Närvaro per grupp', 7).map((r) => [r[0], r[4]]),
      [
        ['Grupp', 'Närvaro (%)'],
        ['Grupp 1', '83'],
        ['Grupp 2', '83'],
        ['Grupp 3', '88'],
        ['Grupp 4', '93'],
        ['Grupp 5', '90'],
        ['Totalt', '87'],
      ],
    );
    assert.deepEqual(after('Andel med praktik', 2)[1], ['Grupp 1–3', '28', '30', '93', '5']);
    assert.deepEqual(after('Praktikplatser per bransch (Grupp 1–3)', 2)[1], ['Förskola/skola', '9']);
    assert.deepEqual(after('Tydlig plan mot arbete eller studier', 2)[1], ['35', '35', '100', '75', 'Ja']);
    assert.deepEqual(after('Svarsfrekvens enkäter', 3).slice(1), [
      ['Grupp 3', '10', '10', '100'],
      ['Grupp 4', '7', '7', '100'],
    ]);
  });

  it('separates tables with an empty line and prints every table cell as the table has it', () => {
    for (const t of tables) {
      const at = rows.findIndex((r) => r.length === 1 && r[0] === t.title);
      assert.ok(at >= 0, t.title);
      if (at > 0) assert.deepEqual(rows[at - 1], ['']);
      assert.deepEqual(rows[at + 1], t.columns);
      t.rows.forEach((row, i) =>
        assert.deepEqual(
          rows[at + 2 + i],
          row.map((c) => (c === null ? '' : String(c))),
        ),
      );
    }
  });

  it('writes a single table with its headings and notes', () => {
    const t = tables.find((x) => x.id === 'work-or-studies');
    assert.ok(t);
    assert.deepEqual(parseCsv(tableToCsv(t)), [t.columns, ['26', '51', '51'], ...t.notes.map((n) => [n])]);
  });

  it('defuses a formula in a programme name', () => {
    const input = referenceInput();
    const hostile = computeProgressReport(
      { ...input, programme: { ...input.programme, name: '=cmd|"/c calc"!A1' } },
      REFERENCE_PERIOD,
    );
    const csv = parseCsv(tablesToCsv(toReportTables(hostile)));
    assert.ok(csv.some((r) => r[0] === 'Insats' && r[1] === `'=cmd|"/c calc"!A1`));
  });
});
