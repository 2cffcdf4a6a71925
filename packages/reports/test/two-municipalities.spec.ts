import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  STAFF_ONLY_TABLE_IDS,
  computeProgressReport,
  previousTertial,
  tertialOf,
  toReportTables,
  type ReportTable,
  type ReportTableId,
} from '../src/index.js';
import { TWO_TOWNS_PERIOD, twoTownsInput } from './two-municipalities.js';

// Every expected figure below is worked out by hand from the rows in two-municipalities.ts.
// Persons: 30 enrolments, 29 persons (B14 and H15 are one woman, who moved from Bjuv's group to Höganäs's).

const report = computeProgressReport(twoTownsInput(), TWO_TOWNS_PERIOD);
const current = tertialOf(TWO_TOWNS_PERIOD.end);
const previous = previousTertial(current);
const tertialReport = (t: { start: string; end: string }) => computeProgressReport(twoTownsInput(), t);
const tables = toReportTables(report, {
  tertials: {
    previous: { tertial: previous, report: tertialReport(previous) },
    current: { tertial: current, report: tertialReport(current) },
  },
});
const table = (id: ReportTableId, from: readonly ReportTable[] = tables): ReportTable => {
  const t = from.find((x) => x.id === id);
  assert.ok(t, `table ${id}`);
  return t;
};

describe('a programme in two municipalities (Bjuv and Höganäs), both with a "Grupp 4"', () => {
  it('keeps the two groups apart and names each with its municipality', () => {
    assert.deepEqual(
      report.groups.map((g) => [g.municipality, g.number, g.enrolled, g.completed, g.leftEarly, g.active]),
      [
        ['Bjuv', 4, 15, 12, 3, 0],
        ['Höganäs', 4, 15, 14, 1, 0],
      ],
    );
    assert.deepEqual(table('report').rows.slice(2), [
      ['Grupper', 'Bjuv: Grupp 4; Höganäs: Grupp 4'],
      ['Kommuner', 'Bjuv, Höganäs'],
    ]);
    // Each group lists every enrolment (the mover is in both); the total counts her once, as her latest enrolment.
    assert.deepEqual(table('enrolled').rows, [
      ['Grupp 4, Bjuv', '2024-09-02', '2024-12-13', 'Avslutad', 15, 12, 3, 0],
      ['Grupp 4, Höganäs', '2024-11-04', '2025-02-28', 'Avslutad', 15, 14, 1, 0],
      ['Totalt', null, null, null, 29, 26, 3, 0],
    ]);
    assert.ok(table('enrolled').notes.some((n) => n.startsWith('Totalt räknar personer')));
  });

  it('counts each outcome category of the 29 persons, early leavers without an outcome on their own line', () => {
    assert.equal(report.enrolled, 29);
    assert.deepEqual(table('outcomes').rows, [
      ['Arbete', 10, 29, 34],
      ['Studier', 7, 29, 24],
      ['Planering mot arbete eller studier', 2, 29, 7],
      ['Ohälsa som hinder', 3, 29, 10],
      ['Annat', 4, 29, 14],
      ['Varken arbete, studier eller planering', 1, 29, 3],
      // B13 left early with no outcome: "Avbrott", not "Inget resultat ännu" (the mover's B14 is replaced by H15).
      ['Avbrott utan registrerat resultat', 1, 29, 3],
      // H13 completed and has no outcome yet.
      ['Inget resultat ännu', 1, 29, 3],
      ['Totalt', 29, 29, 100],
    ]);
  });

  it('prints every detail code under its category, per municipality and in total, with the uncoded ones', () => {
    const t = table('outcome-details');
    assert.deepEqual(t.columns, ['Resultat', 'Bjuv', 'Höganäs', 'Antal', 'Andel av inskrivna (%)']);
    assert.deepEqual(t.rows, [
      ['Arbete', 5, 5, 10, 34],
      ['Arbete – varav osubventionerad anställning', 1, 0, 1, 3],
      ['Arbete – varav introduktionsjobb', 2, 1, 3, 10],
      ['Arbete – varav extratjänst', 1, 0, 1, 3],
      ['Arbete – varav nystartsjobb', 0, 1, 1, 3],
      ['Arbete – varav lönebidrag', 0, 1, 1, 3],
      ['Arbete – varav timanställning eller behovsanställning', 1, 0, 1, 3],
      ['Arbete – varav säsongsarbete', 0, 1, 1, 3],
      ['Arbete – varav okodad', 0, 1, 1, 3],
      ['Studier', 3, 4, 7, 24],
      ['Studier – varav SFI', 1, 0, 1, 3],
      ['Studier – varav GRUV (grundläggande vuxenutbildning)', 1, 0, 1, 3],
      ['Studier – varav yrkesutbildning', 1, 0, 1, 3],
      ['Studier – varav arbetsmarknadsutbildning', 0, 1, 1, 3],
      ['Studier – varav folkhögskola', 0, 1, 1, 3],
      ['Studier – varav svenska som andraspråk 1–3', 0, 1, 1, 3],
      ['Studier – varav okodad', 0, 1, 1, 3],
      ['Planering mot arbete eller studier', 1, 1, 2, 7],
      ['Planering mot arbete eller studier – varav tydlig plan mot arbete eller studier', 1, 0, 1, 3],
      ['Planering mot arbete eller studier – varav arbetsprövning', 0, 1, 1, 3],
      ['Ohälsa som hinder', 1, 2, 3, 10],
      ['Ohälsa som hinder – varav utredning av arbetsförmåga', 0, 1, 1, 3],
      ['Ohälsa som hinder – varav vårdkontakt', 1, 0, 1, 3],
      ['Ohälsa som hinder – varav samordnad rehabilitering', 0, 1, 1, 3],
      ['Annat', 2, 2, 4, 14],
      ['Annat – varav föräldraledighet', 1, 0, 1, 3],
      ['Annat – varav flyttat från orten', 0, 1, 1, 3],
      ['Annat – varav annan insats', 0, 1, 1, 3],
      ['Annat – varav slutade direkt för ett arbete (räknas inte som resultat)', 1, 0, 1, 3],
      ['Varken arbete, studier eller planering', 1, 0, 1, 3],
      ['Avbrott utan registrerat resultat', 1, 0, 1, 3],
      ['Inget resultat ännu', 0, 1, 1, 3],
      ['Totalt', 14, 15, 29, 100],
    ]);
  });

  it('gives the standard figures per municipality and in total', () => {
    // Bjuv 14 persons: work 5, studies 3 → 8 (57 %); neither = 12 who stayed − 8 = 4 (29 %).
    // Höganäs 15: work 5, studies 4 → 9 (60 %); neither = 14 − 9 = 5 (33 %).
    // Attendance: Bjuv 458 of 512 (89 %), Höganäs 490 of 572 (86 %), in all 948 of 1084 (87 %).
    assert.deepEqual(table('by-municipality').rows, [
      ['Bjuv', 14, 12, 2, 0, 5, 3, 8, 57, 4, 29, 89],
      ['Höganäs', 15, 14, 1, 0, 5, 4, 9, 60, 5, 33, 86],
      ['Totalt', 29, 26, 3, 0, 10, 7, 17, 59, 9, 31, 87],
    ]);
    assert.deepEqual(report.total.toWork, { count: 10, of: 29, percent: 34 });
    assert.deepEqual(report.total.toStudies, { count: 7, of: 29, percent: 24 });
    assert.deepEqual(report.toWorkOrStudies, { count: 17, of: 29, percent: 59 });
    assert.deepEqual(report.neitherWorkNorStudies, { count: 9, of: 29, percent: 31 });
    assert.deepEqual(
      report.municipalities.map((m) => [m.municipality, m.attendance]),
      [
        ['Bjuv', { count: 458, of: 512, percent: 89 }],
        ['Höganäs', { count: 490, of: 572, percent: 86 }],
      ],
    );
  });

  it('has an outcome table per group, with each municipality’s total and the programme’s', () => {
    assert.deepEqual(table('outcomes-by-group').rows, [
      // Bjuv's group: B13 and B14 left without an outcome.
      ['Grupp 4, Bjuv', 15, 5, 3, 1, 1, 2, 1, 2, 0, 8, 53],
      ['Totalt Bjuv', 14, 5, 3, 1, 1, 2, 1, 1, 0, 8, 57],
      ['Grupp 4, Höganäs', 15, 5, 4, 1, 2, 2, 0, 0, 1, 9, 60],
      ['Totalt Höganäs', 15, 5, 4, 1, 2, 2, 0, 0, 1, 9, 60],
      ['Totalt', 29, 10, 7, 2, 3, 4, 1, 1, 1, 17, 59],
    ]);
  });

  it('counts early leavers by reason, never as "no result yet"', () => {
    assert.deepEqual(table('early-leavers').rows, [
      ['Personliga skäl', 1, 0, 1],
      ['Flyttat', 0, 1, 1],
      ['Fick arbete', 1, 0, 1],
      ['Totalt', 2, 1, 3],
    ]);
  });

  it('shows the follow-ups dated in the period: Bjuv’s group at 3 months', () => {
    // B01, B02, B03, B09 at work, B06 studying, B10 health: 5 of 6 at work or studies. B01's 6-month follow-up
    // (2025-06-13) and H01's 3-month one (2025-05-28) come after the period.
    assert.deepEqual(table('follow-ups').rows, [
      ['3 månader efter avslut', 'Bjuv', 6, 4, 1, 0, 1, 0, 0, 5, 83],
      ['3 månader efter avslut', 'Höganäs', 0, 0, 0, 0, 0, 0, 0, 0, null],
      ['3 månader efter avslut', 'Totalt', 6, 4, 1, 0, 1, 0, 0, 5, 83],
    ]);
    const summer = computeProgressReport(twoTownsInput(), { start: '2024-09-01', end: '2025-08-31' });
    assert.deepEqual(
      summer.followUps.map((f) => [f.months, f.municipality, f.followed, f.toWorkOrStudies.percent]),
      [
        [3, 'Bjuv', 6, 83],
        [3, 'Höganäs', 1, 100],
        [3, null, 7, 86],
        [6, 'Bjuv', 1, 100],
        [6, 'Höganäs', 0, null],
        [6, null, 1, 100],
      ],
    );
  });

  it('sets this tertial (T1 2025) beside the previous one (T3 2024)', () => {
    assert.deepEqual(
      [previous, current],
      [
        { year: 2024, index: 3, start: '2024-09-01', end: '2024-12-31' },
        { year: 2025, index: 1, start: '2025-01-01', end: '2025-04-30' },
      ],
    );
    const t = table('tertials');
    assert.deepEqual(t.columns, [
      'Nyckeltal',
      'T3 2024 (2024-09-01 – 2024-12-31)',
      'T1 2025 (2025-01-01 – 2025-04-30)',
    ]);
    // T3 2024: all 29 persons; at 31 December Bjuv's group had ended (12 completed, B12 and B13 left) and H14 had
    // left Höganäs's group, whose 14 others were still active; only Bjuv's outcomes and H14's were recorded.
    // T1 2025: Höganäs's group only, without H14 (who left in December): 14 persons, all completed; H13 has no
    // outcome yet. Attendance is the participants' own (the person-level input has it to the report's end);
    // internships: T3 5 of 14 who had one or completed (36 %), T1 2 of 14 (14 %).
    assert.deepEqual(t.rows, [
      ['Inskrivna', 29, 14],
      ['Fullföljt', 12, 14],
      ['Avbrott', 3, 0],
      ['Pågående', 14, 0],
      ['Till arbete', 5, 5],
      ['Till studier', 3, 4],
      ['Till arbete eller studier', 8, 9],
      ['Andel till arbete eller studier (%)', 28, 64],
      ['Varken arbete eller studier', 18, 5],
      ['Andel varken arbete eller studier (%)', 62, 36],
      ['Närvaro (%)', 87, 86],
      ['Andel med praktik (%)', 36, 14],
    ]);
  });

  it('meets the clear-plan goal with 19 of the 23 completers without a health obstacle', () => {
    assert.deepEqual(report.clearPlanGoal, { count: 19, of: 23, percent: 83, target: 75, met: true });
  });

  it('keeps attendance, internships and surveys per group, named with the municipality', () => {
    // Attendance and internships count enrolments (the mover in both groups); each municipality has its total.
    assert.deepEqual(table('attendance').rows, [
      ['Grupp 4, Bjuv', 15, 458, 512, 89, 14, 93],
      ['Totalt Bjuv', 15, 458, 512, 89, 14, 93],
      ['Grupp 4, Höganäs', 15, 490, 572, 86, 15, 100],
      ['Totalt Höganäs', 15, 490, 572, 86, 15, 100],
      ['Totalt', 30, 948, 1084, 87, 29, 97],
    ]);
    assert.deepEqual(table('internships-by-group').rows, [
      ['Grupp 4, Bjuv', 3, 12, 25, 3, 1],
      ['Totalt Bjuv', 3, 12, 25, 3, 1],
      ['Grupp 4, Höganäs', 2, 14, 14, 2, 1],
      ['Totalt Höganäs', 2, 14, 14, 2, 1],
      ['Totalt', 5, 26, 19, 5, 2],
    ]);
    assert.deepEqual(table('surveys').rows, [
      ['Grupp 4, Bjuv', 10, 12, 83],
      ['Grupp 4, Höganäs', 12, 14, 86],
    ]);
  });

  it('leaves the breakdown tables out for aggregate-only roles until the disclosure engine covers them', () => {
    const hidden = toReportTables(report, { smallCellThreshold: 5 });
    assert.deepEqual(
      hidden.filter((t) => STAFF_ONLY_TABLE_IDS.includes(t.id)).map((t) => t.id),
      [],
    );
    // 3 and 1 early leavers are small; the completers beside them are hidden too, and the persons' total shows.
    assert.deepEqual(table('enrolled', hidden).rows, [
      ['Grupp 4, Bjuv', '2024-09-02', '2024-12-13', 'Avslutad', 15, '..', '..', 0],
      ['Grupp 4, Höganäs', '2024-11-04', '2025-02-28', 'Avslutad', 15, '..', '..', 0],
      ['Totalt', null, null, null, 29, '..', '..', 0],
    ]);
  });

  it('refuses the same group number twice in one municipality', () => {
    const input = twoTownsInput();
    assert.throws(
      () =>
        computeProgressReport(
          {
            ...input,
            groups: [...input.groups, { ...input.groups[0]!, start: '2025-03-03', end: '2025-05-30' }],
          },
          TWO_TOWNS_PERIOD,
        ),
      /Group 4 \(Bjuv\) appears twice/,
    );
  });
});
