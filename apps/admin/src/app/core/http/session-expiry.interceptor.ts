import type { HttpInterceptorFn } from '@angular/common/http';
import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthStore } from '../auth/auth-store';
import { DraftStore } from '../drafts/draft-store';
import { asProblem } from '../errors/problem-form';

/** A 401 outside the login call means the session ended: keep drafts, then go to the login page and come back. */
export const sessionExpiryInterceptor: HttpInterceptorFn = (req, next) => {
  const router = inject(Router);
  const auth = inject(AuthStore);
  const drafts = inject(DraftStore);
  return next(req).pipe(
    catchError((err: unknown) => {
      if (
        err instanceof HttpErrorResponse &&
        err.status === 403 &&
        asProblem(err)?.type === 'https://stegvis.se/problems/totp-setup-required'
      ) {
        void router.navigate(['/tvafaktor']);
      }
      // Signed in with a one-time password from the admin: the user picks their own on the account page first.
      if (
        err instanceof HttpErrorResponse &&
        err.status === 403 &&
        asProblem(err)?.type === 'https://stegvis.se/problems/password-change-required'
      ) {
        void router.navigate(['/konto']);
      }
      if (
        err instanceof HttpErrorResponse &&
        err.status === 401 &&
        !req.url.endsWith('/api/auth/login') &&
        !req.url.endsWith('/api/auth/me')
      ) {
        drafts.saveAll();
        auth.sessionEnded();
        void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
      }
      return throwError(() => err);
    }),
  );
};
