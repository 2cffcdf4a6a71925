import { HttpErrorResponse } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { NeedResponse } from '@stegvis/contracts';
import { type Observable, of, throwError } from 'rxjs';
import { provideApiTesting } from '../../../core/api/testing';
import { ParticipantsApi } from '../participants-api';
import { WorkApi } from '../work/work-api';
import { MappingTab } from './mapping-tab';

const NEED: NeedResponse = {
  id: 'n1',
  participantId: 'p1',
  kind: 'health_mental',
  note: 'Sover dåligt',
  careContact: 'Vårdcentralen Centrum',
  recordedAt: '2030-01-20T09:00:00.000Z',
};

async function render(needs: () => Observable<NeedResponse[]>): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      { provide: ParticipantsApi, useValue: { needs, talks: () => of([]) } },
      { provide: WorkApi, useValue: {} },
    ],
  });
  const fixture = TestBed.createComponent(MappingTab);
  fixture.componentRef.setInput('participantId', 'p1');
  await fixture.whenStable();
  fixture.detectChanges();
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('MappingTab', () => {
  it('shows those who see her the needs in Swedish and the forms to record a need and a talk', async () => {
    const el = await render(() => of([NEED]));
    const cells = [...el.querySelectorAll('[data-testid="need-row"] td')].map((c) => c.textContent?.trim());
    expect(cells).toEqual(['Psykisk hälsa', 'Sover dåligt', 'Vårdcentralen Centrum', '2030-01-20']);
    expect(el.querySelector('[data-testid="need-form"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="talk-form"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="mapping-no-access"]')).toBeNull();
  });

  it("turns the api's 404 for health data into 'no access' and shows no form", async () => {
    const el = await render(() => throwError(() => new HttpErrorResponse({ status: 404 })));
    expect(el.querySelector('[data-testid="mapping-no-access"]')?.textContent?.trim()).toMatch(
      /^Du har inte åtkomst till kartläggningen/,
    );
    expect(el.querySelector('[data-testid="need-form"]')).toBeNull();
    expect(el.querySelector('[data-testid="talk-form"]')).toBeNull();
  });

  it('shows another failure as an error, not as a lack of access', async () => {
    const el = await render(() => throwError(() => new HttpErrorResponse({ status: 0 })));
    expect(el.querySelector('[data-testid="mapping-no-access"]')).toBeNull();
    expect(el.querySelector('.error-banner')?.textContent?.trim()).not.toBe('');
    expect(el.querySelector('[data-testid="need-form"]')).toBeNull();
  });
});
