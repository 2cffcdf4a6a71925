import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@stegvis/contracts';
import { map, of, timer } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { signInForTest } from '../../core/auth/testing';
import { ProgrammesApi } from '../programmes/programmes-api';
import { GroupList } from './group-list';
import { GroupsApi } from './groups-api';

async function render(role: Role, programmes: { id: string; name: string }[] = []): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([]),
      provideApiTesting(),
      // Asynchronous, as over http: the picker's choice then reaches the list through its two-way binding.
      {
        provide: ProgrammesApi,
        useValue: { list: () => timer(0).pipe(map(() => ({ items: programmes, nextCursor: null }))) },
      },
      { provide: GroupsApi, useValue: { list: () => of([]) } },
    ],
  });
  signInForTest({ role, programmeIds: ['p1'] });
  const fixture = TestBed.createComponent(GroupList);
  await fixture.whenStable();
  await new Promise((r) => setTimeout(r, 10));
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('GroupList', () => {
  it('shows staff the button that starts a group', async () => {
    const el = await render('staff');
    const button = el.querySelector<HTMLAnchorElement>('[data-testid="new-group"]');
    expect(button?.textContent?.trim()).toBe('Ny grupp');
    expect(button?.getAttribute('href')).toBe('/ny');
  });

  it('says so when the chosen programme has no groups yet', async () => {
    const el = await render('staff', [{ id: 'p1', name: 'Nästa Steg' }]);
    expect(el.querySelector('[data-testid="list-empty"]')!.textContent).toContain(
      'Inga grupper i insatsen ännu.',
    );
    expect(el.querySelector('[data-testid="group-row"]')).toBeNull();
  });

  it.each(['evaluator', 'steering', 'analysis_member'] as const)(
    'shows %s no button to start a group (group.manage)',
    async (role) => {
      const el = await render(role);
      expect(el.querySelector('[data-testid="new-group"]')).toBeNull();
    },
  );
});
