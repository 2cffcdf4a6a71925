import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import {
  ASSESSMENT_DIMENSIONS,
  type AssessmentDimension,
  type AssessmentResponse,
  type AssessmentStage,
} from '@stegvis/contracts';
import type { ChartConfiguration } from 'chart.js';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const STAGE_COLOURS: Record<string, string> = { start: '#9aa4b2', middle: '#4f7fd1', end: '#0b3d91' };

/** Ratings 1–5 per dimension at start, middle and end, side by side; the table below it carries the same numbers. */
@Component({
  selector: 'sv-progress-chart',
  imports: [BaseChartDirective],
  template: `
    <div class="chart">
      <canvas baseChart [type]="'bar'" [data]="data()" [options]="options" aria-hidden="true"></canvas>
    </div>
    <table class="data" data-testid="progress-table">
      <thead>
        <tr>
          <th scope="col">{{ i18n.t('pw.dimension') }}</th>
          @for (a of assessments(); track a.id) {
            <th scope="col">{{ stage(a.stage) }} ({{ a.date }})</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (d of dimensions; track d) {
          <tr>
            <th scope="row">{{ label(d) }}</th>
            @for (a of assessments(); track a.id) {
              <td>{{ a.ratings[d] }}</td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .chart {
      height: 280px;
      background: white;
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgressChart {
  readonly assessments = input.required<AssessmentResponse[]>();
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  protected readonly dimensions = ASSESSMENT_DIMENSIONS;
  protected readonly options: ChartConfiguration<'bar'>['options'] = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    scales: { y: { min: 0, max: 5, ticks: { stepSize: 1 } } },
  };
  protected readonly data = computed<ChartConfiguration<'bar'>['data']>(() => ({
    labels: ASSESSMENT_DIMENSIONS.map((d) => this.label(d)),
    datasets: this.assessments().map((a) => ({
      label: this.stage(a.stage),
      data: ASSESSMENT_DIMENSIONS.map((d) => a.ratings[d]),
      backgroundColor: STAGE_COLOURS[a.stage],
    })),
  }));

  protected label(d: AssessmentDimension): string {
    return this.labels.of('assessmentDimension', d);
  }
  protected stage(s: AssessmentStage): string {
    return this.labels.of('assessmentStage', s);
  }
}
