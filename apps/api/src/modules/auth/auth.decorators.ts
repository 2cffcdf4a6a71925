import { SetMetadata } from '@nestjs/common';
import type { Action } from '@stegvis/contracts';

export const PUBLIC_KEY = 'stegvis:public';
export const SKIP_CSRF_KEY = 'stegvis:skip-csrf';
export const ACTION_KEY = 'stegvis:action';

/** No session needed (login, health, the participants' survey endpoints). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** No CSRF header needed: login (no session yet) and participant endpoints (no cookie session). */
export const SkipCsrf = () => SetMetadata(SKIP_CSRF_KEY, true);
/** The policy action a handler performs; the guard refuses roles that may never do it (403). */
export const Allow = (action: Action) => SetMetadata(ACTION_KEY, action);
export const MFA_SETUP_KEY = 'stegvis:mfa-setup';
/** Usable with a session that still has to set up two-factor authentication. */
export const AllowDuringMfaSetup = () => SetMetadata(MFA_SETUP_KEY, true);
export const PASSWORD_CHANGE_KEY = 'stegvis:password-change';
/** Usable with a one-time password the admin was shown, before the user has picked their own. */
export const AllowDuringPasswordChange = () => SetMetadata(PASSWORD_CHANGE_KEY, true);
