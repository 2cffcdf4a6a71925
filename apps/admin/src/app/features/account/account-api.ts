import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, type Schemas } from '../../core/api/api-client';

export type ChangePassword = Schemas['ChangePasswordDto'];

/** The signed-in user's own account: password and sessions. Both end every session, this one included. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly api = inject(ApiClient);

  changePassword(body: ChangePassword): Observable<unknown> {
    return this.api.POST('/api/auth/password', { body });
  }
  revokeAll(): Observable<unknown> {
    return this.api.POST('/api/auth/sessions/revoke-all');
  }
}
