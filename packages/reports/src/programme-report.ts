import {
  DETAIL_CODES_OF_CATEGORY,
  FOLLOW_UP_MONTHS,
  GENDERS,
  INDUSTRIES,
  LEFT_REASONS,
  OUTCOME_CATEGORIES,
  isIsoDate,
  type EnrolmentStatus,
  type FollowUpMonths,
  type Gender,
  type GoalKey,
  type Industry,
  type LeftReason,
  type OutcomeCategory,
  type OutcomeDetailCode,
} from '@stegvis/contracts';
import { percent, type Ratio } from './percent.js';
import {
  checkCounts,
  countParticipants,
  groupKey,
  keyOfGroup,
  noOutcomes,
  overlaps,
  type ProgrammeReportCounts,
  type ReportAttendanceCount,
  type ReportCohort,
  type ReportFollowUpCount,
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
  /** The municipality the group is run in; numbers are unique per municipality. Optional for one municipality. */
  municipality?: string;
  start: string;
  end: string;
  status: GroupStatus;
  /** First day of the internship weeks, when known; see `stayedToInternshipWeeks`. */
  internshipWeeksStart?: string;
}

export interface ReportOutcome {
  category: OutcomeCategory;
  /** The coded sub-category, when staff have coded it; otherwise the report counts it as uncoded. */
  detailCode?: OutcomeDetailCode | null;
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
  /** A stable reference of this enrolment that is not the person's name or number: reports never carry identities. */
  ref: string;
  /**
   * The person, when she has more than one enrolment (moved to another group): totals count her once, by her
   * latest enrolment in the period. Default: `ref`.
   */
  person?: string;
  group: number;
  /** The group's municipality, as on its ReportGroup. */
  municipality?: string;
  gender: Gender;
  /**
   * How the enrolment ended (or `active`). A report whose period ends before `leftOn` (or, for a completer, before
   * the group's end) counts it as active, as it was then.
   */
  enrolment: EnrolmentStatus;
  /** Enrolment dates when they differ from the group's own. */
  enrolledOn?: string;
  leftOn?: string;
  /** For early leavers: why. */
  leftReason?: LeftReason;
  outcome: ReportOutcome | null;
  /** Where she was 3, 6 and 12 months after the end, when followed up. */
  followUps?: readonly { months: FollowUpMonths; category: OutcomeCategory; date?: string }[];
  /** Sessions held while the person was enrolled (cancelled sessions left out) and sessions present. */
  attendance: { held: number; present: number };
  internships: readonly ReportInternship[];
  /** Set when staff know better than the rule in `stayedToInternshipWeeks` (e.g. left in week 11 for a job). */
  stayedToInternshipWeeks?: boolean;
}

export interface ReportSurveyRound {
  group: number;
  municipality?: string;
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
   * The groups the internship headline (rate, industries, offers) covers, by number (in every municipality that
   * has that number). Default: every group in the period. Progress reports often count only the groups whose
   * internship weeks are over (Nästa Steg: groups 1–3).
   */
  internshipGroups?: readonly number[];
}

// ---------------------------------------------------------------------------------------------------------------
// Output: every figure of a progress report. Each share is a Ratio, so it names its numerator and denominator.
// ---------------------------------------------------------------------------------------------------------------

export type OutcomeCounts = Record<OutcomeCategory, number>;

export interface GroupSummary {
  number: number;
  /** Null when the input gave no municipality (a programme in one municipality). */
  municipality: string | null;
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
  /** Early leavers with no outcome recorded: counted as "Avbrott", never as no result yet. */
  leftEarlyWithoutOutcome: number;
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
  municipality: string | null;
}

export interface IndustryCount {
  industry: Industry;
  count: number;
}

export interface GroupInternships {
  group: number;
  municipality: string | null;
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
  municipality: string | null;
  /** answers / (enrolled when the round opened − those who had left). */
  rate: Ratio;
  enrolledAtOpen: number;
  leftBeforeOpen: number;
}

/** The goals come from the programme's coded list (contracts). */
export { GOAL_KEYS, type GoalKey } from '@stegvis/contracts';

export interface GoalFulfilment {
  key: GoalKey;
  target: number;
  actual: Ratio;
  /** Judged on the whole per cent shown, as attendance is in the admin; null without a denominator. */
  met: boolean | null;
}

export interface DetailCount {
  code: OutcomeDetailCode;
  count: number;
}

/** One category with its coded sub-categories ("Arbete 7, varav introduktionsjobb 3 …") and the uncoded rest. */
export interface OutcomeDetailBreakdown {
  category: OutcomeCategory;
  count: number;
  /** The category's codes that someone has, in the contracts' order. */
  codes: DetailCount[];
  /** Outcomes of the category without a code yet (free text only): printed "okodad" until a worker codes them. */
  uncoded: number;
}

export interface EarlyLeaverCount {
  /** Null when no reason was recorded. */
  reason: LeftReason | null;
  count: number;
}

/**
 * The standard figures of a set of enrolments (a group, a municipality, the programme), docs/evaluators.md. Every
 * share is of `enrolled`.
 */
export interface OutcomeFigures {
  enrolled: number;
  completed: number;
  leftEarly: number;
  active: number;
  outcomes: OutcomeCounts;
  /** Early leavers with no outcome recorded: their own line ("Avbrott"), never "no result yet". */
  leftEarlyWithoutOutcome: number;
  /** Not left early and no outcome yet. */
  noOutcomeYet: number;
  toWork: Ratio;
  toStudies: Ratio;
  toWorkOrStudies: Ratio;
  /** Did not leave early and have neither a work nor a studies outcome. */
  neitherWorkNorStudies: Ratio;
  /** One per category, in the contracts' order. */
  details: OutcomeDetailBreakdown[];
  /** Early leavers by reason, the reasons someone has, in the contracts' order (no reason last). */
  earlyLeavers: EarlyLeaverCount[];
}

export interface GroupOutcomes extends OutcomeFigures {
  group: number;
  municipality: string | null;
}

export interface MunicipalityFigures extends OutcomeFigures {
  /** Null for groups given without a municipality. */
  municipality: string | null;
  /** Sessions present of sessions held, over the municipality's groups. */
  attendance: Ratio;
}

/** Where those followed up `months` after the end were then. */
export interface FollowUpFigures {
  months: FollowUpMonths;
  /** Null: the whole programme. */
  municipality: string | null;
  followed: number;
  outcomes: OutcomeCounts;
  /** Work or studies of those followed up. */
  toWorkOrStudies: Ratio;
}

export interface ProgressReport {
  programme: string;
  period: ReportPeriod;
  /** Every enrolment of each group: a person who moved is listed in both groups. */
  groups: GroupSummary[];
  /** Persons: one who moved between groups counts once, by her latest enrolment in the period. */
  enrolled: number;
  /** The programme's standard figures, persons once. */
  total: OutcomeFigures;
  byGender: GenderBreakdown[];
  /** Count of each category of all enrolled. */
  outcomes: Record<OutcomeCategory, Ratio>;
  leftEarlyWithoutOutcome: Ratio;
  noOutcomeYet: Ratio;
  toWorkOrStudies: Ratio;
  neitherWorkNorStudies: Ratio;
  /** The standard figures per municipality (persons once, in the municipality of their latest enrolment). */
  municipalities: MunicipalityFigures[];
  /** The standard figures per group: every enrolment of the group. */
  groupOutcomes: GroupOutcomes[];
  /** Follow-ups 3, 6 and 12 months after the end, for the months someone has been followed up. */
  followUps: FollowUpFigures[];
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
 * Every figure of a progress report for one period, following docs/domain.md "How figures are counted" and
 * docs/evaluators.md. Pure: the caller gathers the data (status and attendance as at the end of the period).
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
  const groupsByKey = new Map<string, ReportGroup>();
  for (const g of input.groups) {
    const name = g.municipality === undefined ? `${g.number}` : `${g.number} (${g.municipality})`;
    if (groupsByKey.has(keyOfGroup(g))) throw new RangeError(`Group ${name} appears twice`);
    if (!isIsoDate(g.start) || !isIsoDate(g.end) || g.start > g.end) {
      throw new RangeError(`Group ${name} needs real start and end dates, start first`);
    }
    groupsByKey.set(keyOfGroup(g), g);
  }
  checkCounts(input, groupsByKey);

  const groups = [...groupsByKey.values()]
    .filter((g) => overlaps(g.start, g.end, period))
    .sort(byMunicipalityAndNumber);
  const inScope = new Set(groups.map(keyOfGroup));
  // Each group's counts, found once: filtering everything per group is quadratic for large programmes.
  const byGroup = <T extends { group: number; municipality?: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>(groups.map((g) => [keyOfGroup(g), []]));
    for (const r of rows) m.get(groupKey(r))?.push(r);
    return m;
  };
  const cohortsOf = byGroup(input.cohorts);
  const attendanceOfGroup = byGroup(input.attendance);
  const internshipsOfGroup = byGroup(input.internships);
  const followUpsOfGroup = byGroup(input.followUps ?? []);
  const of = <T>(m: Map<string, T[]>, g: ReportGroup): T[] => m.get(keyOfGroup(g))!;
  const cohorts = groups.flatMap((g) => of(cohortsOf, g));
  // Totals count persons once: an enrolment replaced by a later one of the same person is left out of them.
  const persons = cohorts.filter((c) => !c.superseded);
  const total = figuresOf(persons);
  const enrolled = total.enrolled;
  const outcomeCounts = total.outcomes;

  const byGender = GENDERS.map((gender): GenderBreakdown => {
    const f = figuresOf(persons.filter((c) => c.gender === gender));
    return {
      gender,
      enrolled: f.enrolled,
      outcomes: f.outcomes,
      leftEarlyWithoutOutcome: f.leftEarlyWithoutOutcome,
      noOutcomeYet: f.noOutcomeYet,
      toWorkOrStudies: f.toWorkOrStudies,
    };
  });

  const goalPercent = input.programme.goals.attendancePercent;
  const attendance = {
    goalPercent,
    overall: attendanceOf(
      groups.flatMap((g) => of(attendanceOfGroup, g)),
      goalPercent,
    ),
    byGroup: groups.map((g) => ({
      group: g.number,
      municipality: g.municipality ?? null,
      ...attendanceOf(of(attendanceOfGroup, g), goalPercent),
    })),
  };

  const municipalityNames = [...new Set(groups.map((g) => g.municipality ?? null))].sort(byName);
  const municipalities = municipalityNames.map((municipality): MunicipalityFigures => {
    const mine = groups.filter((g) => (g.municipality ?? null) === municipality);
    return {
      municipality,
      ...figuresOf(mine.flatMap((g) => of(cohortsOf, g)).filter((c) => !c.superseded)),
      attendance: attendanceOf(
        mine.flatMap((g) => of(attendanceOfGroup, g)),
        goalPercent,
      ).rate,
    };
  });

  const groupOutcomes = groups.map((g): GroupOutcomes => ({
    group: g.number,
    municipality: g.municipality ?? null,
    ...figuresOf(of(cohortsOf, g)),
  }));

  const followUps = followUpsOf(groups, (g) => of(followUpsOfGroup, g), municipalityNames);

  const internshipGroups = [...new Set(options.internshipGroups ?? groups.map((g) => g.number))].sort(
    (a, b) => a - b,
  );
  for (const n of internshipGroups) {
    if (!groups.some((g) => g.number === n))
      throw new RangeError(`Internship figures asked for group ${n}, which is not in the period`);
  }
  const internshipsByGroup = groups.map((g): GroupInternships => {
    const placements = of(internshipsOfGroup, g);
    return {
      group: g.number,
      municipality: g.municipality ?? null,
      rate: internshipRate(of(cohortsOf, g), g, period.end),
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
    byIndustry: industriesOf(
      groups.filter((g) => headlineGroups.has(g.number)).flatMap((g) => of(internshipsOfGroup, g)),
    ),
    byGroup: internshipsByGroup,
  };

  // "Completers with outcome work, studies or plan / completers, leaving out those with outcome health."
  const completers = persons.filter((c) => c.enrolment === 'completed');
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

  const order = new Map(groups.map((g, i) => [keyOfGroup(g), i]));
  const surveys = input.surveyRounds
    .filter((r) => inScope.has(groupKey(r)))
    .map((r) => ({
      group: r.group,
      municipality: r.municipality ?? null,
      rate: surveyRate(r),
      enrolledAtOpen: r.enrolledAtOpen,
      leftBeforeOpen: r.leftBeforeOpen,
    }))
    .sort((a, b) => order.get(groupKey(toRef(a)))! - order.get(groupKey(toRef(b)))!);

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
      actual: total.toWorkOrStudies,
      met: meets(total.toWorkOrStudies, workOrStudiesTarget),
    });
  }

  return {
    programme: input.programme.name,
    period: { ...period },
    groups: groups.map((g, i) => {
      const f = groupOutcomes[i];
      return {
        number: g.number,
        municipality: g.municipality ?? null,
        start: g.start,
        end: g.end,
        status: g.status,
        enrolled: f.enrolled,
        completed: f.completed,
        leftEarly: f.leftEarly,
        active: f.active,
      };
    }),
    enrolled,
    total,
    byGender,
    outcomes: Object.fromEntries(
      OUTCOME_CATEGORIES.map((c) => [c, percent(outcomeCounts[c], enrolled)]),
    ) as Record<OutcomeCategory, Ratio>,
    leftEarlyWithoutOutcome: percent(total.leftEarlyWithoutOutcome, enrolled),
    noOutcomeYet: percent(total.noOutcomeYet, enrolled),
    toWorkOrStudies: total.toWorkOrStudies,
    neitherWorkNorStudies: total.neitherWorkNorStudies,
    municipalities,
    groupOutcomes,
    followUps,
    attendance,
    internships,
    clearPlanGoal,
    surveys,
    goals,
  };
}

/** The standard figures of a set of cohorts (docs/evaluators.md). */
export function figuresOf(cohorts: readonly ReportCohort[]): OutcomeFigures {
  const enrolled = sumBy(cohorts, (c) => c.participants);
  const status = (s: EnrolmentStatus) => sumBy(cohorts, (c) => (c.enrolment === s ? c.participants : 0));
  const outcomes = countOutcomes(cohorts);
  const leavers = cohorts.filter((c) => c.enrolment === 'left_early');
  const stayers = cohorts.filter((c) => c.enrolment !== 'left_early');
  const withoutOutcome = (rows: readonly ReportCohort[]) =>
    sumBy(rows, (c) => c.participants - sumOf(c.outcomes, OUTCOME_CATEGORIES));
  const details = OUTCOME_CATEGORIES.map((category): OutcomeDetailBreakdown => {
    const codes = (DETAIL_CODES_OF_CATEGORY[category] as readonly OutcomeDetailCode[])
      .map((code) => ({ code, count: sumBy(cohorts, (c) => c.detailCodes?.[code] ?? 0) }))
      .filter((d) => d.count > 0);
    return {
      category,
      count: outcomes[category],
      codes,
      // A category without codes (none) has nothing to code.
      uncoded: DETAIL_CODES_OF_CATEGORY[category].length
        ? outcomes[category] - sumBy(codes, (d) => d.count)
        : 0,
    };
  });
  const reasons = new Map<LeftReason | null, number>();
  for (const c of leavers)
    reasons.set(c.leftReason ?? null, (reasons.get(c.leftReason ?? null) ?? 0) + c.participants);
  const earlyLeavers = [...LEFT_REASONS, null]
    .filter((r) => (reasons.get(r) ?? 0) > 0)
    .map((reason) => ({ reason, count: reasons.get(reason)! }));
  return {
    enrolled,
    completed: status('completed'),
    leftEarly: status('left_early'),
    active: status('active'),
    outcomes,
    leftEarlyWithoutOutcome: withoutOutcome(leavers),
    noOutcomeYet: withoutOutcome(stayers),
    toWork: percent(outcomes.work, enrolled),
    toStudies: percent(outcomes.studies, enrolled),
    toWorkOrStudies: percent(sumOf(outcomes, TO_WORK_OR_STUDIES), enrolled),
    neitherWorkNorStudies: percent(
      sumBy(stayers, (c) => c.participants - sumOf(c.outcomes, TO_WORK_OR_STUDIES)),
      enrolled,
    ),
    details,
    earlyLeavers,
  };
}

/** The programme's follow-ups per months, then per municipality when there is more than one; persons once. */
function followUpsOf(
  groups: readonly ReportGroup[],
  rowsOf: (g: ReportGroup) => readonly ReportFollowUpCount[],
  municipalities: readonly (string | null)[],
): FollowUpFigures[] {
  const figures = (months: FollowUpMonths, municipality: string | null, scope: readonly ReportGroup[]) => {
    const rows = scope.flatMap(rowsOf).filter((r) => r.months === months && !r.superseded);
    const outcomes = noOutcomes();
    for (const r of rows) outcomes[r.category] += r.participants;
    const followed = sumBy(rows, (r) => r.participants);
    return {
      months,
      municipality,
      followed,
      outcomes,
      toWorkOrStudies: percent(sumOf(outcomes, TO_WORK_OR_STUDIES), followed),
    };
  };
  return FOLLOW_UP_MONTHS.flatMap((months) => {
    const all = figures(months, null, groups);
    if (all.followed === 0) return [];
    const each =
      municipalities.length > 1
        ? municipalities.map((m) =>
            figures(
              months,
              m,
              groups.filter((g) => (g.municipality ?? null) === m),
            ),
          )
        : [];
    return [...each, all];
  });
}

function toRef(r: { group: number; municipality: string | null }) {
  return r.municipality === null ? { group: r.group } : { group: r.group, municipality: r.municipality };
}

function byName(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'sv');
}

function byMunicipalityAndNumber(a: ReportGroup, b: ReportGroup): number {
  return byName(a.municipality ?? null, b.municipality ?? null) || a.number - b.number;
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
