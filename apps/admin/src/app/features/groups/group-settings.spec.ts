import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { GroupResponse, Role } from '@stegvis/contracts';
import { of, throwError } from 'rxjs';
import { HttpErrorResponse } from '@angular/common/http';
import { provideApiTesting } from '../../core/api/testing';
import { signInForTest } from '../../core/auth/testing';
import { StaffingApi } from '../staffing/staffing-api';
import { GroupSettings } from './group-settings';
import { GroupsApi } from './groups-api';

const group: GroupResponse = {
  id: 'g1',
  programmeId: 'p1',
  municipalityId: 'm1',
  number: 3,
  name: 'Grupp 3',
  startDate: '2030-01-14',
  endDate: '2030-04-12',
  capacity: 10,
  overIntake: 2,
  deliveryMode: 'on_site',
  place: 'Folkets hus',
  templateId: null,
  staffMemberIds: ['s1'],
  enrolledCount: 4,
  version: 1,
};

async function render(
  role: Role,
  leadProgrammeIds: string[],
  update: (id: string, body: unknown) => unknown = () => of(group),
): Promise<{ el: HTMLElement; update: typeof update; stable: () => Promise<void> }> {
  const spy = vi.fn(update);
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      { provide: GroupsApi, useValue: { update: spy } },
      {
        provide: StaffingApi,
        useValue: {
          staffMembers: () => of([{ id: 's1', name: 'Sara Processledare', staffRole: 'programme_lead' }]),
          programmeStaffing: () =>
            of({
              programmeId: 'p1',
              date: '2030-01-14',
              totalPercent: 150,
              allocations: [
                { staffMemberId: 's1', staffName: 'Sara Processledare' },
                { staffMemberId: 's2', staffName: 'Karim Handledare' },
              ],
            }),
        },
      },
    ],
  });
  signInForTest({ role, programmeIds: ['p1'], leadProgrammeIds });
  const fixture = TestBed.createComponent(GroupSettings);
  fixture.componentRef.setInput('group', group);
  await fixture.whenStable();
  fixture.detectChanges();
  await fixture.whenStable();
  const stable = async (): Promise<void> => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { el: fixture.nativeElement as HTMLElement, update: spy, stable };
}

describe('GroupSettings', () => {
  it('shows the lead of the group’s programme the control to add and remove group staff', async () => {
    const { el, update } = await render('staff', ['p1']);
    expect(el.querySelector('[data-testid="staff-control"]')).not.toBeNull();
    const options = [...el.querySelectorAll('[data-testid="staff-pick"] option')].map((o) =>
      o.textContent?.trim(),
    );
    expect(options).toEqual(['–', 'Karim Handledare']);
    const remove = el.querySelector<HTMLButtonElement>('[data-testid="remove-staff-0"]');
    expect(remove?.getAttribute('aria-label')).toBe('Ta bort Sara Processledare från gruppen');
    remove?.click();
    expect(update).toHaveBeenCalledWith('g1', { version: 1, staffMemberIds: [] });
  });

  it('shows the admin the control in any programme', async () => {
    const { el } = await render('admin', []);
    expect(el.querySelector('[data-testid="staff-control"]')).not.toBeNull();
  });

  it('shows a worker who is not lead of this programme the names but no control', async () => {
    const { el } = await render('staff', ['another-programme']);
    expect(el.querySelector('[data-testid="group-staff"]')?.textContent?.trim()).toBe('Sara Processledare');
    expect(el.querySelector('[data-testid="staff-control"]')).toBeNull();
    expect(el.querySelector('[data-testid="remove-staff-0"]')).toBeNull();
  });

  it.each(['steering', 'evaluator', 'analysis_member'] as const)(
    'shows %s no staff control and no edit button',
    async (role) => {
      const { el } = await render(role, ['p1']);
      expect(el.querySelector('[data-testid="staff-control"]')).toBeNull();
      expect(el.querySelector('[data-testid="group-edit"]')).toBeNull();
    },
  );

  it('puts the server’s field error at the field in Swedish and keeps the form', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'capacity must not be greater than 100',
      errors: [
        {
          field: 'capacity',
          message: 'capacity must not be greater than 100',
          code: 'too_large',
          params: { max: 100 },
        },
      ],
    };
    const { el, update, stable } = await render('staff', ['p1'], () =>
      throwError(() => new HttpErrorResponse({ status: 400, error: problem })),
    );
    el.querySelector<HTMLButtonElement>('[data-testid="group-edit"]')?.click();
    await stable();
    const capacity = el.querySelector<HTMLInputElement>('[data-testid="edit-capacity"]');
    expect(capacity?.value).toBe('10');
    capacity!.value = '500';
    capacity!.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid="group-edit-save"]')?.click();
    await stable();
    await stable();
    expect(update).toHaveBeenCalledWith('g1', {
      version: 1,
      capacity: 500,
      overIntake: 2,
      deliveryMode: 'on_site',
      place: 'Folkets hus',
    });
    expect(el.querySelector('[data-testid="edit-capacity-error"]')?.textContent?.trim()).toBe('Högst 100.');
    expect(el.querySelector<HTMLInputElement>('[data-testid="edit-capacity"]')?.value).toBe('500');
    expect(el.querySelector('[data-testid="group-edit-error"]')?.textContent?.trim()).toBe(
      'Rätta de markerade fälten.',
    );
  });

  it('sends only the dates that changed, and puts the api’s date refusal at its field', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'endDate: 7 scheduled sessions fall outside 2030-01-14 – 2030-03-01',
      code: 'sessions_outside_period',
      params: { count: 7, first: '2030-03-04' },
      errors: [
        {
          field: 'endDate',
          message: '7 scheduled sessions fall outside 2030-01-14 – 2030-03-01',
          code: 'sessions_outside_period',
          params: { count: 7, first: '2030-03-04' },
        },
      ],
    };
    const { el, update, stable } = await render('staff', ['p1'], () =>
      throwError(() => new HttpErrorResponse({ status: 400, error: problem })),
    );
    el.querySelector<HTMLButtonElement>('[data-testid="group-edit"]')?.click();
    await stable();
    const end = el.querySelector<HTMLInputElement>('[data-testid="edit-end"]')!;
    expect(end.value).toBe('2030-04-12');
    end.value = '2030-03-01';
    end.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid="group-edit-save"]')?.click();
    await stable();
    await stable();
    expect(update).toHaveBeenCalledWith('g1', {
      version: 1,
      endDate: '2030-03-01',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
      place: 'Folkets hus',
    });
    expect(el.querySelector('[data-testid="edit-end-error"]')?.textContent?.trim()).toBe(
      '7 planerade tillfällen hamnar utanför perioden, det första 2030-03-04. Flytta eller ställ in dem först.',
    );
    expect(end.value).toBe('2030-03-01');
  });

  it('shows the template version the group keeps', async () => {
    const { el } = await render('staff', ['p1']);
    expect(el.querySelector('[data-testid="group-template"]')?.textContent?.trim()).toBe('Ingen');
  });
});
