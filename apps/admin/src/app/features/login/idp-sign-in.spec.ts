import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import { of } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { AuthApi } from '../../core/auth/auth-api';
import { IdpSignIn } from './idp-sign-in';

async function render(
  oidc: boolean,
  query: Record<string, string> = {},
  returnUrl?: string,
): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      { provide: AuthApi, useValue: { signInOptions: () => of({ oidc }) } },
      { provide: ActivatedRoute, useValue: { queryParamMap: of(convertToParamMap(query)) } },
    ],
  });
  const fixture = TestBed.createComponent(IdpSignIn);
  if (returnUrl !== undefined) fixture.componentRef.setInput('returnUrl', returnUrl);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const testId = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('IdpSignIn (the login page\'s "Logga in med kommunens konto")', () => {
  it('offers the sign-in only when the api has a provider, as a link that keeps where to return', async () => {
    const el = await render(true, {}, '/deltagare?flik=samtal');
    const link = testId(el, 'login-oidc')!;
    expect(link.textContent!.trim()).toBe('Logga in med kommunens konto');
    expect(link.getAttribute('href')).toBe('/api/auth/oidc/start?returnTo=%2Fdeltagare%3Fflik%3Dsamtal');
    expect(testId(el, 'login-sso-error')).toBeNull();
  });

  it('shows nothing when no provider is configured', async () => {
    const el = await render(false);
    expect(testId(el, 'login-oidc')).toBeNull();
    expect(el.textContent!.trim()).toBe('');
  });

  it('says in Swedish why the provider sent the person back', async () => {
    const el = await render(true, { sso: 'unknown_user' });
    expect(testId(el, 'login-sso-error')!.textContent!.trim()).toBe(
      'Det finns inget konto i Stegvis med din e-postadress. Be administratören att lägga upp dig.',
    );
  });

  it('words a reason it does not know as a failed sign-in, never as the code', async () => {
    const el = await render(true, { sso: 'something_new' });
    expect(testId(el, 'login-sso-error')!.textContent!.trim()).toBe(
      'Kommunens inloggning kunde inte bekräftas. Försök igen, eller kontakta administratören om det upprepas.',
    );
  });
});
