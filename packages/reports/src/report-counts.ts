import {
  OUTCOME_CATEGORIES,
  isIsoDate,
  type EnrolmentStatus,
  type Gender,
  type Industry,
} from '@stegvis/contracts';
import type {
  OutcomeCounts,
  ProgrammeReportInput,
  ReportGroup,
  ReportParticipant,
  ReportPeriod,
  ReportSurveyRound,
} from './programme-report.js';

// ---------------------------------------------------------------------------------------------------------------
// A programme's data as counts: what a progress report needs, without a row per person. The api gets these from
// grouped SQL (a programme of 100 000 participants is a few thousand rows); tests and small callers get them from
// the person-by-person input with `countParticipants`. Either way the figures come from the same rules.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Participants of one group who are alike in everything the report's rules look at (gender, enrolment status,
 * the day an early leaver left), with how many of them have each outcome and how many have an internship.
 */
export interface ReportCohort {
  group: number;
  gender: Gender;
  /** Status as at the end of the period. */
  enrolment: EnrolmentStatus;
  /** For early leavers: the day they left (the internship-rate rule compares it with the internship weeks). */
  leftOn?: string;
  /** When staff know better than the rule in `stayedToInternshipWeeks`. */
  stayedToInternshipWeeks?: boolean;
  participants: number;
  /** Those whose outcome, as at the end of the period, is each category; the rest have none yet. */
  outcomes: OutcomeCounts;
  /** Those with at least one internship. */
  withInternship: number;
}

/** Participants of a group with the same sessions held and present while they were enrolled. */
export interface ReportAttendanceCount {
  group: number;
  held: number;
  present: number;
  participants: number;
}

/** Internships (placements, not people) of a group's participants in one industry. */
export interface ReportInternshipCount {
  group: number;
  industry: Industry;
  internships: number;
  /** Those that led to an offer of employment, seasonal or hourly work. */
  offers: number;
}

/**
 * Only enrolments that overlap the period are counted (docs/domain.md "Enrolled in a period"): the caller counts
 * them; with `countParticipants` that is done here.
 */
export interface ProgrammeReportCounts {
  programme: ProgrammeReportInput['programme'];
  groups: readonly ReportGroup[];
  cohorts: readonly ReportCohort[];
  attendance: readonly ReportAttendanceCount[];
  internships: readonly ReportInternshipCount[];
  surveyRounds: readonly ReportSurveyRound[];
}

/** "Enrolled in a period: everyone with an enrolment in a group of the programme that overlaps the period." */
export function enrolledInPeriod(
  p: Pick<ReportParticipant, 'enrolledOn' | 'leftOn'>,
  group: ReportGroup,
  period: ReportPeriod,
): boolean {
  return (
    overlaps(group.start, group.end, period) &&
    overlaps(p.enrolledOn ?? group.start, p.leftOn ?? group.end, period)
  );
}

export function overlaps(start: string, end: string, period: ReportPeriod): boolean {
  return start <= period.end && end >= period.start;
}

/** The person-by-person input as counts: those enrolled in the period, outcomes as at its end. */
export function countParticipants(input: ProgrammeReportInput, period: ReportPeriod): ProgrammeReportCounts {
  const groups = new Map(input.groups.map((g) => [g.number, g]));
  const cohorts = new Map<string, ReportCohort>();
  const attendance = new Map<string, ReportAttendanceCount>();
  const internships = new Map<string, ReportInternshipCount>();
  for (const p of input.participants) {
    checkParticipant(p, groups);
    if (!enrolledInPeriod(p, groups.get(p.group) as ReportGroup, period)) continue;
    const leftOn = p.enrolment === 'left_early' ? p.leftOn : undefined;
    const key = JSON.stringify([
      p.group,
      p.gender,
      p.enrolment,
      leftOn ?? null,
      p.stayedToInternshipWeeks ?? null,
    ]);
    let c = cohorts.get(key);
    if (!c) {
      c = {
        group: p.group,
        gender: p.gender,
        enrolment: p.enrolment,
        ...(leftOn !== undefined ? { leftOn } : {}),
        ...(p.stayedToInternshipWeeks !== undefined
          ? { stayedToInternshipWeeks: p.stayedToInternshipWeeks }
          : {}),
        participants: 0,
        outcomes: noOutcomes(),
        withInternship: 0,
      };
      cohorts.set(key, c);
    }
    c.participants += 1;
    // "An outcome dated after the period does not count in it."
    if (p.outcome && (p.outcome.date === undefined || p.outcome.date <= period.end))
      c.outcomes[p.outcome.category] += 1;
    if (p.internships.length > 0) c.withInternship += 1;

    const a = `${p.group}:${p.attendance.held}:${p.attendance.present}`;
    const cell = attendance.get(a) ?? { group: p.group, ...p.attendance, participants: 0 };
    cell.participants += 1;
    attendance.set(a, cell);

    for (const i of p.internships) {
      const k = `${p.group}:${i.industry}`;
      const n = internships.get(k) ?? { group: p.group, industry: i.industry, internships: 0, offers: 0 };
      n.internships += 1;
      if (i.ledToOffer) n.offers += 1;
      internships.set(k, n);
    }
  }
  return {
    programme: input.programme,
    groups: input.groups,
    cohorts: [...cohorts.values()],
    attendance: [...attendance.values()],
    internships: [...internships.values()],
    surveyRounds: input.surveyRounds,
  };
}

export function noOutcomes(): OutcomeCounts {
  return Object.fromEntries(OUTCOME_CATEGORIES.map((c) => [c, 0])) as OutcomeCounts;
}

/** Counts that cannot be true refuse the report, as a wrong figure sent to the funder is worse than an error. */
export function checkCounts(input: ProgrammeReportCounts, groups: ReadonlyMap<number, ReportGroup>): void {
  const count = (n: number, what: string) => {
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
  };
  const known = (group: number, what: string) => {
    if (!groups.has(group))
      throw new RangeError(`${what} is in group ${group}, which the input does not list`);
  };
  for (const c of input.cohorts) {
    known(c.group, 'A cohort');
    count(c.participants, `Group ${c.group}: participants`);
    count(c.withInternship, `Group ${c.group}: participants with an internship`);
    let withOutcome = 0;
    for (const k of OUTCOME_CATEGORIES) {
      count(c.outcomes[k], `Group ${c.group}: outcome ${k}`);
      withOutcome += c.outcomes[k];
    }
    if (withOutcome > c.participants || c.withInternship > c.participants) {
      throw new RangeError(
        `Group ${c.group}: more outcomes or internships than the ${c.participants} participants of a cohort`,
      );
    }
    if (c.leftOn !== undefined && !isIsoDate(c.leftOn))
      throw new RangeError(`Group ${c.group}: ${c.leftOn} is not a date`);
  }
  for (const a of input.attendance) {
    known(a.group, 'Attendance');
    count(a.participants, `Group ${a.group}: attendance participants`);
    count(a.held, `Group ${a.group}: sessions held`);
    count(a.present, `Group ${a.group}: sessions present`);
    if (a.present > a.held)
      throw new RangeError(`Group ${a.group}: attendance ${a.present} of ${a.held} is impossible`);
  }
  for (const i of input.internships) {
    known(i.group, 'An internship');
    count(i.internships, `Group ${i.group}: internships`);
    count(i.offers, `Group ${i.group}: offers`);
    if (i.offers > i.internships)
      throw new RangeError(`Group ${i.group}: ${i.offers} offers from ${i.internships} internships`);
  }
}

function checkParticipant(p: ReportParticipant, groups: ReadonlyMap<number, ReportGroup>): void {
  if (!groups.has(p.group))
    throw new RangeError(`Participant ${p.ref} is in group ${p.group}, which the input does not list`);
  const { held, present } = p.attendance;
  if (!Number.isSafeInteger(held) || !Number.isSafeInteger(present) || present < 0 || present > held) {
    throw new RangeError(`Participant ${p.ref}: attendance ${present} of ${held} is impossible`);
  }
  for (const d of [p.enrolledOn, p.leftOn, p.outcome?.date]) {
    if (d !== undefined && !isIsoDate(d)) throw new RangeError(`Participant ${p.ref}: ${d} is not a date`);
  }
}
