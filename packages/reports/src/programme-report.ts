import {
  GENDERS,
  INDUSTRIES,
  OUTCOME_CATEGORIES,
  isIsoDate,
  type EnrolmentStatus,
  type Gender,
  type Industry,
  type OutcomeCategory,
} from '@stegvis/contracts';
import { percent, type Ratio } from './percent.js';
import {
  checkCounts,
  countParticipants,
  noOutcomes,
  overlaps,
  type ProgrammeReportCounts,
  type ReportAttendanceCount,
  type ReportCohort,
  type ReportInternshipCount,
} from './report-counts.js';

// ---------------------------------------------------------------------------------------------------------------
// Input: one programme's data as the api (or a test) gathers it. Plain values only, so the same function runs in
// the api, in the admin and in tests.
// ---------------------------------------------------------------------------------------------------------------

export const GROUP_STATUSES = ['planned', 'active', 'completed'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/** Calendar days YYYY-MM-DD, both included. */
export interface ReportPeriod {
  start: string;
  end: string;
}

export interface ReportGroup {
  number: number;
  start: string;
  end: string;
  status: GroupStatus;
  /** First day of the internship weeks, when known; see `stayedToInternshipWeeks`. */
  internshipWeeksStart?: string;
}

export interface ReportOutcome {
  category: OutcomeCategory;
  detail: string;
  /** When recorded; an outcome dated after the period does not count in it. */
  date?: string;
}

export interface ReportInternship {
  /** The employer's industry (pre-school/school, retail …), as the progress reports group placements. */
  industry: Industry;
  ledToOffer: boolean;
}

export interface ReportParticipant {
  /** A stable reference that is not the person's name or number: reports never carry identities. */
  ref: string;
  group: number;
  gender: Gender;
  /** Status as at the end of the period. */
  enrolment: EnrolmentStatus;
  /** Enrolment dates when they differ from the group's own. */
  enrolledOn?: string;
  leftOn?: string;
  outcome: ReportOutcome | null;
  /** Sessions held while the person was enrolled (cancelled sessions left out) and sessions present. */
  attendance: { held: number; present: number };
  internships: readonly ReportInternship[];
  /** Set when staff know better than the rule in `stayedToInternshipWeeks` (e.g. left in week 11 for a job). */
  stayedToInternshipWeeks?: boolean;
}

export interface ReportSurveyRound {
  group: number;
  answers: number;
  /** Participants enrolled in the group when the round opened, counting those who had already left … */
  enrolledAtOpen: number;
  /** … and those who had left by then, who are not asked. */
  leftBeforeOpen: number;
}

export interface ProgrammeGoals {
  /** Each participant's attendance should reach this (DOMAIN: at least 80 %). */
  attendancePercent: number;
  /** Share of completers without a health obstacle who leave with work, studies or a clear plan (75 %). */
  clearPlanPercent: number;
  /** Optional goal for the share of enrolled who go on to work or studies. */
  workOrStudiesPercent?: number;
}

export interface ProgrammeReportInput {
  programme: { name: string; goals: ProgrammeGoals };
  groups: readonly ReportGroup[];
  participants: readonly ReportParticipant[];
  surveyRounds: readonly ReportSurveyRound[];
}

export interface ProgressReportOptions {
  /**
   * The groups the internship headline (rate, industries, offers) covers. Default: every group in the period.
   * Progress reports often count only the groups whose internship weeks are over (Nästa Steg: groups 1–3).
   */
  internshipGroups?: readonly number[];
}

// ---------------------------------------------------------------------------------------------------------------
// Output: every figure of a progress report. Each share is a Ratio, so it names its numerator and denominator.
// ---------------------------------------------------------------------------------------------------------------

export type OutcomeCounts = Record<OutcomeCategory, number>;

export interface GroupSummary {
  number: number;
  start: string;
  end: string;
  status: GroupStatus;
  enrolled: number;
  completed: number;
  leftEarly: number;
  active: number;
}

export interface GenderBreakdown {
  gender: Gender;
  enrolled: number;
  outcomes: OutcomeCounts;
  noOutcomeYet: number;
  toWorkOrStudies: Ratio;
}

export interface AttendanceFigure {
  /** Participants with at least one session held. */
  participants: number;
  /** Sessions present of sessions held, summed over the participants. */
  rate: Ratio;
  /** Participants whose own rate, as the whole per cent shown, reaches the goal. */
  meetingGoal: Ratio;
}

export interface GroupAttendance extends AttendanceFigure {
  group: number;
}

export interface IndustryCount {
  industry: Industry;
  count: number;
}

export interface GroupInternships {
  group: number;
  /** Participants with at least one internship / participants who stayed to the internship weeks. */
  rate: Ratio;
  internships: number;
  offers: number;
}

export interface InternshipFigures {
  groups: number[];
  rate: Ratio;
  /** Internships (placements, not people) per industry, most first. */
  byIndustry: IndustryCount[];
  /** Internships that led to an offer of employment, seasonal or hourly work. */
  offers: number;
  byGroup: GroupInternships[];
}

export interface SurveyResponse {
  group: number;
  /** answers / (enrolled when the round opened − those who had left). */
  rate: Ratio;
  enrolledAtOpen: number;
  leftBeforeOpen: number;
}

export const GOAL_KEYS = ['attendance', 'clear_plan', 'work_or_studies'] as const;
export type GoalKey = (typeof GOAL_KEYS)[number];

export interface GoalFulfilment {
  key: GoalKey;
  target: number;
  actual: Ratio;
  /** Judged on the whole per cent shown, as attendance is in the admin; null without a denominator. */
  met: boolean | null;
}

export interface ProgressReport {
  programme: string;
  period: ReportPeriod;
  groups: GroupSummary[];
  enrolled: number;
  byGender: GenderBreakdown[];
  /** Count of each category of all enrolled. */
  outcomes: Record<OutcomeCategory, Ratio>;
  noOutcomeYet: Ratio;
  toWorkOrStudies: Ratio;
  attendance: { goalPercent: number; overall: AttendanceFigure; byGroup: GroupAttendance[] };
  internships: InternshipFigures;
  clearPlanGoal: Ratio & { target: number; met: boolean | null };
  surveys: SurveyResponse[];
  goals: GoalFulfilment[];
}

// ---------------------------------------------------------------------------------------------------------------

const TO_WORK_OR_STUDIES: readonly OutcomeCategory[] = ['work', 'studies'];
const CLEAR_PLAN: readonly OutcomeCategory[] = ['work', 'studies', 'plan'];

/**
 * Every figure of a progress report for one period, following docs/domain.md "How figures are counted".
 * Pure: the caller gathers the data (status and attendance as at the end of the period).
 */
export function computeProgressReport(
  input: ProgrammeReportInput,
  period: ReportPeriod,
  options: ProgressReportOptions = {},
): ProgressReport {
  return computeProgressReportFromCounts(countParticipants(input, period), period, options);
}

/** The same figures from counts (see report-counts.ts): how the api computes a report over a large programme. */
export function computeProgressReportFromCounts(
  input: ProgrammeReportCounts,
  period: ReportPeriod,
  options: ProgressReportOptions = {},
): ProgressReport {
  checkPeriod(period);
  checkGoals(input.programme.goals);
  const groupsByNumber = new Map<number, ReportGroup>();
  for (const g of input.groups) {
    if (groupsByNumber.has(g.number)) throw new RangeError(`Group ${g.number} appears twice`);
    if (!isIsoDate(g.start) || !isIsoDate(g.end) || g.start > g.end) {
      throw new RangeError(`Group ${g.number} needs real start and end dates, start first`);
    }
    groupsByNumber.set(g.number, g);
  }
  checkCounts(input, groupsByNumber);

  const groups = [...groupsByNumber.values()]
    .filter((g) => overlaps(g.start, g.end, period))
    .sort((a, b) => a.number - b.number);
  const inScope = new Set(groups.map((g) => g.number));
  // Each group's counts, found once: filtering everything per group is quadratic for large programmes.
  const byGroup = <T extends { group: number }>(rows: readonly T[]) => {
    const m = new Map<number, T[]>(groups.map((g) => [g.number, []]));
    for (const r of rows) m.get(r.group)?.push(r);
    return m;
  };
  const cohortsOf = byGroup(input.cohorts);
  const attendanceOfGroup = byGroup(input.attendance);
  const internshipsOfGroup = byGroup(input.internships);
  const cohorts = groups.flatMap((g) => cohortsOf.get(g.number)!);
  const enrolled = sumBy(cohorts, (c) => c.participants);

  const outcomeCounts = countOutcomes(cohorts);
  const noOutcomeYet = enrolled - sumOf(outcomeCounts, OUTCOME_CATEGORIES);
  const toWorkOrStudies = percent(sumOf(outcomeCounts, TO_WORK_OR_STUDIES), enrolled);

  const byGender = GENDERS.map((gender): GenderBreakdown => {
    const mine = cohorts.filter((c) => c.gender === gender);
    const outcomes = countOutcomes(mine);
    const count = sumBy(mine, (c) => c.participants);
    return {
      gender,
      enrolled: count,
      outcomes,
      noOutcomeYet: count - sumOf(outcomes, OUTCOME_CATEGORIES),
      toWorkOrStudies: percent(sumOf(outcomes, TO_WORK_OR_STUDIES), count),
    };
  });

  const goalPercent = input.programme.goals.attendancePercent;
  const attendance = {
    goalPercent,
    overall: attendanceOf(
      groups.flatMap((g) => attendanceOfGroup.get(g.number)!),
      goalPercent,
    ),
    byGroup: groups.map((g) => ({
      group: g.number,
      ...attendanceOf(attendanceOfGroup.get(g.number)!, goalPercent),
    })),
  };

  const internshipGroups = [...(options.internshipGroups ?? groups.map((g) => g.number))].sort(
    (a, b) => a - b,
  );
  for (const n of internshipGroups) {
    if (!inScope.has(n))
      throw new RangeError(`Internship figures asked for group ${n}, which is not in the period`);
  }
  const internshipsByGroup = groups.map((g): GroupInternships => {
    const placements = internshipsOfGroup.get(g.number)!;
    return {
      group: g.number,
      rate: internshipRate(cohortsOf.get(g.number)!, g, period.end),
      internships: sumBy(placements, (i) => i.internships),
      offers: sumBy(placements, (i) => i.offers),
    };
  });
  const headlineGroups = new Set(internshipGroups);
  const headline = internshipsByGroup.filter((g) => headlineGroups.has(g.group));
  const internships: InternshipFigures = {
    groups: internshipGroups,
    rate: percent(
      sumBy(headline, (g) => g.rate.count),
      sumBy(headline, (g) => g.rate.of),
    ),
    offers: sumBy(headline, (g) => g.offers),
    byIndustry: industriesOf(internshipGroups.flatMap((n) => internshipsOfGroup.get(n)!)),
    byGroup: internshipsByGroup,
  };

  // "Completers with outcome work, studies or plan / completers, leaving out those with outcome health."
  const completers = cohorts.filter((c) => c.enrolment === 'completed');
  const clearPlanRatio = percent(
    sumBy(completers, (c) => sumOf(c.outcomes, CLEAR_PLAN)),
    sumBy(completers, (c) => c.participants - c.outcomes.health),
  );
  const clearPlanTarget = input.programme.goals.clearPlanPercent;
  const clearPlanGoal = {
    ...clearPlanRatio,
    target: clearPlanTarget,
    met: meets(clearPlanRatio, clearPlanTarget),
  };

  const surveys = input.surveyRounds
    .filter((r) => inScope.has(r.group))
    .map((r) => ({
      group: r.group,
      rate: surveyRate(r),
      enrolledAtOpen: r.enrolledAtOpen,
      leftBeforeOpen: r.leftBeforeOpen,
    }))
    .sort((a, b) => a.group - b.group);

  const goals: GoalFulfilment[] = [
    {
      key: 'attendance',
      target: goalPercent,
      actual: attendance.overall.rate,
      met: meets(attendance.overall.rate, goalPercent),
    },
    { key: 'clear_plan', target: clearPlanTarget, actual: clearPlanRatio, met: clearPlanGoal.met },
  ];
  const workOrStudiesTarget = input.programme.goals.workOrStudiesPercent;
  if (workOrStudiesTarget !== undefined) {
    goals.push({
      key: 'work_or_studies',
      target: workOrStudiesTarget,
      actual: toWorkOrStudies,
      met: meets(toWorkOrStudies, workOrStudiesTarget),
    });
  }

  return {
    programme: input.programme.name,
    period: { ...period },
    groups: groups.map((g) => {
      const mine = cohortsOf.get(g.number)!;
      const count = (s: EnrolmentStatus) => sumBy(mine, (c) => (c.enrolment === s ? c.participants : 0));
      return {
        number: g.number,
        start: g.start,
        end: g.end,
        status: g.status,
        enrolled: sumBy(mine, (c) => c.participants),
        completed: count('completed'),
        leftEarly: count('left_early'),
        active: count('active'),
      };
    }),
    enrolled,
    byGender,
    outcomes: Object.fromEntries(
      OUTCOME_CATEGORIES.map((c) => [c, percent(outcomeCounts[c], enrolled)]),
    ) as Record<OutcomeCategory, Ratio>,
    noOutcomeYet: percent(noOutcomeYet, enrolled),
    toWorkOrStudies,
    attendance,
    internships,
    clearPlanGoal,
    surveys,
    goals,
  };
}

/**
 * Whether a participant belongs in the internship-rate denominator ("participants of the group who stayed to
 * the internship weeks"). The rule, in order:
 *
 * 1. `stayedToInternshipWeeks` set on the participant wins: staff know cases no status shows.
 * 2. Someone with an internship was there in the internship weeks — otherwise a person who left during them
 *    would count above the line but not below it.
 * 3. `completed` counts: completing the method means going through module 2 (internship), whether or not a
 *    placement was found. The reference programme shows it: groups 1–3 are 30 completers and the report's
 *    denominator is 30, although 2 of them (health obstacle) had no internship — 28 of 30 (93 %); group 4's
 *    denominator 7 is its 7 completers, 3 of them without a placement (its survey: "3 av 7 … kom inte ut i
 *    praktik").
 * 4. `left_early` does not count, unless the person left on or after the first internship day: group 4's two
 *    leavers (one in week 1, one after 20 of 31 lectures) are outside its 7.
 * 5. `active` counts once the group's internship weeks have begun by the end of the period; an active group
 *    still in its lecture weeks (group 5: 12 of 31 lectures held) is not yet part of any internship rate.
 *
 * Rules 4–5 need `internshipWeeksStart` on the group; without it they fall back to "not yet", which never
 * lowers a rate with people who have not had the chance of a placement.
 */
export function stayedToInternshipWeeks(p: ReportParticipant, group: ReportGroup, asOf: string): boolean {
  return stayed({ ...p, withInternship: p.internships.length > 0 }, group, asOf);
}

type StayedFacts = Pick<ReportCohort, 'enrolment' | 'leftOn' | 'stayedToInternshipWeeks'> & {
  withInternship: boolean;
};

function stayed(p: StayedFacts, group: ReportGroup, asOf: string): boolean {
  if (p.stayedToInternshipWeeks !== undefined) return p.stayedToInternshipWeeks;
  if (p.withInternship) return true;
  const internshipStart = group.internshipWeeksStart;
  switch (p.enrolment) {
    case 'completed':
      return true;
    case 'left_early':
      return internshipStart !== undefined && p.leftOn !== undefined && p.leftOn >= internshipStart;
    case 'active':
      return internshipStart !== undefined && internshipStart <= asOf;
  }
}

/** Survey response rate: answers / participants enrolled when the round opened, minus those who had left. */
export function surveyRate(round: ReportSurveyRound): Ratio {
  const asked = round.enrolledAtOpen - round.leftBeforeOpen;
  if (asked < 0)
    throw new RangeError(
      `Survey of group ${round.group}: more had left (${round.leftBeforeOpen}) than were enrolled (${round.enrolledAtOpen})`,
    );
  if (round.answers > asked)
    throw new RangeError(
      `Survey of group ${round.group}: ${round.answers} answers from ${asked} people asked`,
    );
  return percent(round.answers, asked);
}

function attendanceOf(cells: readonly ReportAttendanceCount[], goalPercent: number): AttendanceFigure {
  const counted = cells.filter((a) => a.held > 0);
  // Judged on the whole per cent the person sees, as the admin's attendance grid does: "80 %" never shows as
  // below an 80 % goal.
  const meeting = counted.filter((a) => (percent(a.present, a.held).percent as number) >= goalPercent);
  return {
    participants: sumBy(counted, (a) => a.participants),
    rate: percent(
      sumBy(counted, (a) => a.participants * a.present),
      sumBy(counted, (a) => a.participants * a.held),
    ),
    meetingGoal: percent(
      sumBy(meeting, (a) => a.participants),
      sumBy(counted, (a) => a.participants),
    ),
  };
}

/** Participants with at least one internship / participants who stayed to the internship weeks. */
function internshipRate(cohorts: readonly ReportCohort[], group: ReportGroup, asOf: string): Ratio {
  let placed = 0;
  let denominator = 0;
  for (const c of cohorts) {
    // The rule is per person; a cohort's members differ only in whether they had an internship.
    if (stayed({ ...c, withInternship: true }, group, asOf)) {
      placed += c.withInternship;
      denominator += c.withInternship;
    }
    if (stayed({ ...c, withInternship: false }, group, asOf))
      denominator += c.participants - c.withInternship;
  }
  return percent(placed, denominator);
}

function industriesOf(placements: readonly ReportInternshipCount[]): IndustryCount[] {
  const counts = new Map<Industry, number>();
  for (const i of placements) counts.set(i.industry, (counts.get(i.industry) ?? 0) + i.internships);
  // Most first, then in the contracts' order, so ties print the same way every time.
  return INDUSTRIES.filter((i) => (counts.get(i) ?? 0) > 0)
    .map((industry) => ({ industry, count: counts.get(industry) as number }))
    .sort((a, b) => b.count - a.count);
}

function countOutcomes(cohorts: readonly ReportCohort[]): OutcomeCounts {
  const counts = noOutcomes();
  for (const c of cohorts) for (const k of OUTCOME_CATEGORIES) counts[k] += c.outcomes[k];
  return counts;
}

function sumOf(counts: OutcomeCounts, categories: readonly OutcomeCategory[]): number {
  return categories.reduce((n, c) => n + counts[c], 0);
}

function sumBy<T>(rows: readonly T[], f: (row: T) => number): number {
  let n = 0;
  for (const r of rows) n += f(r);
  return n;
}

function meets(r: Ratio, target: number): boolean | null {
  return r.percent === null ? null : r.percent >= target;
}

function checkPeriod(period: ReportPeriod): void {
  if (!isIsoDate(period.start) || !isIsoDate(period.end) || period.start > period.end) {
    throw new RangeError(
      `A report period needs two real dates, start first; got ${period.start} – ${period.end}`,
    );
  }
}

function checkGoals(goals: ProgrammeGoals): void {
  for (const [name, value] of Object.entries(goals)) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 100)) {
      throw new RangeError(`The ${name} goal must be a whole per cent from 0 to 100, got ${value}`);
    }
  }
}
