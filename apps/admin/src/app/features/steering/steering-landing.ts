import { inject } from '@angular/core';
import type { RedirectFunction } from '@angular/router';
import { STEERING_LANDING_ROLES } from '@stegvis/contracts';
import { AuthStore } from '../../core/auth/auth-store';

/**
 * Where "/" leads after sign-in: the steering page for the roles in STEERING_LANDING_ROLES
 * (packages/contracts/src/permissions.ts), whose work is that page, the programmes for everyone else. A redirect
 * function and not a `canMatch` guard on a redirect route: the router ignored that guard, and sent staff to the
 * steering page and analysis members, who may not read it, round in a loop.
 */
export const startPage: RedirectFunction = async () => {
  const store = inject(AuthStore);
  await store.load();
  const role = store.role();
  return role !== null && STEERING_LANDING_ROLES.includes(role) ? 'styrgrupp' : 'insatser';
};
