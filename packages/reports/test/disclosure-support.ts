import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DETAIL_CODES_OF_CATEGORY,
  FOLLOW_UP_MONTHS,
  LEFT_REASONS,
  OUTCOME_CATEGORIES,
  type Gender,
  type LeftReason,
  type OutcomeCategory,
} from '@stegvis/contracts';
import { auditHidden, decideDisclosure, isSafeInterval } from '../src/disclosure-audit.js';
import {
  DisclosureLedger,
  buildDisclosureModel,
  computeProgressReport,
  discloseReportTables,
  findFixedPeriod,
  fixedPeriods,
  previousTertial,
  tertialOf,
  toReportTables,
  viewOf,
  type DisclosureEnrolment,
  type DisclosureGroup,
  type DisclosureProgramme,
  type DisclosureView,
  type FixedPeriod,
  type ProgrammeReportInput,
  type ReportParticipant,
  type ReportTable,
} from '../src/index.js';

/**
 * fast-check settings for `npm test`: a fixed seed (the repo's convention, apps/api/test/support/property.ts), so
 * a failure found once is found again everywhere; PROPERTY_RUNS and PROPERTY_SEED for a longer hunt.
 */
export function propertyRuns(numRuns: number): { numRuns: number; seed: number } {
  return {
    numRuns: Number(process.env.PROPERTY_RUNS ?? numRuns),
    seed: Number(process.env.PROPERTY_SEED ?? 20261206),
  };
}

/** Days from an ISO date, calendar arithmetic. */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface ProgrammeShape {
  /** Days of the programme (from 2021-01-11). */
  days: number;
  groups: { municipality: string; offset: number; length: number; people: number; round: boolean }[];
}

/** A small random programme: one or two municipalities, groups of 2–14, every kind of fact at random. */
export function programmeArbitrary(
  options: { maxGroups?: number; maxPeople?: number; maxDays?: number } = {},
): fc.Arbitrary<DisclosureProgramme> {
  const maxGroups = options.maxGroups ?? 2;
  const maxPeople = options.maxPeople ?? 14;
  const maxDays = options.maxDays ?? 240;
  return fc
    .record({
      days: fc.integer({ min: 100, max: maxDays }),
      groups: fc.array(
        fc.record({
          municipality: fc.constantFrom('Ängelholm', 'Klippan'),
          offset: fc.integer({ min: 0, max: Math.max(0, maxDays - 100) }),
          length: fc.integer({ min: 40, max: 120 }),
          people: fc.integer({ min: 2, max: maxPeople }),
          round: fc.boolean(),
        }),
        { minLength: 1, maxLength: maxGroups },
      ),
      seed: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
    })
    .map(({ days, groups, seed }) => build(days, groups, seed));
}

export function build(days: number, shapes: ProgrammeShape['groups'], seed: number[]): DisclosureProgramme {
  // mulberry32, seeded from fast-check's numbers: every fact of the programme from one shrinkable seed.
  let state = seed.reduce((h, x) => Math.imul(h ^ x, 2654435761) >>> 0, 1779033703);
  const rnd = (m: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % 4294967296) % m;
  };
  const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)];
  const start = '2021-01-11';
  const end = addDays(start, days);
  const groups: DisclosureGroup[] = [];
  const enrolments: DisclosureEnrolment[] = [];
  const numbers = new Map<string, number>();
  shapes.forEach((s, i) => {
    const gStart = addDays(start, Math.min(s.offset, days - 20));
    const gEnd = addDays(gStart, Math.min(s.length, days - Math.min(s.offset, days - 20)));
    const number = (numbers.get(s.municipality) ?? 0) + 1;
    numbers.set(s.municipality, number);
    const key = `g${i}`;
    const length = (Date.parse(gEnd) - Date.parse(gStart)) / 86400000;
    const iws = addDays(gStart, Math.floor(length * 0.6));
    const openDay = addDays(gStart, Math.floor(length * 0.9));
    groups.push({
      key,
      number,
      municipality: s.municipality,
      start: gStart,
      end: gEnd,
      internshipWeeksStart: rnd(4) === 0 ? null : iws,
      surveyRounds: s.round ? [{ key: `${key}r`, openDay }] : [],
    });
    for (let p = 0; p < s.people; p++) {
      const late = rnd(5) === 0 ? rnd(Math.max(1, Math.floor(length / 2))) : 0;
      const eStart = addDays(gStart, late);
      const statusRoll = rnd(10);
      const status = statusRoll < 6 ? 'completed' : statusRoll < 8 ? 'left_early' : 'active';
      const eEnd =
        status === 'completed'
          ? gEnd
          : status === 'left_early'
            ? addDays(eStart, rnd(Math.max(1, length - late)))
            : rnd(3) === 0
              ? null
              : gEnd;
      const outcomeRoll = rnd(10);
      const category: OutcomeCategory | null = outcomeRoll < 7 ? pick(OUTCOME_CATEGORIES) : null;
      const codes = category ? DETAIL_CODES_OF_CATEGORY[category] : [];
      const outcome = category
        ? {
            category,
            detailCode: codes.length && rnd(3) > 0 ? pick(codes) : null,
            date: addDays(eEnd ?? gEnd, rnd(90) - 20),
          }
        : null;
      const sessions = Array.from({ length: rnd(12) }, (_, j) => ({
        date: addDays(
          eStart,
          Math.floor(((eEnd ? (Date.parse(eEnd) - Date.parse(eStart)) / 86400000 : length - late) * j) / 12),
        ),
        present: rnd(10) < 8,
      }));
      enrolments.push({
        group: key,
        person: `${key}p${p}`,
        gender: pick<Gender>(['woman', 'woman', 'man', ...(rnd(6) === 0 ? (['other'] as const) : [])]),
        start: eStart,
        end: eEnd,
        status,
        leftReason: status === 'left_early' ? pick<LeftReason | null>([...LEFT_REASONS, null]) : null,
        outcome,
        followUps:
          outcome && rnd(3) === 0
            ? [
                {
                  months: pick(FOLLOW_UP_MONTHS),
                  category: pick(OUTCOME_CATEGORIES),
                  date: addDays(eEnd ?? gEnd, 95),
                },
              ]
            : [],
        internships: rnd(2) ? [addDays(iws, rnd(20))] : [],
        sessions,
        assessed: rnd(2) === 0,
      });
    }
  });
  // Now and then someone who finished or left a group joins a later one, as the same person: totals count her
  // once, by her latest enrolment in each period.
  for (const g of groups) {
    if (rnd(3) !== 0) continue;
    const earlier = enrolments.filter(
      (e) =>
        e.group !== g.key &&
        e.status !== 'active' &&
        e.end !== null &&
        e.end < g.end &&
        !enrolments.some((x) => x.person === e.person && x.start > e.start),
    );
    if (earlier.length === 0) continue;
    const prev = pick(earlier);
    const eStart = prev.end! >= g.start ? addDays(prev.end!, 1) : g.start;
    const room = (Date.parse(g.end) - Date.parse(eStart)) / 86400000;
    const status = rnd(2) === 0 ? 'completed' : 'left_early';
    const eEnd = status === 'completed' ? g.end : addDays(eStart, rnd(Math.max(1, room)));
    const category: OutcomeCategory | null = rnd(3) > 0 ? pick(OUTCOME_CATEGORIES) : null;
    enrolments.push({
      group: g.key,
      person: prev.person,
      gender: prev.gender,
      start: eStart,
      end: eEnd,
      status,
      leftReason: status === 'left_early' ? pick<LeftReason | null>([...LEFT_REASONS, null]) : null,
      outcome: category ? { category, detailCode: null, date: addDays(eEnd, rnd(30)) } : null,
      followUps: [],
      internships: rnd(2) ? [eStart] : [],
      sessions: [{ date: eStart, present: rnd(2) === 0 }],
      assessed: rnd(2) === 0,
    });
  }
  return { start, end, attendanceGoal: 80, groups, enrolments };
}

/** The person-level report input for one period, as the api's SQL would count it. */
export function reportInputFor(p: DisclosureProgramme, period: FixedPeriod): ProgrammeReportInput {
  const groupOf = new Map(p.groups.map((g) => [g.key, g]));
  return {
    programme: { name: 'Test', goals: { attendancePercent: p.attendanceGoal, clearPlanPercent: 75 } },
    groups: p.groups.map((g) => ({
      number: g.number,
      ...(g.municipality !== null ? { municipality: g.municipality } : {}),
      start: g.start,
      end: g.end,
      status: g.end < period.end ? 'completed' : g.start > period.end ? 'planned' : 'active',
      ...(g.internshipWeeksStart ? { internshipWeeksStart: g.internshipWeeksStart } : {}),
    })),
    participants: p.enrolments.map((e): ReportParticipant => {
      const g = groupOf.get(e.group)!;
      const held = e.sessions.filter((s) => s.date <= period.end);
      return {
        ref: `${e.person}@${e.group}`,
        person: e.person,
        group: g.number,
        ...(g.municipality !== null ? { municipality: g.municipality } : {}),
        gender: e.gender,
        enrolment: e.status,
        enrolledOn: e.start,
        ...(e.end !== null ? { leftOn: e.end } : {}),
        ...(e.leftReason ? { leftReason: e.leftReason } : {}),
        outcome: e.outcome ? { ...e.outcome, detail: '' } : null,
        followUps: e.followUps,
        attendance: { held: held.length, present: held.filter((s) => s.present).length },
        internships: e.internships
          .filter((d) => d <= period.end)
          .map(() => ({ industry: 'retail', ledToOffer: false })),
      };
    }),
    surveyRounds: p.groups.flatMap((g) =>
      g.surveyRounds
        .filter((r) => r.openDay <= period.end && g.start <= period.end && g.end >= period.start)
        .map((r) => {
          const asked = p.enrolments.filter(
            (e) =>
              e.group === g.key &&
              e.start <= r.openDay &&
              !(e.status === 'left_early' && e.end !== null && e.end < r.openDay),
          ).length;
          return {
            group: g.number,
            ...(g.municipality !== null ? { municipality: g.municipality } : {}),
            answers: Math.floor(asked / 2),
            enrolledAtOpen: asked,
            leftBeforeOpen: 0,
          };
        }),
    ),
  };
}

/** The report's tables for a period, through the engine's view, and what the ledger saw. */
export function audienceTables(
  p: DisclosureProgramme,
  period: FixedPeriod,
  view: DisclosureView,
  ledger = new DisclosureLedger(),
): { tables: ReportTable[]; ledger: DisclosureLedger } {
  const report = computeProgressReport(reportInputFor(p, period), period);
  // As the api: the tertial the period ends in beside the one before, when both are fixed periods.
  const t = tertialOf(period.end);
  const prev = previousTertial(t);
  const currentFixed = t.end === period.end ? findFixedPeriod(p, t) : null;
  const prevFixed = findFixedPeriod(p, prev);
  const tertials =
    currentFixed && prevFixed
      ? {
          previous: { tertial: prev, report: computeProgressReport(reportInputFor(p, prevFixed), prevFixed) },
          current: {
            tertial: t,
            report: computeProgressReport(reportInputFor(p, currentFixed), currentFixed),
          },
        }
      : undefined;
  const staff = toReportTables(report, tertials ? { tertials } : {});
  const previous = prevFixed?.id;
  const current = currentFixed?.id;
  const tables = discloseReportTables(
    staff,
    report,
    {
      view,
      period: period.id,
      ...(previous && current ? { tertials: { previous, current } } : {}),
      groups: p.groups,
      rounds: p.groups.flatMap((g) =>
        g.surveyRounds.map((r) => ({ key: r.key, group: g.key, openDay: r.openDay })),
      ),
      periodEnd: period.end,
    },
    ledger,
  );
  return { tables, ledger };
}

/**
 * One group of 14 in Ängelholm in the first tertial of 2021: 6 to work, 1 to studies, 3 plans, 1 health, 1 other,
 * 2 without an outcome (one of whom left early, unless `leaver` is false); 10 with an internship.
 */
export function groupOf14(options: { leaver?: boolean } = {}): DisclosureProgramme {
  const leaver = options.leaver ?? true;
  const start = '2021-01-18';
  const end = '2021-04-16';
  const outcomes = [
    ...Array(6).fill('work'),
    'studies',
    ...Array(3).fill('plan'),
    'health',
    'other',
    null,
    null,
  ] as const;
  return {
    start: '2021-01-11',
    end: '2021-06-30',
    attendanceGoal: 80,
    groups: [
      {
        key: 'g1',
        number: 1,
        municipality: 'Ängelholm',
        start,
        end,
        internshipWeeksStart: '2021-03-22',
        surveyRounds: [],
      },
    ],
    enrolments: outcomes.map((category, i) => ({
      group: 'g1',
      person: `p${i}`,
      gender: i % 3 === 0 ? 'man' : 'woman',
      start,
      end: leaver && i === 13 ? '2021-02-01' : end,
      status: leaver && i === 13 ? 'left_early' : 'completed',
      leftReason: leaver && i === 13 ? 'moved' : null,
      outcome: category === null ? null : { category, detailCode: null, date: addDays(end, -1) },
      followUps: [],
      internships: i < 10 ? ['2021-03-23'] : [],
      sessions: [],
      assessed: false,
    })),
  };
}

/**
 * What the property checks for one programme: the engine's decision hides every health cell below k, hides no
 * plain count, and every hidden health cell from 1 to k − 1 is safe when audited afresh against everything shown
 * (every table of every fixed period and the other endpoints' counts); the views place every count.
 */
export async function checkProgramme(
  p: DisclosureProgramme,
  options: { timeLimitMs?: number; k?: number } = {},
) {
  const K = options.k ?? 5;
  const model = buildDisclosureModel(p);
  const decision = await decideDisclosure(model, { k: K, timeLimitMs: options.timeLimitMs ?? 60_000 });
  if (model.unsupported.length === 0)
    assert.equal(decision.status, 'audited', `${decision.reason ?? ''}: ${JSON.stringify(p)}`);
  const hidden = new Set(decision.hidden);
  for (const c of model.cells) {
    if (c.class === 'sensitive' && c.value < K && c.terms.size > 0)
      assert.ok(hidden.has(c.key), `${c.key} shown`);
    if (c.class === 'plain') assert.ok(!hidden.has(c.key), `plain ${c.key} hidden`);
    if (c.tiedTo !== undefined && hidden.has(c.tiedTo)) assert.ok(hidden.has(c.key), `${c.key} shown`);
  }
  const intervals = await auditHidden(model, decision.hidden, { k: K });
  for (const iv of intervals)
    assert.ok(
      isSafeInterval(iv.lo, iv.hi, iv.bound, K),
      `${iv.key} = ${iv.value} can be worked out to [${iv.lo}, ${iv.hi}] (bound ${iv.bound})`,
    );
  const view = viewOf(decision, model);
  for (const period of fixedPeriods(p)) {
    const { ledger } = audienceTables(p, period, view);
    assert.deepEqual(ledger.unregistered, [], period.id);
    assert.deepEqual(ledger.inconsistent, [], period.id);
  }
  return { model, decision, intervals };
}
