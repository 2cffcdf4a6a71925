import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  SUPPRESSED_MARK,
  audienceOf,
  buildDisclosureModel,
  computeProgressReport,
  findFixedPeriod,
  fixedPeriods,
  toReportTables,
  viewOf,
  type DisclosureProgramme,
  type DisclosureView,
} from '../src/index.js';
import { auditHidden, decideDisclosure, fallbackDecision, isSafeInterval } from '../src/disclosure-audit.js';
import { audienceTables, groupOf14, programmeArbitrary, reportInputFor } from './disclosure-support.js';

const nothingHidden = (p: DisclosureProgramme): DisclosureView => {
  const model = buildDisclosureModel(p);
  return viewOf(
    { k: 5, hidden: [], values: Object.fromEntries(model.cells.map((c) => [c.key, c.value])) },
    model,
  );
};

describe('fixed periods', () => {
  it('are the tertials and years a programme overlaps, and the whole programme', () => {
    const periods = fixedPeriods({ start: '2019-09-03', end: '2021-05-01' });
    assert.deepEqual(
      periods.map((p) => `${p.id} ${p.start} – ${p.end}`),
      [
        '2019-T3 2019-09-01 – 2019-12-31',
        '2019 2019-01-01 – 2019-12-31',
        '2020-T1 2020-01-01 – 2020-04-30',
        '2020-T2 2020-05-01 – 2020-08-31',
        '2020-T3 2020-09-01 – 2020-12-31',
        '2020 2020-01-01 – 2020-12-31',
        '2021-T1 2021-01-01 – 2021-04-30',
        '2021-T2 2021-05-01 – 2021-08-31',
        '2021 2021-01-01 – 2021-12-31',
        'whole 2019-09-03 – 2021-05-01',
      ],
    );
    const programme = { start: '2019-09-03', end: '2021-05-01' };
    assert.equal(findFixedPeriod(programme, { start: '2020-05-01', end: '2020-08-31' })?.id, '2020-T2');
    assert.equal(findFixedPeriod(programme, { start: '2019-09-03', end: '2021-05-01' })?.id, 'whole');
    assert.equal(findFixedPeriod(programme, { start: '2020-05-01', end: '2020-08-30' }), null);
    assert.equal(findFixedPeriod(programme, { start: '2018-01-01', end: '2018-12-31' }), null);
  });

  it('an audience is full without k, aggregate with it', () => {
    assert.deepEqual(audienceOf(null), { kind: 'full' });
    assert.deepEqual(audienceOf(5), { kind: 'aggregate', k: 5 });
  });
});

describe('the model holds every count of the report, for every fixed period', () => {
  // The model's cells are computed from the programme's people; the report's from its own rules. Any count the
  // report prints that the view cannot place, or that differs from the model, fails here.
  const programmes = fc.sample(programmeArbitrary({ maxGroups: 3, maxPeople: 12, maxDays: 420 }), {
    numRuns: 25,
    seed: 20261206,
  });
  it('places each count and agrees with it (25 random programmes)', () => {
    for (const p of programmes) {
      const view = nothingHidden(p);
      for (const period of fixedPeriods(p)) {
        const { tables, ledger } = audienceTables(p, period, view);
        assert.deepEqual(ledger.unregistered, [], `${period.id}: a count the view cannot place`);
        assert.deepEqual(ledger.inconsistent, [], `${period.id}: a count that differs from the model`);
        for (const t of tables)
          for (const row of t.rows) assert.ok(!row.includes(SUPPRESSED_MARK), `${t.id}: nothing hidden`);
      }
    }
  });

  it('fails closed on a count that differs from the model', () => {
    const p = programmes[0];
    const view = nothingHidden(p);
    const period = fixedPeriods(p).find((x) => x.id === 'whole')!;
    const wrong: DisclosureView = {
      ...view,
      values: {
        ...view.values,
        [`whole|status|all|enrolled`]: (view.values['whole|status|all|enrolled'] ?? 0) + 1,
      },
    };
    const { tables, ledger } = audienceTables(p, period, wrong);
    assert.deepEqual(ledger.inconsistent, ['whole']);
    const outcomes = tables.find((t) => t.id === 'outcomes')!;
    assert.ok(outcomes.rows.every((r) => r[1] === SUPPRESSED_MARK || r[0] === 'Totalt'));
  });
});

describe('what an evaluator sees of a group of 14 with one health outcome', () => {
  it('prints "1 began studies"; hides the health outcome and what would give it away', async () => {
    const p = groupOf14();
    const model = buildDisclosureModel(p);
    const decision = await decideDisclosure(model, { k: 5 });
    assert.equal(decision.status, 'audited');
    const period = fixedPeriods(p).find((x) => x.id === '2021-T1')!;
    const { tables } = audienceTables(p, period, viewOf(decision, model));
    const outcomes = tables.find((t) => t.id === 'outcomes')!;
    assert.deepEqual(
      outcomes.rows.map((r) => [r[0], r[1]]),
      [
        ['Arbete', 6],
        ['Studier', 1],
        ['Planering mot arbete eller studier', SUPPRESSED_MARK],
        ['Ohälsa som hinder', SUPPRESSED_MARK],
        ['Annat', SUPPRESSED_MARK],
        ['Varken arbete, studier eller planering', 0],
        ['Avbrott utan registrerat resultat', 1],
        ['Inget resultat ännu', 1],
        ['Totalt', 14],
      ],
    );
    const enrolled = tables.find((t) => t.id === 'enrolled')!;
    assert.deepEqual(enrolled.rows.at(-1), ['Totalt', null, null, null, 14, 13, 1, 0]);
    const clearPlan = tables.find((t) => t.id === 'clear-plan')!;
    assert.deepEqual(clearPlan.rows[0], [
      SUPPRESSED_MARK,
      SUPPRESSED_MARK,
      SUPPRESSED_MARK,
      75,
      SUPPRESSED_MARK,
    ]);
    for (const iv of decision.intervals) assert.ok(isSafeInterval(iv.lo, iv.hi, iv.bound, 5), iv.key);
  });

  it('a staff member sees every figure (no view applies)', () => {
    const p = groupOf14();
    const period = fixedPeriods(p).find((x) => x.id === '2021-T1')!;
    const report = computeProgressReport(reportInputFor(p, period), period);
    const outcomes = toReportTables(report).find((t) => t.id === 'outcomes')!;
    assert.deepEqual(
      outcomes.rows.map((r) => r[1]),
      [6, 1, 3, 1, 1, 0, 1, 1, 14],
    );
  });

  it('the fail-closed decision hides every outcome figure and is safe', async () => {
    const p = groupOf14();
    const model = buildDisclosureModel(p);
    const fallback = fallbackDecision(model, 5, 'test');
    const intervals = await auditHidden(model, fallback.hidden, { k: 5 });
    assert.ok(intervals.length > 0);
    for (const iv of intervals) assert.ok(iv.safe, `${iv.key}: [${iv.lo}, ${iv.hi}] of ${iv.bound}`);
  });
});
