import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { HttpTestingController, provideApiTesting } from '../../core/api/testing';
import { signInForTest } from '../../core/auth/testing';
import { AuditLogPage } from './audit-log-page';

const entry = {
  id: '7',
  at: '2026-03-01T23:30:00.000Z',
  actorId: 'u1',
  actorName: 'Sara Personal',
  actorRole: 'staff',
  action: 'participant.identity.read',
  entityType: 'participant',
  entityId: 'p1',
  subjectId: 'p1',
  subjectName: 'Deltagare 1A2B3C',
  outcome: 'success',
};

async function settle(fixture: { detectChanges(): void; whenStable(): Promise<unknown> }) {
  await new Promise((r) => setTimeout(r));
  fixture.detectChanges();
  await fixture.whenStable();
}

async function render() {
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideRouter([]), provideApiTesting()],
  });
  signInForTest({ id: 'a', email: 'admin@x.se', displayName: 'Admin', role: 'admin' });
  const fixture = TestBed.createComponent(AuditLogPage);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/audit-events?limit=50').flush({ items: [entry], nextCursor: 'c1' });
  http.expectOne('/api/users').flush([{ id: 'u1', displayName: 'Sara Personal' }]);
  http.expectOne('/api/retention').flush({
    years: 2,
    scheduled: false,
    lastRun: { at: '2026-03-01T23:30:00.000Z', outcome: 'success', pseudonymised: 4, cutoff: '2024-03-02' },
    nextRunAt: null,
    dueNow: 1,
    nextDue: { date: '2026-05-01', count: 2 },
  });
  await settle(fixture);
  return { fixture, el: fixture.nativeElement as HTMLElement, http };
}

describe('AuditLogPage', () => {
  it('shows each event in Swedish time and words, the person by what the api gives, and the retention status', async () => {
    const { el } = await render();
    const cells = [...el.querySelectorAll('[data-testid="audit-row"] td')].map((c) => c.textContent!.trim());
    expect(cells).toEqual([
      '2026-03-02 00:30:00',
      'Sara Personal',
      'Personal',
      'Läste skyddad identitet',
      'Deltagare',
      'Deltagare 1A2B3C',
      'Utfört',
    ]);
    expect(el.querySelector('[data-testid="retention-last-run"]')!.textContent).toBe(
      '2026-03-02 00:30: Utfört, 4 deltagare pseudonymiserades (inskrivningar som slutade före 2024-03-02).',
    );
    expect(el.querySelector('[data-testid="retention-next-run"]')!.textContent!.trim()).toBe(
      'Gallringen körs inte automatiskt här (RETENTION_SCHEDULE är av).',
    );
    expect(el.querySelector('[data-testid="retention-next-due"]')!.textContent!.trim()).toBe(
      '2026-05-01 passerar 2 deltagare gränsen.',
    );
  });

  it('sends the filters as typed, pages on with the cursor, and says a bad day at once', async () => {
    const { fixture, el, http } = await render();
    const type = (id: string, v: string) => {
      const input = el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
      input.value = v;
      input.dispatchEvent(new Event('input'));
    };
    el.querySelector<HTMLButtonElement>('[data-testid="audit-more"]')!.click();
    http
      .expectOne('/api/audit-events?after=c1&limit=50')
      .flush({ items: [{ ...entry, id: '6' }], nextCursor: null });
    await settle(fixture);
    expect(el.querySelectorAll('[data-testid="audit-row"]').length).toBe(2);
    expect(el.querySelector('[data-testid="audit-more"]')).toBeNull();

    type('audit-person', 'Deltagare 1A2B3C');
    type('audit-from', '2026-03-02');
    type('audit-to', '2026-03-02');
    el.querySelector<HTMLButtonElement>('[data-testid="audit-search"]')!.click();
    http
      .expectOne('/api/audit-events?person=Deltagare%201A2B3C&from=2026-03-02&to=2026-03-02&limit=50')
      .flush({ items: [], nextCursor: null });
    await settle(fixture);
    expect(el.textContent).toContain('Inga händelser med de här valen.');

    type('audit-to', '2026-02-30');
    el.querySelector<HTMLButtonElement>('[data-testid="audit-search"]')!.click();
    await settle(fixture);
    expect(el.querySelector('[data-testid="audit-error"]')!.textContent).toBe(
      'Ange ett datum som ÅÅÅÅ-MM-DD.',
    );
    http.verify();
  });
});
