import { Injectable, inject } from '@angular/core';
import type { CurrentUserResponse, LoginRequest } from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow } from '../api/api-client';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly api = inject(ApiClient);

  login(body: LoginRequest & { code?: string }): Observable<CurrentUserResponse> {
    return this.api.POST('/api/auth/login', { body });
  }
  logout(): Observable<void> {
    // openapi.json declares no answer for it (the api sends 204).
    return this.api.POST('/api/auth/logout').pipe(narrow<void>());
  }
  me(): Observable<CurrentUserResponse> {
    return this.api.GET('/api/auth/me');
  }
}
