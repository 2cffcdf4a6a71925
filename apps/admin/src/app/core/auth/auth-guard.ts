import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { Router } from '@angular/router';
import type { Action } from '@stegvis/contracts';
import { AuthStore } from './auth-store';

/** Signed-in users only; others go to the login page and come back afterwards. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  if (await store.load()) return true;
  return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Only roles that may do the action; the others are sent to the start page. */
export function actionGuard(action: Action): CanActivateFn {
  return async () => {
    // inject() works only before the first await.
    const store = inject(AuthStore);
    const router = inject(Router);
    await store.load();
    return store.can(action) ? true : router.createUrlTree(['/']);
  };
}
