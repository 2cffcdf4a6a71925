import {
  ENROLMENT_STATUSES,
  GENDERS,
  INDUSTRIES,
  OUTCOME_CATEGORIES,
  type EnrolmentStatus,
} from '@stegvis/contracts';
import { GROUP_STATUSES, type ProgrammeReportInput, type ReportPeriod } from '../src/index.js';
import fixture from './fixtures/reference-programme.json';

export { fixture };

/**
 * The report's own span: "Från den 3:e september 2019 fram till idag" — its 51 enrolled include group 1
 * (autumn 2019), although the cover says "6 månader 2020-09-03 – 2021-05-01". The report is dated 2021-05-01.
 */
export const REFERENCE_PERIOD: ReportPeriod = { start: '2019-09-03', end: '2021-05-01' };

/** Nästa Steg's progress report counts internships over the groups whose internship weeks were over. */
export const REFERENCE_INTERNSHIP_GROUPS = [1, 2, 3] as const;

function oneOf<T extends string>(list: readonly T[], value: string, what: string): T {
  if (!(list as readonly string[]).includes(value)) throw new Error(`Fixture: unknown ${what} "${value}"`);
  return value as T;
}

// The fixture writes "left early" as prose; the code's union is left_early.
function enrolment(value: string): EnrolmentStatus {
  return oneOf(ENROLMENT_STATUSES, value.replace(' ', '_'), 'enrolment status');
}

/** The fixture's rows as the report function's input: the same data the api would gather from its tables. */
export function referenceInput(): ProgrammeReportInput {
  return {
    programme: {
      name: fixture.programme.name,
      goals: {
        attendancePercent: fixture.programme.goals.attendancePercent,
        clearPlanPercent: fixture.programme.goals.clearPlanPercent,
      },
    },
    groups: fixture.groups.map((g) => ({
      number: g.number,
      start: g.start,
      end: g.end,
      status: oneOf(GROUP_STATUSES, g.status, 'group status'),
    })),
    participants: fixture.participants.map((p) => ({
      ref: p.ref,
      group: p.group,
      gender: oneOf(GENDERS, p.gender, 'gender'),
      enrolment: enrolment(p.enrolment),
      outcome: p.outcome
        ? { category: oneOf(OUTCOME_CATEGORIES, p.outcome.category, 'outcome'), detail: p.outcome.detail }
        : null,
      attendance: { held: p.attendance.held, present: p.attendance.present },
      internships: p.internship
        ? [
            {
              industry: oneOf(INDUSTRIES, p.internship.sector, 'industry'),
              ledToOffer: p.internship.ledToOffer,
            },
          ]
        : [],
    })),
    surveyRounds: fixture.surveyRounds.map((r) => {
      const group = fixture.participants.filter((p) => p.group === r.group);
      // A group's survey is given in its last week, so everyone who was ever enrolled in it had been enrolled
      // when the round opened; those who left early had left by then (group 4: one in week 1, one "before the
      // survey").
      return {
        group: r.group,
        answers: r.answered,
        enrolledAtOpen: group.length,
        leftBeforeOpen: group.filter((p) => enrolment(p.enrolment) === 'left_early').length,
      };
    }),
  };
}
