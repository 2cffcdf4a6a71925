import { Injectable, inject } from '@angular/core';
import type { CurrentUserResponse, LoginRequest, SignInOptionsResponse } from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from '../api/api-client';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly api = inject(ApiClient);

  login(body: LoginRequest & { code?: string }): Observable<CurrentUserResponse> {
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
}
