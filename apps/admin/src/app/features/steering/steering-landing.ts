import { inject } from '@angular/core';
import type { CanMatchFn } from '@angular/router';
import { STEERING_LANDING_ROLES } from '@stegvis/contracts';
import { AuthStore } from '../../core/auth/auth-store';

/**
 * Matches the start page for the roles that land on the steering page after sign-in (STEERING_LANDING_ROLES in
 * packages/contracts/src/permissions.ts): a steering-group member's work is that page, not the programme list.
 */
export const landsOnSteering: CanMatchFn = async () => {
  const store = inject(AuthStore);
  await store.load();
  const role = store.role();
  return role !== null && STEERING_LANDING_ROLES.includes(role);
};
