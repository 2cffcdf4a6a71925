import { HttpErrorResponse } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { InternshipResponse } from '@stegvis/contracts';
import { of, throwError } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { EmployersApi } from './employers-api';
import { InternshipResultForm } from './internship-result';

const internship: InternshipResponse = {
  id: 'i1',
  enrolmentId: 'e1',
  groupId: 'g1',
  participantId: 'p1',
  employerId: 'emp1',
  employerName: 'Kafé Linden',
  industry: 'bakery/café',
  periodNumber: 1,
  startDate: '2030-03-18',
  endDate: '2030-04-10',
  workplace: '',
  supervisor: 'Eva Lind',
  wishedSector: true,
  result: 'ongoing',
  version: 4,
};

async function render(update: (id: string, body: unknown) => unknown) {
  const spy = vi.fn(update);
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      { provide: EmployersApi, useValue: { updateInternship: spy } },
    ],
  });
  const fixture = TestBed.createComponent(InternshipResultForm);
  fixture.componentRef.setInput('internship', internship);
  fixture.componentRef.setInput('name', 'Hodan Warsame');
  const saved: InternshipResponse[] = [];
  fixture.componentInstance.saved.subscribe((i) => saved.push(i));
  fixture.detectChanges();
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const stable = async (): Promise<void> => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const type = (testId: string, value: string): void => {
    const input = el.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const form = (
    fixture.componentInstance as unknown as { form: { controls: { result: { setValue(v: string): void } } } }
  ).form;
  return { el, spy, saved, stable, type, form };
}

describe('InternshipResultForm', () => {
  it('is named by the participant, and sends the result with the version read, the end date only when changed', async () => {
    const { el, spy, saved, stable, form } = await render(() =>
      of({ ...internship, result: 'completed', version: 5 }),
    );
    expect(el.querySelector('form')?.getAttribute('aria-label')).toBe('Resultat för Hodan Warsame');
    form.controls.result.setValue('completed');
    el.querySelector<HTMLButtonElement>('[data-testid="result-save"]')!.click();
    await stable();
    expect(spy).toHaveBeenCalledWith('i1', { version: 4, result: 'completed' });
    expect(saved.map((i) => i.result)).toEqual(['completed']);
  });

  it('sends the new end date of an extended internship', async () => {
    const { el, spy, stable, type, form } = await render(() => of({ ...internship, result: 'extended' }));
    form.controls.result.setValue('extended');
    type('result-end', '2030-04-24');
    el.querySelector<HTMLButtonElement>('[data-testid="result-save"]')!.click();
    await stable();
    expect(spy).toHaveBeenCalledWith('i1', { version: 4, result: 'extended', endDate: '2030-04-24' });
  });

  it('shows the api’s refusal at the end date in Swedish and keeps what was typed', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'endDate must not be before startDate',
      errors: [
        {
          field: 'endDate',
          message: 'endDate must not be before startDate',
          code: 'end_before_start',
          params: { start: 'startDate' },
        },
      ],
    };
    const { el, saved, stable, type } = await render(() =>
      throwError(() => new HttpErrorResponse({ status: 400, error: problem })),
    );
    type('result-end', '2030-03-01');
    el.querySelector<HTMLButtonElement>('[data-testid="result-save"]')!.click();
    await stable();
    expect(el.querySelector('[data-testid="result-end-error"]')?.textContent?.trim()).toMatch(
      /^Får inte vara före/,
    );
    expect(el.querySelector<HTMLInputElement>('[data-testid="result-end"]')?.value).toBe('2030-03-01');
    expect(saved).toEqual([]);
  });
});
