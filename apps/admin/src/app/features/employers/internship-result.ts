import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { INTERNSHIP_RESULTS, type InternshipResponse, type InternshipResult } from '@stegvis/contracts';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { EmployersApi } from './employers-api';

/**
 * Records an internship's result (completed, extended, an offer of work, broken off), with a new end date when it
 * was extended. Used on the group's internship tab and on the employer's page, so both record it the same way.
 */
@Component({
  selector: 'sv-internship-result',
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
    @if (submit.banner()) {
      <p class="error-banner" role="alert" data-testid="result-banner">{{ submit.banner() }}</p>
    }
    <form
      [formGroup]="form"
      (ngSubmit)="save()"
      class="result-form"
      novalidate
      [attr.aria-label]="i18n.t('emp.in.resultFor') + ' ' + name()"
      data-testid="result-form"
    >
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('in.result') }}</mat-label>
        <mat-select formControlName="result" data-testid="result-select">
          @for (r of results; track r) {
            <mat-option [value]="r">{{ r | label: 'internshipResult' }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.result | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('emp.in.newEnd') }}</mat-label>
        <input matInput formControlName="endDate" data-testid="result-end" />
        <mat-hint>{{ i18n.t('emp.in.extendHint') }}</mat-hint>
        <mat-error data-testid="result-end-error">{{ form.controls.endDate | fieldError }}</mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="result-save">
        {{ i18n.t('emp.in.saveResult') }}
      </button>
    </form>
  `,
  styles: `
    .result-form {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: flex-start;
    }
    .result-form button {
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InternshipResultForm {
  readonly internship = input.required<InternshipResponse>();
  /** Whom the internship is for, as the list shows her: the form's accessible name. */
  readonly name = input('');
  readonly saved = output<InternshipResponse>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(EmployersApi);
  protected readonly submit = formSubmit();
  protected readonly results = INTERNSHIP_RESULTS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    result: ['ongoing' as InternshipResult, Validators.required],
    endDate: ['', [Validators.required, Validators.pattern(/^\d{4}-\d{2}-\d{2}$/)]],
  });

  constructor() {
    effect(() => {
      const i = this.internship();
      this.form.reset({ result: i.result, endDate: i.endDate });
    });
  }

  protected async save(): Promise<void> {
    const i = this.internship();
    const v = this.form.getRawValue();
    const res = await this.submit.run(
      this.form,
      () =>
        this.api.updateInternship(i.id, {
          version: i.version,
          result: v.result,
          ...(v.endDate !== i.endDate ? { endDate: v.endDate } : {}),
        }),
      { done: this.i18n.t('emp.in.resultSaved') },
    );
    if (res.ok) this.saved.emit(res.value);
  }
}
