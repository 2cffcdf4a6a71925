import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  buildDisclosureModel,
  computeProgressReport,
  finsamKeys,
  fixedPeriods,
  internshipSummaryKeys,
  reportCellValues,
  toReportTables,
  type DisclosureEnrolment,
  type DisclosureProgramme,
  type ModelDomain,
} from '../src/index.js';
import type { Gender, OutcomeCategory } from '@stegvis/contracts';
import { auditHidden, decideDisclosure, fallbackDecision } from '../src/disclosure-audit.js';
import { checkProgramme, programmeArbitrary, propertyRuns, reportInputFor } from './disclosure-support.js';

const K = 5;

describe('disclosure audit, property: no hidden cell can be worked out', () => {
  it(`holds for random small programmes (${propertyRuns(200).numRuns}, seed ${propertyRuns(200).seed})`, async () => {
    await fc.assert(
      fc.asyncProperty(programmeArbitrary({ maxGroups: 2, maxPeople: 8, maxDays: 110 }), async (p) => {
        await checkProgramme(p);
      }),
      propertyRuns(200),
    );
  });

  it('the fail-closed decision is safe on random programmes', async () => {
    await fc.assert(
      fc.asyncProperty(programmeArbitrary({ maxGroups: 2, maxPeople: 8, maxDays: 110 }), async (p) => {
        const model = buildDisclosureModel(p);
        const fallback = fallbackDecision(model, K, 'test');
        for (const iv of await auditHidden(model, fallback.hidden, { k: K }))
          assert.ok(iv.safe, `${iv.key}: [${iv.lo}, ${iv.hi}] of ${iv.bound}`);
      }),
      propertyRuns(20),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The audit against an exact whole-number search, on programmes small enough to list every alternative.
// ---------------------------------------------------------------------------------------------------------------

const TINY_GROUP = { start: '2021-03-08', end: '2021-04-20' };
/** Outcome days: in the group's tertial, in the next, and after the programme but in its year. */
const OUTCOME_DAYS = ['2021-04-10', '2021-05-15', '2021-07-15'];
const DOMAIN: Partial<ModelDomain> = {
  genders: ['woman', 'man'],
  categories: ['work', 'health'],
  detailCodes: false,
  reasons: ['none'],
};

/** Every kind of person of the tiny universe: status, gender, and an outcome (or none) with its day. */
function tinyTypes(): Omit<DisclosureEnrolment, 'person'>[] {
  const out: Omit<DisclosureEnrolment, 'person'>[] = [];
  for (const status of ['completed', 'left_early'] as const)
    for (const gender of ['woman', 'man'] as Gender[])
      for (const outcome of [
        null,
        ...(['work', 'health'] as OutcomeCategory[]).flatMap((category) =>
          OUTCOME_DAYS.map((date) => ({ category, detailCode: null, date })),
        ),
      ])
        out.push({
          group: 'g',
          gender,
          start: TINY_GROUP.start,
          end: status === 'completed' ? TINY_GROUP.end : '2021-03-20',
          status,
          leftReason: null,
          outcome,
          followUps: [],
          internships: [],
          sessions: [],
          assessed: false,
        });
  return out;
}

function tinyProgramme(people: Omit<DisclosureEnrolment, 'person'>[]): DisclosureProgramme {
  return {
    start: '2021-03-01',
    end: '2021-06-30',
    attendanceGoal: 80,
    groups: [
      {
        key: 'g',
        number: 1,
        municipality: 'Klippan',
        ...TINY_GROUP,
        internshipWeeksStart: null,
        surveyRounds: [],
      },
    ],
    enrolments: people.map((e, i) => ({ ...e, person: `p${i}` })),
  };
}

/** Everything the audience can obtain about a programme, by model key, computed by the report itself. */
function published(p: DisclosureProgramme): Map<string, number> {
  const values = new Map<string, number>();
  const view = { k: K, hidden: [], values: {}, fallbackHidden: [] };
  // Periods without a group of the programme print only zeros, whatever the programme: left out, for speed.
  for (const period of fixedPeriods(p).filter(
    (x) => x.start <= TINY_GROUP.end && x.end >= TINY_GROUP.start,
  )) {
    const report = computeProgressReport(reportInputFor(p, period), period);
    const ctx = { view, period: period.id, groups: p.groups, rounds: [], periodEnd: period.end };
    for (const [k, v] of reportCellValues(toReportTables(report), report, ctx)) values.set(k, v);
  }
  // Finsam by sex for the year, and the internship summary's "stayed" (no one here has an internship).
  const f = finsamKeys(2021);
  const count = (g?: Gender) => p.enrolments.filter((e) => g === undefined || e.gender === g).length;
  values.set(f.woman, count('woman'));
  values.set(f.man, count('man'));
  values.set(f.other, 0);
  values.set(f.total, count());
  values.set(internshipSummaryKeys('g').stayed, p.enrolments.filter((e) => e.status !== 'left_early').length);
  values.set(internshipSummaryKeys('g').with, 0);
  return values;
}

/** Multisets of `n` from `items` (as index lists). */
function* multisets(n: number, size: number, from = 0): Generator<number[]> {
  if (n === 0) {
    yield [];
    return;
  }
  for (let i = from; i < size; i++) for (const rest of multisets(n - 1, size, i)) yield [i, ...rest];
}

describe('disclosure audit against an exact search over every possible programme', () => {
  // The model's intervals (linear programming with whole-number witnesses) must be exactly those found by
  // listing every programme of the same size that publishes the same shown figures, computed by the report's
  // own rules: the model neither misses an equation (its interval would be too wide) nor adds one.
  const types = tinyTypes();
  const cases: number[][] = [
    // Indices into tinyTypes(): status (completed 0, left early 14) + gender (woman 0, man 7) + outcome (none 0,
    // work on each day 1–3, health on each day 4–6).
    [4, 0, 0], // a woman completer with a health outcome in the group's tertial, two women without an outcome
    [4, 1, 7], // … with a woman who went to work, and a man without an outcome
    [11, 22, 1], // a man with health, a man who left early and went to work, a woman who went to work
    [5, 18, 1], // health dated in the next tertial, an early leaver with health, a work outcome
    [4, 11, 2, 21], // four people
  ];
  for (const picked of cases) {
    it(`agrees on ${picked.length} people: ${picked.join(', ')}`, async () => {
      const real = tinyProgramme(picked.map((i) => types[i]));
      const model = buildDisclosureModel(real, { domain: DOMAIN });
      assert.deepEqual(model.unsupported, []);
      const decision = await decideDisclosure(model, { k: K });
      const lp = await auditHidden(model, decision.hidden, { k: K });
      assert.ok(lp.length > 0, 'some health cell to audit');
      const hidden = new Set(decision.hidden);
      const truth = published(real);
      // The figures this model publishes (the tiny universe has no detail codes, so their tables are left out).
      const known = new Set(model.cells.map((c) => c.key));
      const shown = [...truth.keys()].filter(
        (k) => k.split('+').every((x) => known.has(x)) && !k.split('+').some((x) => hidden.has(x)),
      );
      const bounds = new Map(lp.map((iv) => [iv.key, [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]]));
      for (const world of multisets(picked.length, types.length)) {
        const values = published(tinyProgramme(world.map((i) => types[i])));
        if (!shown.every((k) => values.get(k) === truth.get(k))) continue;
        for (const [key, b] of bounds) {
          const v = values.get(key);
          assert.notEqual(v, undefined, key);
          b[0] = Math.min(b[0], v!);
          b[1] = Math.max(b[1], v!);
        }
      }
      for (const iv of lp) assert.deepEqual([iv.lo, iv.hi], bounds.get(iv.key), iv.key);
    });
  }
});
