import { HttpErrorResponse } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MethodTemplateResponse } from '@stegvis/contracts';
import { of, throwError } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { ProgrammesApi } from '../programmes/programmes-api';
import { TemplateEditor } from './template-editor';
import { TemplatesApi } from './templates-api';

const v2: MethodTemplateResponse = {
  id: 't2',
  programmeId: 'p1',
  lineageId: 't1',
  version: 2,
  supersededAt: null,
  name: '13 veckor',
  phases: [
    { kind: 'mapping', weeks: 2, lectures: true },
    { kind: 'internship', weeks: 4, lectures: false },
  ],
  themes: ['CV-träning', 'Hälsa'],
  lectureCount: 8,
  lectureWeekdays: [1, 3],
  lectureStart: '13:00',
  lectureEnd: '15:30',
  computerDayWeekday: null,
  totalWeeks: 6,
};

async function render(inputs: Record<string, string>, api: Partial<Record<keyof TemplatesApi, unknown>>) {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      provideRouter([{ path: '**', children: [] }]),
      { provide: TemplatesApi, useValue: api },
      { provide: ProgrammesApi, useValue: { get: () => of({ id: 'p0', name: 'Första Steget' }) } },
    ],
  });
  const fixture = TestBed.createComponent(TemplateEditor);
  for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
  const stable = async (): Promise<void> => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  await stable();
  await stable();
  return { el: fixture.nativeElement as HTMLElement, stable, editor: fixture.componentInstance };
}

const type = (el: HTMLElement, testId: string, value: string): void => {
  const input = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-testid="${testId}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

describe('TemplateEditor', () => {
  it('makes a new template from the 13-week start, sending exactly what the form shows', async () => {
    const create = vi.fn(() => of({ ...v2, id: 'new', version: 1 }));
    const { el, stable } = await render({ programmeId: 'p1' }, { create });
    expect(el.querySelector('[data-testid="template-summary"]')?.textContent).toContain('Totalt 13 veckor');
    type(el, 'tpl-name', 'Tretton veckor');
    type(el, 'tpl-themes', 'Arbetsmarknadskunskap\n\n  CV-träning  ');
    (el.querySelector('[data-testid="tpl-save"]') as HTMLButtonElement).click();
    await stable();
    expect(create).toHaveBeenCalledWith('p1', {
      name: 'Tretton veckor',
      phases: [
        { kind: 'mapping', weeks: 2, lectures: true },
        { kind: 'lectures', weeks: 7, lectures: true },
        { kind: 'internship', weeks: 4, lectures: false },
      ],
      themes: ['Arbetsmarknadskunskap', 'CV-träning'],
      lectureCount: 31,
      lectureWeekdays: [1, 2, 3, 4],
      lectureStart: '13:00',
      lectureEnd: '15:30',
      computerDayWeekday: null,
    });
  });

  it('edits version 2 as version 3, telling that started groups keep theirs', async () => {
    const update = vi.fn(() => of({ ...v2, id: 't3', version: 3 }));
    const { el, stable, editor } = await render(
      { programmeId: 'p1', templateId: 't2' },
      { get: () => of(v2), update },
    );
    expect(editor.hasUnsavedChanges()).toBe(false);
    expect(el.querySelector('[data-testid="template-version-note"]')?.textContent?.trim()).toBe(
      'Du ändrar version 2. När du sparar blir det version 3. Grupper som redan har startats behåller den version de startades med; nya grupper får den nya.',
    );
    expect(el.querySelector('[data-testid="tpl-save"]')?.textContent?.trim()).toBe('Spara som version 3');
    type(el, 'phase-weeks-1', '5');
    (el.querySelector('[data-testid="tpl-save"]') as HTMLButtonElement).click();
    await stable();
    expect(update).toHaveBeenCalledWith('p1', 't2', {
      ...Object.fromEntries(
        Object.entries(v2).filter(
          ([k]) => !['id', 'programmeId', 'lineageId', 'supersededAt', 'totalWeeks'].includes(k),
        ),
      ),
      phases: [
        { kind: 'mapping', weeks: 2, lectures: true },
        { kind: 'internship', weeks: 5, lectures: false },
      ],
      version: 2,
    });
  });

  it('opens a copy of another programme’s template, unsaved, named as a copy', async () => {
    const { el, editor } = await render(
      { programmeId: 'p1', kopiera: 't2', fran: 'p0' },
      { get: (p: string, t: string) => of({ ...v2, id: t, programmeId: p }) },
    );
    expect(el.querySelector<HTMLInputElement>('[data-testid="tpl-name"]')?.value).toBe('13 veckor (kopia)');
    expect(el.querySelector('[data-testid="template-note"]')?.textContent?.trim()).toBe(
      'Kopia av 13 veckor från Första Steget. Se över den och spara.',
    );
    expect(editor.hasUnsavedChanges()).toBe(true);
  });

  it('puts the api’s refusal at its field in Swedish and keeps what was typed', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'lectureEnd: lectureEnd must be after lectureStart',
      errors: [
        {
          field: 'lectureEnd',
          message: 'lectureEnd must be after lectureStart',
          code: 'end_not_after_start',
          params: { start: 'lectureStart' },
        },
      ],
    };
    const create = vi.fn(() => throwError(() => new HttpErrorResponse({ status: 400, error: problem })));
    const { el, stable } = await render({ programmeId: 'p1' }, { create });
    type(el, 'tpl-name', 'Kvällar');
    type(el, 'tpl-end', '12:00');
    (el.querySelector('[data-testid="tpl-save"]') as HTMLButtonElement).click();
    await stable();
    await stable();
    expect(el.querySelector('[data-testid="tpl-end-error"]')?.textContent?.trim()).toBe(
      'Måste vara efter föreläsningens start.',
    );
    expect(el.querySelector<HTMLInputElement>('[data-testid="tpl-end"]')?.value).toBe('12:00');
  });
});
