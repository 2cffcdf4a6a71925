import type {
  FollowUpMonths,
  Gender,
  Industry,
  LeftReason,
  OutcomeCategory,
  OutcomeDetailCode,
} from '@stegvis/contracts';
import type {
  DisclosureEnrolment,
  DisclosureProgramme,
  ProgrammeReportInput,
  ReportParticipant,
  ReportPeriod,
} from '../src/index.js';

/**
 * A second reference programme, invented for the tests: "Två orter", run in Bjuv and Höganäs, one group in each,
 * and both groups are "Grupp 4" (numbers are unique per municipality, not per programme). It has every outcome
 * detail code, uncoded outcomes, early leavers with and without an outcome, a participant who moved from Bjuv's
 * group to Höganäs's, follow-ups, and spans two tertials (T3 2024 and T1 2025). The expected figures are worked
 * out by hand in two-municipalities.spec.ts.
 *
 * Bjuv, Grupp 4, 2024-09-02 – 2024-12-13, 15 enrolments (B01–B15):
 *   work: B01, B02 introduction job, B03 unsubsidised, B04 extra job, B05 hourly;
 *   studies: B06 SFI, B07 GRUV, B08 vocational; plan: B09 clear plan; health: B10 care contact;
 *   other: B11 parental leave; none: B15;
 *   left early: B12 (got a job; outcome other, left at once for a job), B13 (personal reasons; no outcome),
 *   B14 (moved to another effort: she went on to Höganäs's group as H15; no outcome).
 * Höganäs, Grupp 4, 2024-11-04 – 2025-02-28, 15 enrolments (H01–H15):
 *   work: H01 introduction job, H02 new-start job, H03 wage subsidy, H04 seasonal, H05 uncoded ("butikssäljare");
 *   studies: H06 labour-market training, H07 folk high school, H08 Swedish 1–3, H09 uncoded ("GRUV med CSN");
 *   plan: H10 work trial; health: H11 work-capacity assessment, H12 coordinated rehabilitation;
 *   H13 completed with no outcome yet; left early: H14 (moved away; outcome other, moved away);
 *   H15 = B14, completed, outcome other, another effort.
 */
export const TWO_TOWNS_PERIOD: ReportPeriod = { start: '2024-09-01', end: '2025-04-30' };

const BJUV = { municipality: 'Bjuv', group: 4, start: '2024-09-02', end: '2024-12-13' };
const HOGANAS = { municipality: 'Höganäs', group: 4, start: '2024-11-04', end: '2025-02-28' };

type Row = [
  ref: string,
  gender: Gender,
  enrolment: 'completed' | 'left_early',
  outcome: [OutcomeCategory, OutcomeDetailCode | null, string] | null,
  attendance: [held: number, present: number],
  left?: [on: string, reason: LeftReason],
];

const w = 'woman' as const;
const m = 'man' as const;
const C = 'completed' as const;
const L = 'left_early' as const;

const BJUV_ROWS: Row[] = [
  ['B01', w, C, ['work', 'introduction_job', 'barnskötare'], [40, 36]],
  ['B02', m, C, ['work', 'introduction_job', 'lagerarbete'], [40, 36]],
  ['B03', w, C, ['work', 'unsubsidised_employment', 'städ'], [40, 36]],
  ['B04', m, C, ['work', 'extra_job', 'vaktmästare'], [40, 36]],
  ['B05', w, C, ['work', 'hourly_on_call', 'bageri'], [40, 36]],
  ['B06', w, C, ['studies', 'sfi', 'SFI D'], [40, 36]],
  ['B07', m, C, ['studies', 'gruv', 'GRUV'], [40, 36]],
  ['B08', w, C, ['studies', 'vocational_training', 'undersköterska'], [40, 36]],
  ['B09', m, C, ['plan', 'clear_plan', ''], [40, 36]],
  ['B10', w, C, ['health', 'care_contact', ''], [40, 36]],
  ['B11', m, C, ['other', 'parental_leave', ''], [40, 36]],
  ['B12', w, L, ['other', 'left_for_job', 'timanställning'], [8, 8], ['2024-10-04', 'got_job']],
  ['B13', m, L, null, [10, 6], ['2024-10-18', 'personal']],
  ['B14', w, L, null, [14, 12], ['2024-11-01', 'other_effort']],
  ['B15', m, C, ['none', null, ''], [40, 36]],
];

const HOGANAS_ROWS: Row[] = [
  ['H01', m, C, ['work', 'introduction_job', 'vårdbiträde'], [40, 34]],
  ['H02', w, C, ['work', 'new_start_job', 'kök'], [40, 34]],
  ['H03', m, C, ['work', 'wage_subsidy', 'lager'], [40, 34]],
  ['H04', w, C, ['work', 'seasonal_work', 'växthus'], [40, 34]],
  ['H05', m, C, ['work', null, 'butikssäljare'], [40, 34]],
  ['H06', w, C, ['studies', 'labour_market_training', 'truckkort'], [40, 34]],
  ['H07', m, C, ['studies', 'folk_high_school', ''], [40, 34]],
  ['H08', w, C, ['studies', 'swedish_1_3', ''], [40, 34]],
  ['H09', m, C, ['studies', null, 'GRUV med CSN'], [40, 34]],
  ['H10', w, C, ['plan', 'work_trial', ''], [40, 34]],
  ['H11', m, C, ['health', 'work_capacity_assessment', ''], [40, 34]],
  ['H12', w, C, ['health', 'coordinated_rehabilitation', ''], [40, 34]],
  ['H13', m, C, null, [40, 34]],
  ['H14', w, L, ['other', 'moved_away', ''], [12, 10], ['2024-12-20', 'moved']],
  ['H15', w, C, ['other', 'other_effort', 'Arcus'], [40, 38]],
];

/** Internships: Bjuv B01 (led to an offer), B03, B06; Höganäs H01 (offer), H02. */
const INTERNSHIPS: Record<string, { industry: Industry; ledToOffer: boolean }> = {
  B01: { industry: 'retail', ledToOffer: true },
  B03: { industry: 'care', ledToOffer: false },
  B06: { industry: 'retail', ledToOffer: false },
  H01: { industry: 'care', ledToOffer: true },
  H02: { industry: 'pre-school/school', ledToOffer: false },
};

/**
 * Follow-ups of Bjuv's group 3 months after its end (2025-03-13), and two that fall after the period: B01 at
 * 6 months (2025-06-13) and Höganäs's H01 at 3 months (2025-05-28).
 */
const FOLLOW_UPS: Record<string, { months: FollowUpMonths; category: OutcomeCategory; date: string }[]> = {
  B01: [
    { months: 3, category: 'work', date: '2025-03-13' },
    { months: 6, category: 'work', date: '2025-06-13' },
  ],
  B02: [{ months: 3, category: 'work', date: '2025-03-13' }],
  B03: [{ months: 3, category: 'work', date: '2025-03-13' }],
  B06: [{ months: 3, category: 'studies', date: '2025-03-13' }],
  B09: [{ months: 3, category: 'work', date: '2025-03-13' }],
  B10: [{ months: 3, category: 'health', date: '2025-03-13' }],
  H01: [{ months: 3, category: 'studies', date: '2025-05-28' }],
};

function participant(group: typeof BJUV, [ref, gender, enrolment, outcome, [held, present], left]: Row) {
  const p: ReportParticipant = {
    ref,
    // B14 and H15 are one person: she left Bjuv's group for Höganäs's.
    person: ref === 'H15' ? 'B14' : ref,
    group: group.group,
    municipality: group.municipality,
    gender,
    enrolment,
    ...(left ? { leftOn: left[0], leftReason: left[1] } : {}),
    outcome: outcome
      ? { category: outcome[0], detailCode: outcome[1], detail: outcome[2], date: left?.[0] ?? group.end }
      : null,
    attendance: { held, present },
    internships: INTERNSHIPS[ref] ? [INTERNSHIPS[ref]] : [],
    ...(FOLLOW_UPS[ref] ? { followUps: FOLLOW_UPS[ref] } : {}),
  };
  return p;
}

export function twoTownsInput(): ProgrammeReportInput {
  return {
    programme: { name: 'Två orter', goals: { attendancePercent: 80, clearPlanPercent: 75 } },
    groups: [BJUV, HOGANAS].map((g) => ({
      number: g.group,
      municipality: g.municipality,
      start: g.start,
      end: g.end,
      status: 'completed' as const,
    })),
    participants: [
      ...BJUV_ROWS.map((r) => participant(BJUV, r)),
      ...HOGANAS_ROWS.map((r) => participant(HOGANAS, r)),
    ],
    surveyRounds: [
      { group: 4, municipality: 'Bjuv', answers: 10, enrolledAtOpen: 15, leftBeforeOpen: 3 },
      { group: 4, municipality: 'Höganäs', answers: 12, enrolledAtOpen: 15, leftBeforeOpen: 1 },
    ],
  };
}

/** Days from an ISO date. */
function plusDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The same programme at person level, as the api gathers it for the disclosure engine: one enrolment a row, the
 * mover (B14 → H15) as one person with two enrolments, sessions spread over each enrolment with the row's
 * attendance, each internship starting in the group's internship weeks, and one survey round per group a week
 * before its end (so Bjuv's three early leavers, and Höganäs's H14, were not asked).
 */
export function twoTownsProgramme(): DisclosureProgramme {
  const groups = [BJUV, HOGANAS].map((g) => ({
    key: `${g.municipality}-${g.group}`,
    number: g.group,
    municipality: g.municipality,
    start: g.start,
    end: g.end,
    internshipWeeksStart: plusDays(g.start, 56),
    surveyRounds: [{ key: `${g.municipality}-round`, openDay: plusDays(g.end, -7) }],
  }));
  const enrolment = (g: typeof BJUV, r: Row): DisclosureEnrolment => {
    const [ref, gender, status, outcome, [held, present], left] = r;
    const start = ref === 'H15' ? '2024-11-04' : g.start;
    const end = left?.[0] ?? g.end;
    const days = (Date.parse(end) - Date.parse(start)) / 86400000;
    return {
      group: `${g.municipality}-${g.group}`,
      person: ref === 'H15' ? 'B14' : ref,
      gender,
      start,
      end,
      status,
      leftReason: left?.[1] ?? null,
      outcome: outcome ? { category: outcome[0], detailCode: outcome[1], date: end } : null,
      followUps: (FOLLOW_UPS[ref] ?? []).map((f) => ({ ...f })),
      internships: INTERNSHIPS[ref] ? [plusDays(g.start, 56)] : [],
      sessions: Array.from({ length: held }, (_, i) => ({
        date: plusDays(start, Math.floor((days * i) / held)),
        present: i < present,
      })),
      assessed: false,
    };
  };
  return {
    start: TWO_TOWNS_PERIOD.start,
    end: TWO_TOWNS_PERIOD.end,
    attendanceGoal: 80,
    groups,
    enrolments: [
      ...BJUV_ROWS.map((r) => enrolment(BJUV, r)),
      ...HOGANAS_ROWS.map((r) => enrolment(HOGANAS, r)),
    ],
  };
}
