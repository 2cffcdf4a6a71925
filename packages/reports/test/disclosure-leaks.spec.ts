import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  SUPPRESSED_MARK,
  buildDisclosureModel,
  computeProgressReport,
  fixedPeriods,
  internshipSummaryKeys,
  toReportTables,
  viewOf,
  type DisclosureModel,
} from '../src/index.js';
import { auditHidden, decideDisclosure } from '../src/disclosure-audit.js';
import { audienceTables, groupOf14, programmeArbitrary, reportInputFor } from './disclosure-support.js';

// Today's leaks (issue 17), reintroduced on purpose: the audit must find each.

const K = 5;
const T1 = (p: { start: string; end: string }) => fixedPeriods(p).find((x) => x.id === '2021-T1')!;

describe('leak: completers minus the clear-plan denominator', () => {
  it('today: the evaluator could compute the hidden health count', () => {
    const p = groupOf14({ leaver: false });
    const report = computeProgressReport(reportInputFor(p, T1(p)), T1(p));
    const old = toReportTables(report, { smallCellThreshold: K });
    const completed = old.find((t) => t.id === 'enrolled')!.rows.at(-1)![5];
    const denominator = old.find((t) => t.id === 'clear-plan')!.rows[0][1];
    const health = old.find((t) => t.id === 'outcomes')!.rows.find((r) => r[0] === 'Ohälsa som hinder')![1];
    assert.deepEqual([completed, denominator, health], [14, 13, SUPPRESSED_MARK]);
    // 14 − 13 = 1: one completer had a health outcome, which the outcome table hides.
  });

  it('now: the denominator is hidden, and showing it again is caught by the audit', async () => {
    const p = groupOf14({ leaver: false });
    const model = buildDisclosureModel(p);
    const decision = await decideDisclosure(model, { k: K });
    const { tables } = audienceTables(p, T1(p), viewOf(decision, model));
    assert.equal(tables.find((t) => t.id === 'clear-plan')!.rows[0][1], SUPPRESSED_MARK);
    const reintroduced = decision.hidden.filter((k) => !k.endsWith('|clear-plan|all|of'));
    const intervals = await auditHidden(model, reintroduced, { k: K });
    // The programme's one group is its municipality and its total: one cell, audited under the group's key.
    const health = intervals.find((iv) => iv.key === '2021-T1|outcome|g:g1|cat:health')!;
    assert.deepEqual([health.lo, health.hi, health.safe], [1, 1, false]);
  });
});

const only = (
  m: DisclosureModel,
  keep: (c: DisclosureModel['cells'][number]) => boolean,
): DisclosureModel => ({
  ...m,
  cells: m.cells.filter(keep),
});

describe('leak: two periods', () => {
  it('suppressing each period on its own (as today) leaves hidden cells that two periods give away', async () => {
    // The first 12 random programmes of the repo's seed: each period's tables protected on their own, then every
    // period's tables put side by side as the evaluator can; the engine decides them jointly.
    const programmes = fc.sample(programmeArbitrary({ maxGroups: 2, maxPeople: 8, maxDays: 240 }), {
      numRuns: 12,
      seed: 20261206,
    });
    const leaks: string[] = [];
    for (const p of programmes) {
      const model = buildDisclosureModel(p);
      const perPeriod = new Set<string>();
      for (const period of [...model.periods.map((x) => x.id), '-'])
        for (const key of (
          await decideDisclosure(
            only(model, (c) => c.period === period),
            { k: K },
          )
        ).hidden)
          perPeriod.add(key);
      for (const iv of await auditHidden(model, perPeriod, { k: K }))
        if (!iv.safe) leaks.push(`${iv.key} = ${iv.value} in [${iv.lo}, ${iv.hi}]`);
      const joint = await decideDisclosure(model, { k: K });
      for (const iv of await auditHidden(model, joint.hidden, { k: K })) assert.ok(iv.safe, iv.key);
    }
    assert.ok(leaks.length >= 3, leaks.join('\n'));
    // Among them, a group of which the evaluator learns that someone had a health outcome.
    assert.ok(
      leaks.some((l) => /\[[1-9]\d*, \d+\]$/.test(l)),
      `someone known to have one:\n${leaks.join('\n')}`,
    );
  });
});

describe('leak: the internship summary', () => {
  it('today: the summary shows counts the evaluator’s report hides', () => {
    const p = groupOf14();
    const report = computeProgressReport(reportInputFor(p, T1(p)), T1(p));
    const old = toReportTables(report, { smallCellThreshold: K });
    // Today's report hides the group's 10 of 13 (3 stayed without an internship, fewer than k) …
    assert.deepEqual(old.find((t) => t.id === 'internships-by-group')!.rows[0].slice(1, 3), [
      SUPPRESSED_MARK,
      SUPPRESSED_MARK,
    ]);
    // … which the group's internship summary gives all the same (the endpoint's rule, as the model counts it).
    const model = buildDisclosureModel(p);
    const keys = internshipSummaryKeys('g1');
    const value = (key: string) => model.cells.find((c) => c.key === key)?.value;
    assert.deepEqual([value(keys.with), value(keys.stayed)], [10, 13]);
  });

  it('now: one rule for both, its counts cells of the model, audited with the report’s', async () => {
    const p = groupOf14();
    const model = buildDisclosureModel(p);
    const decision = await decideDisclosure(model, { k: K });
    const { tables } = audienceTables(p, T1(p), viewOf(decision, model));
    // Plain counts are shown to the evaluator in the report as in the summary: nothing hidden to give away.
    assert.deepEqual(tables.find((t) => t.id === 'internships-by-group')!.rows[0].slice(1, 3), [10, 13]);
    const keys = internshipSummaryKeys('g1');
    assert.ok(!decision.hidden.includes(keys.with) && !decision.hidden.includes(keys.stayed));
    const without = only(model, (c) => c.table !== 'internship-summary');
    assert.equal(without.cells.length, model.cells.length - 2);
    for (const iv of await auditHidden(model, decision.hidden, { k: K })) assert.ok(iv.safe, iv.key);
  });
});
