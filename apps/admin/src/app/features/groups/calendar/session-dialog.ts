import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { SESSION_KINDS, type SessionKind, type SessionResponse } from '@stegvis/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { FieldErrorPipe } from '../../../shared/form/field-error';
import { formSubmit } from '../../../shared/form/form-submit';
import { GroupsApi } from '../groups-api';
import { shortDay } from '../week.util';

/** What the dialog does: add a session to the group, or move or cancel one. Each asks why. */
export type SessionDialogData =
  { mode: 'add'; groupId: string; date: string } | { mode: 'move' | 'cancel'; session: SessionResponse };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * One form for the three changes to a calendar. It sends the write itself, so a refusal (an end before the start,
 * a missing reason) is shown at its field and what was typed stays; it closes with the saved session.
 * Dates and times are the group's own, in Swedish time, as the api stores a session's day and clock time.
 */
@Component({
  selector: 'sv-session-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    LabelPipe,
    FieldErrorPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ title() }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="session-form">
      <mat-dialog-content class="fields">
        @if (submit.banner()) {
          <p class="error-banner" role="alert" data-testid="session-banner">{{ submit.banner() }}</p>
        }
        @if (data.mode === 'add') {
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('cal.kind') }}</mat-label>
            <mat-select formControlName="kind" data-testid="session-kind">
              @for (k of kinds; track k) {
                <mat-option [value]="k">{{ k | label: 'sessionKind' }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.kind | fieldError }}</mat-error>
          </mat-form-field>
        }
        @if (data.mode !== 'cancel') {
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('cal.date') }}</mat-label>
            <input matInput formControlName="date" inputmode="numeric" data-testid="session-date" />
            <mat-error data-testid="session-date-error">{{ form.controls.date | fieldError }}</mat-error>
          </mat-form-field>
          <div class="times">
            <mat-form-field appearance="outline">
              <mat-label>{{ i18n.t('cal.start') }}</mat-label>
              <input matInput formControlName="startTime" inputmode="numeric" data-testid="session-start" />
              <mat-hint>{{ i18n.t('cal.timeHint') }}</mat-hint>
              <mat-error>{{ form.controls.startTime | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ i18n.t('cal.end') }}</mat-label>
              <input matInput formControlName="endTime" inputmode="numeric" data-testid="session-end" />
              <mat-hint>{{ i18n.t('cal.timeHint') }}</mat-hint>
              <mat-error data-testid="session-end-error">{{ form.controls.endTime | fieldError }}</mat-error>
            </mat-form-field>
          </div>
        }
        @if (data.mode === 'add') {
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('cal.theme') }}</mat-label>
            <input matInput formControlName="theme" data-testid="session-theme" />
            <mat-hint>{{ i18n.t('cal.themeHint') }}</mat-hint>
            <mat-error>{{ form.controls.theme | fieldError }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ reasonLabel() }}</mat-label>
          <textarea matInput formControlName="note" rows="2" data-testid="session-reason"></textarea>
          <mat-hint>{{ i18n.t('cal.reasonHint') }}</mat-hint>
          <mat-error data-testid="session-reason-error">{{ form.controls.note | fieldError }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="session-close">
          {{ i18n.t('cal.close') }}
        </button>
        <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="session-save">
          {{ saveLabel() }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(440px, 80vw);
    }
    .times {
      display: flex;
      gap: 12px;
    }
    .times mat-form-field {
      flex: 1;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionDialog {
  protected readonly data = inject<SessionDialogData>(MAT_DIALOG_DATA);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(GroupsApi);
  private readonly ref = inject<MatDialogRef<SessionDialog, SessionResponse>>(MatDialogRef);
  protected readonly submit = formSubmit();
  protected readonly kinds = SESSION_KINDS;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    kind: ['study_visit' as SessionKind, Validators.required],
    date: [
      this.data.mode === 'add' ? this.data.date : this.data.session.date,
      [Validators.required, Validators.pattern(ISO_DATE)],
    ],
    startTime: [
      this.data.mode === 'add' ? '09:00' : this.data.session.startTime,
      [Validators.required, Validators.pattern(TIME)],
    ],
    endTime: [
      this.data.mode === 'add' ? '12:00' : this.data.session.endTime,
      [Validators.required, Validators.pattern(TIME)],
    ],
    theme: ['', this.data.mode === 'add' ? [Validators.required, Validators.maxLength(200)] : []],
    note: ['', [Validators.required, Validators.maxLength(500)]],
  });

  protected readonly title = computed(() => {
    const d = this.data;
    if (d.mode === 'add') return this.i18n.t('cal.addTitle');
    const key = d.mode === 'move' ? 'cal.moveTitle' : 'cal.cancelTitle';
    return this.i18n.t(key).replace('{day}', shortDay(d.session.date));
  });
  protected readonly reasonLabel = computed(() =>
    this.i18n.t(
      this.data.mode === 'add'
        ? 'cal.reasonAdd'
        : this.data.mode === 'move'
          ? 'cal.reasonMove'
          : 'cal.reasonCancel',
    ),
  );
  protected readonly saveLabel = computed(() =>
    this.i18n.t(
      this.data.mode === 'add'
        ? 'cal.saveAdd'
        : this.data.mode === 'move'
          ? 'cal.saveMove'
          : 'cal.saveCancel',
    ),
  );

  protected async save(): Promise<void> {
    const d = this.data;
    const v = this.form.getRawValue();
    const note = v.note.trim();
    if (!note) this.form.controls.note.setValue('');
    const res =
      d.mode === 'add'
        ? await this.submit.run(
            this.form,
            () =>
              this.api.createSession(d.groupId, {
                kind: v.kind,
                date: v.date,
                startTime: v.startTime,
                endTime: v.endTime,
                theme: v.theme.trim(),
                note,
              }),
            { done: this.i18n.t('cal.added') },
          )
        : d.mode === 'move'
          ? await this.submit.run(
              this.form,
              () =>
                this.api.updateSession(d.session.id, {
                  version: d.session.version,
                  date: v.date,
                  startTime: v.startTime,
                  endTime: v.endTime,
                  note,
                }),
              { done: this.i18n.t('cal.moved') },
            )
          : await this.submit.run(
              this.form,
              () =>
                this.api.updateSession(d.session.id, {
                  version: d.session.version,
                  status: 'cancelled',
                  note,
                }),
              { done: this.i18n.t('cal.cancelled') },
            );
    if (res.ok) this.ref.close(res.value);
  }
}
