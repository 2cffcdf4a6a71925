import type { Role } from './roles.js';

/**
 * What each role may do, by action. The single table behind every access decision (docs/domain.md,
 * "Who uses it"): the api's `@Allow` guard refuses the other roles with 403, and the admin shows a page, tab
 * or button only to a role that may do its action. Record-level scope (which programmes, which groups) is
 * applied on top by the api's PolicyService.
 */
export const ACTIONS = {
  'programme.read': ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'],
  'programme.create': ['admin', 'staff'],
  'programme.update': ['admin', 'staff'],
  'directory.read': ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'],
  'directory.manage': ['admin'],
  'user.manage': ['admin'],
  // The api's Swagger UI and OpenAPI document outside development (API_DOCS=admin, the default there).
  'apidocs.read': ['admin'],
  'template.read': ['admin', 'staff', 'analysis_member'],
  'template.manage': ['admin', 'staff'],
  // Group facts (dates, capacity, sessions) are not personal data: the analysis group plans intake with them.
  'group.read': ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'],
  'group.manage': ['admin', 'staff'],
  'session.manage': ['staff'],
  // A session's note (why it was cancelled or moved) is free text that may name people: staff only; the calendar
  // shows other roles the session with a null note.
  'session.notes.read': ['staff'],
  // Personal data of participants: programme staff only.
  'attendance.read': ['staff'],
  'attendance.write': ['staff'],
  'participant.read': ['staff'],
  'participant.write': ['staff'],
  // Health data (needs, talk notes): a special category; staff, and then only of the participant's group (MappingService).
  'participant.health': ['staff'],
  'participant.erase': ['staff'],
  'consent.write': ['staff'],
  'outcome.write': ['staff'],
  'assessment.summary': ['admin', 'staff', 'steering', 'evaluator'],
  // "Who has seen my data": the system owner answers data-subject requests, staff may too.
  'audit.subject': ['admin', 'staff'],
  'staffing.read': ['admin', 'staff', 'steering'],
  'staffing.manage': ['admin', 'staff'],
  // Committee members are named people: not for the evaluator, who sees no personal data (docs/domain.md).
  'committee.read': ['admin', 'staff', 'analysis_member', 'steering'],
  // The employer register is shared by all the association's programmes.
  'employer.read': ['admin', 'staff'],
  'employer.manage': ['admin', 'staff'],
  'internship.read': ['staff'],
  'internship.write': ['staff'],
  'internship.summary': ['admin', 'staff', 'steering', 'evaluator'],
  // The analysis group: its members see the queue and meetings of their programmes, never health data.
  'referral.read': ['staff', 'analysis_member'],
  'referral.create': ['staff', 'analysis_member'],
  'referral.update': ['staff', 'analysis_member'],
  'meeting.read': ['staff', 'analysis_member'],
  'meeting.manage': ['staff', 'analysis_member'],
  // Surveys: staff run rounds; summaries are aggregates (suppressed for AGGREGATE_ONLY_ROLES).
  'survey.manage': ['staff'],
  'survey.summary': ['admin', 'staff', 'steering', 'evaluator'],
  // Reports are aggregates; AGGREGATE_ONLY_ROLES get small cells suppressed.
  'report.read': ['admin', 'staff', 'steering', 'evaluator'],
  // Person-level follow-up files carry personal numbers: staff only, every row audited.
  'followup.export': ['staff'],
  // The association's figures across programmes (one person counted once by the keyed hash of her number): only
  // for a role that sees every programme, so the count reveals nothing outside what the reader may see.
  'report.association': ['admin'],
  'import.run': ['admin', 'staff'],
  // The whole audit log and the retention job's state: the system owner's (docs/security.md).
  'audit.read': ['admin'],
  'retention.read': ['admin'],
  'statistics.manage': ['admin', 'staff'],
  'budget.manage': ['admin', 'staff'],
  // The method handbook holds no personal data and belongs to the association: all staff read it; editing
  // also needs the editor right (HandbookService), which HANDBOOK_EDITOR_ROLES have by their role.
  'handbook.read': ['admin', 'staff'],
  'handbook.edit': ['admin', 'staff'],
  'inflow.read': ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'],
  // The steering group's page: key figures against goals, the economy and the next report's date, each reader
  // with the figures of their own audience (the report engine); staff and the admin see what they would report.
  'steering.read': ['admin', 'staff', 'steering'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

/** Whether the role may ever do the action; whether on one record, the api's PolicyService says. */
export function can(role: Role | null | undefined, action: Action): boolean {
  return role != null && (ACTIONS[action] as readonly Role[]).includes(role);
}

/**
 * Roles that decide who is staff of a group by their role. Other roles with 'group.manage' (staff) do so only in a
 * programme whose allocation carries their lead mark (processledare; the api's PolicyService): group staff see
 * the protected identities and health data of the group's participants, so nobody may make themselves staff.
 */
export const GROUP_STAFF_ROLES: readonly Role[] = ['admin'];

/** Roles that see every programme of the association rather than those they are allocated to. */
export const ASSOCIATION_WIDE_ROLES: readonly Role[] = ['admin'];

/**
 * Roles that see figures only as published progress reports print them: small cells (and the cells that would
 * give them away) suppressed, survey free text only once reviewed, the tables only and never the unsuppressed
 * report. The admin is one of them: for figures and survey results the system owner is the evaluator audience
 * (docs/domain.md, "Who sees which figures"); staff see every figure of their programmes.
 */
export const AGGREGATE_ONLY_ROLES: readonly Role[] = ['admin', 'steering', 'evaluator'];

/**
 * Roles that add referrals for their own organisation only: an analysis-group member is a case officer of one
 * partner organisation, and the referral names who sent it.
 */
export const OWN_ORGANISATION_ROLES: readonly Role[] = ['analysis_member'];

/**
 * Roles that hold the handbook editor right by their role. The other roles of 'handbook.edit' edit only once
 * an admin has granted them the right (HandbookService), and only they can be granted it.
 */
export const HANDBOOK_EDITOR_ROLES: readonly Role[] = ['admin'];

/** Roles whose page after sign-in is the steering page (the admin's `/styrgrupp`) rather than the programmes. */
export const STEERING_LANDING_ROLES: readonly Role[] = ['steering'];
