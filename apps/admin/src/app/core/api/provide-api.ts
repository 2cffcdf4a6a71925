import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import type { EnvironmentProviders } from '@angular/core';
import { CSRF_COOKIE } from '@stegvis/contracts';
import { sessionExpiryInterceptor } from '../http/session-expiry.interceptor';

/**
 * What every api call goes through: the CSRF token from its cookie echoed in X-CSRF-Token on unsafe methods, and
 * the session-expiry interceptor (401 → drafts kept, login page). The app and the client's unit tests both use
 * this, so the tests exercise the same pipeline.
 */
export function provideApi(): EnvironmentProviders {
  return provideHttpClient(
    withXsrfConfiguration({ cookieName: CSRF_COOKIE, headerName: 'X-CSRF-Token' }),
    withInterceptors([sessionExpiryInterceptor]),
  );
}
