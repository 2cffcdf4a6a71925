import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { HttpTestingController, provideApiTesting } from '../../core/api/testing';
import { ParticipantForm } from './participant-form';

const programme = (id: string, name: string) => ({
  id,
  name,
  ownerMunicipality: { id: 'm1', name: 'Ängelholm', code: '1292' },
  municipalities: [],
  partnerOrganisations: [],
  startDate: '2019-09-03',
  endDate: '2021-12-31',
  targetGroup: '',
  goals: [],
  version: 1,
  createdAt: '',
  updatedAt: '',
});

async function render(items: unknown[]) {
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideRouter([]), provideApiTesting()],
  });
  const fixture = TestBed.createComponent(ParticipantForm);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne((r) => r.url === '/api/programmes').flush({ items, nextCursor: null });
  await fixture.whenStable();
  fixture.detectChanges();
  return { fixture, http, el: fixture.nativeElement as HTMLElement };
}

describe('ParticipantForm', () => {
  it('guesses no programme when the user has several, and refuses to save without one', async () => {
    const { fixture, http, el } = await render([
      programme('p1', 'Nästa Steg'),
      programme('p2', 'Steg för steg'),
    ]);
    const form = (
      fixture.componentInstance as unknown as { form: { getRawValue(): { programmeId: string } } }
    ).form;
    expect(form.getRawValue().programmeId).toBe('');
    (el.querySelector('[data-testid="p-first"]') as HTMLInputElement).value = 'Fatima';
    el.querySelector('[data-testid="p-first"]')!.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="p-last"]') as HTMLInputElement).value = 'Ali';
    el.querySelector('[data-testid="p-last"]')!.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="p-save"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    http.expectNone((r) => r.method === 'POST');
    expect(el.querySelector('[data-testid="p-programme-error"]')!.textContent!.trim()).toBe('Välj en insats');
  }, 30_000);

  it('fills in the programme when the user has exactly one', async () => {
    const { fixture } = await render([programme('p1', 'Nästa Steg')]);
    const form = (
      fixture.componentInstance as unknown as { form: { getRawValue(): { programmeId: string } } }
    ).form;
    expect(form.getRawValue().programmeId).toBe('p1');
  }, 30_000);
});
