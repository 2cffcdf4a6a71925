import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  SUPPRESSED_MARK as H,
  buildDisclosureModel,
  computeProgressReport,
  fixedPeriods,
  toReportTables,
  viewOf,
  type ReportTable,
} from '../src/index.js';
import { decideDisclosure, isSafeInterval } from '../src/disclosure-audit.js';
import { audienceTables, reportInputFor } from './disclosure-support.js';
import { twoTownsProgramme } from './two-municipalities.js';

// The two-town programme (two-municipalities.ts) as each audience sees it for the whole programme. Staff and the
// programme lead see every figure; the steering group, evaluators and the admin (one audience, k = 5) see the
// published counts with the health cells below k hidden, and the cells that would give those away. Every figure
// below is written out by hand from the rows; the comments say why each hidden cell is hidden.
//
// Whole programme: 29 persons (B14 moved from Bjuv's group to Höganäs's as H15: her group rows list both
// enrolments, totals count her once). Health outcomes: Bjuv 1 (B10), Höganäs 2 (H11, H12), in all 3 < 5.

const p = twoTownsProgramme();
const model = buildDisclosureModel(p);
const whole = fixedPeriods(p).find((x) => x.id === 'whole')!;
const byId = (tables: readonly ReportTable[], id: string) => {
  const t = tables.find((x) => x.id === id);
  assert.ok(t, id);
  return t.rows;
};

describe('the two-town programme, audience by audience', async () => {
  const decision = await decideDisclosure(model, { k: 5 });
  const { tables, ledger } = audienceTables(p, whole, viewOf(decision, model));
  const evaluator = (id: string) => byId(tables, id);
  const staff = (id: string) =>
    byId(toReportTables(computeProgressReport(reportInputFor(p, whole), whole)), id);

  it('is audited with the mover in it, and proves every hidden health cell at least k wide', () => {
    assert.deepEqual(model.unsupported, []);
    assert.equal(decision.status, 'audited');
    assert.ok(decision.intervals.length > 0);
    for (const iv of decision.intervals)
      assert.ok(isSafeInterval(iv.lo, iv.hi, iv.bound, 5), `${iv.key}: [${iv.lo}, ${iv.hi}]`);
    assert.deepEqual(ledger.unregistered, []);
    assert.deepEqual(ledger.inconsistent, []);
  });

  it('outcomes: staff see all; the others see all but health and the one cell that would give it away', () => {
    assert.deepEqual(staff('outcomes'), [
      ['Arbete', 10, 29, 34],
      ['Studier', 7, 29, 24],
      ['Planering mot arbete eller studier', 2, 29, 7],
      ['Ohälsa som hinder', 3, 29, 10],
      ['Annat', 4, 29, 14],
      ['Varken arbete, studier eller planering', 1, 29, 3],
      ['Avbrott utan registrerat resultat', 1, 29, 3],
      ['Inget resultat ännu', 1, 29, 3],
      ['Totalt', 29, 29, 100],
    ]);
    // Health (3) is below k. "No result yet" (1) is hidden with it: 29 minus every other line would give health.
    assert.deepEqual(evaluator('outcomes'), [
      ['Arbete', 10, 29, 34],
      ['Studier', 7, 29, 24],
      ['Planering mot arbete eller studier', 2, 29, 7],
      ['Ohälsa som hinder', H, 29, H],
      ['Annat', 4, 29, 14],
      ['Varken arbete, studier eller planering', 1, 29, 3],
      ['Avbrott utan registrerat resultat', 1, 29, 3],
      ['Inget resultat ännu', H, 29, H],
      ['Totalt', 29, 29, 100],
    ]);
  });

  it('per municipality: staff see each town; the others lose studies per town and the shares built on it', () => {
    assert.deepEqual(staff('by-municipality'), [
      ['Bjuv', 14, 12, 2, 0, 5, 3, 8, 57, 4, 29, 89],
      ['Höganäs', 15, 14, 1, 0, 5, 4, 9, 60, 5, 33, 86],
      ['Totalt', 29, 26, 3, 0, 10, 7, 17, 59, 9, 31, 87],
    ]);
    // In each town studies + health is known (Bjuv 4, Höganäs 6) from the other lines, so studies is hidden there
    // with health; work or studies, neither and their shares are built on studies. The total's studies (7) shows:
    // the programme's health (3) is hidden with "no result yet", whose sum (4) is what the total gives away.
    assert.deepEqual(evaluator('by-municipality'), [
      ['Bjuv', 14, 12, 2, 0, 5, H, H, H, H, H, 89],
      ['Höganäs', 15, 14, 1, 0, 5, H, H, H, H, H, 86],
      ['Totalt', 29, 26, 3, 0, 10, 7, H, H, H, H, 87],
    ]);
  });

  it('per group: both "Grupp 4" rows and each town’s total, the mover in both groups and once in the totals', () => {
    assert.deepEqual(staff('outcomes-by-group'), [
      ['Grupp 4, Bjuv', 15, 5, 3, 1, 1, 2, 1, 2, 0, 8, 53],
      ['Totalt Bjuv', 14, 5, 3, 1, 1, 2, 1, 1, 0, 8, 57],
      ['Grupp 4, Höganäs', 15, 5, 4, 1, 2, 2, 0, 0, 1, 9, 60],
      ['Totalt Höganäs', 15, 5, 4, 1, 2, 2, 0, 0, 1, 9, 60],
      ['Totalt', 29, 10, 7, 2, 3, 4, 1, 1, 1, 17, 59],
    ]);
    // Höganäs also loses "other" (2) and "no result yet" (1): with health (2) they are its last unknowns.
    assert.deepEqual(evaluator('outcomes-by-group'), [
      ['Grupp 4, Bjuv', 15, 5, H, 1, H, 2, 1, 2, 0, H, H],
      ['Totalt Bjuv', 14, 5, H, 1, H, 2, 1, 1, 0, H, H],
      ['Grupp 4, Höganäs', 15, 5, H, 1, H, H, 0, 0, H, H, H],
      ['Totalt Höganäs', 15, 5, H, 1, H, H, 0, 0, H, H, H],
      ['Totalt', 29, 10, 7, 2, H, 4, 1, 1, H, H, H],
    ]);
  });

  it('early leavers by reason: the same for every audience but with health counted under personal reasons', () => {
    assert.deepEqual(evaluator('early-leavers'), [
      ['Personliga skäl eller hälsa', 1, 0, 1],
      ['Flyttat', 0, 1, 1],
      ['Fick arbete', 1, 0, 1],
      ['Föräldraledighet', 0, 0, 0],
      ['Gick till en annan insats', 0, 0, 0],
      ['Annat', 0, 0, 0],
      ['Orsak ej angiven', 0, 0, 0],
      ['Totalt', 2, 1, 3],
    ]);
  });

  it('attendance and internships count enrolments and carry no health data: shown in full to all', () => {
    const attendance = [
      ['Grupp 4, Bjuv', 15, 458, 512, 89, 14, 93],
      ['Totalt Bjuv', 15, 458, 512, 89, 14, 93],
      ['Grupp 4, Höganäs', 15, 490, 572, 86, 15, 100],
      ['Totalt Höganäs', 15, 490, 572, 86, 15, 100],
      ['Totalt', 30, 948, 1084, 87, 29, 97],
    ];
    assert.deepEqual(staff('attendance'), attendance);
    assert.deepEqual(evaluator('attendance'), attendance);
    // Stayed to the internship weeks (8 weeks in): Bjuv's 12 completers and B14, who left on their first day.
    const internships = [
      ['Grupp 4, Bjuv', 3, 13, 23, 3, 0],
      ['Totalt Bjuv', 3, 13, 23, 3, 0],
      ['Grupp 4, Höganäs', 2, 14, 14, 2, 0],
      ['Totalt Höganäs', 2, 14, 14, 2, 0],
      ['Totalt', 5, 27, 19, 5, 0],
    ];
    assert.deepEqual(staff('internships-by-group'), internships);
    assert.deepEqual(evaluator('internships-by-group'), internships);
  });

  it('the clear-plan goal and the follow-ups hide what health would give away', () => {
    assert.deepEqual(staff('clear-plan'), [[19, 23, 83, 75, 'Ja']]);
    // Its denominator is completers minus health outcomes: shown beside the completers, it would give health.
    assert.deepEqual(evaluator('clear-plan'), [[H, H, H, 75, H]]);
    assert.deepEqual(staff('follow-ups'), [
      ['3 månader efter avslut', 'Bjuv', 6, 4, 1, 0, 1, 0, 0, 5, 83],
      ['3 månader efter avslut', 'Höganäs', 0, 0, 0, 0, 0, 0, 0, 0, null],
      ['3 månader efter avslut', 'Totalt', 6, 4, 1, 0, 1, 0, 0, 5, 83],
    ]);
    // B10's health follow-up is 1 of 6: hidden, with work (4), which with the rest would give it.
    assert.deepEqual(evaluator('follow-ups'), [
      ['3 månader efter avslut', 'Bjuv', 6, H, 1, 0, H, 0, 0, H, H],
      ['3 månader efter avslut', 'Höganäs', 0, 0, 0, 0, H, 0, 0, 0, null],
      ['3 månader efter avslut', 'Totalt', 6, H, 1, 0, H, 0, 0, H, H],
    ]);
  });
});
