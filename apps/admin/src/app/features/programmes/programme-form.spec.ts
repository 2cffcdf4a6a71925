import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { signInForTest } from '../../core/auth/testing';
import { HttpTestingController, provideApiTesting } from '../../core/api/testing';
import { ProgrammeForm } from './programme-form';

const angelholm = { id: 'm1', name: 'Ängelholm', code: '1292' };
const programme = {
  id: 'p1',
  name: 'Nästa Steg',
  ownerMunicipality: angelholm,
  municipalities: [angelholm],
  partnerOrganisations: [],
  startDate: '2019-09-03',
  endDate: '2021-12-31',
  targetGroup: 'Utrikes födda kvinnor',
  goals: [],
  unmappedGoals: [],
  allowUnreviewedTranslations: true,
  version: 3,
  createdAt: '',
  updatedAt: '',
};

/** Opens the edit form of p1 with the directory read; the programme itself is left to the test. */
async function open(): Promise<{
  el: HTMLElement;
  http: HttpTestingController;
  settle: () => Promise<void>;
}> {
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideRouter([]), provideApiTesting()],
  });
  signInForTest({ programmeIds: ['p1'] });
  const fixture = TestBed.createComponent(ProgrammeForm);
  fixture.componentRef.setInput('id', 'p1');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/municipalities').flush([angelholm]);
  http.expectOne('/api/organisations').flush([]);
  const settle = async (): Promise<void> => {
    // The form's load is a promise chain outside Angular's pending tasks: let it run first.
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    fixture.detectChanges();
  };
  await settle();
  return { el: fixture.nativeElement as HTMLElement, http, settle };
}

describe('ProgrammeForm', () => {
  it('shows no fields until the programme is read, so nothing typed is overwritten by the load', async () => {
    const { el, http, settle } = await open();
    expect(el.querySelector('[data-testid="form-loading"]')?.textContent?.trim()).toBe('Hämtar …');
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Ändra insats');
    expect(el.querySelector('[data-testid="programme-name"]')).toBeNull();
    expect(el.querySelector('[data-testid="programme-save"]')).toBeNull();

    http.expectOne('/api/programmes/p1').flush(programme);
    await settle();
    expect(el.querySelector('[data-testid="form-loading"]')).toBeNull();
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Nästa Steg');
    expect(el.querySelector<HTMLInputElement>('[data-testid="programme-name"]')!.value).toBe('Nästa Steg');
    expect(el.querySelector<HTMLTextAreaElement>('[data-testid="programme-target-group"]')!.value).toBe(
      'Utrikes födda kvinnor',
    );
  });

  it('says why when the programme cannot be read, and offers no empty form to save', async () => {
    const { el, http, settle } = await open();
    http.expectOne('/api/programmes/p1').flush(
      {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'Insatsen finns inte eller hör inte till dig.',
      },
      { status: 404, statusText: 'Not Found', headers: { 'content-type': 'application/problem+json' } },
    );
    await settle();
    expect(el.querySelector('[data-testid="load-error"]')?.textContent?.trim()).toBe(
      'Insatsen finns inte eller hör inte till dig.',
    );
    expect(el.querySelector('[data-testid="programme-name"]')).toBeNull();
    expect(el.querySelector('[data-testid="programme-save"]')).toBeNull();
  });
});
