import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { I18n } from '../../core/i18n/i18n';

export interface OneTimePasswordData {
  name: string;
  password: string;
}

/** A one-time password, shown once: the api keeps only its hash, so closing the dialog is the last sight of it. */
@Component({
  selector: 'sv-one-time-password-dialog',
  imports: [MatButtonModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose],
  template: `
    <h2 mat-dialog-title>{{ i18n.t('users.otpTitle') }}</h2>
    <mat-dialog-content>
      <p>{{ intro }}</p>
      <p class="password">
        <code data-testid="one-time-password">{{ data.password }}</code>
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close data-testid="one-time-password-done">
        {{ i18n.t('users.otpDone') }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .password code {
      font-size: 1.3rem;
      letter-spacing: 0.05em;
      background: #f1f3f4;
      padding: 8px 12px;
      border-radius: 4px;
      user-select: all;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OneTimePasswordDialog {
  protected readonly i18n = inject(I18n);
  protected readonly data = inject<OneTimePasswordData>(MAT_DIALOG_DATA);
  protected readonly intro = this.i18n.t('users.otpIntro').replace('{name}', this.data.name);
}
