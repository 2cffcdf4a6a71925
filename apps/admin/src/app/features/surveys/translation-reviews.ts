import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Recordings } from './recordings';
import type { SurveyLanguage } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../core/i18n/i18n';
import { StockholmTimePipe } from '../../core/time/stockholm-time';
import { Labels } from '../../core/i18n/labels';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { Outcome } from '../../shared/outcome';
import { SurveysApi, type TranslationStatus } from './surveys-api';

/**
 * The languages of a round's questionnaire version and whether a person stands behind each: original, reviewed
 * (by whom, when, in Swedish time) or a machine draft, which staff mark reviewed once a native speaker has checked it.
 * A programme that does not offer unreviewed translations shows participants only the first two.
 */
@Component({
  selector: 'sv-translation-reviews',
  imports: [MatButtonModule, Recordings],
  template: `
    <section class="card" data-testid="translations" aria-labelledby="translations-title">
      <h2 id="translations-title">{{ i18n.t('tr.title') }}</h2>
      <p class="muted">{{ i18n.t('tr.intro') }}</p>
      <table class="data">
        <caption class="visually-hidden">
          {{
            i18n.t('tr.title')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ i18n.t('tr.language') }}</th>
            <th scope="col">{{ i18n.t('tr.status') }}</th>
            <th scope="col">
              <span class="visually-hidden">{{ i18n.t('sr.actions') }}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (s of statuses(); track s.language) {
            <tr data-testid="translation-row" [attr.data-language]="s.language">
              <td data-testid="translation-language">{{ languageName(s.language) }}</td>
              <td data-testid="translation-status" [class.draft]="s.status === 'machine-draft'">
                {{ statusText(s) }}
              </td>
              <td>
                @if (s.status === 'machine-draft') {
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="busy()"
                    (click)="mark(s)"
                    [attr.aria-label]="i18n.t('tr.markFor').replace('{language}', languageName(s.language))"
                    data-testid="mark-reviewed"
                  >
                    {{ i18n.t('tr.mark') }}
                  </button>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </section>
    <sv-recordings [questionnaireId]="questionnaireId()" [version]="version()" />
  `,
  styles: `
    .card {
      background: white;
      border-radius: 8px;
      padding: 16px;
      margin-bottom: 16px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .draft {
      color: #8a3a00;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TranslationReviews {
  readonly questionnaireId = input.required<string>();
  readonly version = input.required<number>();
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  private readonly api = inject(SurveysApi);
  private readonly confirm = inject(ConfirmDialog);
  private readonly outcome = inject(Outcome);
  // The admin's one way of showing an instant ("2026-12-06 14:05", Swedish time), as "Inläst ljud" below shows it.
  private readonly time = new StockholmTimePipe();
  protected readonly statuses = signal<TranslationStatus[]>([]);
  protected readonly busy = signal(false);

  constructor() {
    effect(() => void this.load(this.questionnaireId(), this.version()));
  }

  protected languageName(language: SurveyLanguage): string {
    return this.labels.of('surveyLanguage', language);
  }

  protected statusText(s: TranslationStatus): string {
    if (s.status === 'reviewed' && s.reviewedBy && s.reviewedAt)
      return this.i18n
        .t('tr.reviewedBy')
        .replace('{name}', s.reviewedBy.displayName)
        .replace('{time}', this.time.transform(s.reviewedAt));
    return this.labels.of('translationStatus', s.status);
  }

  protected async mark(s: TranslationStatus): Promise<void> {
    const language = this.languageName(s.language);
    const ok = await this.confirm.ask({
      title: this.i18n.t('tr.confirmTitle').replace('{language}', language),
      message: this.i18n.t('tr.confirmMessage').replace('{language}', language.toLowerCase()),
      confirm: this.i18n.t('tr.confirm'),
      cancel: this.i18n.t('tr.cancel'),
    });
    if (!ok) return;
    this.busy.set(true);
    try {
      const updated = await firstValueFrom(
        this.api.markReviewed(this.questionnaireId(), this.version(), s.language),
      );
      this.statuses.update((all) => all.map((x) => (x.language === updated.language ? updated : x)));
      this.outcome.done(this.i18n.t('tr.marked').replace('{language}', language));
    } catch (err) {
      this.outcome.failed(err);
    } finally {
      this.busy.set(false);
    }
  }

  private async load(id: string, version: number): Promise<void> {
    try {
      this.statuses.set(await firstValueFrom(this.api.translations(id, version)));
    } catch (err) {
      this.outcome.failed(err);
    }
  }
}
