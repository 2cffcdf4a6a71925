/** Roles of docs/domain.md's access table. Participants have no account and no role. */
export const ROLES = ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];
