import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  REFERRAL_REASON_REQUIRED,
  type ReferralResponse,
  type ReferralStatus,
  type ReferralStatusChange,
  referralStatusChanges,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { asProblem } from '../../core/errors/problem-form';
import { I18n, type TextKey } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { StockholmTimePipe } from '../../core/time/stockholm-time';
import { DetailPage } from '../../shared/detail/detail-page';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/form/unsaved-changes';
import { Outcome } from '../../shared/outcome';
import { ReferralFlags } from './referral-flags';
import { ReferralsApi } from './referrals-api';

/** What a change is called on its button, and what is said once it is saved. */
const DO: Record<ReferralStatusChange, TextKey> = {
  received: 'rf.do.received',
  screened: 'rf.do.screened',
  wait_listed: 'rf.do.wait_listed',
  withdrawn: 'rf.do.withdrawn',
};
const DONE: Record<ReferralStatusChange, TextKey> = {
  received: 'rf.done.received',
  screened: 'rf.done.screened',
  wait_listed: 'rf.done.wait_listed',
  withdrawn: 'rf.done.withdrawn',
};

/**
 * One referral: its facts, the criteria flags, a known participant (only when the api says the reader may see
 * her), the changes a person makes outside a meeting (the buttons are REFERRAL_TRANSITIONS' through
 * `referralStatusChanges`, the same table the api enforces), and its full history in Stockholm time.
 */
@Component({
  selector: 'sv-referral-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    DetailPage,
    LabelPipe,
    StockholmTimePipe,
    FieldErrorPipe,
    ReferralFlags,
  ],
  template: `
    <sv-detail-page
      [title]="referral()?.candidateName ?? ''"
      [loading]="loading()"
      [error]="error()"
      backLink="/remisser"
      [backLabel]="i18n.t('rf.back')"
      (retry)="load()"
    >
      @if (referral(); as r) {
        <div svDetailLead>
          <dl class="facts" data-testid="rf-facts">
            <div>
              <dt>{{ i18n.t('rf.status') }}</dt>
              <dd data-testid="rf-status">{{ r.status | label: 'referralStatus' }}</dd>
            </div>
            <div>
              <dt>{{ i18n.t('rf.priority') }}</dt>
              <dd data-testid="rf-priority-fact">
                @if (r.priority === 'high') {
                  <span class="urgent"><mat-icon aria-hidden="true">priority_high</mat-icon></span>
                }
                <span data-testid="rf-priority-label">{{ r.priority | label: 'priority' }}</span>
              </dd>
            </div>
            <div>
              <dt>{{ i18n.t('rf.organisation') }}</dt>
              <dd>{{ r.organisationName }}</dd>
            </div>
            <div>
              <dt>{{ i18n.t('rf.referrer') }}</dt>
              <dd>{{ r.referrerName }}</dd>
            </div>
            <div>
              <dt>{{ i18n.t('rf.received') }}</dt>
              <dd>{{ r.receivedAt | stockholmTime }}</dd>
            </div>
            <div>
              <dt>{{ i18n.t('rf.wishedStartShort') }}</dt>
              <dd>{{ r.wishedStart ?? '–' }}</dd>
            </div>
            <div>
              <dt>{{ i18n.t('rf.level') }}</dt>
              <dd>{{ r.swedishLevel ? (r.swedishLevel | label: 'swedishLevel') : i18n.t('rf.unknown') }}</dd>
            </div>
            <div>
              <dt>{{ i18n.t('rf.languagesShort') }}</dt>
              <dd>{{ r.languages.length ? r.languages.join(', ') : '–' }}</dd>
            </div>
          </dl>
          <div class="card">
            <h2>{{ i18n.t('rf.reason') }}</h2>
            <p class="reason" data-testid="rf-reason-text">{{ r.reason }}</p>
          </div>
          @if (r.existingParticipantId) {
            <p class="info-banner" role="note" data-testid="rf-known">
              {{ i18n.t('rf.known') }}
              <a [routerLink]="['/deltagare', r.existingParticipantId]">{{ i18n.t('rf.openParticipant') }}</a>
            </p>
          }
          <div class="card">
            <h2>{{ i18n.t('rf.criteria') }}</h2>
            <sv-referral-flags [flags]="r.screening" [long]="true" />
            <p class="muted">{{ i18n.t('rf.criteriaNote') }}</p>
          </div>
          @if (canUpdate()) {
            <div class="card" data-testid="rf-actions">
              <h2>{{ i18n.t('rf.actions') }}</h2>
              @if (changes().length) {
                <div class="buttons">
                  @for (s of changes(); track s) {
                    <button
                      mat-stroked-button
                      type="button"
                      [attr.data-testid]="'rf-do-' + s"
                      [attr.aria-pressed]="chosen() === s"
                      (click)="choose(s)"
                    >
                      {{ doText(r.status, s) }}
                    </button>
                  }
                </div>
              } @else {
                <p class="muted">{{ i18n.t('rf.noActions') }}</p>
              }
              @if (submit.banner()) {
                <p class="error-banner" role="alert" data-testid="rf-change-error">{{ submit.banner() }}</p>
              }
              @if (chosen(); as s) {
                <form [formGroup]="form" (ngSubmit)="save(r, s)" class="change" novalidate>
                  <mat-form-field appearance="outline" class="reason-field">
                    <mat-label>{{ reasonLabel(r.status, s) }}</mat-label>
                    <textarea
                      matInput
                      formControlName="reason"
                      rows="2"
                      [required]="reasonRequired(s)"
                      data-testid="rf-change-reason"
                    ></textarea>
                    <mat-error data-testid="rf-change-reason-error">{{
                      form.controls.reason | fieldError: { required: 'rf.whyRequired' }
                    }}</mat-error>
                  </mat-form-field>
                  <div class="buttons">
                    <button
                      mat-flat-button
                      type="submit"
                      data-testid="rf-change-save"
                      [disabled]="submit.saving()"
                    >
                      {{ doText(r.status, s) }}
                    </button>
                    <button mat-button type="button" (click)="cancel()">{{ i18n.t('rf.cancel') }}</button>
                  </div>
                </form>
              }
              @if (r.status === 'screened' || r.status === 'on_agenda' || r.status === 'wait_listed') {
                <p class="muted">{{ i18n.t('rf.meetingOnly') }}</p>
              }
            </div>
          }
          <div class="card">
            <h2>{{ i18n.t('rf.history') }}</h2>
            <table class="data" data-testid="rf-history">
              <thead>
                <tr>
                  <th scope="col">{{ i18n.t('rf.h.at') }}</th>
                  <th scope="col">{{ i18n.t('rf.h.by') }}</th>
                  <th scope="col">{{ i18n.t('rf.h.from') }}</th>
                  <th scope="col">{{ i18n.t('rf.h.to') }}</th>
                  <th scope="col">{{ i18n.t('rf.h.reason') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (h of r.history ?? []; track $index) {
                  <tr data-testid="rf-history-row">
                    <td>{{ h.at | stockholmTime }}</td>
                    <td>{{ h.by }}</td>
                    <td>{{ h.from ? (h.from | label: 'referralStatus') : i18n.t('rf.h.new') }}</td>
                    <td>{{ h.to | label: 'referralStatus' }}</td>
                    <td>
                      {{ h.reason }}
                      @if (h.meetingId) {
                        <a [routerLink]="['/remisser/moten', h.meetingId]">{{ i18n.t('rf.h.meeting') }}</a>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </div>
      }
    </sv-detail-page>
  `,
  styles: `
    /* The facts list itself is styles.scss's dl.facts; here a value may carry an icon (the urgent marker). */
    .facts dd {
      display: flex;
      align-items: center;
      gap: 2px;
    }
    .urgent {
      color: #8c1d18;
      display: inline-flex;
    }
    .card {
      background: white;
      padding: 12px 16px;
      border-radius: 8px;
      margin-bottom: 16px;
    }
    h2 {
      font-size: 1.1rem;
      font-weight: 500;
      margin: 0 0 8px;
    }
    .reason {
      white-space: pre-wrap;
      margin: 0;
    }
    .buttons {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin-bottom: 8px;
    }
    .change {
      margin-top: 8px;
    }
    .reason-field {
      width: 100%;
      max-width: 640px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralPage implements OnInit, HasUnsavedChanges {
  readonly id = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ReferralsApi);
  private readonly auth = inject(AuthStore);
  private readonly outcome = inject(Outcome);
  protected readonly submit = formSubmit();
  protected readonly referral = signal<ReferralResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(undefined);
  protected readonly chosen = signal<ReferralStatusChange | null>(null);
  protected readonly canUpdate = computed(() => this.auth.can('referral.update'));
  protected readonly changes = computed(() => {
    const r = this.referral();
    return r ? referralStatusChanges(r.status) : [];
  });
  protected readonly form = inject(FormBuilder).nonNullable.group({
    reason: ['', Validators.maxLength(1000)],
  });

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  ngOnInit(): void {
    void this.load();
  }

  hasUnsavedChanges(): boolean {
    return this.chosen() !== null && this.form.dirty;
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(undefined);
    try {
      this.referral.set(await firstValueFrom(this.api.get(this.id())));
    } catch (err) {
      this.error.set(err);
    } finally {
      this.loading.set(false);
    }
  }

  protected doText(from: ReferralStatus, to: ReferralStatusChange): string {
    // Back to screened from the wait list is taking it off the list; from received it is the screening itself.
    return this.i18n.t(to === 'screened' && from === 'wait_listed' ? 'rf.do.screenedAgain' : DO[to]);
  }

  protected reasonRequired(to: ReferralStatusChange): boolean {
    return REFERRAL_REASON_REQUIRED.includes(to);
  }

  protected reasonLabel(from: ReferralStatus, to: ReferralStatusChange): string {
    if (this.reasonRequired(to)) return this.i18n.t('rf.why');
    return this.i18n.t(to === 'screened' && from === 'received' ? 'rf.note' : 'rf.whyOptional');
  }

  protected choose(to: ReferralStatusChange): void {
    this.chosen.set(to);
    this.submit.banner.set('');
    const reason = this.form.controls.reason;
    reason.setValidators(
      this.reasonRequired(to)
        ? [Validators.required, Validators.maxLength(1000), blankIsEmpty]
        : [Validators.maxLength(1000)],
    );
    reason.updateValueAndValidity();
    reason.markAsUntouched();
  }

  protected cancel(): void {
    this.chosen.set(null);
    this.submit.banner.set('');
    this.form.reset({ reason: '' });
  }

  protected async save(r: ReferralResponse, to: ReferralStatusChange): Promise<void> {
    this.submit.banner.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submit.saving.set(true);
    try {
      const saved = await firstValueFrom(
        this.api.changeStatus(r.id, {
          status: to,
          reason: this.form.controls.reason.value.trim(),
          version: r.version,
        }),
      );
      this.outcome.done(this.i18n.t(DONE[to]));
      this.referral.set(saved);
      this.chosen.set(null);
      this.form.reset({ reason: '' });
    } catch (err) {
      if (asProblem(err, this.i18n.lang())?.status === 409) {
        // Someone else changed it first: show it as it now is; what was typed stays, the buttons follow anew.
        this.submit.banner.set(this.i18n.t('rf.conflict'));
        this.referral.set(await firstValueFrom(this.api.get(r.id)).catch(() => r));
        if (!this.changes().includes(to)) this.chosen.set(null);
      } else {
        this.submit.showFailure(this.form, err);
      }
    } finally {
      this.submit.saving.set(false);
    }
  }
}

/** A reason of spaces only is no reason (the api says the same). */
function blankIsEmpty(c: { value: string }): { required: true } | null {
  return c.value.trim() ? null : { required: true };
}
