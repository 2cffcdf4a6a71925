import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  FOLLOW_UP_MONTHS,
  type FollowUpMonths,
  type FollowUpResponse,
  followUpDueDate,
  followUpWindowStart,
  OUTCOME_CATEGORIES,
  type OutcomeCategory,
  type OutcomeResponse,
  stockholmToday,
} from '@stegvis/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { FieldErrorPipe } from '../../../shared/form/field-error';
import { formSubmit } from '../../../shared/form/form-submit';
import { isoDate } from './iso-date';
import { OutcomeApi } from './outcome-api';

interface FollowUpRow {
  months: FollowUpMonths;
  due: string;
  windowStart: string;
  recorded: FollowUpResponse | undefined;
}

/**
 * The follow-ups at 3, 6 and 12 months of one outcome: when each falls due and from when it can be recorded
 * (contracts' follow-up-dates.ts, the rule the api enforces), what was recorded, and the form to record one. A
 * date before the window is refused by the api at the date field.
 */
@Component({
  selector: 'sv-follow-ups',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    LabelPipe,
    FieldErrorPipe,
  ],
  template: `
    <h3>{{ i18n.t('oc.followUps') }}</h3>
    <p class="muted">{{ i18n.t('oc.followUpsIntro').replace('{date}', outcome().date) }}</p>
    <table class="data" data-testid="follow-ups">
      <thead>
        <tr>
          <th scope="col">{{ i18n.t('oc.col.followUp') }}</th>
          <th scope="col">{{ i18n.t('oc.col.due') }}</th>
          <th scope="col">{{ i18n.t('oc.col.window') }}</th>
          <th scope="col">{{ i18n.t('oc.col.recorded') }}</th>
          @if (canWrite()) {
            <th scope="col">{{ i18n.t('oc.col.actions') }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (r of rows(); track r.months) {
          <tr [attr.data-testid]="'follow-up-' + r.months">
            <th scope="row">{{ monthsText(r.months) }}</th>
            <td class="date" [attr.data-testid]="'follow-up-due-' + r.months">{{ r.due }}</td>
            <td class="date" [attr.data-testid]="'follow-up-window-' + r.months">{{ r.windowStart }}</td>
            <td [attr.data-testid]="'follow-up-recorded-' + r.months">
              @if (r.recorded; as f) {
                {{ f.category | label: 'outcomeCategory' }}{{ f.detail ? ': ' + f.detail : '' }}
                <span class="date">({{ f.date }})</span>
              } @else {
                <span class="muted">{{ i18n.t('oc.notRecorded') }}</span>
              }
            </td>
            @if (canWrite()) {
              <td>
                <button
                  mat-button
                  type="button"
                  (click)="open(r)"
                  [attr.data-testid]="'follow-up-open-' + r.months"
                  [attr.aria-label]="buttonLabel(r)"
                >
                  {{ i18n.t(r.recorded ? 'oc.changeFollowUp' : 'oc.recordFollowUp') }}
                </button>
              </td>
            }
          </tr>
        }
      </tbody>
    </table>

    @if (editing(); as months) {
      <form
        [formGroup]="form"
        (ngSubmit)="save(months)"
        class="follow-up-form"
        novalidate
        data-testid="follow-up-form"
        [attr.aria-labelledby]="headingId"
      >
        <h4 [id]="headingId" tabindex="-1" #heading>
          {{ i18n.t('oc.followUpTitle').replace('{months}', '' + months) }}
        </h4>
        @if (submit.banner()) {
          <p class="error-banner" role="alert" data-testid="follow-up-form-error">{{ submit.banner() }}</p>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('oc.followUpDate') }}</mat-label>
          <input
            matInput
            formControlName="date"
            inputmode="numeric"
            autocomplete="off"
            data-testid="follow-up-date"
          />
          <mat-error data-testid="follow-up-date-error">{{ form.controls.date | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('oc.followUpCategory') }}</mat-label>
          <mat-select formControlName="category" data-testid="follow-up-category">
            @for (c of categories; track c) {
              <mat-option [value]="c">{{ c | label: 'outcomeCategory' }}</mat-option>
            }
          </mat-select>
          <mat-error data-testid="follow-up-category-error">{{
            form.controls.category | fieldError
          }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ i18n.t('oc.detail') }}</mat-label>
          <input matInput formControlName="detail" maxlength="300" data-testid="follow-up-detail" />
          <mat-error>{{ form.controls.detail | fieldError }}</mat-error>
        </mat-form-field>
        <div class="buttons">
          <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="follow-up-save">
            {{ i18n.t('form.save') }}
          </button>
          <button mat-button type="button" (click)="editing.set(null)">{{ i18n.t('form.cancel') }}</button>
        </div>
      </form>
    }
  `,
  styles: `
    h3 {
      font-size: 1rem;
      margin: 16px 0 4px;
    }
    table {
      width: 100%;
    }
    .date {
      white-space: nowrap;
    }
    .follow-up-form {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: 4px 16px;
      margin-top: 12px;
      padding: 12px 16px;
      border: 1px solid #d5d8de;
      border-radius: 8px;
    }
    h4,
    .error-banner,
    .buttons,
    .wide {
      grid-column: 1 / -1;
    }
    h4 {
      margin: 0 0 8px;
      font-size: 1rem;
    }
    .buttons {
      display: flex;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUps {
  readonly outcome = input.required<OutcomeResponse>();
  readonly canWrite = input(false);
  /** The outcome with its follow-ups after one was saved. */
  readonly saved = output<OutcomeResponse>();

  protected readonly i18n = inject(I18n);
  private readonly api = inject(OutcomeApi);
  protected readonly submit = formSubmit();
  protected readonly categories = OUTCOME_CATEGORIES;
  private static nextId = 0;
  protected readonly headingId = `follow-up-form-${FollowUps.nextId++}`;
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  protected readonly editing = signal<FollowUpMonths | null>(null);

  protected readonly rows = computed<FollowUpRow[]>(() => {
    const o = this.outcome();
    return FOLLOW_UP_MONTHS.map((months) => ({
      months,
      due: followUpDueDate(o.date, months),
      windowStart: followUpWindowStart(o.date, months),
      recorded: o.followUps.find((f) => f.months === months),
    }));
  });

  protected readonly form = inject(FormBuilder).group({
    date: ['', [Validators.required, isoDate]],
    category: [null as OutcomeCategory | null, Validators.required],
    detail: ['', Validators.maxLength(300)],
  });

  protected monthsText(months: FollowUpMonths): string {
    return this.i18n.t('oc.months').replace('{months}', String(months));
  }

  protected buttonLabel(r: FollowUpRow): string {
    return `${this.i18n.t(r.recorded ? 'oc.changeFollowUp' : 'oc.recordFollowUp')}: ${this.i18n
      .t('oc.followUpTitle')
      .replace('{months}', String(r.months))}`;
  }

  protected open(r: FollowUpRow): void {
    this.submit.banner.set('');
    this.form.reset({
      date: r.recorded?.date ?? stockholmToday(),
      category: r.recorded?.category ?? null,
      detail: r.recorded?.detail ?? '',
    });
    this.editing.set(r.months);
    setTimeout(() => this.heading()?.nativeElement.focus());
  }

  protected async save(months: FollowUpMonths): Promise<void> {
    const v = this.form.getRawValue();
    const answer = await this.submit.run(
      this.form,
      () =>
        this.api.addFollowUp(this.outcome().enrolmentId, {
          months,
          date: v.date ?? '',
          category: v.category!,
          detail: v.detail?.trim() ?? '',
        }),
      { done: this.i18n.t('oc.followUpSaved').replace('{months}', String(months)) },
    );
    if (!answer.ok) return;
    this.editing.set(null);
    this.saved.emit(answer.value);
  }
}
