import { provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@stegvis/contracts';
import { of } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { signInForTest } from '../../core/auth/testing';
import { I18n } from '../../core/i18n/i18n';
import { DownloadWithProgress } from '../../shared/download-with-progress';
import { GroupSurveys } from './group-surveys';
import { type RoundSummary, type RoundView, SurveysApi } from './surveys-api';

const ROUND: RoundView = {
  id: 'r1',
  groupId: 'g1',
  questionnaireId: 'end-of-group',
  questionnaireVersion: 1,
  opensAt: '2026-03-02T07:00:00.000Z',
  closesAt: '2099-03-09T16:00:00.000Z',
  responseRate: { count: 3, of: 8, percent: 38 },
};

const OVERALL = {
  name: 'overall',
  type: 'rating',
  title: 'Hur nöjd är du med programmet som helhet?',
  answered: 6,
  suppressed: null,
  suppression: null,
  mean: 3.5,
  choices: [{ value: 4, text: '4', count: 6, percent: 100 }],
};

async function render(role: Role, summary: RoundSummary, lang: 'sv' | 'en' = 'sv') {
  const freeText = vi.fn(() => of([{ responseId: 'x', question: 'comment', text: 'Bra', reviewed: false }]));
  const paperQuestionnairePdf = vi.fn((id: string, language: string) => of({ id, language }));
  const download = vi.fn(() => Promise.resolve());
  TestBed.configureTestingModule({
    providers: [
      {
        provide: DownloadWithProgress,
        useValue: { state: signal({ key: null, received: 0, total: null, error: '' }), download },
      },
      provideZonelessChangeDetection(),
      provideApiTesting(),
      provideRouter([]),
      {
        provide: SurveysApi,
        useValue: {
          rounds: () => of([ROUND]),
          summary: () => of(summary),
          pending: () =>
            of([
              { enrolmentId: 'e1', displayName: 'Amal Ali', hasCode: true },
              { enrolmentId: 'e2', displayName: 'Sara Berg', hasCode: false },
            ]),
          freeText,
          paperQuestionnairePdf,
          translations: () => of([]),
        },
      },
    ],
  });
  signInForTest({ role, programmeIds: ['p1'] });
  TestBed.inject(I18n).lang.set(lang);
  const fixture = TestBed.createComponent(GroupSurveys);
  fixture.componentRef.setInput('groupId', 'g1');
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const show = [...el.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === (lang === 'sv' ? 'Sammanställning' : 'Summary'),
  )!;
  show.click();
  await fixture.whenStable();
  return { el, freeText, paperQuestionnairePdf, download, fixture };
}

const withheld = (state: 'open' | 'closed', answered: number): RoundSummary => ({
  round: ROUND,
  withheld: {
    code: 'survey_results_not_ready',
    params: { state, answered, k: 5 },
    message: 'Results are shown once the round has closed with at least 5 answers',
  },
  questions: [],
});

describe('GroupSurveys', () => {
  it('while a round is open shows staff who has not answered and why there are no results yet, and asks for no free text', async () => {
    const { el, freeText } = await render('staff', withheld('open', 3));
    expect(el.querySelector('[data-testid="results-withheld"]')?.textContent?.trim()).toBe(
      'Resultaten visas när enkäten har stängt, om minst 5 har svarat (3 hittills). Ingen, inte heller personal eller administratör, kan se vad en enskild person har svarat.',
    );
    const rows = [...el.querySelectorAll('[data-testid="pending-row"]')].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Amal Ali', 'Har en kod', 'Ny kod'],
      ['Sara Berg', 'Saknar kod (inskriven efter att enkäten öppnade)', 'Ge kod'],
    ]);
    expect(el.querySelector('.question')).toBeNull();
    expect(freeText).not.toHaveBeenCalled();
  });

  it('words a round that closed with too few answers, in English too', async () => {
    const { el } = await render('admin', withheld('closed', 4), 'en');
    expect(el.querySelector('[data-testid="results-withheld"]')?.textContent?.trim()).toBe(
      'Only 4 answered. Results are shown only when at least 5 have answered, so that no one can be singled out. No one, staff and administrators included, can see what any one person answered.',
    );
  });

  it('shows the results and the free text to review once released', async () => {
    const { el, freeText } = await render('staff', { round: ROUND, withheld: null, questions: [OVERALL] });
    expect(el.querySelector('[data-testid="results-withheld"]')).toBeNull();
    expect(el.querySelector('.question h3')?.textContent?.trim()).toBe(OVERALL.title);
    expect(freeText).toHaveBeenCalledWith('r1');
    expect(el.querySelector<HTMLTextAreaElement>('.review textarea')?.value).toBe('Bra');
  });

  it('lets staff download the round’s paper questionnaire in the chosen language', async () => {
    const { el, paperQuestionnairePdf, download, fixture } = await render('staff', withheld('open', 3));
    const controls = el.querySelector('[data-testid="paper-pdf-controls"]');
    expect(controls?.querySelector('mat-label')?.textContent?.trim()).toBe('Pappersenkätens språk');
    const button = el.querySelector<HTMLButtonElement>(
      '[data-testid="round-row"] [data-testid="paper-pdf"]',
    )!;
    expect(button.textContent?.replace(/\s+/g, ' ').trim()).toBe('picture_as_pdf Pappersenkät (PDF)');
    expect(button.getAttribute('aria-label')).toBe(
      'Pappersenkät (PDF) för enkäten som stänger 2099-03-09 17:00',
    );
    (fixture.componentInstance as unknown as { paperLanguage: { set(l: string): void } }).paperLanguage.set(
      'ti',
    );
    button.click();
    await fixture.whenStable();
    expect(paperQuestionnairePdf).toHaveBeenCalledWith('r1', 'ti');
    expect(download).toHaveBeenCalledWith('paper-r1', expect.anything(), 'pappersenkat-ti.pdf');
  });

  it('shows no paper questionnaire to a role that cannot run surveys', async () => {
    const { el } = await render('admin', withheld('open', 3));
    expect(el.querySelector('[data-testid="paper-pdf-controls"]')).toBeNull();
    expect(el.querySelector('[data-testid="paper-pdf"]')).toBeNull();
  });
});
