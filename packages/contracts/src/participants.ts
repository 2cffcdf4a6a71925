export const GENDERS = ['woman', 'man', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const ENROLMENT_STATUSES = ['active', 'completed', 'left_early'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const LEFT_REASONS = [
  'personal',
  'moved',
  'got_job',
  'health',
  'parental_leave',
  'other_effort',
  'other',
] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];

/** Why a participant moved to another group: kept on the enrolment she moved into. */
export const MOVE_REASONS = ['schedule', 'language_level', 'moved_home', 'group_cancelled', 'other'] as const;
export type MoveReason = (typeof MOVE_REASONS)[number];

export interface EnrolmentResponse {
  id: string;
  participantId: string;
  groupId: string;
  startDate: string;
  endDate: string | null;
  status: EnrolmentStatus;
  leftReason: LeftReason | null;
  /** Why she moved into this group from another one; null for an enrolment that was not a move. */
  moveReason: MoveReason | null;
  /** Name as this user may see it: a pseudonym for protected identities outside the allocated staff. */
  displayName: string;
}

export const SWEDISH_LEVELS = ['sfi_a', 'sfi_b', 'sfi_c', 'sfi_d', 'gruv', 'none'] as const;
export type SwedishLevel = (typeof SWEDISH_LEVELS)[number];

export const EDUCATION_LEVELS = [
  'none',
  'primary',
  'secondary',
  'upper_secondary',
  'post_secondary',
  'university',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const AF_STATUSES = ['openly_unemployed', 'in_programme', 'not_registered', 'other'] as const;
export type AfStatus = (typeof AF_STATUSES)[number];

export interface ParticipantRecord {
  firstName: string;
  lastName: string;
  /** Personnummer or samordningsnummer; validated by date and check digit. */
  personalNumber?: string | null;
  gender: Gender;
  birthYear?: number | null;
  countryOfBirth?: string;
  yearOfArrival?: number | null;
  languages?: string[];
  interpreterNeeded?: boolean;
  swedishLevel?: SwedishLevel | null;
  educationLevel?: EducationLevel | null;
  educationField?: string;
  workExperience?: string;
  drivingLicence?: boolean;
  computerAtHome?: boolean;
  incomeSupport?: boolean;
  afStatus?: AfStatus | null;
  phone?: string;
  email?: string;
  address?: string;
  protectedIdentity?: boolean;
}

export interface ParticipantResponse extends Required<Omit<ParticipantRecord, 'personalNumber'>> {
  id: string;
  /** Real name, or the pseudonym when the identity is protected and this user is not staff of the group. */
  displayName: string;
  /** YYYYMMDD-NNNN, or null when not given or hidden. */
  personalNumber: string | null;
  isCoordinationNumber: boolean;
  pseudonym: string;
  /** True when identity fields were replaced by the pseudonym for this viewer. */
  masked: boolean;
  version: number;
}

export interface ParticipantListItem {
  id: string;
  displayName: string;
  gender: Gender;
  birthYear: number | null;
  swedishLevel: SwedishLevel | null;
  protectedIdentity: boolean;
  groups: { groupId: string; status: EnrolmentStatus }[];
}

export const CONSENT_PURPOSES = [
  'participation',
  'share_with_partner',
  'national_followup',
  'surveys',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface ConsentRequest {
  purpose: ConsentPurpose;
  /** For share_with_partner: the organisation it covers. */
  organisationId?: string | null;
  scope?: string;
  givenOn: string;
}

export interface ConsentResponse extends Required<ConsentRequest> {
  id: string;
  participantId: string;
  recordedBy: string;
  withdrawnAt: string | null;
}

export const NEED_KINDS = [
  'study_advice',
  'possible_disability',
  'authority_help',
  'cv_interview',
  'health_physical',
  'health_mental',
] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

export interface NeedRequest {
  kind: NeedKind;
  note?: string;
  careContact?: string;
}

export interface NeedResponse extends Required<NeedRequest> {
  id: string;
  participantId: string;
  recordedAt: string;
}

export interface TalkRequest {
  date: string;
  notes: string;
}

export interface TalkResponse extends TalkRequest {
  id: string;
  participantId: string;
  recordedBy: string;
}

export const ASSESSMENT_DIMENSIONS = [
  'swedish',
  'digital_skills',
  'labour_market_knowledge',
  'job_search',
  'network',
  'health_energy',
  'self_belief',
] as const;
export type AssessmentDimension = (typeof ASSESSMENT_DIMENSIONS)[number];
export const ASSESSMENT_STAGES = ['start', 'middle', 'end'] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];

export interface AssessmentRequest {
  stage: AssessmentStage;
  date: string;
  ratings: Record<AssessmentDimension, number>;
}

export interface AssessmentResponse extends AssessmentRequest {
  id: string;
  participantId: string;
}

export interface GroupAssessmentSummary {
  groupId: string;
  /** Participants with both a start and an end assessment; null when suppressed (fewer than k). */
  participants: number | null;
  /** Mean change end − start per dimension, one decimal; null below the small-cell threshold. */
  meanChange: Record<AssessmentDimension, number | null>;
}

export const OUTCOME_CATEGORIES = ['work', 'studies', 'plan', 'health', 'other', 'none'] as const;
export type OutcomeCategory = (typeof OUTCOME_CATEGORIES)[number];

/**
 * Coded sub-categories of an outcome (docs/domain.md "Outcome"), so that a report can print "7 to work:
 * 3 introduction jobs, 2 unsubsidised, 2 extra jobs". The free-text `detail` stays, for the occupation or course.
 * `none` has none.
 */
export const OUTCOME_DETAIL_CODES = [
  // work
  'unsubsidised_employment',
  'introduction_job',
  'extra_job',
  'new_start_job',
  'wage_subsidy',
  'hourly_on_call',
  'seasonal_work',
  // studies
  'sfi',
  'gruv',
  'vocational_training',
  'labour_market_training',
  'folk_high_school',
  'swedish_1_3',
  // plan
  'clear_plan',
  'work_trial',
  // health
  'work_capacity_assessment',
  'care_contact',
  'coordinated_rehabilitation',
  // other
  'parental_leave',
  'moved_away',
  'other_effort',
  'left_for_job',
] as const;
export type OutcomeDetailCode = (typeof OUTCOME_DETAIL_CODES)[number];

/** The detail codes each category allows, in the order reports print them. */
export const DETAIL_CODES_OF_CATEGORY = {
  work: [
    'unsubsidised_employment',
    'introduction_job',
    'extra_job',
    'new_start_job',
    'wage_subsidy',
    'hourly_on_call',
    'seasonal_work',
  ],
  studies: [
    'sfi',
    'gruv',
    'vocational_training',
    'labour_market_training',
    'folk_high_school',
    'swedish_1_3',
  ],
  plan: ['clear_plan', 'work_trial'],
  health: ['work_capacity_assessment', 'care_contact', 'coordinated_rehabilitation'],
  other: ['parental_leave', 'moved_away', 'other_effort', 'left_for_job'],
  none: [],
} as const satisfies Record<OutcomeCategory, readonly OutcomeDetailCode[]>;

/** The category a detail code belongs to. */
export function categoryOfDetailCode(code: OutcomeDetailCode): OutcomeCategory {
  for (const c of OUTCOME_CATEGORIES)
    if ((DETAIL_CODES_OF_CATEGORY[c] as readonly string[]).includes(code)) return c;
  throw new RangeError(`No category has the detail code ${code}`);
}

/** Whether `code` (null or absent: uncoded) may be given with `category`. */
export function detailCodeFits(category: OutcomeCategory, code: string | null | undefined): boolean {
  return code == null || (DETAIL_CODES_OF_CATEGORY[category] as readonly string[]).includes(code);
}

export const SUPPORT_KINDS = [
  'income_support',
  'activity_support',
  'salary',
  'student_finance',
  'sickness_benefit',
  'parental_benefit',
  'none',
  'other',
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export interface OutcomeRequest {
  category: OutcomeCategory;
  /** One of the category's codes (DETAIL_CODES_OF_CATEGORY), or null while uncoded. */
  detailCode?: OutcomeDetailCode | null;
  /** Free text: the occupation, the course. */
  detail?: string;
  date: string;
  employmentBefore?: string;
  employmentAfter?: string;
  supportBefore?: SupportKind | null;
  supportAfter?: SupportKind | null;
}

export interface OutcomeResponse extends Required<OutcomeRequest> {
  enrolmentId: string;
  participantId: string;
  followUps: FollowUpResponse[];
}

export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];

export interface FollowUpRequest {
  months: FollowUpMonths;
  date: string;
  category: OutcomeCategory;
  detail?: string;
}

export interface FollowUpResponse extends Required<FollowUpRequest> {
  id: string;
}

export interface AuditTrailEntry {
  at: string;
  actor: string;
  actorRole: string | null;
  action: string;
  entityType: string;
  outcome: string;
}
