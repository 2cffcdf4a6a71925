import type { Role } from './roles.js';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface CurrentUserResponse {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  programmeIds: string[];
  /** The programmes whose allocation carries the lead mark (processledare): the user names their groups' staff. */
  leadProgrammeIds: string[];
  /** Echo this value in the X-CSRF-Token header of every unsafe request. */
  csrfToken: string;
  /** Signed in with a one-time password the admin was shown: only changing it is allowed until then. */
  mustChangePassword?: boolean;
}

/** What the login page offers: GET /api/auth/sign-in-options. */
export interface SignInOptionsResponse {
  /** Sign-in through the municipality's identity provider (OpenID Connect) is configured. */
  oidc: boolean;
}

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'stegvis_session';
export const CSRF_COOKIE = 'stegvis_csrf';
