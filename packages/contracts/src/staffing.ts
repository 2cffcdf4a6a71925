import type { ProblemNotice } from './problem-codes.js';

export const STAFF_ROLES = ['programme_lead', 'programme_worker', 'career_counsellor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffMemberRequest {
  name: string;
  staffRole: StaffRole;
  organisationId?: string | null;
  userId?: string | null;
  email?: string;
}

export interface StaffMemberResponse {
  id: string;
  name: string;
  staffRole: StaffRole;
  organisationId: string | null;
  userId: string | null;
  email: string;
}

export interface AllocationRequest {
  staffMemberId: string;
  programmeId: string;
  percent: number;
  startDate: string;
  endDate: string;
}

export interface AllocationResponse extends AllocationRequest {
  id: string;
  staffName: string;
  staffRole: StaffRole;
  /** The person's total over all programmes in an overlapping period exceeds 100 %. */
  overAllocated: boolean;
  /** `over_allocated` when the person is above full time in the period. */
  warnings: ProblemNotice<'over_allocated'>[];
}

export interface ProgrammeStaffingResponse {
  programmeId: string;
  date: string;
  totalPercent: number;
  allocations: AllocationResponse[];
}

export interface PersonStaffingResponse {
  staffMemberId: string;
  date: string;
  totalPercent: number;
  overAllocated: boolean;
  allocations: AllocationResponse[];
}

export const COMMITTEE_KINDS = ['steering', 'analysis'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

export interface CommitteeMemberRequest {
  kind: CommitteeKind;
  name: string;
  organisationId: string;
  roleTitle?: string;
  userId?: string | null;
}

export interface CommitteeMemberResponse extends CommitteeMemberRequest {
  id: string;
  programmeId: string;
  /** The day the membership ended (the member left the group); null while it lasts. */
  endedOn: string | null;
}

/** Ends a membership: the member is kept, with the day it ended (default today, Europe/Stockholm). */
export interface EndCommitteeMembershipRequest {
  endedOn?: string;
}
