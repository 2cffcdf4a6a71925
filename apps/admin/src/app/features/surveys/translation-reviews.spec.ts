import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { I18n } from '../../core/i18n/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { SurveysApi, type TranslationStatus } from './surveys-api';
import { TranslationReviews } from './translation-reviews';

const STATUSES: TranslationStatus[] = [
  { language: 'sv', status: 'original', reviewedBy: null, reviewedAt: null },
  { language: 'en', status: 'reviewed', reviewedBy: null, reviewedAt: null },
  // 13:05 UTC is 14:05 in Stockholm in December.
  {
    language: 'ar',
    status: 'reviewed',
    reviewedBy: { id: 'u1', displayName: 'Anna Andersson' },
    reviewedAt: '2026-12-06T13:05:00.000Z',
  },
  { language: 'ti', status: 'machine-draft', reviewedBy: null, reviewedAt: null },
];

async function render(lang: 'sv' | 'en', confirmed: boolean) {
  const markReviewed = vi.fn(() =>
    of<TranslationStatus>({
      language: 'ti',
      status: 'reviewed',
      reviewedBy: { id: 'u2', displayName: 'Berit Berg' },
      reviewedAt: '2026-07-01T08:30:00.000Z',
    }),
  );
  const ask = vi.fn(() => Promise.resolve(confirmed));
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      { provide: SurveysApi, useValue: { translations: () => of(STATUSES), markReviewed } },
      { provide: ConfirmDialog, useValue: { ask } },
    ],
  });
  TestBed.inject(I18n).lang.set(lang);
  const fixture = TestBed.createComponent(TranslationReviews);
  fixture.componentRef.setInput('questionnaireId', 'end-of-group');
  fixture.componentRef.setInput('version', 1);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const rows = () =>
    [...el.querySelectorAll('[data-testid="translation-row"]')].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
  return { fixture, el, rows, markReviewed, ask };
}

describe('TranslationReviews', () => {
  it('names each language in Swedish with its status, the reviewer and the Swedish time', async () => {
    const { rows } = await render('sv', false);
    expect(rows()).toEqual([
      ['Svenska', 'Original', ''],
      ['Engelska', 'Granskad', ''],
      ['Arabiska', 'Granskad av Anna Andersson 2026-12-06 14:05', ''],
      ['Tigrinska', 'Maskinöversättning – inte granskad', 'Markera som granskad'],
    ]);
  });

  it('in English', async () => {
    const { rows } = await render('en', false);
    expect(rows()[2]).toEqual(['Arabic', 'Reviewed by Anna Andersson 2026-12-06 14:05', '']);
  });

  it('asks first, saying what it means; cancelled, nothing is sent', async () => {
    const { el, markReviewed, ask } = await render('sv', false);
    el.querySelector<HTMLButtonElement>('[data-testid="mark-reviewed"]')!.click();
    await Promise.resolve();
    expect(ask).toHaveBeenCalledWith({
      title: 'Markera Tigrinska som granskad?',
      message:
        'Du intygar att någon med tigrinska som modersmål har läst och rättat alla texter i enkäten. Ditt namn visas som granskare.',
      confirm: 'Ja, texterna är granskade',
      cancel: 'Avbryt',
    });
    expect(markReviewed).not.toHaveBeenCalled();
  });

  it('confirmed, marks the language and shows the reviewer', async () => {
    const { el, fixture, rows, markReviewed } = await render('sv', true);
    el.querySelector<HTMLButtonElement>('[data-testid="mark-reviewed"]')!.click();
    await fixture.whenStable();
    expect(markReviewed).toHaveBeenCalledWith('end-of-group', 1, 'ti');
    // July: summer time, UTC+2.
    expect(rows()[3]).toEqual(['Tigrinska', 'Granskad av Berit Berg 2026-07-01 10:30', '']);
  });
});
