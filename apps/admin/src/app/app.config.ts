import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { CSRF_COOKIE } from '@stegvis/contracts';
import { routes } from './app.routes';
import { sessionExpiryInterceptor } from './core/http/session-expiry.interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(
      withXsrfConfiguration({ cookieName: CSRF_COOKIE, headerName: 'X-CSRF-Token' }),
      withInterceptors([sessionExpiryInterceptor]),
    ),
  ],
};
