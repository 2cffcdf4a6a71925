import type { Gender, Industry, OutcomeCategory, OutcomeDetailCode } from '@stegvis/contracts';

/**
 * The reference programme: Nästa Steg (Ängelholm) as in the seed progress report (../shared/seeds), made
 * consistent, from ../shared/fixtures/reference-programme.json. One source for the demo seed (demo-seed.ts) and the
 * api's tests (test/support/reference-programme.ts), so the figures a newcomer sees are the ones the tests assert.
 * Names and personal numbers are left out on purpose: the seed and the tests add their own.
 *
 * `detailCode` is the outcome detail code (packages/contracts OUTCOME_DETAIL_CODES) the fixture's free text names;
 * null where the text does not say which one (the employment form of a job), as in data typed in before the codes.
 */

export type ReferenceEnrolment = 'completed' | 'left early' | 'active';

export interface ReferenceParticipant {
  ref: string;
  group: number;
  gender: Gender;
  enrolment: ReferenceEnrolment;
  outcome: { category: OutcomeCategory; detailCode: OutcomeDetailCode | null; detail: string } | null;
  /** Lectures held while she was enrolled, and those she was present at. */
  attendance: { held: number; present: number };
  internship: { sector: Industry; ledToOffer: boolean } | null;
}

type Row = [
  ref: string,
  group: number,
  gender: Gender,
  enrolment: ReferenceEnrolment,
  outcome: [OutcomeCategory, OutcomeDetailCode | null, string] | null,
  attendance: [held: number, present: number],
  internship: [Industry, boolean] | null,
];

// ref, group, gender, enrolment, [category, detail code, detail], [lectures held, present], [industry, led to an offer]
// prettier-ignore
const ROWS: Row[] = [
  ['P01', 1, 'man', 'completed', ['studies', 'labour_market_training', 'labour-market training: bricklayer'], [31, 26], ['retail', false]],
  ['P02', 1, 'woman', 'completed', ['studies', 'vocational_training', 'child-minder training (distance)'], [31, 26], ['production/warehouse', false]],
  ['P03', 1, 'woman', 'completed', ['studies', 'vocational_training', 'child-minder training (distance)'], [31, 26], ['pre-school/school', false]],
  ['P04', 1, 'man', 'completed', ['studies', 'gruv', 'GRUV with CSN'], [31, 26], ['pre-school/school', false]],
  ['P05', 1, 'woman', 'completed', ['work', null, 'bakery'], [31, 26], ['bakery/café', true]],
  ['P06', 1, 'woman', 'completed', ['work', null, 'cleaning'], [31, 26], ['retail', true]],
  ['P07', 1, 'man', 'completed', ['work', null, 'cleaning'], [31, 26], ['care', true]],
  ['P08', 1, 'man', 'completed', ['plan', 'clear_plan', 'plan towards work or studies'], [31, 25], ['pre-school/school', false]],
  ['P09', 1, 'woman', 'completed', ['plan', 'clear_plan', 'plan towards work or studies'], [31, 25], ['care', false]],
  ['P10', 1, 'woman', 'completed', ['health', 'care_contact', 'health care in focus'], [31, 25], null],
  ['P11', 2, 'man', 'completed', ['studies', 'gruv', 'GRUV with CSN'], [31, 26], ['care', false]],
  ['P12', 2, 'woman', 'completed', ['studies', 'gruv', 'GRUV with CSN'], [31, 26], ['pre-school/school', false]],
  ['P13', 2, 'woman', 'completed', ['studies', 'gruv', 'GRUV with CSN'], [31, 26], ['retail', false]],
  ['P14', 2, 'man', 'completed', ['studies', 'gruv', 'GRUV with CSN'], [31, 26], ['pre-school/school', false]],
  ['P15', 2, 'woman', 'completed', ['work', null, 'cleaning'], [31, 26], ['retail', true]],
  ['P16', 2, 'woman', 'completed', ['work', null, 'warehouse'], [31, 26], ['production/warehouse', true]],
  ['P17', 2, 'man', 'completed', ['work', null, 'child minder'], [31, 26], ['pre-school/school', false]],
  ['P18', 2, 'man', 'completed', ['plan', 'clear_plan', 'plan towards work or studies'], [31, 26], ['production/warehouse', false]],
  ['P19', 2, 'woman', 'completed', ['plan', 'clear_plan', 'plan towards work or studies'], [31, 25], ['language café', false]],
  ['P20', 2, 'woman', 'completed', ['plan', 'clear_plan', 'plan towards work or studies'], [31, 25], ['pre-school/school', false]],
  ['P21', 3, 'man', 'completed', ['studies', 'gruv', 'GRUV without CSN'], [31, 28], ['bakery/café', false]],
  ['P22', 3, 'woman', 'completed', ['studies', 'gruv', 'GRUV without CSN'], [31, 28], ['pre-school/school', false]],
  ['P23', 3, 'woman', 'completed', ['studies', 'vocational_training', 'assistant-nurse training with language support'], [31, 28], ['care', false]],
  ['P24', 3, 'man', 'completed', ['studies', 'vocational_training', 'assistant-nurse training with language support'], [31, 27], ['hair/beauty', false]],
  ['P25', 3, 'woman', 'completed', ['work', null, 'assistant nurse'], [31, 27], ['retail', false]],
  ['P26', 3, 'woman', 'completed', ['work', null, 'purchasing assistant'], [31, 27], ['bakery/café', false]],
  ['P27', 3, 'man', 'completed', ['work', null, 'shop assistant'], [31, 27], ['hotel/restaurant', false]],
  ['P28', 3, 'man', 'completed', ['plan', 'clear_plan', 'plan towards work or studies'], [31, 27], ['pre-school/school', false]],
  ['P29', 3, 'woman', 'completed', ['plan', 'clear_plan', 'plan towards work or studies'], [31, 27], ['care', false]],
  ['P30', 3, 'woman', 'completed', ['health', 'care_contact', 'health care in focus'], [31, 27], null],
  ['P31', 4, 'man', 'completed', ['studies', 'vocational_training', 'assistant-nurse training with language support'], [31, 29], ['retail', false]],
  ['P32', 4, 'woman', 'completed', ['studies', 'vocational_training', 'sales training'], [31, 29], ['retail', false]],
  ['P33', 4, 'woman', 'completed', ['studies', 'swedish_1_3', 'Swedish 1-3'], [31, 29], ['care', false]],
  ['P34', 4, 'man', 'completed', ['work', null, 'shop assistant'], [31, 29], ['pre-school/school', false]],
  ['P35', 4, 'woman', 'completed', ['work', null, 'care'], [31, 29], null],
  ['P36', 4, 'woman', 'completed', ['plan', 'clear_plan', 'plan towards work or studies'], [31, 29], null],
  ['P37', 4, 'man', 'completed', ['plan', 'clear_plan', 'plan towards work or studies'], [31, 28], null],
  ['P38', 4, 'man', 'left early', ['other', 'left_for_job', 'left in week 1 for an hourly job (not counted as a result)'], [2, 2], null],
  ['P39', 4, 'woman', 'left early', ['other', 'other_effort', 'moved to another effort before the survey'], [20, 18], null],
  ['P40', 5, 'woman', 'active', null, [12, 11], null],
  ['P41', 5, 'man', 'active', null, [12, 11], null],
  ['P42', 5, 'woman', 'active', null, [12, 11], null],
  ['P43', 5, 'woman', 'active', null, [12, 11], null],
  ['P44', 5, 'man', 'active', null, [12, 11], null],
  ['P45', 5, 'woman', 'active', null, [12, 11], null],
  ['P46', 5, 'woman', 'active', null, [12, 11], null],
  ['P47', 5, 'man', 'active', null, [12, 11], null],
  ['P48', 5, 'man', 'active', null, [12, 11], null],
  ['P49', 5, 'woman', 'active', null, [12, 11], null],
  ['P50', 5, 'woman', 'active', null, [12, 10], null],
  ['P51', 5, 'man', 'active', null, [12, 10], null],
];

export const referenceProgramme = {
  programme: {
    name: 'Nästa Steg',
    ownerMunicipality: 'Ängelholm',
    period: ['2019-09-03', '2021-12-31'] as [string, string],
    method: '13 weeks: 2 mapping, 7 lectures (31 lectures, 4 a week), 4 internship',
    goals: { attendancePercent: 80, clearPlanPercent: 75, groupSize: 10 },
  },
  groups: [
    { number: 1, start: '2019-09-23', end: '2019-12-20', status: 'completed' },
    { number: 2, start: '2020-01-20', end: '2020-04-17', status: 'completed' },
    { number: 3, start: '2020-08-17', end: '2020-11-13', status: 'completed' },
    { number: 4, start: '2020-11-23', end: '2021-02-26', status: 'completed' },
    { number: 5, start: '2021-03-15', end: '2021-06-11', status: 'active' },
  ],
  participants: ROWS.map(
    ([ref, group, gender, enrolment, outcome, [held, present], internship]): ReferenceParticipant => ({
      ref,
      group,
      gender,
      enrolment,
      outcome: outcome && { category: outcome[0], detailCode: outcome[1], detail: outcome[2] },
      attendance: { held, present },
      internship: internship && { sector: internship[0], ledToOffer: internship[1] },
    }),
  ),
  /** Paper survey rounds at the end of groups 3 and 4: codes issued, answers typed in. */
  surveyRounds: [
    { group: 3, eligible: 10, answered: 10 },
    { group: 4, eligible: 7, answered: 7 },
  ],
  /** The seed report's figures for REFERENCE_PERIOD (2019-09-03 – 2021-05-01), internships over groups 1–3. */
  expected: {
    enrolled: 51,
    outcomes: { studies: 15, work: 11, plan: 9, health: 2, other: 2 },
    noOutcomeYet: 12,
    toWorkOrStudies: { count: 26, of: 51, percent: 51 },
    attendancePercentByGroup: { '1': 83, '2': 83, '3': 88, '4': 93, '5': 90 },
    attendancePercentOverall: 87,
    internshipGroups1to3: { count: 28, of: 30, percent: 93 },
    internshipGroup4: { count: 4, of: 7 },
    internshipOffers: 5,
    internshipSectorsGroups1to3: {
      'bakery/café': 3,
      care: 5,
      'hair/beauty': 1,
      'hotel/restaurant': 1,
      'language café': 1,
      'pre-school/school': 9,
      'production/warehouse': 3,
      retail: 5,
    },
    surveyResponse: { '3': '10 of 10', '4': '7 of 7' },
    clearPlanGoal: { count: 35, of: 35, percent: 100, target: 75 },
  },
};

/** The report period the expected figures are for: the seed report's "from 3 September 2019 until today". */
export const REFERENCE_REPORT_PERIOD = { from: '2019-09-03', to: '2021-05-01' } as const;
