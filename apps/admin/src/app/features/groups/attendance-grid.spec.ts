import { HttpErrorResponse } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AttendanceGridResponse, SaveAttendanceRequest } from '@stegvis/contracts';
import { of, throwError } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { AttendanceGrid } from './attendance-grid';
import { GroupsApi } from './groups-api';

const read: AttendanceGridResponse = {
  groupId: 'g1',
  goalPercent: 80,
  sessions: [{ id: 's1', date: '2027-03-23', theme: 'CV-träning', kind: 'lecture', status: 'scheduled' }],
  rows: [
    {
      enrolmentId: 'e1',
      participantId: 'p1',
      displayName: 'Amina Hassan',
      rate: { count: 0, of: 0, percent: null },
      excused: 0,
      unexcused: 0,
      meetsGoal: false,
    },
  ],
  marks: [],
  groupRate: { count: 0, of: 0, percent: null },
  meetingGoal: { count: 0, of: 0, percent: null },
};
// A colleague saved the same cell after it was read.
const fresh: AttendanceGridResponse = {
  ...read,
  marks: [{ sessionId: 's1', enrolmentId: 'e1', status: 'unexcused', reason: null, version: 1 }],
};

describe('AttendanceGrid', () => {
  it('after a 409 reloads the week, keeps the worker’s mark on top and saves it with the fresh version', async () => {
    const grids = [read, fresh, fresh];
    const attendance = vi.fn(() => of(grids.shift()!));
    const conflict = new HttpErrorResponse({
      status: 409,
      error: { status: 409, code: 'stale_version', detail: 'stale', title: 'Conflict', type: 'about:blank' },
    });
    const saveAttendance = vi
      .fn<(id: string, body: SaveAttendanceRequest, key: string) => unknown>()
      .mockReturnValueOnce(throwError(() => conflict))
      .mockReturnValueOnce(of({ saved: 1 }));
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideApiTesting(),
        { provide: GroupsApi, useValue: { attendance, saveAttendance } },
      ],
    });
    const fixture = TestBed.createComponent(AttendanceGrid);
    fixture.componentRef.setInput('groupId', 'g1');
    // The component awaits its loads in plain promises, which whenStable does not wait for: let them run.
    const stable = async (): Promise<void> => {
      await new Promise((r) => setTimeout(r));
      fixture.detectChanges();
      await fixture.whenStable();
    };
    await stable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

    q('mark-0-0-present')?.querySelector('button')?.click();
    await stable();
    q('save-week')?.click();
    await stable();
    expect(saveAttendance.mock.calls[0][1]).toEqual({
      marks: [{ sessionId: 's1', enrolmentId: 'e1', status: 'present', reason: null, version: 0 }],
    });
    expect(q('attendance-message')?.textContent?.trim()).toMatch(/^Någon annan sparade närvaro/);
    expect(q('attendance-message')?.getAttribute('role')).toBe('alert');
    expect(q('mark-0-0-present')?.classList.contains('mat-button-toggle-checked')).toBe(true);
    expect(q('conflict-0-0')?.textContent?.trim()).toBe('Annan sparade: Ogiltig frånvaro');
    // The first key was refused for good: the second save is a new request, not a replay.
    const firstKey = saveAttendance.mock.calls[0][2];

    q('save-week')?.click();
    await stable();
    expect(saveAttendance.mock.calls[1][1]).toEqual({
      marks: [{ sessionId: 's1', enrolmentId: 'e1', status: 'present', reason: null, version: 1 }],
    });
    expect(saveAttendance.mock.calls[1][2]).not.toBe(firstKey);
    expect(q('attendance-message')?.textContent?.trim()).toBe('Närvaron är sparad.');
    expect(q('conflict-0-0')).toBeNull();
  });
});
