import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import { FormArray, FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  EMPLOYER_SECTORS,
  type EmployerContact,
  type EmployerResponse,
  type EmployerSector,
  INDUSTRIES,
  type Industry,
  type MunicipalityResponse,
} from '@stegvis/contracts';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { EmployersApi } from './employers-api';

/**
 * The employer's own details and contact people, edited in place. The organisation number is checked by the api
 * (check digit); its refusal shows at the field and everything typed stays.
 */
@Component({
  selector: 'sv-employer-details-tab',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    LabelPipe,
    FieldErrorPipe,
  ],
  template: `
    @if (submit.banner()) {
      <p class="error-banner" role="alert" data-testid="employer-edit-banner">{{ submit.banner() }}</p>
    }
    <form [formGroup]="form" (ngSubmit)="save()" class="card" novalidate data-testid="employer-edit">
      <div class="form-grid">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('em.name') }}</mat-label>
          <input matInput formControlName="name" data-testid="edit-name" />
          <mat-error>{{ form.controls.name | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('em.orgNo') }}</mat-label>
          <input
            matInput
            formControlName="organisationNumber"
            placeholder="556703-7485"
            data-testid="edit-orgno"
          />
          <mat-error data-testid="edit-orgno-error">{{
            form.controls.organisationNumber | fieldError
          }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('em.sector') }}</mat-label>
          <mat-select formControlName="sector" data-testid="edit-sector">
            @for (s of sectors; track s) {
              <mat-option [value]="s">{{ s | label: 'employerSector' }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('em.industry') }}</mat-label>
          <mat-select formControlName="industry" data-testid="edit-industry">
            @for (i of industries; track i) {
              <mat-option [value]="i">{{ i | label: 'industry' }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('em.municipality') }}</mat-label>
          <mat-select formControlName="municipalityId" data-testid="edit-municipality">
            @for (m of municipalities(); track m.id) {
              <mat-option [value]="m.id">{{ m.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.municipalityId | fieldError }}</mat-error>
        </mat-form-field>
      </div>
      <h2>{{ i18n.t('emp.contactPeople') }}</h2>
      <div formArrayName="contacts">
        @for (c of contacts.controls; track c; let i = $index) {
          <div class="person" [formGroupName]="i" [attr.data-testid]="'contact-person-' + i">
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ i18n.t('emp.contactName') }}</mat-label>
              <input matInput formControlName="name" [attr.data-testid]="'contact-name-' + i" />
              <mat-error>{{ c.controls.name | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ i18n.t('emp.contactPhone') }}</mat-label>
              <input matInput formControlName="phone" type="tel" [attr.data-testid]="'contact-phone-' + i" />
              <mat-error>{{ c.controls.phone | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ i18n.t('emp.contactEmail') }}</mat-label>
              <input
                matInput
                formControlName="email"
                type="email"
                [attr.data-testid]="'contact-email-' + i"
              />
              <mat-error>{{ c.controls.email | fieldError }}</mat-error>
            </mat-form-field>
            @if (canEdit()) {
              <button
                mat-icon-button
                type="button"
                (click)="removePerson(i)"
                [attr.aria-label]="i18n.t('emp.removeContactPerson') + ' ' + (i + 1)"
              >
                <mat-icon>delete</mat-icon>
              </button>
            }
          </div>
        } @empty {
          <p class="muted">{{ i18n.t('emp.noContactPeople') }}</p>
        }
      </div>
      @if (canEdit()) {
        <div class="actions">
          <button mat-stroked-button type="button" (click)="addPerson()" data-testid="add-contact-person">
            <mat-icon>person_add</mat-icon> {{ i18n.t('emp.addContactPerson') }}
          </button>
          <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="employer-save">
            {{ i18n.t('emp.saveDetails') }}
          </button>
        </div>
      }
    </form>
  `,
  styles: `
    /* Errors grow their field (subscriptSizing="dynamic"); the fields beside it keep their height. */
    .form-grid {
      align-items: start;
      row-gap: 8px;
    }
    .card {
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
    h2 {
      font-size: 1.1rem;
      font-weight: 500;
      margin: 8px 0;
    }
    .person {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: flex-start;
    }
    .actions {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerDetailsTab {
  readonly employer = input.required<EmployerResponse>();
  readonly municipalities = input<MunicipalityResponse[]>([]);
  readonly changed = output<EmployerResponse>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(EmployersApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly auth = inject(AuthStore);
  protected readonly canEdit = computed(() => this.auth.can('employer.manage'));
  protected readonly submit = formSubmit();
  protected readonly sectors = EMPLOYER_SECTORS;
  protected readonly industries = INDUSTRIES;
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    organisationNumber: ['', [Validators.required, Validators.maxLength(20)]],
    sector: ['private' as EmployerSector, Validators.required],
    industry: ['retail' as Industry, Validators.required],
    municipalityId: ['', Validators.required],
    contacts: this.fb.array<PersonForm>([]),
  });
  protected readonly contacts: FormArray<PersonForm> = this.form.controls.contacts;

  constructor() {
    let shown = '';
    effect(() => {
      // A new version from the api (the first load, a save) replaces the form; the same version with new counts
      // (a result recorded on another tab) leaves what is typed alone.
      const e = this.employer();
      if (`${e.id}:${e.version}` === shown) return;
      shown = `${e.id}:${e.version}`;
      this.contacts.clear();
      for (const c of e.contacts) this.contacts.push(this.person(c));
      this.form.reset({
        name: e.name,
        organisationNumber: e.organisationNumber,
        sector: e.sector,
        industry: e.industry,
        municipalityId: e.municipalityId,
      });
      if (!this.auth.can('employer.manage')) this.form.disable();
    });
  }

  /** The form may hold typed work not yet saved. */
  dirty(): boolean {
    return this.form.dirty;
  }

  protected addPerson(): void {
    this.contacts.push(this.person({ name: '' }));
    this.form.markAsDirty();
  }

  protected removePerson(i: number): void {
    this.contacts.removeAt(i);
    this.form.markAsDirty();
  }

  protected async save(): Promise<void> {
    const e = this.employer();
    const v = this.form.getRawValue();
    const res = await this.submit.run(
      this.form,
      () =>
        this.api.update(e.id, {
          ...v,
          contacts: v.contacts.map((c) => ({
            name: c.name.trim(),
            ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
            ...(c.email.trim() ? { email: c.email.trim() } : {}),
          })),
          version: e.version,
        }),
      { done: this.i18n.t('emp.detailsSaved') },
    );
    if (res.ok) this.changed.emit(res.value);
  }

  private person(c: EmployerContact): PersonForm {
    return personForm(this.fb, c);
  }
}

function personForm(fb: FormBuilder['nonNullable'], c: EmployerContact) {
  return fb.group({
    name: [c.name, [Validators.required, Validators.maxLength(200)]],
    phone: [c.phone ?? '', Validators.maxLength(40)],
    email: [c.email ?? '', [Validators.email, Validators.maxLength(254)]],
  });
}
type PersonForm = ReturnType<typeof personForm>;
