import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ActionPlanStepResponse, EnrolmentResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { DownloadWithProgress } from '../../../shared/download-with-progress';
import { FieldErrorPipe } from '../../../shared/form/field-error';
import { formSubmit } from '../../../shared/form/form-submit';
import { ListState } from '../../../shared/list/list-state';
import { loadErrorText } from '../../../shared/load-error';
import { Outcome } from '../../../shared/outcome';
import { EnrolmentGroups } from './enrolment-groups';
import { isoDateValidator } from './iso-date';
import { WorkApi } from './work-api';

/**
 * The action plan of one enrolment: the steps agreed with her (what, who, by when), added, changed and marked
 * done here, and the PDF that prints them with what happened in the group.
 */
@Component({
  selector: 'sv-action-plan-tab',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    LabelPipe,
    FieldErrorPipe,
    ListState,
  ],
  providers: [EnrolmentGroups],
  template: `
    @if (enrolments().length === 0) {
      <p class="muted" data-testid="plan-no-enrolment">{{ i18n.t('pw.noEnrolments') }}</p>
    } @else {
      <div class="toolbar">
        <mat-form-field appearance="outline" class="enrolment">
          <mat-label>{{ i18n.t('pw.enrolment') }}</mat-label>
          <mat-select
            [value]="enrolmentId()"
            (selectionChange)="enrolmentId.set($event.value)"
            data-testid="plan-enrolment"
          >
            @for (e of latestFirst(); track e.id) {
              <mat-option [value]="e.id"
                >{{ groups.describe(e) }} · {{ e.status | label: 'enrolmentStatus' }}</mat-option
              >
            }
          </mat-select>
        </mat-form-field>
        <button
          mat-stroked-button
          type="button"
          (click)="downloadPdf()"
          [disabled]="download.state().key !== null"
          data-testid="plan-pdf"
        >
          {{ i18n.t('pw.downloadPlan') }}
        </button>
      </div>
      @if (download.state().key) {
        <p class="muted" role="status">{{ i18n.t('pw.downloading') }}</p>
      }
      @if (download.state().error) {
        <p class="error-banner" role="alert">{{ download.state().error }}</p>
      }
      <h2>{{ i18n.t('pw.steps') }}</h2>
      <sv-list-state
        [loading]="steps() === null && !loadError()"
        [error]="loadError()"
        [count]="steps()?.length ?? 0"
        [emptyText]="i18n.t('pw.noSteps')"
        emptyIcon="checklist"
        (retry)="load()"
      >
        <table class="data" data-testid="steps-table">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('pw.stepDone') }}</th>
              <th scope="col">{{ i18n.t('pw.stepDueCol') }}</th>
              <th scope="col">{{ i18n.t('pw.stepOwner') }}</th>
              <th scope="col">{{ i18n.t('pw.stepText') }}</th>
              <th scope="col">
                <span class="cdk-visually-hidden">{{ i18n.t('pw.edit') }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (s of steps() ?? []; track s.id; let i = $index) {
              <tr data-testid="step-row" [class.done]="s.done">
                <td>
                  <mat-checkbox
                    [checked]="s.done"
                    (change)="toggleDone(s)"
                    [aria-label]="(s.done ? i18n.t('pw.markNotDone') : i18n.t('pw.markDone')) + ': ' + s.text"
                    [attr.data-testid]="'step-done-' + i"
                  />
                </td>
                <td>{{ s.dueDate }}</td>
                <td>{{ s.owner }}</td>
                <td>{{ s.text }}</td>
                <td>
                  <button mat-button type="button" (click)="edit(s)" [attr.data-testid]="'step-edit-' + i">
                    {{ i18n.t('pw.edit') }}<span class="cdk-visually-hidden">: {{ s.text }}</span>
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </sv-list-state>
      <h3>{{ editing() ? i18n.t('pw.editStep') : i18n.t('pw.newStep') }}</h3>
      @if (submit.banner()) {
        <p class="error-banner" role="alert" data-testid="step-error">{{ submit.banner() }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" class="form-grid" novalidate data-testid="step-form">
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ i18n.t('pw.stepText') }}</mat-label>
          <input matInput formControlName="text" maxlength="500" data-testid="step-text" />
          <mat-error>{{ form.controls.text | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('pw.stepOwner') }}</mat-label>
          <input matInput formControlName="owner" maxlength="200" data-testid="step-owner" />
          <mat-hint>{{ i18n.t('pw.stepOwnerHint') }}</mat-hint>
          <mat-error>{{ form.controls.owner | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('pw.stepDue') }}</mat-label>
          <input matInput formControlName="dueDate" data-testid="step-due" />
          <mat-error data-testid="step-due-error">{{ form.controls.dueDate | fieldError }}</mat-error>
        </mat-form-field>
        <div class="full actions">
          <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="step-save">
            {{ i18n.t('pw.saveStep') }}
          </button>
          @if (editing()) {
            <button mat-button type="button" (click)="cancelEdit()">{{ i18n.t('pw.cancelEdit') }}</button>
          }
        </div>
      </form>
    }
  `,
  styleUrl: '../tabs/tab.scss',
  styles: `
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: baseline;
    }
    .enrolment {
      min-width: 440px;
    }
    h2 {
      font-size: 1.15rem;
      font-weight: 500;
      margin: 12px 0 8px;
    }
    h3 {
      font-size: 1rem;
      font-weight: 500;
      margin: 16px 0 8px;
    }
    form {
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
    tr.done td:nth-child(n + 2):nth-child(-n + 4) {
      color: #50555e;
      text-decoration: line-through;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionPlanTab {
  readonly participantId = input.required<string>();
  readonly enrolments = input.required<EnrolmentResponse[]>();
  protected readonly i18n = inject(I18n);
  private readonly work = inject(WorkApi);
  private readonly outcome = inject(Outcome);
  protected readonly groups = inject(EnrolmentGroups);
  protected readonly download = inject(DownloadWithProgress);
  /** Latest first: the plan being worked on is usually the current group's. */
  protected readonly latestFirst = computed(() =>
    [...this.enrolments()].sort((a, b) => b.startDate.localeCompare(a.startDate)),
  );
  protected readonly enrolmentId = signal<string | null>(null);
  protected readonly steps = signal<ActionPlanStepResponse[] | null>(null);
  protected readonly loadError = signal('');
  protected readonly editing = signal<ActionPlanStepResponse | null>(null);
  protected readonly submit = formSubmit();
  private readonly formDir = viewChild(FormGroupDirective);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    text: ['', [Validators.required, Validators.maxLength(500)]],
    owner: ['', [Validators.required, Validators.maxLength(200)]],
    dueDate: ['', [Validators.required, isoDateValidator]],
  });

  constructor() {
    effect(() => {
      const list = this.latestFirst();
      void this.groups.load(list);
      untracked(() => {
        if (!this.enrolmentId() || !list.some((e) => e.id === this.enrolmentId()))
          this.enrolmentId.set(list[0]?.id ?? null);
      });
    });
    effect(() => {
      const id = this.enrolmentId();
      untracked(() => {
        this.cancelEdit();
        if (id) void this.load();
      });
    });
  }

  protected async load(): Promise<void> {
    const id = this.enrolmentId();
    if (!id) return;
    this.steps.set(null);
    this.loadError.set('');
    try {
      const steps = await firstValueFrom(this.work.steps(id));
      if (id === this.enrolmentId()) this.steps.set(steps);
    } catch (err) {
      this.loadError.set(loadErrorText(err, this.i18n));
    }
  }

  protected edit(step: ActionPlanStepResponse): void {
    this.editing.set(step);
    this.form.setValue({ text: step.text, owner: step.owner, dueDate: step.dueDate });
    this.form.markAsPristine();
  }

  protected cancelEdit(): void {
    this.editing.set(null);
    // resetForm, not reset: the submitted state would otherwise mark the emptied fields as errors.
    const dir = this.formDir();
    if (dir) dir.resetForm();
    else this.form.reset();
    this.submit.banner.set('');
  }

  protected async save(): Promise<void> {
    const id = this.enrolmentId();
    if (!id) return;
    const v = this.form.getRawValue();
    const body = { text: v.text.trim(), owner: v.owner.trim(), dueDate: v.dueDate };
    const step = this.editing();
    const r = await this.submit.run(
      this.form,
      () =>
        step
          ? this.work.updateStep(step.id, { ...body, version: step.version })
          : this.work.addStep(id, body),
      { done: this.i18n.t(step ? 'pw.stepSaved' : 'pw.stepAdded') },
    );
    if (!r.ok) {
      // Someone else changed the step: show theirs, keep what was typed in the form.
      if (step && this.submit.banner() === this.i18n.t('form.conflict'))
        await this.reloadKeepingForm(step.id);
      return;
    }
    this.replace(r.value);
    this.cancelEdit();
  }

  protected async toggleDone(step: ActionPlanStepResponse): Promise<void> {
    try {
      const saved = await firstValueFrom(
        this.work.updateStep(step.id, { version: step.version, done: !step.done }),
      );
      this.replace(saved);
      this.outcome.done(this.i18n.t(saved.done ? 'pw.stepMarkedDone' : 'pw.stepMarkedNotDone'));
    } catch (err) {
      this.outcome.failed(err);
      await this.load();
    }
  }

  protected async downloadPdf(): Promise<void> {
    const id = this.enrolmentId();
    if (!id) return;
    await this.download.download('plan', this.work.actionPlanPdf(id), 'handlingsplan.pdf');
    if (!this.download.state().error) this.outcome.done(this.i18n.t('pw.downloaded'));
  }

  private replace(step: ActionPlanStepResponse): void {
    this.steps.update((list) =>
      [...(list ?? []).filter((s) => s.id !== step.id), step].sort((a, b) =>
        a.dueDate.localeCompare(b.dueDate),
      ),
    );
  }

  private async reloadKeepingForm(stepId: string): Promise<void> {
    await this.load();
    const fresh = this.steps()?.find((s) => s.id === stepId) ?? null;
    this.editing.set(fresh);
  }
}
