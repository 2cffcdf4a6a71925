import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, type Schemas } from '../../core/api/api-client';

/** The secret and otpauth URI of a new two-factor setup. */
export type TotpSetup = Schemas['TotpSetupDto'];

@Injectable({ providedIn: 'root' })
export class TwoFactorApi {
  private readonly api = inject(ApiClient);

  setup(): Observable<TotpSetup> {
    return this.api.POST('/api/auth/totp/setup');
  }
  confirm(code: string): Observable<void> {
    return this.api.POST('/api/auth/totp/confirm', { body: { code } });
  }
}
