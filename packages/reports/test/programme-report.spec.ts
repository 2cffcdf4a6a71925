import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INDUSTRIES, OUTCOME_CATEGORIES } from '@stegvis/contracts';
import {
  computeProgressReport,
  stayedToInternshipWeeks,
  surveyRate,
  type ProgrammeReportInput,
} from '../src/index.js';
import {
  REFERENCE_INTERNSHIP_GROUPS,
  REFERENCE_PERIOD,
  fixture,
  referenceInput,
} from './reference-programme.js';

const expected = fixture.expected;
const report = computeProgressReport(referenceInput(), REFERENCE_PERIOD, {
  internshipGroups: REFERENCE_INTERNSHIP_GROUPS,
});

describe('progress report of the reference programme (Nästa Steg)', () => {
  it('counts 51 enrolled in 5 groups', () => {
    assert.equal(report.enrolled, expected.enrolled);
    assert.equal(report.enrolled, 51);
    assert.deepEqual(
      report.groups.map((g) => [g.number, g.enrolled, g.completed, g.leftEarly, g.active]),
      [
        [1, 10, 10, 0, 0],
        [2, 10, 10, 0, 0],
        [3, 10, 10, 0, 0],
        [4, 9, 7, 2, 0],
        [5, 12, 0, 0, 12],
      ],
    );
  });

  it('counts outcomes per category, of all enrolled', () => {
    for (const [category, count] of Object.entries(expected.outcomes)) {
      assert.equal(report.outcomes[category as keyof typeof report.outcomes].count, count, category);
    }
    assert.deepEqual(
      OUTCOME_CATEGORIES.map((c) => [
        c,
        report.outcomes[c].count,
        report.outcomes[c].of,
        report.outcomes[c].percent,
      ]),
      [
        ['work', 11, 51, 22],
        ['studies', 15, 51, 29],
        ['plan', 9, 51, 18],
        ['health', 2, 51, 4],
        ['other', 2, 51, 4],
        ['none', 0, 51, 0],
      ],
    );
    assert.equal(report.noOutcomeYet.count, expected.noOutcomeYet);
    assert.deepEqual(report.noOutcomeYet, { count: 12, of: 51, percent: 24 });
  });

  it('sends 26 of 51 (51 %) to work or studies', () => {
    assert.deepEqual(report.toWorkOrStudies, expected.toWorkOrStudies);
    assert.deepEqual(report.toWorkOrStudies, { count: 26, of: 51, percent: 51 });
  });

  it('has attendance 83, 83, 88, 93 and 90 % per group and 87 % overall', () => {
    const byGroup = Object.fromEntries(
      report.attendance.byGroup.map((g) => [String(g.group), g.rate.percent]),
    );
    assert.deepEqual(byGroup, expected.attendancePercentByGroup);
    assert.deepEqual(
      report.attendance.byGroup.map((g) => [g.group, g.rate.count, g.rate.of, g.rate.percent]),
      [
        [1, 257, 310, 83],
        [2, 258, 310, 83],
        [3, 273, 310, 88],
        [4, 222, 239, 93],
        [5, 130, 144, 90],
      ],
    );
    assert.equal(report.attendance.overall.rate.percent, expected.attendancePercentOverall);
    assert.deepEqual(report.attendance.overall.rate, { count: 1140, of: 1313, percent: 87 });
  });

  it('has every participant at or above the 80 % attendance goal', () => {
    assert.equal(report.attendance.goalPercent, 80);
    assert.deepEqual(report.attendance.overall.meetingGoal, { count: 51, of: 51, percent: 100 });
    assert.deepEqual(report.attendance.byGroup[3]?.meetingGoal, { count: 9, of: 9, percent: 100 });
  });

  it('has 28 of the 30 in groups 1–3 (93 %) with an internship, and 4 of 7 in group 4', () => {
    assert.deepEqual(report.internships.groups, [1, 2, 3]);
    assert.deepEqual(report.internships.rate, expected.internshipGroups1to3);
    assert.deepEqual(report.internships.rate, { count: 28, of: 30, percent: 93 });
    const group4 = report.internships.byGroup.find((g) => g.group === 4);
    assert.equal(group4?.rate.count, expected.internshipGroup4.count);
    assert.equal(group4?.rate.of, expected.internshipGroup4.of);
    assert.deepEqual(group4?.rate, { count: 4, of: 7, percent: 57 });
    assert.deepEqual(
      report.internships.byGroup.map((g) => [g.group, g.rate.count, g.rate.of, g.internships, g.offers]),
      [
        [1, 9, 10, 9, 3],
        [2, 10, 10, 10, 2],
        [3, 9, 10, 9, 0],
        [4, 4, 7, 4, 0],
        [5, 0, 0, 0, 0],
      ],
    );
  });

  it('counts 5 internships that led to an offer', () => {
    assert.equal(report.internships.offers, expected.internshipOffers);
    assert.equal(report.internships.offers, 5);
  });

  it('counts placements per industry in groups 1–3, most first', () => {
    assert.deepEqual(
      Object.fromEntries(report.internships.byIndustry.map((i) => [i.industry, i.count])),
      expected.internshipSectorsGroups1to3,
    );
    assert.deepEqual(
      report.internships.byIndustry.map((i) => [i.industry, i.count]),
      [
        ['pre-school/school', 9],
        ['retail', 5],
        ['care', 5],
        ['bakery/café', 3],
        ['production/warehouse', 3],
        ['hotel/restaurant', 1],
        ['hair/beauty', 1],
        ['language café', 1],
      ],
    );
    assert.ok(
      report.internships.byIndustry.every((i) => (INDUSTRIES as readonly string[]).includes(i.industry)),
    );
  });

  it('has survey answers from 10 of 10 in group 3 and 7 of 7 in group 4', () => {
    const rates = Object.fromEntries(
      report.surveys.map((s) => [String(s.group), `${s.rate.count} of ${s.rate.of}`]),
    );
    assert.deepEqual(rates, expected.surveyResponse);
    assert.deepEqual(
      report.surveys.map((s) => [s.group, s.rate]),
      [
        [3, { count: 10, of: 10, percent: 100 }],
        [4, { count: 7, of: 7, percent: 100 }],
      ],
    );
    // The adapter's rule for who was asked gives the fixture's own numbers.
    for (const round of fixture.surveyRounds) {
      const input = referenceInput().surveyRounds.find((r) => r.group === round.group);
      assert.equal(input && input.enrolledAtOpen - input.leftBeforeOpen, round.eligible);
    }
  });

  it('meets the clear-plan goal: 35 of 35 completers without a health obstacle (100 % against 75 %)', () => {
    const { met, ...figure } = report.clearPlanGoal;
    assert.deepEqual(figure, expected.clearPlanGoal);
    assert.deepEqual(report.clearPlanGoal, { count: 35, of: 35, percent: 100, target: 75, met: true });
  });

  it('sets targets beside actual figures', () => {
    assert.deepEqual(report.goals, [
      { key: 'attendance', target: 80, actual: { count: 1140, of: 1313, percent: 87 }, met: true },
      { key: 'clear_plan', target: 75, actual: { count: 35, of: 35, percent: 100 }, met: true },
    ]);
  });

  it('breaks enrolled and outcomes down by gender', () => {
    const [women, men, other] = report.byGender;
    assert.deepEqual(women, {
      gender: 'woman',
      enrolled: 30,
      outcomes: { work: 7, studies: 8, plan: 5, health: 2, other: 1, none: 0 },
      leftEarlyWithoutOutcome: 0,
      noOutcomeYet: 7,
      toWorkOrStudies: { count: 15, of: 30, percent: 50 },
    });
    assert.deepEqual(men, {
      gender: 'man',
      enrolled: 21,
      outcomes: { work: 4, studies: 7, plan: 4, health: 0, other: 1, none: 0 },
      leftEarlyWithoutOutcome: 0,
      noOutcomeYet: 5,
      toWorkOrStudies: { count: 11, of: 21, percent: 52 },
    });
    assert.deepEqual(other, {
      gender: 'other',
      enrolled: 0,
      outcomes: { work: 0, studies: 0, plan: 0, health: 0, other: 0, none: 0 },
      leftEarlyWithoutOutcome: 0,
      noOutcomeYet: 0,
      toWorkOrStudies: { count: 0, of: 0, percent: null },
    });
  });
});

describe('progress report rules', () => {
  it('takes every group in the period for the internship headline unless told otherwise', () => {
    const all = computeProgressReport(referenceInput(), REFERENCE_PERIOD);
    assert.deepEqual(all.internships.groups, [1, 2, 3, 4, 5]);
    // Groups 1–4: 32 of 37; group 5 is still in its lecture weeks and counts in neither.
    assert.deepEqual(all.internships.rate, { count: 32, of: 37, percent: 86 });
  });

  it('counts only the groups whose enrolments overlap the period', () => {
    // The cover's six months: groups 3 (until 2020-11-13), 4 and 5.
    const sixMonths = computeProgressReport(referenceInput(), { start: '2020-09-03', end: '2021-05-01' });
    assert.deepEqual(
      sixMonths.groups.map((g) => g.number),
      [3, 4, 5],
    );
    assert.equal(sixMonths.enrolled, 31);
    assert.deepEqual(sixMonths.toWorkOrStudies, { count: 12, of: 31, percent: 39 });
    assert.deepEqual(
      sixMonths.surveys.map((s) => s.group),
      [3, 4],
    );
    const before = computeProgressReport(referenceInput(), { start: '2019-01-01', end: '2019-09-22' });
    assert.equal(before.enrolled, 0);
    assert.deepEqual(before.toWorkOrStudies, { count: 0, of: 0, percent: null });
    assert.equal(before.clearPlanGoal.met, null);
  });

  it('leaves out an outcome dated after the period', () => {
    const input = referenceInput();
    const first = input.participants[0];
    assert.ok(first?.outcome);
    const later: ProgrammeReportInput = {
      ...input,
      participants: [
        { ...first, outcome: { ...first.outcome, date: '2021-05-02' } },
        ...input.participants.slice(1),
      ],
    };
    const r = computeProgressReport(later, REFERENCE_PERIOD, { internshipGroups: [1, 2, 3] });
    assert.equal(r.outcomes.studies.count, 14);
    assert.equal(r.noOutcomeYet.count, 13);
    // A completer without an outcome yet stays in the clear-plan denominator.
    assert.deepEqual(r.clearPlanGoal, { count: 34, of: 35, percent: 97, target: 75, met: true });
  });

  it('lets an active group count in the internship rate once its internship weeks have begun', () => {
    const input = referenceInput();
    const withWeeks: ProgrammeReportInput = {
      ...input,
      groups: input.groups.map((g) => (g.number === 5 ? { ...g, internshipWeeksStart: '2021-05-17' } : g)),
    };
    const group5 = (end: string) =>
      computeProgressReport(withWeeks, { start: REFERENCE_PERIOD.start, end }).internships.byGroup.find(
        (g) => g.group === 5,
      )?.rate;
    assert.deepEqual(group5('2021-05-16'), { count: 0, of: 0, percent: null });
    assert.deepEqual(group5('2021-05-17'), { count: 0, of: 12, percent: 0 });
  });

  it('decides who stayed to the internship weeks by the documented rule', () => {
    const group = {
      number: 9,
      start: '2021-01-04',
      end: '2021-04-02',
      status: 'completed' as const,
      internshipWeeksStart: '2021-03-08',
    };
    const person = {
      ref: 'X',
      group: 9,
      gender: 'woman' as const,
      outcome: null,
      attendance: { held: 31, present: 30 },
      internships: [],
    };
    const asOf = '2021-04-30';
    assert.equal(stayedToInternshipWeeks({ ...person, enrolment: 'completed' }, group, asOf), true);
    assert.equal(
      stayedToInternshipWeeks({ ...person, enrolment: 'left_early', leftOn: '2021-02-01' }, group, asOf),
      false,
    );
    assert.equal(
      stayedToInternshipWeeks({ ...person, enrolment: 'left_early', leftOn: '2021-03-10' }, group, asOf),
      true,
    );
    assert.equal(stayedToInternshipWeeks({ ...person, enrolment: 'left_early' }, group, asOf), false);
    assert.equal(
      stayedToInternshipWeeks(
        { ...person, enrolment: 'left_early', internships: [{ industry: 'retail', ledToOffer: true }] },
        group,
        asOf,
      ),
      true,
    );
    assert.equal(
      stayedToInternshipWeeks(
        { ...person, enrolment: 'completed', stayedToInternshipWeeks: false },
        group,
        asOf,
      ),
      false,
    );
    assert.equal(stayedToInternshipWeeks({ ...person, enrolment: 'active' }, group, '2021-03-07'), false);
    assert.equal(stayedToInternshipWeeks({ ...person, enrolment: 'active' }, group, '2021-03-08'), true);
  });

  it('adds a work-or-studies goal when the programme has one', () => {
    const input = referenceInput();
    const r = computeProgressReport(
      {
        ...input,
        programme: { ...input.programme, goals: { ...input.programme.goals, workOrStudiesPercent: 60 } },
      },
      REFERENCE_PERIOD,
    );
    assert.deepEqual(r.goals[2], {
      key: 'work_or_studies',
      target: 60,
      actual: { count: 26, of: 51, percent: 51 },
      met: false,
    });
  });

  it('computes a survey response rate from those asked', () => {
    assert.deepEqual(surveyRate({ group: 4, answers: 7, enrolledAtOpen: 9, leftBeforeOpen: 2 }), {
      count: 7,
      of: 7,
      percent: 100,
    });
    assert.throws(
      () => surveyRate({ group: 4, answers: 8, enrolledAtOpen: 9, leftBeforeOpen: 2 }),
      RangeError,
    );
    assert.throws(
      () => surveyRate({ group: 4, answers: 0, enrolledAtOpen: 1, leftBeforeOpen: 2 }),
      RangeError,
    );
  });

  it('refuses inconsistent input rather than print a wrong figure', () => {
    const input = referenceInput();
    const first = input.participants[0];
    assert.ok(first);
    const rest = input.participants.slice(1);
    assert.throws(() => computeProgressReport(input, { start: '2021-05-01', end: '2019-09-03' }), RangeError);
    assert.throws(() => computeProgressReport(input, { start: '2019-09-03', end: '2021-02-30' }), RangeError);
    assert.throws(
      () =>
        computeProgressReport(
          { ...input, participants: [{ ...first, group: 7 }, ...rest] },
          REFERENCE_PERIOD,
        ),
      /group 7/,
    );
    assert.throws(
      () =>
        computeProgressReport(
          { ...input, participants: [{ ...first, attendance: { held: 3, present: 4 } }, ...rest] },
          REFERENCE_PERIOD,
        ),
      RangeError,
    );
    assert.throws(
      () => computeProgressReport(input, REFERENCE_PERIOD, { internshipGroups: [6] }),
      RangeError,
    );
    assert.throws(
      () =>
        computeProgressReport(
          {
            ...input,
            programme: { ...input.programme, goals: { attendancePercent: 0.8, clearPlanPercent: 75 } },
          },
          REFERENCE_PERIOD,
        ),
      /attendancePercent/,
    );
    assert.throws(
      () =>
        computeProgressReport(
          { ...input, groups: [...input.groups, input.groups[0] as never] },
          REFERENCE_PERIOD,
        ),
      /twice/,
    );
  });
});
