import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { signInForTest } from '../../../core/auth/testing';
import { HttpTestingController, provideApiTesting } from '../../../core/api/testing';
import { ProgressTab } from './progress-tab';

const start = {
  id: 'a1',
  participantId: 'p1',
  stage: 'start',
  date: '2026-09-07',
  ratings: {
    swedish: 2,
    digital_skills: 1,
    labour_market_knowledge: 2,
    job_search: 1,
    network: 1,
    health_energy: 3,
    self_belief: 2,
  },
};

describe('ProgressTab', () => {
  it('offers the form only once the stored assessments are read, then on the next stage not assessed', async () => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideRouter([]), provideApiTesting()],
    });
    signInForTest({ programmeIds: ['prog'] });
    const fixture = TestBed.createComponent(ProgressTab);
    fixture.componentRef.setInput('participantId', 'p1');
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    // Not "no assessment yet" before anyone knows, and no form whose stage and ratings the load would change.
    expect(el.querySelector('[data-testid="assessments-loading"]')?.textContent?.trim()).toBe('Hämtar …');
    expect(el.querySelector('[data-testid="no-assessment"]')).toBeNull();
    expect(el.querySelector('[data-testid="assessment-form"]')).toBeNull();

    TestBed.inject(HttpTestingController).expectOne('/api/participants/p1/assessments').flush([start]);
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="assessments-loading"]')).toBeNull();
    expect(el.querySelector('[data-testid="assessment-stage"]')?.textContent?.trim()).toBe('Mitten');
  });
});
