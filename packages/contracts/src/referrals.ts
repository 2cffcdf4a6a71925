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
 * (which offers only these buttons) use. Re-opening: a withdrawn referral goes back to received (it is screened
 * again), a wait-listed one back to screened (it waits for the next agenda as any screened one does).
 */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  received: ['screened', 'withdrawn', 'declined'],
  screened: ['on_agenda', 'wait_listed', 'withdrawn', 'declined'],
  on_agenda: ['accepted', 'wait_listed', 'declined', 'withdrawn'],
  wait_listed: ['on_agenda', 'screened', 'accepted', 'declined', 'withdrawn'],
  accepted: ['withdrawn'],
  declined: [],
  withdrawn: ['received'],
};

export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/**
 * The statuses a person sets outside a meeting (POST /api/referrals/{id}/status): screen, wait-list, withdraw and
 * re-open. Putting on the agenda, accepting and declining belong to a meeting (the meeting screen).
 */
export const REFERRAL_STATUS_CHANGES = ['received', 'screened', 'wait_listed', 'withdrawn'] as const;
export type ReferralStatusChange = (typeof REFERRAL_STATUS_CHANGES)[number];

/** A change outside a meeting that must say why (a withdrawal, a place on the wait list). */
export const REFERRAL_REASON_REQUIRED: readonly ReferralStatusChange[] = ['wait_listed', 'withdrawn'];

/** The changes outside a meeting that may follow `from`, in the table's order: the admin's buttons. */
export function referralStatusChanges(from: ReferralStatus): ReferralStatusChange[] {
  return REFERRAL_TRANSITIONS[from].filter((s): s is ReferralStatusChange =>
    (REFERRAL_STATUS_CHANGES as readonly string[]).includes(s),
  );
}

export interface ReferralStatusRequest {
  status: ReferralStatusChange;
  /** Why (required to wait-list or withdraw); the screening note when marking it screened. */
  reason?: string;
  /** The version the user saw; a stale one is refused with 409. */
  version: number;
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
  /**
   * One referral read alone (its page, its registration): the participant of the same programme with the same
   * personal number (by the keyed hash), only when the reader may see her; null otherwise, also when there is
   * none, so the answer tells nothing about a person the reader may not see.
   */
  existingParticipantId?: string | null;
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

/** An open action item of an earlier meeting of the programme, carried to a later meeting's agenda. */
export interface CarriedActionItem extends ActionItem {
  meetingId: string;
  meetingDate: string;
}

/** The latest sending of a meeting's minutes: when, by whom (user id), and to whom. */
export interface MinutesSent {
  sentAt: string;
  sentBy: string;
  recipients: { userId: string; name: string; organisationName: string }[];
}

export interface MeetingResponse {
  id: string;
  programmeId: string;
  date: string;
  status: MeetingStatus;
  invited: { userId: string; name: string; organisationName: string; present: boolean | null }[];
  agenda: ReferralResponse[];
  /** Case discussions: empty unless `caseNotesReadable` (the programme's staff, the invited analysis members). */
  caseNotes: string;
  caseNotesReadable: boolean;
  actionItems: ActionItem[];
  carriedActionItems: CarriedActionItem[];
  decisions: { referralId: string; decision: Decision; reason: string; groupId: string | null }[];
  minutesSent: MinutesSent | null;
  /** The meeting's version: saving the case notes with an older one is refused (409), not written over. */
  version: number;
}
