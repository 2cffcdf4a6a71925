import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormBuilder,
  FormGroupDirective,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  type ConsentResponse,
  isIsoDate,
  type OrganisationResponse,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { StockholmTimePipe, stockholmToday } from '../../../core/time/stockholm-time';
import { ConfirmDialog } from '../../../shared/confirm-dialog';
import { FieldErrorPipe } from '../../../shared/form/field-error';
import { formSubmit } from '../../../shared/form/form-submit';
import { ListState, rowsOf } from '../../../shared/list/list-state';
import { Outcome } from '../../../shared/outcome';
import { ProgrammesApi } from '../../programmes/programmes-api';
import { ParticipantsApi } from '../participants-api';
import { RecordApi } from '../record/record-api';
import { ShareDialog, type ShareDialogData } from '../record/share-dialog';

function isoDate(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || isIsoDate(control.value) ? null : { isoDate: true };
}

/**
 * Consents per purpose. A withdrawal is kept with its time, never deleted; renewing records a new consent for the
 * same purpose (and partner) with the date she gave it again. A date after today is refused by the api at the
 * date field: a consent counts only from when she gave it.
 */
@Component({
  selector: 'sv-consents-tab',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    LabelPipe,
    StockholmTimePipe,
    FieldErrorPipe,
    ListState,
  ],
  template: `
    <sv-list-state
      [loading]="consents.isLoading()"
      [error]="consents.error()"
      [count]="rows().length"
      [emptyText]="i18n.t('p.noConsents')"
      emptyIcon="verified_user"
      (retry)="consents.reload()"
    >
      <table class="data" data-testid="consent-table">
        <caption class="visually-hidden">
          {{
            i18n.t('pr.consentsCaption')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ i18n.t('p.consentPurpose') }}</th>
            <th scope="col">{{ i18n.t('pr.consentOrganisation') }}</th>
            <th scope="col">{{ i18n.t('p.consentScope') }}</th>
            <th scope="col">{{ i18n.t('p.consentGiven') }}</th>
            <th scope="col">{{ i18n.t('pr.consentStatus') }}</th>
            @if (mayWrite) {
              <th scope="col">
                <span class="visually-hidden">{{ i18n.t('pr.consentStatus') }}</span>
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (c of rows(); track c.id) {
            <tr data-testid="consent-row">
              <td>{{ c.purpose | label: 'consentPurpose' }}</td>
              <td>{{ organisationName(c.organisationId) }}</td>
              <td>{{ c.scope || '–' }}</td>
              <td class="nowrap">{{ c.givenOn }}</td>
              <td data-testid="consent-status">
                @if (c.withdrawnAt) {
                  <span class="withdrawn nowrap"
                    >{{ i18n.t('p.withdrawn') }} {{ c.withdrawnAt | stockholmTime: 'date' }}</span
                  >
                } @else {
                  {{ i18n.t('pr.consentActive') }}
                }
              </td>
              @if (mayWrite) {
                <td class="row-actions">
                  @if (c.withdrawnAt) {
                    <button mat-button type="button" (click)="renew(c)" data-testid="consent-renew">
                      {{ i18n.t('pr.consentRenew') }}
                    </button>
                  } @else {
                    @if (mayShare && c.purpose === 'share_with_partner' && c.organisationId) {
                      <button mat-button type="button" (click)="share(c)" data-testid="consent-share">
                        {{ i18n.t('pr.share') }}
                      </button>
                    }
                    <button mat-button type="button" (click)="withdraw(c)" data-testid="consent-withdraw">
                      {{ i18n.t('pr.consentWithdraw') }}
                    </button>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </sv-list-state>

    @if (mayWrite) {
      <h2 class="sub" #formTitle tabindex="-1">
        {{ renewOf() ? i18n.t('pr.consentRenewTitle') : i18n.t('pr.consentNew') }}
      </h2>
      @if (submit.banner()) {
        <p class="error-banner" role="alert" data-testid="consent-form-error">{{ submit.banner() }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" class="form-grid" novalidate data-testid="consent-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.consentPurpose') }}</mat-label>
          <mat-select formControlName="purpose" required data-testid="consent-purpose">
            @for (p of purposes; track p) {
              <mat-option [value]="p">{{ p | label: 'consentPurpose' }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.purpose | fieldError }}</mat-error>
        </mat-form-field>
        @if (form.controls.purpose.value === 'share_with_partner') {
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('pr.consentOrganisation') }}</mat-label>
            <mat-select formControlName="organisationId" required data-testid="consent-organisation">
              @for (o of organisations.value() ?? []; track o.id) {
                <mat-option [value]="o.id">{{ o.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.organisationId | fieldError }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('pr.consentGivenOn') }}</mat-label>
          <input matInput formControlName="givenOn" required autocomplete="off" data-testid="consent-date" />
          <mat-error data-testid="consent-date-error">{{ form.controls.givenOn | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('pr.consentScope') }}</mat-label>
          <input matInput formControlName="scope" data-testid="consent-scope" />
          <mat-error>{{ form.controls.scope | fieldError }}</mat-error>
        </mat-form-field>
        <div class="full">
          <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="consent-save">
            {{ i18n.t('pr.consentSave') }}
          </button>
        </div>
      </form>
    } @else {
      <p class="muted">{{ i18n.t('pr.consentNoWrite') }}</p>
    }
  `,
  styleUrl: './tab.scss',
  styles: `
    .sub {
      font-size: 1.1rem;
      margin: 24px 0 8px;
    }
    form {
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
    .row-actions {
      text-align: right;
    }
    .nowrap {
      white-space: nowrap;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentsTab {
  readonly participantId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly participants = inject(ParticipantsApi);
  private readonly api = inject(RecordApi);
  private readonly programmes = inject(ProgrammesApi);
  private readonly outcome = inject(Outcome);
  private readonly confirm = inject(ConfirmDialog);
  private readonly dialog = inject(MatDialog);
  private readonly auth = inject(AuthStore);
  protected readonly mayWrite = this.auth.can('consent.write');
  /** Sharing names her to a partner: a participant write, and only under a consent in force for that partner. */
  protected readonly mayShare = this.auth.can('participant.write');
  protected readonly submit = formSubmit();
  protected readonly purposes = CONSENT_PURPOSES;
  private readonly formTitle = viewChild<ElementRef<HTMLElement>>('formTitle');
  // Resetting through the directive also clears its `submitted`, or the emptied purpose shows as an error.
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly consents = rxResource({
    params: () => ({ id: this.participantId() }),
    stream: ({ params }) => this.participants.consents(params.id),
  });
  protected readonly rows = rowsOf(this.consents);
  protected readonly organisations = rxResource<OrganisationResponse[], true>({
    params: () => true,
    stream: () => this.programmes.organisations(),
  });
  protected readonly form = inject(FormBuilder).nonNullable.group({
    purpose: ['' as ConsentPurpose | '', Validators.required],
    organisationId: [''],
    givenOn: [stockholmToday(), [Validators.required, isoDate]],
    scope: ['', Validators.maxLength(500)],
  });
  /** The withdrawn consent being renewed, for the form's heading. */
  protected readonly renewOf = signal<ConsentResponse | null>(null);

  protected organisationName(id: string | null): string {
    if (!id) return '–';
    return (this.organisations.value() ?? []).find((o) => o.id === id)?.name ?? '–';
  }

  /** Fills the form with the withdrawn consent's purpose and partner and today's date, to be saved as new. */
  protected renew(c: ConsentResponse): void {
    this.renewOf.set(c);
    this.form.reset({
      purpose: c.purpose,
      organisationId: c.organisationId ?? '',
      givenOn: stockholmToday(),
      scope: c.scope,
    });
    this.form.markAsDirty();
    this.formTitle()?.nativeElement.focus();
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    if (v.purpose === '') {
      this.form.markAllAsTouched();
      return;
    }
    const purpose = v.purpose;
    const r = await this.submit.run(
      this.form,
      () =>
        this.api.addConsent(this.participantId(), {
          purpose,
          givenOn: v.givenOn.trim(),
          scope: v.scope.trim(),
          organisationId: purpose === 'share_with_partner' ? v.organisationId || null : null,
        }),
      { done: this.i18n.t('pr.consentSaved') },
    );
    if (!r.ok) return;
    this.renewOf.set(null);
    const blank = { purpose: '' as const, organisationId: '', givenOn: stockholmToday(), scope: '' };
    const directive = this.formDirective();
    if (directive) directive.resetForm(blank);
    else this.form.reset(blank);
    this.consents.reload();
  }

  protected share(c: ConsentResponse): void {
    this.dialog.open<ShareDialog, ShareDialogData, boolean>(ShareDialog, {
      data: {
        participantId: this.participantId(),
        organisationId: c.organisationId!,
        organisationName: this.organisationName(c.organisationId),
      },
      autoFocus: 'first-tabbable',
      maxWidth: '560px',
    });
  }

  protected async withdraw(c: ConsentResponse): Promise<void> {
    const sure = await this.confirm.ask({
      title: this.i18n.t('pr.consentWithdrawTitle'),
      message: this.i18n.t('pr.consentWithdrawBody'),
      confirm: this.i18n.t('pr.consentWithdraw'),
      cancel: this.i18n.t('form.cancel'),
    });
    if (!sure) return;
    try {
      await firstValueFrom(this.participants.withdrawConsent(c.id));
      this.outcome.done(this.i18n.t('pr.consentWithdrawn'));
      this.consents.reload();
    } catch (err) {
      this.outcome.failed(err);
    }
  }
}
