import { HttpErrorResponse } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { of, throwError } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { AuthApi } from '../../core/auth/auth-api';
import { AuthStore } from '../../core/auth/auth-store';
import { IdpCode } from './idp-code';

const problem = (status: number, code: string) =>
  new HttpErrorResponse({ status, error: { status, code, title: 'x', type: 'about:blank' } });

async function render(answer: () => unknown): Promise<{
  fixture: ComponentFixture<IdpCode>;
  el: HTMLElement;
  sent: unknown[];
}> {
  const sent: unknown[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([]),
      provideApiTesting(),
      {
        provide: AuthApi,
        useValue: {
          oidcCode: (body: unknown) => {
            sent.push(body);
            const r = answer();
            return r instanceof HttpErrorResponse ? throwError(() => r) : of(r);
          },
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(IdpCode);
  fixture.componentRef.setInput('returnUrl', '/deltagare');
  await fixture.whenStable();
  return { fixture, el: fixture.nativeElement as HTMLElement, sent };
}

async function submit(fixture: ComponentFixture<IdpCode>, value: string): Promise<void> {
  const el = fixture.nativeElement as HTMLElement;
  const input = el.querySelector<HTMLInputElement>('[data-testid="idp-code"]')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  el.querySelector<HTMLButtonElement>('[data-testid="idp-code-submit"]')!.click();
  await fixture.whenStable();
  await new Promise((r) => setTimeout(r));
  await fixture.whenStable();
}

const testId = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe("IdpCode (the code after the municipality's sign-in, /login/kod)", () => {
  it('signs in with the code and goes where the person was headed', async () => {
    const user = { id: 'u1', email: 'tove@angelholm.se', displayName: 'Tove', role: 'staff' };
    const { fixture, sent } = await render(() => user);
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await submit(fixture, ' 123456 ');
    expect(sent).toEqual([{ code: '123456' }]);
    expect(TestBed.inject(AuthStore).user()).toEqual(user);
    expect(navigate).toHaveBeenCalledWith('/deltagare');
  });

  it('sends a recovery code instead when the person chooses one', async () => {
    const { fixture, el, sent } = await render(() => problem(401, 'recovery_code_wrong'));
    testId(el, 'idp-code-recovery')!.click();
    await fixture.whenStable();
    await submit(fixture, 'abcd-efgh');
    expect(sent).toEqual([{ recoveryCode: 'abcd-efgh' }]);
    expect(testId(el, 'idp-code-error')!.textContent!.trim()).toBe(
      'Fel eller redan använd återställningskod.',
    );
  });

  it('says a wrong code is wrong, and keeps the form', async () => {
    const { fixture, el } = await render(() => problem(401, 'totp_code_wrong'));
    await submit(fixture, '000000');
    expect(testId(el, 'idp-code-error')!.textContent!.trim()).toBe('Fel kod – försök igen med en ny kod.');
    expect(testId(el, 'idp-code')).not.toBeNull();
  });

  it('sends the person back to the sign-in once the wait is over', async () => {
    const { fixture, el } = await render(() => problem(401, 'not_signed_in'));
    await submit(fixture, '123456');
    expect(testId(el, 'idp-code-error')!.textContent!.trim()).toBe(
      'Inloggningen tog för lång tid. Börja om med kommunens konto.',
    );
    expect(testId(el, 'idp-code')).toBeNull();
    expect(testId(el, 'idp-code-restart')!.getAttribute('href')).toBe('/login');
  });
});
