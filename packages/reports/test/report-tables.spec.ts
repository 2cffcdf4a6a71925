import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  REPORT_TABLE_IDS,
  SUPPRESSED_MARK,
  computeProgressReport,
  toReportTables,
  type ReportTable,
  type ReportTableId,
} from '../src/index.js';
import { REFERENCE_INTERNSHIP_GROUPS, REFERENCE_PERIOD, referenceInput } from './reference-programme.js';

const report = computeProgressReport(referenceInput(), REFERENCE_PERIOD, {
  internshipGroups: REFERENCE_INTERNSHIP_GROUPS,
});
const tables = toReportTables(report);
const table = (id: ReportTableId, from: readonly ReportTable[] = tables): ReportTable => {
  const t = from.find((x) => x.id === id);
  assert.ok(t, `table ${id}`);
  return t;
};

describe('report tables of the reference programme', () => {
  it('has one table per id, in order, each row as wide as its headings', () => {
    // The tertial table needs the two tertials' reports (TertialComparison); without them it is left out.
    assert.deepEqual(
      tables.map((t) => t.id),
      REPORT_TABLE_IDS.filter((id) => id !== 'tertials'),
    );
    for (const t of tables)
      for (const row of t.rows) assert.equal(row.length, t.columns.length, `${t.id}: ${JSON.stringify(row)}`);
  });

  it('counts the enrolled per group', () => {
    const t = table('enrolled');
    assert.equal(t.title, 'Antal inskrivna');
    assert.deepEqual(t.columns, [
      'Grupp',
      'Start',
      'Slut',
      'Status',
      'Inskrivna',
      'Fullföljt',
      'Avslutat i förtid',
      'Pågående',
    ]);
    assert.deepEqual(t.rows, [
      ['Grupp 1', '2019-09-23', '2019-12-20', 'Avslutad', 10, 10, 0, 0],
      ['Grupp 2', '2020-01-20', '2020-04-17', 'Avslutad', 10, 10, 0, 0],
      ['Grupp 3', '2020-08-17', '2020-11-13', 'Avslutad', 10, 10, 0, 0],
      ['Grupp 4', '2020-11-23', '2021-02-26', 'Avslutad', 9, 7, 2, 0],
      ['Grupp 5', '2021-03-15', '2021-06-11', 'Pågående', 12, 0, 0, 12],
      ['Totalt', null, null, null, 51, 37, 2, 12],
    ]);
  });

  it('shows outcomes and the share to work or studies with numerator and denominator', () => {
    assert.deepEqual(table('outcomes').rows, [
      ['Arbete', 11, 51, 22],
      ['Studier', 15, 51, 29],
      ['Planering mot arbete eller studier', 9, 51, 18],
      ['Ohälsa som hinder', 2, 51, 4],
      ['Annat', 2, 51, 4],
      ['Varken arbete, studier eller planering', 0, 51, 0],
      // Group 4's two early leavers have an outcome (other), so they count under it and this line is 0.
      ['Avbrott utan registrerat resultat', 0, 51, 0],
      ['Inget resultat ännu', 12, 51, 24],
      ['Totalt', 51, 51, 100],
    ]);
    const ws = table('work-or-studies');
    assert.equal(ws.title, 'Andel till arbete eller studier');
    assert.deepEqual(ws.columns, ['Till arbete eller studier', 'Av inskrivna', 'Andel (%)']);
    assert.deepEqual(ws.rows, [[26, 51, 51]]);
  });

  it('breaks enrolled and outcomes down by gender', () => {
    assert.deepEqual(table('by-gender').rows, [
      ['Kvinnor', 30, 7, 8, 5, 2, 1, 0, 0, 7, 15, 50],
      ['Män', 21, 4, 7, 4, 0, 1, 0, 0, 5, 11, 52],
      ['Annat', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null],
      ['Totalt', 51, 11, 15, 9, 2, 2, 0, 0, 12, 26, 51],
    ]);
  });

  it('shows attendance per group and overall', () => {
    const t = table('attendance');
    assert.equal(t.title, 'Närvaro per grupp');
    assert.deepEqual(t.rows, [
      ['Grupp 1', 10, 257, 310, 83, 10, 100],
      ['Grupp 2', 10, 258, 310, 83, 10, 100],
      ['Grupp 3', 10, 273, 310, 88, 10, 100],
      ['Grupp 4', 9, 222, 239, 93, 9, 100],
      ['Grupp 5', 12, 130, 144, 90, 12, 100],
      ['Totalt', 51, 1140, 1313, 87, 51, 100],
    ]);
  });

  it('shows internships for groups 1–3, per group and per industry', () => {
    assert.deepEqual(table('internships').rows, [['Grupp 1–3', 28, 30, 93, 5]]);
    assert.deepEqual(table('internships-by-group').rows, [
      ['Grupp 1', 9, 10, 90, 9, 3],
      ['Grupp 2', 10, 10, 100, 10, 2],
      ['Grupp 3', 9, 10, 90, 9, 0],
      ['Grupp 4', 4, 7, 57, 4, 0],
      ['Grupp 5', 0, 0, null, 0, 0],
      ['Totalt', 32, 37, 86, 32, 5],
    ]);
    const industries = table('internship-industries');
    assert.equal(industries.title, 'Praktikplatser per bransch (Grupp 1–3)');
    assert.deepEqual(industries.rows, [
      ['Förskola/skola', 9],
      ['Butik/handel', 5],
      ['Vård/omsorg', 5],
      ['Bageri/café', 3],
      ['Produktion/lager', 3],
      ['Hotell/restaurang', 1],
      ['Frisör/skönhet', 1],
      ['Språkcafé', 1],
      ['Totalt', 28],
    ]);
  });

  it('shows the clear-plan goal, survey response and goal fulfilment', () => {
    assert.deepEqual(table('clear-plan').rows, [[35, 35, 100, 75, 'Ja']]);
    assert.deepEqual(table('surveys').rows, [
      ['Grupp 3', 10, 10, 100],
      ['Grupp 4', 7, 7, 100],
    ]);
    assert.deepEqual(table('goals').rows, [
      ['Närvaro (tillfällen)', 80, 1140, 1313, 87, 'Ja'],
      ['Tydlig plan mot arbete eller studier', 75, 35, 35, 100, 'Ja'],
    ]);
  });

  it('hides nothing and says nothing about hiding for staff', () => {
    assert.ok(tables.every((t) => t.rows.every((r) => !r.includes(SUPPRESSED_MARK))));
    assert.ok(tables.every((t) => t.notes.every((n) => !n.startsWith(SUPPRESSED_MARK))));
  });
});

describe('report tables with small cells suppressed (k = 5)', () => {
  const hidden = toReportTables(report, { smallCellThreshold: 5 });
  const H = SUPPRESSED_MARK;

  it('refuses a threshold below 3', () => {
    assert.throws(() => toReportTables(report, { smallCellThreshold: 2 }), RangeError);
  });

  it('hides group 4’s two early leavers, and the completers beside them', () => {
    assert.deepEqual(table('enrolled', hidden).rows.slice(3), [
      ['Grupp 4', '2020-11-23', '2021-02-26', 'Avslutad', 9, H, H, 0],
      ['Grupp 5', '2021-03-15', '2021-06-11', 'Pågående', 12, 0, 0, 12],
      ['Totalt', null, null, null, 51, H, H, 12],
    ]);
  });

  it('keeps outcomes of five or more, and the share to work or studies, and hides what would betray a small cell', () => {
    assert.deepEqual(table('outcomes', hidden).rows, [
      ['Arbete', 11, 51, 22],
      ['Studier', 15, 51, 29],
      ['Planering mot arbete eller studier', H, 51, H],
      ['Ohälsa som hinder', H, 51, H],
      ['Annat', H, 51, H],
      ['Varken arbete, studier eller planering', 0, 51, 0],
      ['Avbrott utan registrerat resultat', 0, 51, 0],
      ['Inget resultat ännu', 12, 51, 24],
      ['Totalt', 51, 51, 100],
    ]);
    assert.deepEqual(table('work-or-studies', hidden).rows, [[26, 51, 51]]);
    // Work + studies per gender would single out the hidden work cells.
    assert.deepEqual(table('by-gender', hidden).rows, [
      ['Kvinnor', 30, H, 8, H, H, H, 0, 0, 7, H, H],
      ['Män', 21, H, 7, H, 0, H, 0, 0, 5, H, H],
      ['Annat', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null],
      ['Totalt', 51, 11, 15, H, H, H, 0, 0, 12, 26, 51],
    ]);
  });

  it('does not show 28 for groups 1–3 when the total of 32 would give group 4’s 4 away', () => {
    assert.deepEqual(table('internships', hidden).rows, [['Grupp 1–3', H, 30, H, 5]]);
    assert.deepEqual(table('internship-industries', hidden).rows.slice(-6), [
      ['Bageri/café', H],
      ['Produktion/lager', H],
      ['Hotell/restaurang', H],
      ['Frisör/skönhet', H],
      ['Språkcafé', H],
      ['Totalt', H],
    ]);
  });

  it('keeps the group sizes of the enrolled table in every table that splits them', () => {
    // Group 4: 4 with an internship, 3 without, 2 left before the internship weeks. Showing "7 stayed" beside
    // 9 enrolled would tell that 2 left, which the enrolled table hides.
    assert.deepEqual(table('internships-by-group', hidden).rows, [
      ['Grupp 1', H, 10, H, H, H],
      ['Grupp 2', 10, 10, 100, 10, H],
      ['Grupp 3', H, 10, H, 9, 0],
      ['Grupp 4', H, H, H, H, 0],
      ['Grupp 5', 0, 0, null, 0, 0],
      ['Totalt', 32, H, H, 32, 5],
    ]);
    // Likewise "7 asked" beside 9 enrolled.
    assert.deepEqual(table('surveys', hidden).rows, [
      ['Grupp 3', 10, 10, 100],
      ['Grupp 4', H, H, H],
    ]);
    assert.deepEqual(table('attendance', hidden).rows, table('attendance').rows);
    assert.deepEqual(table('clear-plan', hidden).rows, [[35, 35, 100, 75, 'Ja']]);
  });

  it('explains the mark wherever something is hidden', () => {
    for (const t of hidden) {
      const hides = t.rows.some((r) => r.includes(H));
      assert.equal(
        t.notes.some((n) => n.startsWith(`${H} = `)),
        hides,
        t.id,
      );
    }
  });

  it('shows every remaining count of people as 0 or at least 5', () => {
    const personCounts: [ReportTableId, number[]][] = [
      ['enrolled', [4, 5, 6, 7]],
      ['outcomes', [1]],
      ['by-gender', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
      ['attendance', [1, 5]],
      ['internships', [1, 2, 4]],
      ['internships-by-group', [1, 2, 4, 5]],
      ['internship-industries', [1]],
      ['surveys', [1, 2]],
    ];
    for (const [id, columns] of personCounts) {
      for (const row of table(id, hidden).rows) {
        for (const c of columns) {
          const v = row[c];
          assert.ok(
            v === H || v === 0 || (typeof v === 'number' && v >= 5),
            `${id} ${JSON.stringify(row)} column ${c}`,
          );
        }
      }
    }
  });
});

describe('report tables of a period without groups', () => {
  it('prints empty tables rather than failing, with or without suppression', () => {
    const empty = computeProgressReport(referenceInput(), { start: '2019-01-01', end: '2019-06-30' });
    for (const options of [{}, { smallCellThreshold: 5 }]) {
      const t = toReportTables(empty, options);
      assert.deepEqual(table('report', t).rows[2], ['Grupper', 'Inga grupper']);
      for (const x of t)
        for (const row of x.rows)
          assert.equal(row.length, x.columns.length, `${x.id}: ${JSON.stringify(row)}`);
      assert.deepEqual(table('enrolled', t).rows, [['Totalt', null, null, null, 0, 0, 0, 0]]);
      assert.deepEqual(table('attendance', t).rows, [['Totalt', 0, 0, 0, null, 0, null]]);
      assert.deepEqual(table('work-or-studies', t).rows, [[0, 0, null]]);
      assert.deepEqual(table('internships', t).rows, [['Inga grupper', 0, 0, null, 0]]);
    }
  });
});
