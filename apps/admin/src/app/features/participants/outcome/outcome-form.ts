import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  type OnInit,
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
  DETAIL_CODES_OF_CATEGORY,
  type EnrolmentResponse,
  OUTCOME_CATEGORIES,
  type OutcomeCategory,
  type OutcomeDetailCode,
  type OutcomeResponse,
  SUPPORT_KINDS,
  type SupportKind,
  stockholmToday,
} from '@stegvis/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { FieldErrorPipe } from '../../../shared/form/field-error';
import { formSubmit } from '../../../shared/form/form-submit';
import { isoDate } from './iso-date';
import { OutcomeApi } from './outcome-api';

/**
 * The outcome of one enrolment: main category, the detail code (only the chosen category's codes are offered),
 * the occupation or course as free text, the date and income before and after. A stored outcome with only free
 * text shows as "Okodad" with a prompt to choose its code. Used on the outcome tab and straight after completing an
 * enrolment (enrolments-tab).
 */
@Component({
  selector: 'sv-outcome-form',
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
    <form
      [formGroup]="form"
      (ngSubmit)="save()"
      class="outcome-form"
      novalidate
      data-testid="outcome-form"
      [attr.aria-labelledby]="headingId"
    >
      @if (headingLevel() === 2) {
        <h2 [id]="headingId" tabindex="-1" #heading>{{ i18n.t('oc.formTitle') }}</h2>
      } @else {
        <h3 [id]="headingId" tabindex="-1" #heading>{{ i18n.t('oc.formTitle') }}</h3>
      }
      @if (uncoded()) {
        <p class="info" role="note" data-testid="outcome-uncoded-prompt">
          <strong>{{ i18n.t('oc.uncoded') }}.</strong> {{ i18n.t('oc.uncodedPrompt') }}
        </p>
      }
      @if (submit.banner()) {
        <p class="error-banner" role="alert" data-testid="outcome-form-error">{{ submit.banner() }}</p>
      }
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('oc.category') }}</mat-label>
        <mat-select
          formControlName="category"
          (selectionChange)="categoryChanged($event.value)"
          data-testid="outcome-category"
        >
          @for (c of categories; track c) {
            <mat-option [value]="c">{{ c | label: 'outcomeCategory' }}</mat-option>
          }
        </mat-select>
        <mat-error data-testid="outcome-category-error">{{ form.controls.category | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('oc.detailCode') }}</mat-label>
        <mat-select formControlName="detailCode" data-testid="outcome-detail-code">
          @for (d of detailCodes(); track d) {
            <mat-option [value]="d">{{ d | label: 'outcomeDetail' }}</mat-option>
          }
        </mat-select>
        @if (!category()) {
          <mat-hint>{{ i18n.t('oc.chooseCategoryFirst') }}</mat-hint>
        } @else if (detailCodes().length === 0) {
          <mat-hint>{{ i18n.t('oc.detailCodeNone') }}</mat-hint>
        }
        <mat-error data-testid="outcome-detail-code-error">{{
          form.controls.detailCode | fieldError
        }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline" class="wide">
        <mat-label>{{ i18n.t('oc.detail') }}</mat-label>
        <input matInput formControlName="detail" maxlength="300" data-testid="outcome-detail" />
        <mat-error data-testid="outcome-detail-error">{{ form.controls.detail | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('oc.date') }}</mat-label>
        <input
          matInput
          formControlName="date"
          inputmode="numeric"
          autocomplete="off"
          data-testid="outcome-date"
        />
        <mat-error data-testid="outcome-date-error">{{ form.controls.date | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('oc.supportBefore') }}</mat-label>
        <mat-select formControlName="supportBefore" data-testid="outcome-support-before">
          <mat-option [value]="null">{{ i18n.t('oc.notKnown') }}</mat-option>
          @for (s of supports; track s) {
            <mat-option [value]="s">{{ s | label: 'supportKind' }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.supportBefore | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('oc.supportAfter') }}</mat-label>
        <mat-select formControlName="supportAfter" data-testid="outcome-support-after">
          <mat-option [value]="null">{{ i18n.t('oc.notKnown') }}</mat-option>
          @for (s of supports; track s) {
            <mat-option [value]="s">{{ s | label: 'supportKind' }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.supportAfter | fieldError }}</mat-error>
      </mat-form-field>
      <div class="buttons">
        <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="outcome-save">
          {{ i18n.t('form.save') }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()" data-testid="outcome-cancel">
          {{ i18n.t('form.cancel') }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .outcome-form {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: 4px 16px;
      background: white;
      padding: 12px 16px;
      border-radius: 8px;
      border: 1px solid #d5d8de;
    }
    h2,
    h3,
    .info,
    .error-banner,
    .buttons,
    .wide {
      grid-column: 1 / -1;
    }
    h2,
    h3 {
      margin: 0 0 8px;
      font-size: 1.05rem;
    }
    .info {
      margin: 0 0 8px;
      padding: 8px 12px;
      background: #fff4d6;
      border-radius: 4px;
    }
    .buttons {
      display: flex;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomeForm implements OnInit {
  readonly enrolment = input.required<EnrolmentResponse>();
  /** The stored outcome, or null for a first one. */
  readonly current = input<OutcomeResponse | null>(null);
  /** Move focus to the heading when the form opens by itself (after completing an enrolment). */
  readonly focusOnOpen = input(false);
  /** Its heading's level where it stands: 3 under an enrolment's heading, 2 directly on a tab. */
  readonly headingLevel = input<2 | 3>(3);
  readonly saved = output<OutcomeResponse>();
  readonly cancelled = output<void>();

  protected readonly i18n = inject(I18n);
  private readonly api = inject(OutcomeApi);
  protected readonly submit = formSubmit();
  protected readonly categories = OUTCOME_CATEGORIES;
  protected readonly supports = SUPPORT_KINDS;
  private static nextId = 0;
  protected readonly headingId = `outcome-form-${OutcomeForm.nextId++}`;
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  protected readonly form = inject(FormBuilder).group({
    category: [null as OutcomeCategory | null, Validators.required],
    detailCode: [null as OutcomeDetailCode | null],
    detail: ['', Validators.maxLength(300)],
    date: ['', [Validators.required, isoDate]],
    supportBefore: [null as SupportKind | null],
    supportAfter: [null as SupportKind | null],
  });
  protected readonly category = signal<OutcomeCategory | null>(null);
  protected readonly detailCodes = computed<readonly OutcomeDetailCode[]>(() => {
    const c = this.category();
    return c ? DETAIL_CODES_OF_CATEGORY[c] : [];
  });
  /** A stored outcome whose category has codes but which has none: the reports print it as "okodad". */
  protected readonly uncoded = computed(() => {
    const o = this.current();
    return !!o && o.detailCode === null && DETAIL_CODES_OF_CATEGORY[o.category].length > 0;
  });

  ngOnInit(): void {
    const o = this.current();
    const e = this.enrolment();
    this.form.setValue({
      category: o?.category ?? null,
      detailCode: o?.detailCode ?? null,
      detail: o?.detail ?? '',
      date: o?.date ?? e.endDate ?? stockholmToday(),
      supportBefore: o?.supportBefore ?? null,
      supportAfter: o?.supportAfter ?? null,
    });
    this.categoryChanged(o?.category ?? null);
    // An uncoded outcome is opened to be coded: show at once what is missing.
    if (this.uncoded()) this.form.controls.detailCode.markAsTouched();
    if (this.focusOnOpen()) setTimeout(() => this.heading()?.nativeElement.focus());
  }

  /** Only the chosen category's codes are offered; a code is required where the category has any. */
  protected categoryChanged(c: OutcomeCategory | null): void {
    this.category.set(c);
    const codes: readonly string[] = c ? DETAIL_CODES_OF_CATEGORY[c] : [];
    const control = this.form.controls.detailCode;
    if (control.value && !codes.includes(control.value)) control.setValue(null);
    control.setValidators(codes.length ? Validators.required : null);
    if (codes.length) control.enable();
    else control.disable();
    control.updateValueAndValidity();
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const o = this.current();
    const answer = await this.submit.run(
      this.form,
      () =>
        this.api.setOutcome(this.enrolment().id, {
          category: v.category!,
          detailCode: v.detailCode ?? null,
          detail: v.detail?.trim() ?? '',
          date: v.date ?? '',
          supportBefore: v.supportBefore ?? null,
          supportAfter: v.supportAfter ?? null,
          // Not on this form, but the api replaces the whole outcome: keep what is stored.
          employmentBefore: o?.employmentBefore ?? '',
          employmentAfter: o?.employmentAfter ?? '',
        }),
      { done: this.i18n.t('oc.saved') },
    );
    if (answer.ok) this.saved.emit(answer.value);
  }
}
