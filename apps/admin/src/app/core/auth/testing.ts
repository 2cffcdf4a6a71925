import { TestBed } from '@angular/core/testing';
import type { CurrentUserResponse } from '@stegvis/contracts';
import { AuthStore } from './auth-store';

/**
 * Signs a user in for a spec: a staff member of no programme unless told otherwise, as the api's `/auth/me` would
 * describe her. Only what the spec is about needs saying (`{ role: 'admin' }`, `{ programmeIds: ['p1'] }`).
 */
export function signInForTest(user: Partial<CurrentUserResponse> = {}): AuthStore {
  const auth = TestBed.inject(AuthStore);
  auth.signedIn({
    id: 'u',
    email: 'x@y.se',
    displayName: 'X',
    role: 'staff',
    programmeIds: [],
    leadProgrammeIds: [],
    csrfToken: 't',
    ...user,
  });
  return auth;
}
