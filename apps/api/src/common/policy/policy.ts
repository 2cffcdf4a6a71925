import type { Role } from '@stegvis/contracts';

/**
 * What each role may do, by action. The single table behind every access decision (docs/domain.md, "Who uses it").
 * Record-level scope (which programmes, which groups) is applied on top by PolicyService.
 */
export const ACTIONS = {
  'programme.read': ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'],
  'programme.create': ['admin', 'staff'],
  'programme.update': ['admin', 'staff'],
  'directory.read': ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'],
  'directory.manage': ['admin'],
  'user.manage': ['admin'],
  'template.read': ['admin', 'staff', 'analysis_member'],
  'template.manage': ['admin', 'staff'],
  // Group facts (dates, capacity, sessions) are not personal data: the analysis group plans intake with them.
  'group.read': ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'],
  'group.manage': ['admin', 'staff'],
  'session.manage': ['staff'],
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
  // Surveys: staff run rounds; summaries are aggregates (suppressed for steering and evaluators).
  'survey.manage': ['staff'],
  'survey.summary': ['admin', 'staff', 'steering', 'evaluator'],
  // Reports are aggregates; steering and evaluators get small cells suppressed.
  'report.read': ['admin', 'staff', 'steering', 'evaluator'],
  // Person-level follow-up files carry personal numbers: staff only, every row audited.
  'followup.export': ['staff'],
  'import.run': ['admin', 'staff'],
  'statistics.manage': ['admin', 'staff'],
  'budget.manage': ['admin', 'staff'],
  // The method handbook holds no personal data and belongs to the association: all staff read it; editing also
  // needs the editor right (HandbookService), which admins always have.
  'handbook.read': ['admin', 'staff'],
  'handbook.edit': ['admin', 'staff'],
  'inflow.read': ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

/** Roles that see every programme of the association rather than those they are allocated to. */
export const ASSOCIATION_WIDE_ROLES: readonly Role[] = ['admin'];
