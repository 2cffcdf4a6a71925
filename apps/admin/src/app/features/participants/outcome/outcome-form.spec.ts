import { HttpErrorResponse } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { EnrolmentResponse, OutcomeRequest, OutcomeResponse } from '@stegvis/contracts';
import { of, throwError } from 'rxjs';
import { provideApiTesting } from '../../../core/api/testing';
import { OutcomeApi } from './outcome-api';
import { OutcomeForm } from './outcome-form';

const enrolment: EnrolmentResponse = {
  id: 'e1',
  participantId: 'p1',
  groupId: 'g1',
  startDate: '2030-01-14',
  endDate: '2030-04-12',
  status: 'completed',
  leftReason: null,
  moveReason: null,
  displayName: 'Hodan Warsame',
};

// Stored before the detail codes: the category and free text only.
const uncoded: OutcomeResponse = {
  enrolmentId: 'e1',
  participantId: 'p1',
  category: 'work',
  detailCode: null,
  detail: 'Lagerarbete',
  date: '2030-04-12',
  employmentBefore: 'Arbetslös sedan 2027',
  employmentAfter: '',
  supportBefore: 'income_support',
  supportAfter: null,
  followUps: [],
};

async function render(
  current: OutcomeResponse | null,
  setOutcome: (id: string, body: OutcomeRequest) => unknown,
) {
  const spy = vi.fn(setOutcome);
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      { provide: OutcomeApi, useValue: { setOutcome: spy } },
    ],
  });
  const fixture = TestBed.createComponent(OutcomeForm);
  fixture.componentRef.setInput('enrolment', enrolment);
  fixture.componentRef.setInput('current', current);
  fixture.detectChanges();
  await fixture.whenStable();
  const form = fixture.componentInstance['form'];
  const stable = async (): Promise<void> => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, form, spy, stable, el: fixture.nativeElement as HTMLElement };
}

describe('OutcomeForm', () => {
  it('marks an outcome with only free text as uncoded and asks for its code', async () => {
    const { form, el } = await render(uncoded, () => of(uncoded));
    expect(el.querySelector('[data-testid="outcome-uncoded-prompt"]')?.textContent).toContain('Okodad');
    expect(form.controls.detailCode.errors).toEqual({ required: true });
    expect(form.controls.detailCode.touched).toBe(true);
  });

  it('offers only the chosen category’s codes, drops a code of another and needs none for "none"', async () => {
    const { fixture, form } = await render(null, () => of(uncoded));
    expect(form.controls.date.value).toBe('2030-04-12');
    const component = fixture.componentInstance;
    component['categoryChanged']('work');
    form.controls.detailCode.setValue('introduction_job');
    expect(component['detailCodes']()).toEqual([
      'unsubsidised_employment',
      'introduction_job',
      'extra_job',
      'new_start_job',
      'wage_subsidy',
      'hourly_on_call',
      'seasonal_work',
    ]);
    component['categoryChanged']('studies');
    expect(form.controls.detailCode.value).toBeNull();
    expect(component['detailCodes']()).toEqual([
      'sfi',
      'gruv',
      'vocational_training',
      'labour_market_training',
      'folk_high_school',
      'swedish_1_3',
    ]);
    component['categoryChanged']('none');
    expect(form.controls.detailCode.disabled).toBe(true);
  });

  it('keeps the stored fields it does not show, and puts a refused code at its field', async () => {
    const refusal = new HttpErrorResponse({
      status: 400,
      error: {
        status: 400,
        title: 'Bad Request',
        errors: [
          {
            field: 'detailCode',
            message: 'detailCode is not one of the codes of work',
            code: 'detail_code_not_in_category',
            params: { category: 'work', allowed: ['extra_job'] },
          },
        ],
      },
    });
    const { fixture, form, spy, stable } = await render(uncoded, () => throwError(() => refusal));
    form.controls.detailCode.setValue('extra_job');
    await fixture.componentInstance['save']();
    await stable();
    expect(spy).toHaveBeenCalledWith('e1', {
      category: 'work',
      detailCode: 'extra_job',
      detail: 'Lagerarbete',
      date: '2030-04-12',
      supportBefore: 'income_support',
      supportAfter: null,
      employmentBefore: 'Arbetslös sedan 2027',
      employmentAfter: '',
    });
    expect(form.controls.detailCode.errors?.['server']).toBe(
      'Underkategorin hör inte till Arbete; välj en av: Extratjänst.',
    );
    expect(form.controls.detail.value).toBe('Lagerarbete');
  });
});
