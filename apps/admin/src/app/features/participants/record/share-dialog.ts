import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { I18n } from '../../../core/i18n/i18n';
import { FieldErrorPipe } from '../../../shared/form/field-error';
import { formSubmit } from '../../../shared/form/form-submit';
import { RecordApi } from './record-api';

export interface ShareDialogData {
  participantId: string;
  organisationId: string;
  organisationName: string;
}

/**
 * Sharing the referral facts with the partner a consent names. The dialog sends the share itself so that a refusal
 * (the consent was withdrawn meanwhile: 422) shows inside it and the typed purpose stays. Closes with true once
 * the api has recorded the share.
 */
@Component({
  selector: 'sv-share-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    FieldErrorPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <form [formGroup]="form" (ngSubmit)="share()" novalidate data-testid="share-form">
      <mat-dialog-content>
        <p data-testid="share-what">{{ i18n.t('pr.shareWhat') }}</p>
        <p class="muted">{{ i18n.t('pr.shareLogged') }}</p>
        @if (submit.banner()) {
          <p class="error-banner" role="alert" data-testid="share-error">{{ submit.banner() }}</p>
        }
        <mat-form-field appearance="outline" class="purpose">
          <mat-label>{{ i18n.t('pr.sharePurpose') }}</mat-label>
          <textarea
            matInput
            formControlName="purpose"
            required
            rows="3"
            data-testid="share-purpose"
          ></textarea>
          <mat-hint>{{ i18n.t('pr.sharePurposeHint') }}</mat-hint>
          <mat-error>{{ form.controls.purpose | fieldError }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close(false)" data-testid="share-cancel">
          {{ i18n.t('form.cancel') }}
        </button>
        <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="share-ok">
          {{ i18n.t('pr.shareConfirm') }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .purpose {
      width: 100%;
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShareDialog {
  protected readonly i18n = inject(I18n);
  protected readonly ref = inject<MatDialogRef<ShareDialog, boolean>>(MatDialogRef);
  private readonly data = inject<ShareDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(RecordApi);
  protected readonly submit = formSubmit();
  protected readonly title = this.i18n
    .t('pr.shareTitle')
    .replace('{organisation}', this.data.organisationName);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    purpose: ['', [Validators.required, Validators.maxLength(500)]],
  });

  protected async share(): Promise<void> {
    this.form.controls.purpose.setValue(this.form.controls.purpose.value.trim());
    const r = await this.submit.run(
      this.form,
      () =>
        this.api.share(this.data.participantId, {
          organisationId: this.data.organisationId,
          purpose: this.form.controls.purpose.value,
        }),
      {
        done: this.i18n.t('pr.shared').replace('{organisation}', this.data.organisationName),
      },
    );
    if (r.ok) this.ref.close(true);
  }
}
