/** Roles of docs/domain.md's access table. Participants have no account and no role. */
export const ROLES = ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may see personal data of participants (of programmes they are allocated to). */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['staff'];

/** Roles that see aggregate figures only, with small cells suppressed. */
export const AGGREGATE_ONLY_ROLES: readonly Role[] = ['steering', 'evaluator'];
