import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  type Gender,
  GENDERS,
  type OrganisationResponse,
  type Priority,
  PRIORITIES,
  type ProgrammeResponse,
  SWEDISH_LEVELS,
  type SwedishLevel,
} from '@stegvis/contracts';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/form/unsaved-changes';
import { ProgrammesApi } from '../programmes/programmes-api';
import { ReferralsApi } from './referrals-api';

/**
 * Registering a referral: the candidate, the referring organisation and case officer, the reason, the facts the
 * criteria are screened against, consent to share, and the priority. The organisations offered are those the api
 * lets the user refer from (an analysis member: their own, filled in); a programme is filled in only when the user
 * has exactly one. A personal number already known is told on the referral's page, and only to those who may see
 * the person.
 */
@Component({
  selector: 'sv-referral-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    LabelPipe,
    FieldErrorPipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('rf.newTitle') }}</h1>
      </header>
      @if (submit.banner()) {
        <p class="error-banner" role="alert" data-testid="rf-form-error">{{ submit.banner() }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <h2>{{ i18n.t('rf.section.referral') }}</h2>
        <div class="form-grid">
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.programme') }}</mat-label>
            <mat-select formControlName="programmeId" required data-testid="rf-programme">
              @for (p of programmes(); track p.id) {
                <mat-option [value]="p.id">{{ p.name }}</mat-option>
              }
            </mat-select>
            <mat-error data-testid="rf-programme-error">{{
              form.controls.programmeId | fieldError: { required: 'rf.programmeRequired' }
            }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.organisation') }}</mat-label>
            <mat-select formControlName="organisationId" required data-testid="rf-organisation">
              @for (o of organisations(); track o.id) {
                <mat-option [value]="o.id">{{ o.name }}</mat-option>
              }
            </mat-select>
            @if (organisations().length === 1) {
              <mat-hint>{{ i18n.t('rf.organisationOwn') }}</mat-hint>
            }
            <mat-error data-testid="rf-organisation-error">{{
              form.controls.organisationId | fieldError: { required: 'rf.organisationRequired' }
            }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.referrer') }}</mat-label>
            <input matInput formControlName="referrerName" required data-testid="rf-referrer" />
            <mat-error>{{ form.controls.referrerName | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.priority') }}</mat-label>
            <mat-select formControlName="priority" data-testid="rf-priority">
              @for (p of priorities; track p) {
                <mat-option [value]="p">{{ p | label: 'priority' }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline" class="full">
            <mat-label>{{ i18n.t('rf.reason') }}</mat-label>
            <textarea matInput formControlName="reason" rows="3" required data-testid="rf-reason"></textarea>
            <mat-error data-testid="rf-reason-error">{{ form.controls.reason | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.wishedStart') }}</mat-label>
            <input matInput formControlName="wishedStart" data-testid="rf-wished-start" />
            <mat-error>{{ form.controls.wishedStart | fieldError }}</mat-error>
          </mat-form-field>
        </div>

        <h2>{{ i18n.t('rf.section.candidate') }}</h2>
        <div class="form-grid">
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.firstName') }}</mat-label>
            <input matInput formControlName="firstName" required data-testid="rf-first" />
            <mat-error>{{ form.controls.firstName | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.lastName') }}</mat-label>
            <input matInput formControlName="lastName" required data-testid="rf-last" />
            <mat-error>{{ form.controls.lastName | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.personalNumber') }}</mat-label>
            <input matInput formControlName="personalNumber" autocomplete="off" data-testid="rf-pn" />
            <mat-hint>{{ i18n.t('rf.personalNumberHint') }}</mat-hint>
            <mat-error data-testid="rf-pn-error">{{ form.controls.personalNumber | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.gender') }}</mat-label>
            <mat-select formControlName="gender" data-testid="rf-gender">
              @for (g of genders; track g) {
                <mat-option [value]="g">{{ g | label: 'gender' }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.phone') }}</mat-label>
            <input matInput formControlName="phone" type="tel" data-testid="rf-phone" />
            <mat-error>{{ form.controls.phone | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.languages') }}</mat-label>
            <input matInput formControlName="languages" data-testid="rf-languages" />
            <mat-error>{{ form.controls.languages | fieldError }}</mat-error>
          </mat-form-field>
          <mat-checkbox formControlName="protectedIdentity" class="full" data-testid="rf-protected">{{
            i18n.t('rf.protected')
          }}</mat-checkbox>
        </div>

        <h2>{{ i18n.t('rf.section.facts') }}</h2>
        <div class="form-grid">
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.level') }}</mat-label>
            <mat-select formControlName="swedishLevel" data-testid="rf-level">
              <mat-option [value]="null">{{ i18n.t('rf.unknown') }}</mat-option>
              @for (l of levels; track l) {
                <mat-option [value]="l">{{ l | label: 'swedishLevel' }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.age') }}</mat-label>
            <input matInput formControlName="age" type="number" data-testid="rf-age" />
            <mat-error data-testid="rf-age-error">{{ form.controls.age | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.foreignBorn') }}</mat-label>
            <mat-select formControlName="foreignBorn" data-testid="rf-foreign-born">
              <mat-option [value]="null">{{ i18n.t('rf.unknown') }}</mat-option>
              <mat-option [value]="true">{{ i18n.t('rf.yes') }}</mat-option>
              <mat-option [value]="false">{{ i18n.t('rf.no') }}</mat-option>
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('rf.registeredAtAf') }}</mat-label>
            <mat-select formControlName="registeredAtAf" data-testid="rf-af">
              <mat-option [value]="null">{{ i18n.t('rf.unknown') }}</mat-option>
              <mat-option [value]="true">{{ i18n.t('rf.yes') }}</mat-option>
              <mat-option [value]="false">{{ i18n.t('rf.no') }}</mat-option>
            </mat-select>
          </mat-form-field>
          <div class="full consent">
            <mat-checkbox formControlName="consentToShare" data-testid="rf-consent">{{
              i18n.t('rf.consent')
            }}</mat-checkbox>
            @if (form.controls.consentToShare.touched && form.controls.consentToShare.invalid) {
              <p class="field-error" role="alert" data-testid="rf-consent-error">
                {{ form.controls.consentToShare | fieldError: { required: 'rf.consentRequired' } }}
              </p>
            }
          </div>
        </div>
        <div class="buttons">
          <button mat-flat-button type="submit" data-testid="rf-save" [disabled]="submit.saving()">
            {{ i18n.t('rf.register') }}
          </button>
          <a mat-button routerLink="/remisser">{{ i18n.t('form.cancel') }}</a>
        </div>
      </form>
    </section>
  `,
  styles: `
    form {
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
    h2 {
      font-size: 1.1rem;
      font-weight: 500;
      margin: 8px 0 12px;
    }
    .consent {
      margin-bottom: 12px;
    }
    .field-error {
      color: #b3261e;
      font-size: 0.85rem;
      margin: 4px 0 0;
    }
    .buttons {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralForm implements HasUnsavedChanges {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ReferralsApi);
  private readonly router = inject(Router);
  protected readonly submit = formSubmit();
  protected readonly genders = GENDERS;
  protected readonly levels = SWEDISH_LEVELS;
  protected readonly priorities = PRIORITIES;
  protected readonly programmes = signal<ProgrammeResponse[]>([]);
  protected readonly organisations = signal<OrganisationResponse[]>([]);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    programmeId: ['', Validators.required],
    organisationId: ['', Validators.required],
    referrerName: [
      inject(AuthStore).user()?.displayName ?? '',
      [Validators.required, Validators.maxLength(200)],
    ],
    priority: new FormControl<Priority>('normal', { nonNullable: true }),
    reason: ['', [Validators.required, Validators.maxLength(4000)]],
    wishedStart: [''],
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    personalNumber: [''],
    gender: ['woman' as Gender, Validators.required],
    phone: ['', Validators.maxLength(40)],
    languages: [''],
    protectedIdentity: [false],
    swedishLevel: [null as SwedishLevel | null],
    age: [null as number | null, [Validators.min(15), Validators.max(80)]],
    foreignBorn: [null as boolean | null],
    registeredAtAf: [null as boolean | null],
    consentToShare: [false, Validators.requiredTrue],
  });

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
    inject(ProgrammesApi)
      .list()
      .subscribe((p) => {
        this.programmes.set(p.items);
        // With several programmes a default would put the referral in the wrong one without anyone noticing.
        if (p.items.length === 1) this.form.controls.programmeId.setValue(p.items[0].id);
      });
    this.api.organisations().subscribe((o) => {
      this.organisations.set(o);
      // An analysis member refers from their own organisation only: it is the one offered, filled in.
      if (o.length === 1) this.form.controls.organisationId.setValue(o[0].id);
    });
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const r = await this.submit.run(
      this.form,
      () =>
        this.api.create({
          ...v,
          firstName: v.firstName.trim(),
          lastName: v.lastName.trim(),
          referrerName: v.referrerName.trim(),
          reason: v.reason.trim(),
          personalNumber: v.personalNumber.trim() || null,
          wishedStart: v.wishedStart.trim() || null,
          phone: v.phone.trim(),
          languages: v.languages
            .split(',')
            .map((l) => l.trim())
            .filter(Boolean),
          age: v.age === null || String(v.age) === '' ? null : Number(v.age),
        }),
      { done: this.i18n.t('rf.registered') },
    );
    if (r.ok) await this.router.navigate(['/remisser', r.value.id]);
  }
}
