import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CurrentUserResponse, LoginRequest } from '@stegvis/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(body: LoginRequest & { code?: string }): Observable<CurrentUserResponse> {
    return this.http.post<CurrentUserResponse>('/api/auth/login', body);
  }
  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {});
  }
  me(): Observable<CurrentUserResponse> {
    return this.http.get<CurrentUserResponse>('/api/auth/me');
  }
}
