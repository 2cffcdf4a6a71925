import {
  FOLLOW_UP_MONTHS,
  LEFT_REASONS,
  OUTCOME_CATEGORIES,
  OUTCOME_DETAIL_CODES,
  categoryOfDetailCode,
  isIsoDate,
  type EnrolmentStatus,
  type FollowUpMonths,
  type Gender,
  type Industry,
  type LeftReason,
  type OutcomeCategory,
  type OutcomeDetailCode,
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
 * Which group a count belongs to. Group numbers are unique per municipality, so two towns may each have a
 * "Grupp 4": a group is its number and its municipality (left out for a programme in one municipality).
 */
export interface GroupRef {
  group: number;
  municipality?: string;
}

/** One string per group, for maps: the municipality and the number. */
export function groupKey(ref: GroupRef): string {
  return `${ref.municipality ?? ''}\u0000${ref.group}`;
}

export function keyOfGroup(g: Pick<ReportGroup, 'number' | 'municipality'>): string {
  return groupKey({ group: g.number, municipality: g.municipality });
}

/**
 * Participants of one group who are alike in everything the report's rules look at (gender, enrolment status,
 * the day an early leaver left and why, whether a later enrolment replaces this one in the totals), with how many
 * of them have each outcome and detail code and how many have an internship.
 */
export interface ReportCohort extends GroupRef {
  gender: Gender;
  /** Status as at the end of the period. */
  enrolment: EnrolmentStatus;
  /** For early leavers: the day they left (the internship-rate rule compares it with the internship weeks). */
  leftOn?: string;
  /** For early leavers: why, when recorded. */
  leftReason?: LeftReason;
  /** When staff know better than the rule in `stayedToInternshipWeeks`. */
  stayedToInternshipWeeks?: boolean;
  /**
   * The same person has a later enrolment in the programme in the period (she moved to another group, or came
   * back): this one counts in its group's rows, the later one in the totals, so totals count persons once.
   */
  superseded?: boolean;
  participants: number;
  /** Those whose outcome, as at the end of the period, is each category; the rest have none yet. */
  outcomes: OutcomeCounts;
  /** Of `outcomes`, those with each detail code; the rest of a category are uncoded. */
  detailCodes?: Partial<Record<OutcomeDetailCode, number>>;
  /** Those with at least one internship. */
  withInternship: number;
}

/** Participants of a group with the same sessions held and present while they were enrolled. */
export interface ReportAttendanceCount extends GroupRef {
  held: number;
  present: number;
  participants: number;
}

/** Internships (placements, not people) of a group's participants in one industry. */
export interface ReportInternshipCount extends GroupRef {
  industry: Industry;
  internships: number;
  /** Those that led to an offer of employment, seasonal or hourly work. */
  offers: number;
}

/** Participants of a group followed up `months` after the end, by where they were then (dated in the period). */
export interface ReportFollowUpCount extends GroupRef {
  months: FollowUpMonths;
  category: OutcomeCategory;
  /** As on the cohort: the enrolment is replaced in the totals by a later one of the same person. */
  superseded?: boolean;
  participants: number;
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
  followUps?: readonly ReportFollowUpCount[];
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

// ---------------------------------------------------------------------------------------------------------------
// Tertials: January–April, May–August, September–December.
// ---------------------------------------------------------------------------------------------------------------

export interface Tertial extends ReportPeriod {
  year: number;
  /** 1, 2 or 3. */
  index: number;
}

/** The tertial a day falls in. */
export function tertialOf(date: string): Tertial {
  if (!isIsoDate(date)) throw new RangeError(`${date} is not a date`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return tertial(year, Math.ceil(month / 4));
}

/** The tertial before `t`: T3 of the year before for a T1. */
export function previousTertial(t: Pick<Tertial, 'year' | 'index'>): Tertial {
  return t.index === 1 ? tertial(t.year - 1, 3) : tertial(t.year, t.index - 1);
}

function tertial(year: number, index: number): Tertial {
  const y = String(year).padStart(4, '0');
  const bounds: Record<number, [string, string]> = {
    1: ['01-01', '04-30'],
    2: ['05-01', '08-31'],
    3: ['09-01', '12-31'],
  };
  const [from, to] = bounds[index] ?? bounds[1];
  return { year, index, start: `${y}-${from}`, end: `${y}-${to}` };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * The person-by-person input as counts: those enrolled in the period, outcomes as at its end. A person with more
 * than one enrolment in the period (the same `person`) counts in the totals by the latest one.
 */
export function countParticipants(input: ProgrammeReportInput, period: ReportPeriod): ProgrammeReportCounts {
  const groups = new Map(input.groups.map((g) => [keyOfGroup(g), g]));
  const inPeriod = input.participants.filter((p) => {
    checkParticipant(p, groups);
    return enrolledInPeriod(p, groups.get(groupKey(p)) as ReportGroup, period);
  });
  // The latest enrolment of each person in the period; earlier ones are superseded.
  const latest = new Map<string, ReportParticipant>();
  const startOf = (p: ReportParticipant) => p.enrolledOn ?? (groups.get(groupKey(p)) as ReportGroup).start;
  for (const p of inPeriod) {
    const person = p.person ?? p.ref;
    const seen = latest.get(person);
    if (!seen || startOf(p) >= startOf(seen)) latest.set(person, p);
  }

  const cohorts = new Map<string, ReportCohort>();
  const attendance = new Map<string, ReportAttendanceCount>();
  const internships = new Map<string, ReportInternshipCount>();
  const followUps = new Map<string, ReportFollowUpCount>();
  for (const p of inPeriod) {
    const ref: GroupRef = {
      group: p.group,
      ...(p.municipality !== undefined ? { municipality: p.municipality } : {}),
    };
    const superseded = latest.get(p.person ?? p.ref) !== p;
    const enrolment = statusAtEnd(p, groups.get(groupKey(p)) as ReportGroup, period);
    const leftEarly = enrolment === 'left_early';
    const leftOn = leftEarly ? p.leftOn : undefined;
    const leftReason = leftEarly ? p.leftReason : undefined;
    const key = JSON.stringify([
      groupKey(ref),
      p.gender,
      enrolment,
      leftOn ?? null,
      leftReason ?? null,
      p.stayedToInternshipWeeks ?? null,
      superseded,
    ]);
    let c = cohorts.get(key);
    if (!c) {
      c = {
        ...ref,
        gender: p.gender,
        enrolment,
        ...(leftOn !== undefined ? { leftOn } : {}),
        ...(leftReason !== undefined ? { leftReason } : {}),
        ...(p.stayedToInternshipWeeks !== undefined
          ? { stayedToInternshipWeeks: p.stayedToInternshipWeeks }
          : {}),
        ...(superseded ? { superseded } : {}),
        participants: 0,
        outcomes: noOutcomes(),
        detailCodes: {},
        withInternship: 0,
      };
      cohorts.set(key, c);
    }
    c.participants += 1;
    // "An outcome dated after the period does not count in it."
    if (p.outcome && (p.outcome.date === undefined || p.outcome.date <= period.end)) {
      c.outcomes[p.outcome.category] += 1;
      const code = p.outcome.detailCode;
      if (code) c.detailCodes![code] = (c.detailCodes![code] ?? 0) + 1;
    }
    if (p.internships.length > 0) c.withInternship += 1;

    const a = `${groupKey(ref)}:${p.attendance.held}:${p.attendance.present}`;
    const cell = attendance.get(a) ?? { ...ref, ...p.attendance, participants: 0 };
    cell.participants += 1;
    attendance.set(a, cell);

    for (const i of p.internships) {
      const k = `${groupKey(ref)}:${i.industry}`;
      const n = internships.get(k) ?? { ...ref, industry: i.industry, internships: 0, offers: 0 };
      n.internships += 1;
      if (i.ledToOffer) n.offers += 1;
      internships.set(k, n);
    }

    for (const f of p.followUps ?? []) {
      if (f.date !== undefined && f.date > period.end) continue;
      const k = JSON.stringify([groupKey(ref), f.months, f.category, superseded]);
      const n = followUps.get(k) ?? {
        ...ref,
        months: f.months,
        category: f.category,
        ...(superseded ? { superseded } : {}),
        participants: 0,
      };
      n.participants += 1;
      followUps.set(k, n);
    }
  }
  return {
    programme: input.programme,
    groups: input.groups,
    cohorts: [...cohorts.values()],
    attendance: [...attendance.values()],
    internships: [...internships.values()],
    surveyRounds: input.surveyRounds,
    followUps: [...followUps.values()],
  };
}

/**
 * Status as at the end of the period, as the api's SQL has it: an enrolment that ended after the period (on its
 * `leftOn`, or a completer on the group's last day) was still active then.
 */
function statusAtEnd(p: ReportParticipant, group: ReportGroup, period: ReportPeriod): EnrolmentStatus {
  if (p.enrolment === 'active') return 'active';
  return (p.leftOn ?? group.end) > period.end ? 'active' : p.enrolment;
}

export function noOutcomes(): OutcomeCounts {
  return Object.fromEntries(OUTCOME_CATEGORIES.map((c) => [c, 0])) as OutcomeCounts;
}

/** Counts that cannot be true refuse the report, as a wrong figure sent to the funder is worse than an error. */
export function checkCounts(input: ProgrammeReportCounts, groups: ReadonlyMap<string, ReportGroup>): void {
  const count = (n: number, what: string) => {
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
  };
  const known = (ref: GroupRef, what: string) => {
    if (!groups.has(groupKey(ref)))
      throw new RangeError(`${what} is in group ${nameOf(ref)}, which the input does not list`);
  };
  for (const c of input.cohorts) {
    const g = `Group ${nameOf(c)}`;
    known(c, 'A cohort');
    count(c.participants, `${g}: participants`);
    count(c.withInternship, `${g}: participants with an internship`);
    let withOutcome = 0;
    for (const k of OUTCOME_CATEGORIES) {
      count(c.outcomes[k], `${g}: outcome ${k}`);
      withOutcome += c.outcomes[k];
    }
    if (withOutcome > c.participants || c.withInternship > c.participants) {
      throw new RangeError(
        `${g}: more outcomes or internships than the ${c.participants} participants of a cohort`,
      );
    }
    const coded = noOutcomes();
    for (const [code, n] of Object.entries(c.detailCodes ?? {})) {
      if (!(OUTCOME_DETAIL_CODES as readonly string[]).includes(code))
        throw new RangeError(`${g}: ${code} is not a detail code`);
      count(n, `${g}: detail code ${code}`);
      coded[categoryOfDetailCode(code as OutcomeDetailCode)] += n;
    }
    for (const k of OUTCOME_CATEGORIES)
      if (coded[k] > c.outcomes[k])
        throw new RangeError(`${g}: ${coded[k]} detail codes of ${k} for ${c.outcomes[k]} such outcomes`);
    if (c.leftOn !== undefined && !isIsoDate(c.leftOn))
      throw new RangeError(`${g}: ${c.leftOn} is not a date`);
    if (c.leftReason !== undefined && !(LEFT_REASONS as readonly string[]).includes(c.leftReason))
      throw new RangeError(`${g}: ${c.leftReason} is not a reason for leaving`);
  }
  for (const a of input.attendance) {
    const g = `Group ${nameOf(a)}`;
    known(a, 'Attendance');
    count(a.participants, `${g}: attendance participants`);
    count(a.held, `${g}: sessions held`);
    count(a.present, `${g}: sessions present`);
    if (a.present > a.held) throw new RangeError(`${g}: attendance ${a.present} of ${a.held} is impossible`);
  }
  for (const i of input.internships) {
    const g = `Group ${nameOf(i)}`;
    known(i, 'An internship');
    count(i.internships, `${g}: internships`);
    count(i.offers, `${g}: offers`);
    if (i.offers > i.internships)
      throw new RangeError(`${g}: ${i.offers} offers from ${i.internships} internships`);
  }
  for (const f of input.followUps ?? []) {
    const g = `Group ${nameOf(f)}`;
    known(f, 'A follow-up');
    count(f.participants, `${g}: followed up`);
    if (!(FOLLOW_UP_MONTHS as readonly number[]).includes(f.months))
      throw new RangeError(`${g}: a follow-up after ${f.months} months`);
  }
}

function nameOf(ref: GroupRef): string {
  return ref.municipality === undefined ? String(ref.group) : `${ref.group} (${ref.municipality})`;
}

function checkParticipant(p: ReportParticipant, groups: ReadonlyMap<string, ReportGroup>): void {
  if (!groups.has(groupKey(p)))
    throw new RangeError(`Participant ${p.ref} is in group ${nameOf(p)}, which the input does not list`);
  const { held, present } = p.attendance;
  if (!Number.isSafeInteger(held) || !Number.isSafeInteger(present) || present < 0 || present > held) {
    throw new RangeError(`Participant ${p.ref}: attendance ${present} of ${held} is impossible`);
  }
  for (const d of [p.enrolledOn, p.leftOn, p.outcome?.date, ...(p.followUps ?? []).map((f) => f.date)]) {
    if (d !== undefined && !isIsoDate(d)) throw new RangeError(`Participant ${p.ref}: ${d} is not a date`);
  }
  const code = p.outcome?.detailCode;
  if (p.outcome && code && categoryOfDetailCode(code) !== p.outcome.category)
    throw new RangeError(`Participant ${p.ref}: ${code} is not a detail code of ${p.outcome.category}`);
}
