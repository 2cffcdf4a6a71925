import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { alignsRight, type Chart, cellText, chartOf } from '@stegvis/reports/view';
import { DownloadWithProgress } from '../../shared/download-with-progress';
import { NationalFollowUp } from './national-follow-up';
import { ProgrammePicker } from '../../shared/programme-picker';
import { stockholmToday } from '../../core/time/stockholm-time';
import { AuthStore } from '../../core/auth/auth-store';
import {
  type FixedPeriod,
  REPORT_FORMATS,
  type ReportFormat,
  ReportsApi,
  type ReportTable,
} from './reports-api';

/** The progress report on screen: the same tables, from the same computation, as every download. */
@Component({
  selector: 'sv-report-view',
  imports: [
    FormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    ProgrammePicker,
    NationalFollowUp,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('rep.title') }}</h1>
      </header>
      <div class="filters">
        <sv-programme-picker [(programmeId)]="programmeId" (programmeChange)="programmeChanged($event)" />
        <mat-form-field appearance="outline" class="period">
          <mat-label>{{ i18n.t('rep.period') }}</mat-label>
          <mat-select [ngModel]="periodId()" (ngModelChange)="pickPeriod($event)" data-testid="report-period">
            @for (p of periods(); track p.id) {
              <mat-option [value]="p.id">{{ periodLabel(p) }}</mat-option>
            }
            @if (!fixedOnly()) {
              <mat-option value="">{{ i18n.t('rep.period.custom') }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (!fixedOnly()) {
          <mat-form-field appearance="outline"
            ><mat-label>{{ i18n.t('rep.from') }}</mat-label
            ><input
              matInput
              [ngModel]="from()"
              (ngModelChange)="setDate('from', $event)"
              data-testid="report-from"
          /></mat-form-field>
          <mat-form-field appearance="outline"
            ><mat-label>{{ i18n.t('rep.to') }}</mat-label
            ><input matInput [ngModel]="to()" (ngModelChange)="setDate('to', $event)" data-testid="report-to"
          /></mat-form-field>
        }
        <button mat-flat-button type="button" (click)="load()" data-testid="report-show">
          {{ i18n.t('rep.show') }}
        </button>
      </div>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('rep.loading')" />
      }
      @if (error()) {
        <p class="error-banner" role="alert">{{ error() }}</p>
      }
      @if (tables().length) {
        <div class="downloads">
          <span>{{ i18n.t('rep.download') }}:</span>
          @for (f of formats; track f) {
            <button
              mat-stroked-button
              type="button"
              (click)="download(f)"
              [disabled]="dl.state().key !== null"
              [attr.data-testid]="'download-' + f"
            >
              {{ f.toUpperCase() }}
            </button>
          }
        </div>
        @if (dl.state(); as d) {
          @if (d.key) {
            <div class="progress" role="status" data-testid="download-progress">
              <mat-progress-bar
                [mode]="d.total ? 'determinate' : 'indeterminate'"
                [value]="d.total ? (100 * d.received) / d.total : 0"
                [attr.aria-label]="i18n.t('rep.preparing')"
              />
              <span
                >{{ i18n.t('rep.preparing') }} {{ d.key.toUpperCase() }} · {{ kb(d.received)
                }}{{ d.total ? ' ' + i18n.t('rep.of') + ' ' + kb(d.total) : '' }}</span
              >
            </div>
          }
          @if (d.error) {
            <p class="error-banner" role="alert">{{ d.error }}</p>
          }
        }
        @if (suppressed()) {
          <p class="info-banner">{{ i18n.t('rep.suppressed') }}</p>
        }
        @for (t of tables(); track t.id) {
          <section class="table" [attr.data-testid]="'report-' + t.id">
            <h2>{{ t.title }}</h2>
            <div class="scroll">
              <table class="data" [class.dense]="t.columns.length > 8">
                <thead>
                  <tr>
                    @for (c of t.columns; track $index) {
                      <th scope="col" [class.num]="rightAligned(t, $index)">{{ c }}</th>
                    }
                  </tr>
                </thead>
                <tbody>
                  @for (r of t.rows; track $index) {
                    <tr>
                      @for (c of r; track $index) {
                        <td [class.num]="rightAligned(t, $index)">{{ cell(t, $index, c) }}</td>
                      }
                    </tr>
                  }
                </tbody>
              </table>
            </div>
            @for (n of t.notes; track $index) {
              <p class="muted note">{{ n }}</p>
            }
            @if (charts().get(t); as c) {
              <!-- The PDF's chart, from the same data (packages/reports' chartOf): a hidden figure draws no bar. -->
              <figure class="chart" [attr.data-testid]="'chart-' + t.id">
                <figcaption>{{ c.caption }}</figcaption>
                @if (c.absent) {
                  <p class="absent" data-testid="chart-absent">{{ c.absent }}</p>
                } @else {
                  <ul class="bars">
                    @for (b of c.bars; track $index) {
                      <li data-testid="chart-bar" [class.hidden-figure]="b.hidden">
                        <span class="label">{{ b.label }}</span>
                        <span class="track" aria-hidden="true">
                          @if (b.percent !== null && b.percent > 0) {
                            <span
                              class="fill"
                              data-testid="chart-fill"
                              [style.width.%]="width(b.percent)"
                            ></span>
                          }
                        </span>
                        <span class="value">{{ b.hidden ? i18n.t('rep.hidden') : b.shown }}</span>
                      </li>
                    }
                  </ul>
                }
              </figure>
            }
          </section>
        }
      }
      <sv-national-follow-up [programmeId]="programmeId()" />
    </section>
  `,
  styles: `
    .period {
      min-width: 22rem;
    }
    .filters {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
      align-items: baseline;
    }
    .downloads {
      display: flex;
      gap: 8px;
      align-items: center;
      margin: 12px 0;
    }
    .progress {
      display: grid;
      gap: 4px;
      max-width: 420px;
      margin-bottom: 12px;
      font-size: 0.9rem;
    }
    h2 {
      font-size: 1.15rem;
      font-weight: 500;
      margin: 20px 0 8px;
    }
    .note {
      font-size: 0.85rem;
      margin: 4px 0;
    }
    .scroll {
      overflow-x: auto;
    }
    /* A wide table (the economy's eleven columns) keeps to the page on a laptop screen. */
    table.dense th,
    table.dense td {
      padding: 8px 6px;
      font-size: 0.875rem;
    }
    th.num,
    td.num {
      text-align: right;
    }
    td.num {
      white-space: nowrap;
    }
    .chart {
      background: white;
      border-radius: 8px;
      padding: 12px;
      margin: 12px 0;
      max-width: 720px;
    }
    figcaption {
      font-style: italic;
      margin-bottom: 8px;
    }
    .absent {
      margin: 0;
    }
    .bars {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    .bars li {
      display: grid;
      grid-template-columns: minmax(8rem, 16rem) 1fr 6rem;
      gap: 8px;
      align-items: center;
    }
    .track {
      height: 12px;
      background: #e8ecf2;
      border-radius: 2px;
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      background: #1a5fb4;
    }
    .hidden-figure .value {
      font-style: italic;
      color: #555;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportView {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ReportsApi);
  protected readonly formats = REPORT_FORMATS;
  protected readonly programmeId = signal('');
  protected readonly from = signal('');
  protected readonly to = signal(stockholmToday());
  private readonly auth = inject(AuthStore);
  /** Steering, evaluators and the admin ask for fixed periods only (the api refuses other dates for them). */
  protected readonly fixedOnly = computed(() => this.auth.aggregateOnly());
  protected readonly periods = signal<FixedPeriod[]>([]);
  /** The chosen fixed period's id, or '' for dates typed by staff. */
  protected readonly periodId = signal('');
  protected readonly tables = signal<ReportTable[]>([]);
  protected readonly suppressed = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  /** Each table's chart, as the PDF draws it (packages/reports' chartOf); none for a table without one. */
  protected readonly charts = computed(() => {
    const charts = new Map<ReportTable, Chart>();
    for (const t of this.tables()) {
      const c = chartOf(t);
      if (c) charts.set(t, c);
    }
    return charts;
  });

  /** A cell as the files print it: amounts as "1 030 000 kr". */
  protected cell(t: ReportTable, column: number, value: ReportTable['rows'][number][number]): string {
    return cellText(t, column, value);
  }

  /** Figures right-aligned in a table with amounts, as in the PDF. */
  protected rightAligned(t: ReportTable, column: number): boolean {
    return alignsRight(t, column);
  }

  /** A bar's length: its per cent of the track, never beyond it. */
  protected width(percent: number): number {
    return Math.min(100, percent);
  }

  /** A new programme: its fixed periods, the whole programme chosen, so the first report needs one click. */
  protected async programmeChanged(p: { id: string; startDate: string }): Promise<void> {
    this.from.set(p.startDate);
    this.to.set(stockholmToday());
    this.periods.set([]);
    this.periodId.set('');
    this.tables.set([]);
    try {
      const periods = await firstValueFrom(this.api.periods(p.id));
      // The whole programme first (the usual choice), then years and tertials in time order, as the api gives them.
      this.periods.set([
        ...periods.filter((x) => x.kind === 'whole'),
        ...periods.filter((x) => x.kind !== 'whole'),
      ]);
      const whole = periods.find((x) => x.kind === 'whole');
      if (whole) this.pickPeriod(whole.id);
    } catch (err) {
      const problem = asProblem(err, this.i18n.lang());
      this.error.set(problem?.detail ?? this.i18n.t('error.generic'));
    }
  }

  protected pickPeriod(id: string): void {
    this.periodId.set(id);
    const p = this.periods().find((x) => x.id === id);
    if (!p) return;
    this.from.set(p.start);
    this.to.set(p.end);
  }

  /** Typing a date leaves the fixed periods: the report covers exactly the dates typed. */
  protected setDate(which: 'from' | 'to', value: string): void {
    (which === 'from' ? this.from : this.to).set(value);
    this.periodId.set('');
  }

  /** "Hela insatsen (2019-09-03 – 2021-12-31)", "År 2021", "Tertial 1 2021 (jan–apr)". */
  protected periodLabel(p: FixedPeriod): string {
    if (p.kind === 'whole') return `${this.i18n.t('rep.period.whole')} (${p.start} – ${p.end})`;
    if (p.kind === 'year') return `${this.i18n.t('rep.period.year')} ${p.id}`;
    const [year, t] = p.id.split('-T');
    const months = this.i18n.t(t === '1' ? 'rep.period.t1' : t === '2' ? 'rep.period.t2' : 'rep.period.t3');
    return `${this.i18n.t('rep.period.tertial')} ${t} ${year} (${months})`;
  }

  protected async load(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      const id = this.programmeId();
      // The progress report carries the economy; the target group stands beside it on screen.
      const [r, target] = await Promise.all([
        firstValueFrom(this.api.progress(id, this.from(), this.to())),
        firstValueFrom(this.api.targetGroup(id, this.from(), this.to())),
      ]);
      this.tables.set([...r.tables, ...(target.rows.length ? [target] : [])]);
      this.suppressed.set(r.suppressed);
    } catch (err) {
      const p = asProblem(err, this.i18n.lang());
      this.error.set(p?.errors?.[0]?.message ?? p?.detail ?? this.i18n.t('error.generic'));
    } finally {
      this.busy.set(false);
    }
  }

  protected readonly dl = inject(DownloadWithProgress);

  protected download(format: ReportFormat): Promise<void> {
    return this.dl.download(
      format,
      this.api.progressFile(this.programmeId(), format, this.from(), this.to()),
      `delrapport.${format}`,
    );
  }

  protected kb(bytes: number): string {
    return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  }
}
