import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, type Schemas } from '../../core/api/api-client';

/** The secret and otpauth URI of a new two-factor setup. */
export type TotpSetup = Schemas['TotpSetupDto'];
/** Whether two-factor login is on, and whether the role needs it. */
export type TotpStatus = Schemas['TotpStatusDto'];
/** The password, and a current code while two-factor login is on: what a change of the second factor needs. */
export type TotpChange = Schemas['TotpChangeDto'];

@Injectable({ providedIn: 'root' })
export class TwoFactorApi {
  private readonly api = inject(ApiClient);

  status(): Observable<TotpStatus> {
    return this.api.GET('/api/auth/totp');
  }
  setup(body: TotpChange): Observable<TotpSetup> {
    return this.api.POST('/api/auth/totp/setup', { body });
  }
  /** The answer carries the one-time recovery codes, shown once. */
  confirm(code: string): Observable<Schemas['RecoveryCodesDto']> {
    return this.api.POST('/api/auth/totp/confirm', { body: { code } });
  }
  disable(body: TotpChange): Observable<void> {
    return this.api.POST('/api/auth/totp/disable', { body });
  }
}
