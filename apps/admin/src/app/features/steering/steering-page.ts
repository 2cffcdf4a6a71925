import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { alignsRight, cellText } from '@stegvis/reports/view';
import { I18n } from '../../core/i18n/i18n';
import { DownloadWithProgress } from '../../shared/download-with-progress';
import { loadErrorText } from '../../shared/load-error';
import { ProgrammePicker } from '../../shared/programme-picker';
import { type ReportFormat, ReportsApi, type ReportTable } from '../reports/reports-api';
import { type SteeringOverview, SteeringApi } from './steering-api';

type Period = NonNullable<SteeringOverview['current']>;

/** The economy table's columns the headline reads (packages/reports economy.ts, ECONOMY_COLUMNS). */
const HEADLINE = [
  ['str.approved', 'Beviljat'],
  ['str.invoiced', 'Fakturerat totalt'],
  ['str.remaining', 'Kvar'],
  ['str.shareInvoiced', 'Andel fakturerat (%)'],
] as const;

/**
 * The steering group's page: for one of their programmes, the goals of this tertial beside the previous one, the
 * key figures of both, the economy and the next tertial report's date, and the tertial's report to download.
 * Every figure is a table of the report engine as the reader's audience gets it (GET …/steering); the page only
 * lays them out, so it shows nothing the report would not.
 */
@Component({
  selector: 'sv-steering-page',
  imports: [NgTemplateOutlet, MatButtonModule, MatIconModule, MatProgressBarModule, ProgrammePicker],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('str.title') }}</h1>
      </header>
      <p class="intro">{{ i18n.t('str.intro') }}</p>
      <div class="filters">
        <sv-programme-picker [(programmeId)]="programmeId" />
      </div>
      @if (overview.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('str.loading')" />
      }
      @if (error()) {
        <div class="error-banner" role="alert">
          {{ error() }}
          <button mat-button type="button" (click)="overview.reload()">{{ i18n.t('str.retry') }}</button>
        </div>
      }
      @if (data(); as s) {
        <div class="facts">
          <div class="fact">
            <span class="label">{{ i18n.t('str.period') }}</span>
            <span class="value">{{ s.startDate }} – {{ s.endDate }}</span>
          </div>
          <div class="fact" data-testid="steering-next-report">
            <span class="label">{{ i18n.t('str.nextReport') }}</span>
            @if (s.nextReport; as n) {
              <span class="value">{{ tertialName(n) }}, {{ i18n.t('str.nextReportAsOf') }} {{ n.end }}</span>
            } @else {
              <span class="value">{{ i18n.t('str.noNextReport') }}</span>
            }
            <span class="hint">{{ i18n.t('str.nextReportRule') }}</span>
          </div>
        </div>

        @if (s.current; as current) {
          <div class="downloads">
            <span>{{ i18n.t('str.download') }} ({{ tertialName(current) }}):</span>
            <button
              mat-stroked-button
              type="button"
              (click)="download('pdf', current)"
              [disabled]="dl.state().key !== null"
              data-testid="steering-download-pdf"
            >
              <mat-icon aria-hidden="true">download</mat-icon> {{ i18n.t('str.downloadPdf') }}
            </button>
            <button
              mat-stroked-button
              type="button"
              (click)="download('xlsx', current)"
              [disabled]="dl.state().key !== null"
              data-testid="steering-download-xlsx"
            >
              <mat-icon aria-hidden="true">download</mat-icon> {{ i18n.t('str.downloadXlsx') }}
            </button>
          </div>
          @if (dl.state(); as d) {
            @if (d.key) {
              <p role="status" class="muted">{{ i18n.t('str.preparing') }} {{ d.key.toUpperCase() }} …</p>
            }
            @if (d.error) {
              <p class="error-banner" role="alert">{{ d.error }}</p>
            }
          }

          <h2>{{ i18n.t('str.goals') }}</h2>
          <div class="pair">
            <section class="half" data-testid="steering-goals-previous">
              <h3>{{ i18n.t('str.goalsPrevious') }}: {{ s.previous ? tertialName(s.previous) : '–' }}</h3>
              @if (s.goals.previous; as t) {
                <ng-container
                  *ngTemplateOutlet="
                    table;
                    context: {
                      $implicit: t,
                      label: t.title + ': ' + (s.previous ? tertialName(s.previous) : ''),
                    }
                  "
                />
              } @else {
                <p class="muted">{{ i18n.t('str.noPrevious') }}</p>
              }
            </section>
            <section class="half" data-testid="steering-goals-current">
              <h3>{{ i18n.t('str.goalsThis') }}: {{ tertialName(current) }}</h3>
              @if (s.goals.current; as t) {
                <ng-container
                  *ngTemplateOutlet="
                    table;
                    context: { $implicit: t, label: t.title + ': ' + tertialName(current) }
                  "
                />
              }
            </section>
          </div>

          @if (s.keyFigures; as t) {
            <section data-testid="steering-key-figures">
              <h2>{{ i18n.t('str.keyFigures') }}</h2>
              <ng-container *ngTemplateOutlet="table; context: { $implicit: t }" />
            </section>
          }
        } @else {
          <p class="info-banner">{{ i18n.t('str.notStarted') }}</p>
        }

        <section data-testid="steering-economy">
          <h2>{{ i18n.t('str.economy') }}</h2>
          @if (headline().length) {
            <dl class="headline">
              @for (h of headline(); track h.key) {
                <div class="figure" [attr.data-testid]="'economy-' + h.key">
                  <dt>{{ i18n.t(h.key) }}</dt>
                  <dd>{{ h.text }}</dd>
                </div>
              }
            </dl>
            <h3>{{ i18n.t('str.economyDetails') }}</h3>
          }
          <ng-container *ngTemplateOutlet="table; context: { $implicit: s.economy }" />
        </section>
      }
    </section>

    <ng-template #table let-t let-label="label">
      <!-- A wide table scrolls on its own: keyboard users reach it (tabindex) and hear its title. -->
      <div class="scroll" tabindex="0" role="region" [attr.aria-label]="label || t.title">
        <table class="data" [class.dense]="t.columns.length > 8">
          <thead>
            <tr>
              @for (c of t.columns; track $index) {
                <th scope="col" [class.num]="right(t, $index)">{{ c }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (r of t.rows; track $index) {
              <tr>
                @for (c of r; track $index) {
                  @if ($first) {
                    <th scope="row">{{ cell(t, $index, c) }}</th>
                  } @else {
                    <td [class.num]="right(t, $index)">{{ cell(t, $index, c) }}</td>
                  }
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
      @for (n of t.notes; track $index) {
        <p class="muted note">{{ n }}</p>
      }
    </ng-template>
  `,
  styles: `
    .intro {
      max-width: 60rem;
    }
    .filters {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
    }
    .facts {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
      margin: 8px 0 16px;
    }
    .fact {
      display: grid;
      gap: 2px;
      background: white;
      border-radius: 8px;
      padding: 12px 16px;
      min-width: 16rem;
      max-width: 36rem;
    }
    .fact .label,
    .figure dt {
      font-size: 0.85rem;
      color: #444;
    }
    .fact .value {
      font-size: 1.15rem;
      font-weight: 500;
    }
    .fact .hint {
      font-size: 0.85rem;
      color: #444;
    }
    .downloads {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
      margin: 12px 0;
    }
    h2 {
      font-size: 1.25rem;
      font-weight: 500;
      margin: 24px 0 8px;
    }
    h3 {
      font-size: 1rem;
      font-weight: 500;
      margin: 12px 0 6px;
    }
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr));
      gap: 16px;
    }
    .scroll {
      overflow-x: auto;
    }
    table.dense th,
    table.dense td {
      padding: 8px 6px;
      font-size: 0.875rem;
    }
    tbody th {
      font-weight: 400;
      text-align: left;
    }
    th.num,
    td.num {
      text-align: right;
      white-space: nowrap;
    }
    .note {
      font-size: 0.85rem;
      margin: 4px 0;
    }
    .headline {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
      margin: 0 0 8px;
    }
    .figure {
      background: white;
      border-radius: 8px;
      padding: 12px 16px;
      min-width: 10rem;
    }
    .figure dd {
      margin: 0;
      font-size: 1.3rem;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SteeringPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(SteeringApi);
  private readonly reports = inject(ReportsApi);
  protected readonly dl = inject(DownloadWithProgress);
  protected readonly programmeId = signal('');
  protected readonly overview = rxResource({
    params: () => this.programmeId() || undefined,
    stream: ({ params }) => this.api.overview(params),
  });
  protected readonly data = computed(() => (this.overview.hasValue() ? this.overview.value() : undefined));
  protected readonly error = computed(() => loadErrorText(this.overview.error(), this.i18n));
  /** Approved, invoiced, remaining and share invoiced from the economy table's total row. */
  protected readonly headline = computed(() => {
    const t = this.data()?.economy;
    const total = t?.rows.find((r) => r[0] === 'Totalt');
    if (!t || !total) return [];
    return HEADLINE.flatMap(([key, column]) => {
      const i = t.columns.indexOf(column);
      if (i < 0) return [];
      const text = cellText(t, i, total[i]);
      return [{ key, text: text === '' ? '–' : column.endsWith('(%)') ? `${text} %` : text }];
    });
  });

  /** "Tertial 3 2021 (sep–dec)". */
  protected tertialName(p: Period): string {
    const [year, t] = p.id.split('-T');
    const months = this.i18n.t(t === '1' ? 'str.t1' : t === '2' ? 'str.t2' : 'str.t3');
    return `${this.i18n.t('str.tertial')} ${t} ${year} (${months})`;
  }

  protected cell(t: ReportTable, column: number, value: ReportTable['rows'][number][number]): string {
    return cellText(t, column, value);
  }

  protected right(t: ReportTable, column: number): boolean {
    return alignsRight(t, column);
  }

  /** The tertial's progress report, the same file the report page gives for that period. */
  protected download(format: ReportFormat, p: Period): Promise<void> {
    return this.dl.download(
      format,
      this.reports.progressFile(this.programmeId(), format, p.start, p.end),
      `delrapport-${p.id}.${format}`,
    );
  }
}
