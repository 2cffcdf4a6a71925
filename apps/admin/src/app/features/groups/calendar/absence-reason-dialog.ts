import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatRadioModule } from '@angular/material/radio';
import { ABSENCE_REASONS, type AbsenceReason } from '@stegvis/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';

export interface AbsenceReasonData {
  /** Whose absence and which day, as the grid shows them: the dialog says whom it is about. */
  who: string;
  /** The reason already given, when the worker changes it; null asks afresh. */
  reason: AbsenceReason | null;
}

/**
 * Asks why an absence is excused. Nothing is chosen in advance: a default would be stored as a fact nobody gave.
 * Closes with the reason, or with nothing when the worker goes back (the cell then keeps what it had).
 */
@Component({
  selector: 'sv-absence-reason-dialog',
  imports: [
    MatButtonModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatRadioModule,
    LabelPipe,
  ],
  template: `
    <h2 mat-dialog-title id="absence-reason-title">{{ i18n.t('grid.reasonTitle') }}</h2>
    <mat-dialog-content>
      <p class="who">{{ data.who }}</p>
      <mat-radio-group
        class="reasons"
        aria-labelledby="absence-reason-title"
        [value]="chosen()"
        (change)="chosen.set($event.value)"
        data-testid="absence-reasons"
      >
        @for (r of reasons; track r) {
          <mat-radio-button [value]="r" [attr.data-testid]="'absence-reason-' + r">{{
            r | label: 'absenceReason'
          }}</mat-radio-button>
        }
      </mat-radio-group>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close data-testid="absence-reason-cancel">
        {{ i18n.t('cal.close') }}
      </button>
      <button
        mat-flat-button
        type="button"
        [disabled]="!chosen()"
        [mat-dialog-close]="chosen()"
        data-testid="absence-reason-ok"
      >
        {{ i18n.t('grid.reasonOk') }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .reasons {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .reasons mat-radio-button {
      min-height: 44px;
    }
    .who {
      margin-top: 0;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AbsenceReasonDialog {
  protected readonly data = inject<AbsenceReasonData>(MAT_DIALOG_DATA);
  protected readonly i18n = inject(I18n);
  protected readonly reasons = ABSENCE_REASONS;
  protected readonly chosen = signal<AbsenceReason | null>(this.data.reason);
}
