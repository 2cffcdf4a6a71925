export const GENDERS = ['woman', 'man', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const ENROLMENT_STATUSES = ['active', 'completed', 'left_early'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const LEFT_REASONS = ['personal', 'moved', 'got_job', 'health', 'parental_leave', 'other_effort', 'other'] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];

export interface EnrolmentResponse {
  id: string;
  participantId: string;
  groupId: string;
  startDate: string;
  endDate: string | null;
  status: EnrolmentStatus;
  leftReason: LeftReason | null;
  /** Name as this user may see it: a pseudonym for protected identities outside the allocated staff. */
  displayName: string;
}
