import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { I18n } from '../../../core/i18n/i18n';

export interface EraseDialogData {
  pseudonym: string;
}

/**
 * The confirmation before erasure, in three parts a case officer can check against the request: what is removed,
 * what stays (counted anonymously in reports), and that it cannot be undone. Resolves true only on "Radera för gott".
 */
@Component({
  selector: 'sv-erase-dialog',
  imports: [MatButtonModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose],
  template: `
    <h2 mat-dialog-title>{{ i18n.t('pr.eraseTitle') }}</h2>
    <mat-dialog-content data-testid="erase-consequences">
      <h3>{{ i18n.t('pr.eraseRemovedTitle') }}</h3>
      <p>{{ removed() }}</p>
      <h3>{{ i18n.t('pr.eraseKeptTitle') }}</h3>
      <p>{{ i18n.t('pr.eraseKept') }}</p>
      <p class="final">
        <strong>{{ i18n.t('pr.eraseFinal') }}</strong>
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" data-testid="confirm-cancel">
        {{ i18n.t('form.cancel') }}
      </button>
      <button mat-flat-button type="button" class="danger" [mat-dialog-close]="true" data-testid="confirm-ok">
        {{ i18n.t('pr.eraseConfirm') }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    h3 {
      font-size: 1rem;
      margin: 12px 0 4px;
    }
    p {
      margin: 0 0 8px;
    }
    .final {
      margin-top: 16px;
    }
    .danger {
      --mat-button-filled-container-color: #a4000f;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EraseDialog {
  protected readonly i18n = inject(I18n);
  private readonly data = inject<EraseDialogData>(MAT_DIALOG_DATA);
  protected readonly removed = () =>
    this.i18n.t('pr.eraseRemoved').replace('{pseudonym}', this.data.pseudonym);
}
