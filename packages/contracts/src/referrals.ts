import type { Gender, SwedishLevel } from './participants.js';
import type { ProblemCode, ProblemNotice } from './problem-codes.js';

export const REFERRAL_STATUSES = [
  'received',
  'screened',
  'on_agenda',
  'accepted',
  'wait_listed',
  'declined',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * Which status may follow which. The one table both the api (which refuses others with 422) and the admin
 * (which offers only these buttons) use.
 */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  received: ['screened', 'withdrawn', 'declined'],
  screened: ['on_agenda', 'withdrawn', 'declined'],
  on_agenda: ['accepted', 'wait_listed', 'declined', 'withdrawn'],
  wait_listed: ['on_agenda', 'accepted', 'declined', 'withdrawn'],
  accepted: ['withdrawn'],
  declined: [],
  withdrawn: [],
};

export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

export const REFERRING_KINDS = [
  'employment_service',
  'income_support',
  'adult_education',
  'resource_centre',
  'learning_centre',
  'self',
  'other',
] as const;
export type ReferringKind = (typeof REFERRING_KINDS)[number];

export const PRIORITIES = ['normal', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface ReferralRequest {
  programmeId: string;
  firstName: string;
  lastName: string;
  gender: Gender;
  personalNumber?: string | null;
  protectedIdentity?: boolean;
  swedishLevel?: SwedishLevel | null;
  languages?: string[];
  phone?: string;
  organisationId: string;
  referrerName: string;
  wishedStart?: string | null;
  reason: string;
  foreignBorn?: boolean | null;
  age?: number | null;
  registeredAtAf?: boolean | null;
  consentToShare: boolean;
  priority?: Priority;
}

/** One eligibility fact; `code` (a `screening_*` code) and `params` word it, `message` is the Swedish text. */
export type ScreeningFlag = ProblemNotice<Extract<ProblemCode, `screening_${string}`>> & {
  criterion: string;
  ok: boolean;
};

export interface ReferralHistoryEntry {
  at: string;
  by: string;
  from: ReferralStatus | null;
  to: ReferralStatus;
  reason: string;
  meetingId: string | null;
}

export interface ReferralResponse {
  id: string;
  programmeId: string;
  /** The candidate's name, or a pseudonym for a protected identity. */
  candidateName: string;
  swedishLevel: SwedishLevel | null;
  languages: string[];
  organisationId: string;
  organisationName: string;
  referrerName: string;
  wishedStart: string | null;
  reason: string;
  receivedAt: string;
  priority: Priority;
  status: ReferralStatus;
  declineReason: string;
  groupId: string | null;
  participantId: string | null;
  screening: ScreeningFlag[];
  version: number;
  history?: ReferralHistoryEntry[];
}

export const DECISIONS = ['accept', 'wait_list', 'decline'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface DecisionRequest {
  referralId: string;
  decision: Decision;
  groupId?: string;
  reason?: string;
  /** The referral version the meeting saw; a stale one fails the whole call with 409. */
  version: number;
}

export interface MeetingRequest {
  programmeId: string;
  date: string;
  invitedUserIds: string[];
}

export interface ActionItem {
  id: string;
  text: string;
  owner: string;
  dueDate: string;
  done: boolean;
}

export const MEETING_STATUSES = ['planned', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export interface MeetingResponse {
  id: string;
  programmeId: string;
  date: string;
  status: MeetingStatus;
  invited: { userId: string; name: string; organisationName: string; present: boolean | null }[];
  agenda: ReferralResponse[];
  caseNotes: string;
  actionItems: ActionItem[];
  decisions: { referralId: string; decision: Decision; reason: string; groupId: string | null }[];
}
