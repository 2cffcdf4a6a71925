import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReferralResponse, ReferralStatus } from '@stegvis/contracts';
import { HttpTestingController, provideApiTesting } from '../../core/api/testing';
import { signInForTest } from '../../core/auth/testing';
import { ReferralPage } from './referral-page';

const referral = (status: ReferralStatus, version: number): ReferralResponse => ({
  id: 'r1',
  programmeId: 'p1',
  candidateName: 'Hodan Farah',
  swedishLevel: 'sfi_b',
  languages: [],
  organisationId: 'o1',
  organisationName: 'Arbetsförmedlingen',
  referrerName: 'Ali Handläggare',
  wishedStart: null,
  reason: 'Behöver praktik',
  receivedAt: '2026-03-29T00:30:00.000Z',
  priority: 'high',
  status,
  declineReason: '',
  groupId: null,
  participantId: null,
  screening: [],
  version,
  existingParticipantId: null,
  history: [
    {
      at: '2026-03-29T00:30:00.000Z',
      by: 'Ali Handläggare',
      from: null,
      to: 'received',
      reason: '',
      meetingId: null,
    },
  ],
});

async function render(r: ReferralResponse) {
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideRouter([]), provideApiTesting()],
  });
  signInForTest({
    id: 'u1',
    email: 'personal@stegvis.local',
    displayName: 'Sara Processledare',
    programmeIds: ['p1'],
  });
  const fixture = TestBed.createComponent(ReferralPage);
  fixture.componentRef.setInput('id', 'r1');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne((q) => q.method === 'GET' && q.url === '/api/referrals/r1').flush(r);
  await fixture.whenStable();
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, http, el, q, settle };
}

describe('ReferralPage', () => {
  it('offers the changes the table allows from the wait list, and the history in Stockholm time', async () => {
    const { el, q } = await render(referral('wait_listed', 3));
    const buttons = [...el.querySelectorAll('[data-testid="rf-actions"] button')].map((b) =>
      b.textContent!.trim(),
    );
    expect(buttons).toEqual(['Ta från väntelistan', 'Återta remissen']);
    // 00:30 UTC on the day summer time starts is 01:30 in Stockholm (UTC+1 until 02:00).
    expect(
      [...q('rf-history')!.querySelectorAll('tbody td')].map((td) =>
        td.textContent!.replace(/\s+/g, ' ').trim(),
      ),
    ).toEqual(['2026-03-29 01:30', 'Ali Handläggare', 'Ny', 'Inkommen', '']);
  }, 30_000);

  it('asks a reason to withdraw, and after a 409 shows the referral as it now is, keeping what was typed', async () => {
    const { http, q, settle } = await render(referral('screened', 2));
    (q('rf-do-withdrawn') as HTMLButtonElement).click();
    await settle();
    (q('rf-change-save') as HTMLButtonElement).click();
    await settle();
    http.expectNone((r) => r.method === 'POST');
    expect(q('rf-change-reason-error')!.textContent!.trim()).toBe('Ange ett skäl.');
    const reason = q('rf-change-reason') as HTMLTextAreaElement;
    reason.value = 'Har flyttat';
    reason.dispatchEvent(new Event('input'));
    (q('rf-change-save') as HTMLButtonElement).click();
    await settle();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/referrals/r1/status');
    expect(post.request.body).toEqual({ status: 'withdrawn', reason: 'Har flyttat', version: 2 });
    post.flush(
      { type: 'about:blank', title: 'Conflict', status: 409, detail: 'changed', code: 'stale_version' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    http
      .expectOne((r) => r.method === 'GET' && r.url === '/api/referrals/r1')
      .flush(referral('wait_listed', 3));
    await settle();
    await settle();
    expect(q('rf-change-error')!.textContent!.trim()).toBe(
      'Någon annan har ändrat remissen under tiden. Den visas nu som den är; välj igen. Det du skrev finns kvar.',
    );
    expect(q('rf-status')!.textContent!.trim()).toBe('Väntelista');
    expect((q('rf-change-reason') as HTMLTextAreaElement).value).toBe('Har flyttat');
  }, 30_000);
});
