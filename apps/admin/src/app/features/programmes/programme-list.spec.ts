import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@stegvis/contracts';
import { signInForTest } from '../../core/auth/testing';
import { ProgrammeList } from './programme-list';
import { HttpTestingController, provideApiTesting } from '../../core/api/testing';

const programme = {
  id: 'p1',
  name: 'Nästa Steg',
  ownerMunicipality: { id: 'm1', name: 'Ängelholm', code: '1292' },
  municipalities: [
    { id: 'm1', name: 'Ängelholm', code: '1292' },
    { id: 'm2', name: 'Klippan', code: '1276' },
  ],
  partnerOrganisations: [],
  startDate: '2019-09-03',
  endDate: '2021-12-31',
  targetGroup: '',
  goals: [],
  unmappedGoals: [],
  version: 1,
  createdAt: '',
  updatedAt: '',
};

async function render(role: Role, items: unknown[] = [programme]): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideRouter([]), provideApiTesting()],
  });
  signInForTest({ role, programmeIds: ['p1'] });
  const fixture = TestBed.createComponent(ProgrammeList);
  // The list's resource asks when change detection first runs.
  fixture.detectChanges();
  TestBed.inject(HttpTestingController)
    .expectOne('/api/programmes?limit=200')
    .flush({ items, nextCursor: null });
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('ProgrammeList', () => {
  it('lists programmes in Swedish with owner, period and municipalities', async () => {
    const el = await render('staff');
    const row = el.querySelector('[data-testid="programme-row"]')!;
    expect(row.textContent).toContain('Nästa Steg');
    expect(row.textContent).toContain('2019-09-03 – 2021-12-31');
    expect(row.textContent).toContain('Ängelholm, Klippan');
    expect(el.querySelector('h1')!.textContent).toBe('Insatser');
  });

  it('says so when there are no programmes yet, with no table', async () => {
    const el = await render('staff', []);
    expect(el.querySelector('[data-testid="list-empty"]')!.textContent).toContain('Inga insatser ännu.');
    expect(el.querySelector('[data-testid="programme-table"]')).toBeNull();
  });

  it.each([
    ['staff', true],
    ['admin', true],
    ['evaluator', false],
    ['steering', false],
    ['analysis_member', false],
  ] as const)('shows "Ny insats" to %s: %s', async (role, shown) => {
    const el = await render(role);
    expect(el.querySelector('[data-testid="new-programme"]') !== null).toBe(shown);
  });
});
