import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  ASSESSMENT_DIMENSIONS,
  ASSESSMENT_STAGES,
  type AssessmentDimension,
  type AssessmentResponse,
  type AssessmentStage,
  stockholmToday,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { FieldErrorPipe } from '../../../shared/form/field-error';
import { formSubmit } from '../../../shared/form/form-submit';
import { loadErrorText } from '../../../shared/load-error';
import { Loading } from '../../../shared/loading';
import { ParticipantsApi } from '../participants-api';
import { ProgressChart } from '../progress-chart';
import { isoDateValidator } from '../work/iso-date';
import { WorkApi } from '../work/work-api';

type Ratings = Record<AssessmentDimension, FormControl<number | null>>;

/**
 * Progress assessments at start, middle and end, as a chart with its table, and the form that records one. A
 * stage already assessed is filled in when chosen, since saving it replaces the earlier one.
 */
@Component({
  selector: 'sv-progress-tab',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    LabelPipe,
    FieldErrorPipe,
    ProgressChart,
    Loading,
  ],
  template: `
    <!-- The form waits for the stored assessments: choosing a stage fills in what is stored for it. -->
    @if (loading()) {
      <sv-loading data-testid="assessments-loading" />
    } @else if (loadError()) {
      <p class="error-banner" role="alert">{{ loadError() }}</p>
    } @else {
      @if (assessments().length) {
        <sv-progress-chart [assessments]="assessments()" />
      } @else {
        <p class="muted" data-testid="no-assessment">{{ i18n.t('p.noAssessment') }}</p>
      }
      <h2>{{ i18n.t('pw.newAssessment') }}</h2>
      <p class="muted">{{ i18n.t('pw.assessmentIntro') }}</p>
      @if (submit.banner()) {
        <p class="error-banner" role="alert" data-testid="assessment-error">{{ submit.banner() }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="assessment-form">
        <div class="form-grid">
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('pw.stage') }}</mat-label>
            <mat-select formControlName="stage" data-testid="assessment-stage" (selectionChange)="fill()">
              @for (s of stages; track s) {
                <mat-option [value]="s">{{ s | label: 'assessmentStage' }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('pw.date') }}</mat-label>
            <input matInput formControlName="date" data-testid="assessment-date" />
            <mat-error>{{ form.controls.date | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <fieldset formGroupName="ratings" class="ratings">
          <legend>{{ i18n.t('pw.rating') }}</legend>
          @for (d of dimensions; track d) {
            <mat-form-field appearance="outline">
              <mat-label>{{ d | label: 'assessmentDimension' }}</mat-label>
              <input
                matInput
                type="number"
                inputmode="numeric"
                min="1"
                max="5"
                step="1"
                [formControlName]="d"
                [attr.data-testid]="'rating-' + d"
              />
              <mat-error [attr.data-testid]="'rating-' + d + '-error'">{{
                form.controls.ratings.controls[d] | fieldError
              }}</mat-error>
            </mat-form-field>
          }
        </fieldset>
        <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="assessment-save">
          {{ i18n.t('pw.saveAssessment') }}
        </button>
      </form>
    }
  `,
  styleUrl: './tab.scss',
  styles: `
    h2 {
      font-size: 1.15rem;
      font-weight: 500;
      margin: 24px 0 4px;
    }
    form {
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
    .ratings {
      border: 0;
      margin: 0 0 8px;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(210px, 1fr));
      gap: 0 16px;
    }
    legend {
      color: #50555e;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgressTab implements OnInit {
  readonly participantId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ParticipantsApi);
  private readonly work = inject(WorkApi);
  protected readonly stages = ASSESSMENT_STAGES;
  protected readonly dimensions = ASSESSMENT_DIMENSIONS;
  protected readonly assessments = signal<AssessmentResponse[]>([]);
  protected readonly loadError = signal('');
  protected readonly loading = signal(true);
  protected readonly submit = formSubmit();
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    stage: this.fb.control<AssessmentStage>('start', Validators.required),
    date: [stockholmToday(), [Validators.required, isoDateValidator]],
    ratings: this.fb.group(
      Object.fromEntries(
        ASSESSMENT_DIMENSIONS.map((d) => [
          d,
          new FormControl<number | null>(null, [Validators.required, Validators.min(1), Validators.max(5)]),
        ]),
      ) as Ratings,
    ),
  });

  async ngOnInit(): Promise<void> {
    try {
      this.assessments.set(await firstValueFrom(this.api.assessments(this.participantId())));
      // The next stage not yet assessed, so the usual case needs no choice.
      const next = ASSESSMENT_STAGES.find((s) => !this.assessments().some((a) => a.stage === s));
      this.form.controls.stage.setValue(next ?? 'end');
      this.fill();
    } catch (err) {
      this.loadError.set(loadErrorText(err, this.i18n));
    } finally {
      this.loading.set(false);
    }
  }

  /** The chosen stage's stored ratings, or empty fields for a new one. */
  protected fill(): void {
    const stored = this.assessments().find((a) => a.stage === this.form.controls.stage.value);
    this.form.controls.date.setValue(stored?.date ?? stockholmToday());
    this.form.controls.ratings.setValue(
      Object.fromEntries(ASSESSMENT_DIMENSIONS.map((d) => [d, stored?.ratings[d] ?? null])) as Record<
        AssessmentDimension,
        number | null
      >,
    );
    this.form.markAsPristine();
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const ratings = Object.fromEntries(ASSESSMENT_DIMENSIONS.map((d) => [d, Number(v.ratings[d])])) as Record<
      AssessmentDimension,
      number
    >;
    const r = await this.submit.run(
      this.form,
      () => this.work.saveAssessment(this.participantId(), { stage: v.stage, date: v.date, ratings }),
      { done: this.i18n.t('pw.assessmentSaved') },
    );
    if (!r.ok) return;
    // The chart redraws from the list: the saved stage replaces its earlier version, in stage order.
    this.assessments.update((list) =>
      [...list.filter((a) => a.stage !== r.value.stage), r.value].sort(
        (a, b) => ASSESSMENT_STAGES.indexOf(a.stage) - ASSESSMENT_STAGES.indexOf(b.stage),
      ),
    );
  }
}
