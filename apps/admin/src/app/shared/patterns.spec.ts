import { HttpErrorResponse } from '@angular/common/http';
import { Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { provideRouter } from '@angular/router';
import { of, throwError } from 'rxjs';
import { signInForTest } from '../core/auth/testing';
import { AuthStore } from '../core/auth/auth-store';
import { provideApiTesting } from '../core/api/testing';
import { ConfirmDialog } from './confirm-dialog';
import { fieldErrorText } from './form/field-error';
import { FormSubmit } from './form/form-submit';
import { unsavedChangesGuard } from './form/unsaved-changes';
import { ListState } from './list/list-state';
import { Outcome } from './outcome';

@Component({
  imports: [ListState],
  template: `<sv-list-state [loading]="loading()" [error]="error()" [count]="count()" emptyText="Inga rader.">
    <button svListEmpty type="button">Lägg till</button>
    <table data-testid="rows"></table>
  </sv-list-state>`,
})
class ListHost {
  readonly loading = signal(false);
  readonly error = signal<unknown>(undefined);
  readonly count = signal(0);
}

describe('shared patterns', () => {
  beforeEach(() => {
    localStorage.removeItem('stegvis.lang');
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideRouter([]), provideApiTesting()],
    });
  });

  it('a list shows loading, then a failed load, then the empty state, then its rows', async () => {
    const fixture = TestBed.createComponent(ListHost);
    const el = fixture.nativeElement as HTMLElement;
    const host = fixture.componentInstance;
    const shown = async () => {
      await fixture.whenStable();
      return ['list-loading', 'list-error', 'list-empty', 'rows'].filter(
        (id) => el.querySelector(`[data-testid="${id}"]`) !== null,
      );
    };
    host.loading.set(true);
    expect(await shown()).toEqual(['list-loading']);
    expect(el.textContent).toContain('Hämtar …');
    host.loading.set(false);
    host.error.set(new HttpErrorResponse({ status: 0 }));
    expect(await shown()).toEqual(['list-error']);
    expect(el.textContent).toContain('Det gick inte att hämta uppgifterna.');
    host.error.set(undefined);
    expect(await shown()).toEqual(['list-empty']);
    expect(el.querySelector('[data-testid="list-empty"]')!.textContent).toContain('Inga rader.');
    expect(el.querySelector('[data-testid="list-empty"] button')!.textContent).toBe('Lägg till');
    host.count.set(2);
    expect(await shown()).toEqual(['rows']);
  });

  it('words validator errors in Swedish, the api text first, a screen key through extra', () => {
    const t = (k: string) =>
      ({
        'shared.field.required': 'Fyll i fältet',
        'shared.field.tooLong': 'För långt – högst {max} tecken',
        'shared.field.invalid': 'Rätta värdet',
        'account.mismatch': 'Lösenorden är inte lika',
      })[k] ?? k;
    expect(fieldErrorText({ required: true }, t)).toBe('Fyll i fältet');
    expect(fieldErrorText({ maxlength: { requiredLength: 200, actualLength: 201 } }, t)).toBe(
      'För långt – högst 200 tecken',
    );
    expect(fieldErrorText({ server: 'Lösenordet är för lätt att gissa.', required: true }, t)).toBe(
      'Lösenordet är för lätt att gissa.',
    );
    expect(fieldErrorText({ mismatch: true }, t, { mismatch: 'account.mismatch' })).toBe(
      'Lösenorden är inte lika',
    );
    expect(fieldErrorText({ someCustomKey: true }, t)).toBe('Rätta värdet');
    expect(fieldErrorText(null, t)).toBe('');
  });

  it('a refused save puts the api error at its field in Swedish and keeps what was typed', async () => {
    const done = vi.fn();
    TestBed.overrideProvider(Outcome, { useValue: { done, failed: vi.fn() } });
    const submit = TestBed.runInInjectionContext(() => new FormSubmit());
    const form = new FormGroup({ newPassword: new FormControl('lösenord123', Validators.required) });
    form.markAsDirty();
    const refusal = new HttpErrorResponse({
      status: 400,
      error: {
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        errors: [
          { field: 'newPassword', message: 'too weak', code: 'password_too_short', params: { min: 12 } },
        ],
      },
    });
    const failed = await submit.run(form, () => throwError(() => refusal));
    expect(failed).toEqual({ ok: false });
    expect(form.controls.newPassword.errors?.['server']).toBe('Lösenordet måste ha minst 12 tecken.');
    expect(form.controls.newPassword.value).toBe('lösenord123');
    expect(submit.banner()).toBe('Rätta de markerade fälten.');
    expect(done).not.toHaveBeenCalled();

    form.controls.newPassword.setValue('en lång och ovanlig fras');
    const saved = await submit.run(form, () => of({ id: 'x' }), { done: 'Sparat!' });
    expect(saved).toEqual({ ok: true, value: { id: 'x' } });
    expect(form.dirty).toBe(false);
    expect(done).toHaveBeenCalledWith('Sparat!');
  });

  it('an invalid form is not sent', async () => {
    TestBed.overrideProvider(Outcome, { useValue: { done: vi.fn(), failed: vi.fn() } });
    const submit = TestBed.runInInjectionContext(() => new FormSubmit());
    const write = vi.fn(() => of(null));
    const form = new FormGroup({ name: new FormControl('', Validators.required) });
    expect(await submit.run(form, write)).toEqual({ ok: false });
    expect(write).not.toHaveBeenCalled();
    expect(form.controls.name.touched).toBe(true);
  });

  it('leaving a dirty form asks, a clean one or an ended session does not', async () => {
    const ask = vi.fn(() => Promise.resolve(false));
    TestBed.overrideProvider(ConfirmDialog, { useValue: { ask } });
    const auth = TestBed.inject(AuthStore);
    signInForTest();
    const leave = (dirty: boolean) =>
      TestBed.runInInjectionContext(() =>
        unsavedChangesGuard({ hasUnsavedChanges: () => dirty }, null!, null!, null!),
      );
    expect(await leave(false)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    expect(await leave(true)).toBe(false);
    expect(ask).toHaveBeenCalledTimes(1);
    auth.sessionEnded();
    expect(await leave(true)).toBe(true);
    expect(ask).toHaveBeenCalledTimes(1);
  });
});
