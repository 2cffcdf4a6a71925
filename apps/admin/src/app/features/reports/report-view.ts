import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import type { ChartConfiguration } from 'chart.js';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { DownloadWithProgress } from '../../shared/download-with-progress';
import { ProgrammePicker } from '../../shared/programme-picker';
import { stockholmToday } from '../../core/time/stockholm-time';
import { REPORT_FORMATS, type ReportFormat, ReportsApi, type ReportTable } from './reports-api';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Attendance per group against the goal, from the same table the files carry. */
function chartOf(tables: ReportTable[], label: string): ChartConfiguration<'bar'>['data'] | null {
  const t = tables.find((x) => x.id === 'attendance');
  if (!t) return null;
  const rows = t.rows.filter((r) => r[0] !== 'Totalt');
  return {
    labels: rows.map((r) => String(r[0])),
    datasets: [
      { label, data: rows.map((r) => (typeof r[4] === 'number' ? r[4] : 0)), backgroundColor: '#0b3d91' },
    ],
  };
}

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
    BaseChartDirective,
    ProgrammePicker,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('rep.title') }}</h1>
      </header>
      <div class="filters">
        <sv-programme-picker [(programmeId)]="programmeId" (programmeChange)="from.set($event.startDate)" />
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('rep.from') }}</mat-label
          ><input matInput [ngModel]="from()" (ngModelChange)="from.set($event)" data-testid="report-from"
        /></mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('rep.to') }}</mat-label
          ><input matInput [ngModel]="to()" (ngModelChange)="to.set($event)" data-testid="report-to"
        /></mat-form-field>
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
        @if (chart(); as c) {
          <figure class="chart">
            <figcaption>{{ i18n.t('rep.attendanceChart') }}</figcaption>
            <div class="canvas">
              <canvas
                baseChart
                [type]="'bar'"
                [data]="c"
                [options]="chartOptions"
                [attr.aria-label]="i18n.t('rep.attendanceChartLabel')"
              ></canvas>
            </div>
          </figure>
        }
        @for (t of tables(); track t.id) {
          <section class="table" [attr.data-testid]="'report-' + t.id">
            <h2>{{ t.title }}</h2>
            <table class="data">
              <thead>
                <tr>
                  @for (c of t.columns; track $index) {
                    <th scope="col">{{ c }}</th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (r of t.rows; track $index) {
                  <tr>
                    @for (c of r; track $index) {
                      <td>{{ c ?? '' }}</td>
                    }
                  </tr>
                }
              </tbody>
            </table>
            @for (n of t.notes; track $index) {
              <p class="muted note">{{ n }}</p>
            }
          </section>
        }
      }
    </section>
  `,
  styles: `
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
    .chart {
      background: white;
      border-radius: 8px;
      padding: 12px;
      margin: 0 0 12px;
    }
    .canvas {
      height: 240px;
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
  protected readonly tables = signal<ReportTable[]>([]);
  protected readonly suppressed = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly chart = signal<ChartConfiguration<'bar'>['data'] | null>(null);
  protected readonly chartOptions: ChartConfiguration<'bar'>['options'] = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    scales: { y: { min: 0, max: 100 } },
  };

  protected async load(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      const id = this.programmeId();
      const [r, target, economy] = await Promise.all([
        firstValueFrom(this.api.progress(id, this.from(), this.to())),
        firstValueFrom(this.api.targetGroup(id, this.from(), this.to())),
        firstValueFrom(this.api.economy(id)),
      ]);
      this.tables.set([
        ...r.tables,
        ...(target.rows.length ? [target] : []),
        ...(economy.rows.length > 1 ? [economy] : []),
      ]);
      this.suppressed.set(r.suppressed);
      this.chart.set(chartOf(r.tables, this.i18n.t('rep.attendanceSeries')));
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
