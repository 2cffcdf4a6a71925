import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute } from '@angular/router';
import { map } from 'rxjs';
import { AuthApi } from '../../core/auth/auth-api';
import { I18n, type TextKey } from '../../core/i18n/i18n';

/** Why the api sent the person back from the identity provider (`/login?sso=<reason>`), in the api's words. */
const REASONS = {
  expired: 'signIn.sso.expired',
  cancelled: 'signIn.sso.cancelled',
  failed: 'signIn.sso.failed',
  unavailable: 'signIn.sso.unavailable',
  no_email: 'signIn.sso.no_email',
  unknown_user: 'signIn.sso.unknown_user',
  inactive: 'signIn.sso.inactive',
} as const satisfies Record<string, TextKey>;

/**
 * "Logga in med kommunens konto": shown only when the api has an identity provider configured. It is a plain link,
 * not a call: the browser goes to the provider and comes back signed in (or here, with the reason).
 */
@Component({
  selector: 'sv-idp-sign-in',
  imports: [MatButtonModule],
  template: `
    @if (reason(); as r) {
      <p class="error-banner" role="alert" data-testid="login-sso-error">{{ i18n.t(r) }}</p>
    }
    @if (offered()) {
      <p class="or">{{ i18n.t('signIn.or') }}</p>
      <a mat-stroked-button class="wide" [href]="startUrl()" data-testid="login-oidc">{{
        i18n.t('signIn.oidc')
      }}</a>
    }
  `,
  styles: `
    .or {
      text-align: center;
      margin: 4px 0 8px;
    }
    .wide {
      width: 100%;
      height: 48px;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdpSignIn {
  readonly returnUrl = input<string>('/');
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AuthApi);
  private readonly options = rxResource({ stream: () => this.api.signInOptions() });
  protected readonly offered = computed(() => this.options.hasValue() && this.options.value().oidc);
  protected readonly reason = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(
      map((q) => {
        const r = q.get('sso');
        if (r === null) return null;
        return r in REASONS ? REASONS[r as keyof typeof REASONS] : REASONS.failed;
      }),
    ),
    { initialValue: null },
  );
  protected readonly startUrl = computed(
    () => `/api/auth/oidc/start?returnTo=${encodeURIComponent(this.returnUrl() || '/')}`,
  );
}
