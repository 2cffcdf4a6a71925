import { Injectable, inject } from '@angular/core';
import type { CurrentUserResponse, LoginRequest, SignInOptionsResponse } from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from '../api/api-client';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly api = inject(ApiClient);

  login(body: LoginRequest & { code?: string; recoveryCode?: string }): Observable<CurrentUserResponse> {
    return this.api.POST('/api/auth/login', { body });
  }
  logout(): Observable<void> {
    return this.api.POST('/api/auth/logout');
  }
  me(): Observable<CurrentUserResponse> {
    return this.api.GET('/api/auth/me');
  }
  /** Whether the login page offers the municipality's identity provider. */
  signInOptions(): Observable<SignInOptionsResponse> {
    return this.api.GET('/api/auth/sign-in-options');
  }
  /** The app's code (or a recovery code) after the municipality's sign-in, when it does not count as two factors. */
  oidcCode(body: { code: string } | { recoveryCode: string }): Observable<CurrentUserResponse> {
    return this.api.POST('/api/auth/oidc/code', { body });
  }
}
