import { HttpErrorResponse } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CommitteeMemberResponse } from '@stegvis/contracts';
import { of, throwError } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { AuthStore } from '../../core/auth/auth-store';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ProgrammesApi } from '../programmes/programmes-api';
import { CommitteeApi } from './committee-api';
import { CommitteeView } from './committee-view';

const GRETA: CommitteeMemberResponse = {
  id: 'm1',
  programmeId: 'p1',
  kind: 'steering',
  name: 'Greta Chef',
  organisationId: 'o1',
  roleTitle: 'Enhetschef',
  userId: null,
  endedOn: null,
};

async function render(
  api: Partial<Record<keyof CommitteeApi, unknown>>,
  confirm = true,
  role: 'staff' | 'steering' = 'staff',
) {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      {
        provide: ProgrammesApi,
        useValue: {
          list: () => of({ items: [{ id: 'p1', name: 'Nästa Steg' }], nextCursor: null }),
          organisations: () => of([{ id: 'o1', name: 'Ängelholms kommun', kind: 'income_support' }]),
        },
      },
      { provide: CommitteeApi, useValue: api },
      { provide: ConfirmDialog, useValue: { ask: async () => confirm } },
    ],
  });
  TestBed.inject(AuthStore).user.set({ role } as never);
  const fixture = TestBed.createComponent(CommitteeView);
  // The programme chosen (the picker's first), the page loads its figures.
  (fixture.componentInstance as unknown as { programmeId: { set: (id: string) => void } }).programmeId.set(
    'p1',
  );
  for (let i = 0; i < 3; i++) {
    fixture.detectChanges();
    await fixture.whenStable();
  }
  return { fixture, el: fixture.nativeElement as HTMLElement };
}

const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('CommitteeView', () => {
  it('lists each group with organisation and role', async () => {
    const { el } = await render({ members: () => of([GRETA]) });
    const cells = [...el.querySelectorAll('[data-testid="committee-steering"] tbody td')].map((c) => text(c));
    expect(cells.slice(0, 3)).toEqual(['Greta Chef', 'Ängelholms kommun', 'Enhetschef']);
    expect(text(el.querySelector('[data-testid="committee-analysis"]'))).toBe('');
    expect(el.textContent).toContain('Analysgruppen har inga medlemmar ännu.');
  });

  it('shows a person already in the group at the name, and keeps what was typed', async () => {
    const refused = new HttpErrorResponse({
      status: 409,
      error: {
        status: 409,
        code: 'already_committee_member',
        detail: 'The person is already a current member of this group for this organisation',
        errors: [{ field: 'name', code: 'already_committee_member', message: 'already' }],
      },
    });
    const add = vi.fn(() => throwError(() => refused));
    const { fixture, el } = await render({ members: () => of([GRETA]), add });
    const view = fixture.componentInstance as unknown as {
      form: { setValue: (v: object) => void; controls: { name: { errors: unknown; value: string } } };
      add: () => Promise<void>;
    };
    view.form.setValue({ kind: 'steering', name: 'Greta Chef', organisationId: 'o1', roleTitle: '' });
    await view.add();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(add).toHaveBeenCalledWith('p1', { kind: 'steering', name: 'Greta Chef', organisationId: 'o1' });
    expect(view.form.controls.name.errors).toEqual({
      server: 'Personen är redan medlem i gruppen, för samma organisation.',
    });
    expect(view.form.controls.name.value).toBe('Greta Chef');
    // Not the edit-conflict banner of other 409s.
    expect(el.querySelector('[data-testid="committee-banner"]')).toBeNull();
  });

  it('ends a membership only after the confirmation', async () => {
    const end = vi.fn(() => of({ ...GRETA, endedOn: '2026-12-06' }));
    const { el, fixture } = await render({ members: () => of([GRETA]), end }, false);
    el.querySelector<HTMLButtonElement>('[data-testid="committee-end"]')!.click();
    await fixture.whenStable();
    expect(end).not.toHaveBeenCalled();
    expect(el.querySelector('[data-testid="committee-end"]')!.getAttribute('aria-label')).toBe(
      'Avsluta medlemskapet för Greta Chef',
    );
  });

  it('shows a steering member the groups without the form or the end buttons', async () => {
    const { el } = await render({ members: () => of([GRETA]) }, true, 'steering');
    expect(el.querySelectorAll('[data-testid="committee-row"]')).toHaveLength(1);
    expect(el.querySelector('[data-testid="committee-form"]')).toBeNull();
    expect(el.querySelector('[data-testid="committee-end"]')).toBeNull();
  });
});
