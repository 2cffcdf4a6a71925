import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, narrow } from '../../core/api/api-client';

/** The secret and otpauth URI of a new two-factor setup; openapi.json declares no schema for this answer. */
export interface TotpSetup {
  secret: string;
  uri: string;
}

@Injectable({ providedIn: 'root' })
export class TwoFactorApi {
  private readonly api = inject(ApiClient);

  setup(): Observable<TotpSetup> {
    return this.api.POST('/api/auth/totp/setup').pipe(narrow<TotpSetup>());
  }
  confirm(code: string): Observable<void> {
    return this.api.POST('/api/auth/totp/confirm', { body: { code } }).pipe(narrow<void>());
  }
}
