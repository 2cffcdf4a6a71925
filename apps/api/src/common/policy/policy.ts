import type { Role } from '@stegvis/contracts';

/**
 * What each role may do, by action. The single table behind every access decision (DOMAIN.md, "Who uses it").
 * Record-level scope (which programmes) is applied on top by PolicyService.
 */
export const ACTIONS = {
  'programme.read': ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'],
  'programme.create': ['admin', 'staff'],
  'programme.update': ['admin', 'staff'],
  'directory.read': ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'],
  'directory.manage': ['admin'],
  'user.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

/** Roles that see every programme of the association rather than those they are allocated to. */
export const ASSOCIATION_WIDE_ROLES: readonly Role[] = ['admin'];
