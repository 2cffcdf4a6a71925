import { HttpErrorResponse } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of, throwError } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { type TotpChange, type TotpStatus, TwoFactorApi } from './two-factor-api';
import { TwoFactorSetup } from './two-factor-setup';

interface Calls {
  setup: TotpChange[];
  disable: TotpChange[];
}

async function render(
  status: TotpStatus,
  answer: (body: TotpChange) => unknown = () => ({ secret: 'ABC', uri: 'otpauth://totp/x?secret=ABC' }),
): Promise<{ fixture: ComponentFixture<TwoFactorSetup>; el: HTMLElement; calls: Calls }> {
  const calls: Calls = { setup: [], disable: [] };
  const reply = (kind: keyof Calls) => (body: TotpChange) => {
    calls[kind].push(body);
    const r = answer(body);
    return r instanceof HttpErrorResponse ? throwError(() => r) : of(r);
  };
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([]),
      provideApiTesting(),
      {
        provide: TwoFactorApi,
        useValue: { status: () => of(status), setup: reply('setup'), disable: reply('disable') },
      },
    ],
  });
  const fixture = TestBed.createComponent(TwoFactorSetup);
  await fixture.whenStable();
  return { fixture, el: fixture.nativeElement as HTMLElement, calls };
}

function type(el: HTMLElement, testId: string, value: string): void {
  const input = el.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

async function click(fixture: ComponentFixture<TwoFactorSetup>, testId: string): Promise<void> {
  (fixture.nativeElement as HTMLElement)
    .querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)!
    .click();
  await fixture.whenStable();
  await new Promise((r) => setTimeout(r));
  await fixture.whenStable();
}

describe('TwoFactorSetup', () => {
  // (The QR code itself needs a canvas, which jsdom lacks; the browser journey shows it.)
  it('asks for the password before it starts a setup, and sends it', async () => {
    const { fixture, el, calls } = await render({ enabled: false, required: true });
    expect(el.querySelector('[data-testid="totp-current-code"]')).toBeNull();
    expect(el.querySelector('[data-testid="totp-disable"]')).toBeNull();
    await click(fixture, 'totp-start');
    expect(calls.setup).toEqual([]);
    type(el, 'totp-password', 'mitt hemliga lösenord');
    await click(fixture, 'totp-start');
    expect(calls.setup).toEqual([{ password: 'mitt hemliga lösenord' }]);
  });

  it('while two factors are on, asks for a current code too and words a wrong password on its field', async () => {
    const { fixture, el, calls } = await render(
      { enabled: true, required: false },
      () =>
        new HttpErrorResponse({
          status: 400,
          error: {
            type: 'https://stegvis.se/problems/validation',
            title: 'Bad request',
            status: 400,
            code: 'wrong_password',
            errors: [{ field: 'password', message: 'password is wrong', code: 'wrong_password' }],
          },
        }),
    );
    expect(el.querySelector('[data-testid="totp-start"]')?.textContent?.trim()).toBe('Byt app');
    type(el, 'totp-password', 'fel lösenord här');
    type(el, 'totp-current-code', '123456');
    await click(fixture, 'totp-disable');
    expect(calls.disable).toEqual([{ password: 'fel lösenord här', code: '123456' }]);
    expect(el.querySelector('[data-testid="totp-password-error"]')?.textContent?.trim()).toBe(
      'Fel nuvarande lösenord.',
    );
  });

  it('offers no switching off to a role that must use two factors', async () => {
    const { el } = await render({ enabled: true, required: true });
    expect(el.querySelector('[data-testid="totp-current-code"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="totp-disable"]')).toBeNull();
  });
});
