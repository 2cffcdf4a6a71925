import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { of } from 'rxjs';
import { provideApiTesting } from '../../../core/api/testing';
import { ReferralsApi } from '../referrals-api';
import type { InviteeCandidate, MeetingAttendance } from './meetings-api';
import { MeetingsApi } from './meetings-api';
import { MeetingsPanel } from './meetings-panel';

const CANDIDATES: InviteeCandidate[] = [
  {
    userId: 'u-ali',
    name: 'Ali Handläggare',
    organisationName: 'Arbetsförmedlingen',
    roleTitle: 'Arbetsförmedlare',
    source: 'analysis',
    invitedByDefault: true,
    unavailable: null,
  },
  {
    userId: null,
    name: 'Berit Utan Konto',
    organisationName: 'SFI Ängelholm',
    roleTitle: '',
    source: 'analysis',
    invitedByDefault: false,
    unavailable: 'no_account',
  },
  {
    userId: 'u-sara',
    name: 'Sara Processledare',
    organisationName: 'Processpersonal',
    roleTitle: '',
    source: 'staff',
    invitedByDefault: false,
    unavailable: null,
  },
];

const ATTENDANCE: MeetingAttendance = {
  byOrganisation: [
    { organisationName: 'Arbetsförmedlingen', invited: 2, present: 1, absent: 1 },
    { organisationName: 'Processpersonal', invited: 1, present: 1, absent: 0 },
  ],
  byMeeting: [
    {
      meetingId: 'm1',
      date: '2030-01-08',
      organisationName: 'Arbetsförmedlingen',
      invited: 1,
      present: 0,
      absent: 1,
    },
    {
      meetingId: 'm1',
      date: '2030-01-08',
      organisationName: 'Processpersonal',
      invited: 1,
      present: 1,
      absent: 0,
    },
    {
      meetingId: 'm2',
      date: '2030-02-05',
      organisationName: 'Arbetsförmedlingen',
      invited: 1,
      present: 1,
      absent: 0,
    },
  ],
};

async function render() {
  const created: unknown[][] = [];
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      provideRouter([]),
      { provide: ReferralsApi, useValue: { meetings: () => of([]) } },
      {
        provide: MeetingsApi,
        useValue: {
          invitees: () => of(CANDIDATES),
          attendance: () => of(ATTENDANCE),
          create: (...args: unknown[]) => {
            created.push(args);
            return of({ id: 'new-meeting' });
          },
        },
      },
    ],
  });
  const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(MeetingsPanel);
  fixture.componentRef.setInput('programmeId', 'p1');
  for (let i = 0; i < 3; i++) {
    fixture.detectChanges();
    await fixture.whenStable();
  }
  return { fixture, el: fixture.nativeElement as HTMLElement, created, navigate };
}

const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('MeetingsPanel', () => {
  it('invites the analysis group by default, says who cannot be invited, and offers the staff unchecked', async () => {
    const { el } = await render();
    const boxes = [
      ...el.querySelectorAll<HTMLInputElement>('[data-testid="invitee"] input[type="checkbox"]'),
    ];
    expect(boxes.map((b) => b.checked)).toEqual([true, false]);
    expect([...el.querySelectorAll('[data-testid="invitee"]')].map(text)).toEqual([
      'Ali Handläggare – Arbetsförmedlingen, Arbetsförmedlare',
      'Sara Processledare – Processpersonal',
    ]);
    expect(text(el.querySelector('[data-testid="invitee-unavailable"]'))).toBe(
      'Berit Utan Konto – SFI Ängelholm: har ingen inloggning och kan inte kallas',
    );
    expect(text(el.querySelector('legend'))).toBe('Kallade (valda: 1)');
  });

  it('plans the meeting with the invitees as chosen: one added, one removed', async () => {
    const { fixture, el, created, navigate } = await render();
    const boxes = [
      ...el.querySelectorAll<HTMLInputElement>('[data-testid="invitee"] input[type="checkbox"]'),
    ];
    boxes[1].click();
    boxes[0].click();
    fixture.detectChanges();
    el.querySelector<HTMLInputElement>('[data-testid="meeting-date"]')!.value = '2030-03-10';
    el.querySelector<HTMLInputElement>('[data-testid="meeting-date"]')!.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid="create-meeting"]')!.click();
    await fixture.whenStable();
    expect(created).toEqual([['p1', '2030-03-10', ['u-sara']]]);
    expect(navigate).toHaveBeenCalledWith(['/remisser/moten', 'new-meeting']);
  });

  it('shows attendance per organisation over the meetings, oldest first, with the absence in total', async () => {
    const { el } = await render();
    const rows = [...el.querySelectorAll('[data-testid="attendance-row"]')].map((r) =>
      [...r.querySelectorAll('th, td')].map(text),
    );
    expect([...el.querySelectorAll('[data-testid="meeting-attendance"] thead th')].map(text)).toEqual([
      'Organisation',
      '2030-01-08',
      '2030-02-05',
      'Frånvarande totalt',
    ]);
    expect(rows).toEqual([
      ['Arbetsförmedlingen', '0 av 1 1 frånvarande', '1 av 1', '1 av 2'],
      ['Processpersonal', '1 av 1', '–', '0 av 1'],
    ]);
  });
});
