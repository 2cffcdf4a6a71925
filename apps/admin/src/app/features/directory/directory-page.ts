import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type MunicipalityResponse,
  ORGANISATION_KINDS,
  type OrganisationKind,
  type OrganisationResponse,
} from '@stegvis/contracts';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { ListState, rowsOf } from '../../shared/list/list-state';
import { DirectoryApi } from './directory-api';

/**
 * The association's directory, for the system owner: its municipalities (name and SCB code) and partner
 * organisations with how their staff may sign in. A new association starts here, on an empty deployment: the first
 * programme needs a municipality to own it.
 */
@Component({
  selector: 'sv-directory-page',
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
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('dir.title') }}</h1>
      </header>
      <p class="intro">{{ i18n.t('dir.intro') }}</p>

      <h2 id="municipalities-heading">{{ i18n.t('dir.municipalities') }}</h2>
      <sv-list-state
        [loading]="municipalities.isLoading()"
        [error]="municipalities.error()"
        [count]="municipalityRows().length"
        [emptyText]="i18n.t('dir.municipalities.empty')"
        emptyIcon="location_city"
        (retry)="municipalities.reload()"
      >
        <table class="data" aria-labelledby="municipalities-heading" data-testid="municipality-table">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('dir.municipality.name') }}</th>
              <th scope="col">{{ i18n.t('dir.municipality.codeShort') }}</th>
              <th scope="col">
                <span class="cdk-visually-hidden">{{ i18n.t('dir.change') }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (m of municipalityRows(); track m.id) {
              <tr data-testid="municipality-row">
                <td>{{ m.name }}</td>
                <td>{{ m.code }}</td>
                <td class="actions">
                  <button
                    mat-button
                    type="button"
                    (click)="editMunicipality(m)"
                    [attr.aria-label]="i18n.t('dir.editOf').replace('{name}', m.name)"
                    [attr.data-testid]="'edit-municipality-' + m.code"
                  >
                    {{ i18n.t('dir.change') }}
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </sv-list-state>

      <form
        [formGroup]="municipalityForm"
        #municipalityDir="ngForm"
        (ngSubmit)="saveMunicipality()"
        class="card"
        novalidate
        aria-labelledby="municipality-form-heading"
      >
        <h3 id="municipality-form-heading">
          {{ editingMunicipality() ? i18n.t('dir.municipality.edit') : i18n.t('dir.municipality.add') }}
        </h3>
        @if (municipalitySubmit.banner()) {
          <p class="error-banner" role="alert">{{ municipalitySubmit.banner() }}</p>
        }
        <div class="row">
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ i18n.t('dir.municipality.name') }}</mat-label>
            <input matInput formControlName="name" required data-testid="municipality-name" />
            <mat-error data-testid="municipality-name-error">{{
              municipalityForm.controls.name | fieldError
            }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="code">
            <mat-label>{{ i18n.t('dir.municipality.code') }}</mat-label>
            <input
              matInput
              formControlName="code"
              required
              inputmode="numeric"
              maxlength="4"
              data-testid="municipality-code"
            />
            <mat-hint>{{ i18n.t('dir.municipality.codePattern') }}</mat-hint>
            <mat-error data-testid="municipality-code-error">{{
              municipalityForm.controls.code | fieldError: { pattern: 'dir.municipality.codePattern' }
            }}</mat-error>
          </mat-form-field>
        </div>
        <div class="buttons">
          <button
            mat-flat-button
            type="submit"
            [disabled]="municipalitySubmit.saving()"
            data-testid="municipality-save"
          >
            {{ editingMunicipality() ? i18n.t('dir.save') : i18n.t('dir.municipality.add') }}
          </button>
          @if (editingMunicipality()) {
            <button mat-button type="button" (click)="cancelMunicipality()">
              {{ i18n.t('shared.cancel') }}
            </button>
          }
        </div>
      </form>

      <h2 id="organisations-heading">{{ i18n.t('dir.organisations') }}</h2>
      <sv-list-state
        [loading]="organisations.isLoading()"
        [error]="organisations.error()"
        [count]="organisationRows().length"
        [emptyText]="i18n.t('dir.organisations.empty')"
        emptyIcon="apartment"
        (retry)="organisations.reload()"
      >
        <table class="data" aria-labelledby="organisations-heading" data-testid="organisation-table">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('dir.organisation.name') }}</th>
              <th scope="col">{{ i18n.t('dir.organisation.kind') }}</th>
              <th scope="col">{{ i18n.t('dir.localPassword') }}</th>
              <th scope="col">{{ i18n.t('dir.idpMfa') }}</th>
              <th scope="col">
                <span class="cdk-visually-hidden">{{ i18n.t('dir.change') }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (o of organisationRows(); track o.id) {
              <tr data-testid="organisation-row">
                <td>{{ o.name }}</td>
                <td>{{ o.kind | label: 'organisationKind' }}</td>
                <td>{{ o.localPasswordAllowed ? i18n.t('dir.yes') : i18n.t('dir.no') }}</td>
                <td>{{ o.idpMfaAccepted ? i18n.t('dir.yes') : i18n.t('dir.no') }}</td>
                <td class="actions">
                  <button
                    mat-button
                    type="button"
                    (click)="editOrganisation(o)"
                    [attr.aria-label]="i18n.t('dir.editOf').replace('{name}', o.name)"
                    data-testid="edit-organisation"
                  >
                    {{ i18n.t('dir.change') }}
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </sv-list-state>

      <form
        [formGroup]="organisationForm"
        #organisationDir="ngForm"
        (ngSubmit)="saveOrganisation()"
        class="card"
        novalidate
        aria-labelledby="organisation-form-heading"
      >
        <h3 id="organisation-form-heading">
          {{ editingOrganisation() ? i18n.t('dir.organisation.edit') : i18n.t('dir.organisation.add') }}
        </h3>
        @if (organisationSubmit.banner()) {
          <p class="error-banner" role="alert">{{ organisationSubmit.banner() }}</p>
        }
        <div class="row">
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ i18n.t('dir.organisation.name') }}</mat-label>
            <input matInput formControlName="name" required data-testid="organisation-name" />
            <mat-error data-testid="organisation-name-error">{{
              organisationForm.controls.name | fieldError
            }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('dir.organisation.kind') }}</mat-label>
            <mat-select formControlName="kind" data-testid="organisation-kind">
              @for (k of kinds; track k) {
                <mat-option [value]="k">{{ k | label: 'organisationKind' }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ organisationForm.controls.kind | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <fieldset>
          <legend>{{ i18n.t('dir.signIn') }}</legend>
          <mat-checkbox
            formControlName="localPasswordAllowed"
            aria-describedby="local-password-help"
            data-testid="organisation-local-password"
            >{{ i18n.t('dir.localPassword') }}</mat-checkbox
          >
          <p class="help" id="local-password-help">{{ i18n.t('dir.localPassword.help') }}</p>
          <mat-checkbox
            formControlName="idpMfaAccepted"
            aria-describedby="idp-mfa-help"
            data-testid="organisation-idp-mfa"
            >{{ i18n.t('dir.idpMfa') }}</mat-checkbox
          >
          <p class="help" id="idp-mfa-help">{{ i18n.t('dir.idpMfa.help') }}</p>
        </fieldset>
        <div class="buttons">
          <button
            mat-flat-button
            type="submit"
            [disabled]="organisationSubmit.saving()"
            data-testid="organisation-save"
          >
            {{ editingOrganisation() ? i18n.t('dir.save') : i18n.t('dir.organisation.add') }}
          </button>
          @if (editingOrganisation()) {
            <button mat-button type="button" (click)="cancelOrganisation()">
              {{ i18n.t('shared.cancel') }}
            </button>
          }
        </div>
      </form>
    </section>
  `,
  styles: `
    .intro {
      max-width: 60rem;
    }
    h2 {
      font-size: 1.25rem;
      font-weight: 500;
      margin: 28px 0 8px;
    }
    h3 {
      font-size: 1.05rem;
      font-weight: 500;
      margin: 0 0 12px;
    }
    .card {
      background: white;
      padding: 16px;
      border-radius: 8px;
      margin-top: 12px;
      max-width: 60rem;
    }
    .row {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
    }
    .grow {
      flex: 1;
      min-width: 260px;
    }
    .code {
      width: 18rem;
    }
    fieldset {
      border: none;
      padding: 0;
      margin: 4px 0 12px;
    }
    legend {
      font-weight: 500;
      margin-bottom: 4px;
    }
    .help {
      margin: 0 0 8px 40px;
      font-size: 0.875rem;
      color: #444;
      max-width: 52rem;
    }
    .buttons {
      display: flex;
      gap: 8px;
    }
    td.actions {
      text-align: right;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectoryPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(DirectoryApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly kinds = ORGANISATION_KINDS;

  protected readonly municipalities = rxResource({ stream: () => this.api.municipalities() });
  protected readonly municipalityRows = rowsOf(this.municipalities, (m) => m);
  protected readonly organisations = rxResource({ stream: () => this.api.organisations() });
  protected readonly organisationRows = rowsOf(this.organisations, (o) => o);

  // resetForm, not reset: a submitted form would otherwise show its emptied fields as errors.
  private readonly municipalityDir = viewChild.required('municipalityDir', { read: FormGroupDirective });
  private readonly organisationDir = viewChild.required('organisationDir', { read: FormGroupDirective });

  protected readonly editingMunicipality = signal<MunicipalityResponse | null>(null);
  protected readonly municipalitySubmit = formSubmit();
  protected readonly municipalityForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    code: ['', [Validators.required, Validators.pattern(/^\d{4}$/)]],
  });

  protected readonly editingOrganisation = signal<OrganisationResponse | null>(null);
  protected readonly organisationSubmit = formSubmit();
  protected readonly organisationForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    kind: ['other' as OrganisationKind, Validators.required],
    localPasswordAllowed: [true],
    idpMfaAccepted: [false],
  });

  protected editMunicipality(m: MunicipalityResponse): void {
    this.editingMunicipality.set(m);
    this.municipalitySubmit.banner.set('');
    this.municipalityForm.reset({ name: m.name, code: m.code });
  }

  protected cancelMunicipality(): void {
    this.editingMunicipality.set(null);
    this.municipalitySubmit.banner.set('');
    this.municipalityDir().resetForm({ name: '', code: '' });
  }

  protected async saveMunicipality(): Promise<void> {
    const editing = this.editingMunicipality();
    const body = this.municipalityForm.getRawValue();
    const result = await this.municipalitySubmit.run(
      this.municipalityForm,
      () => (editing ? this.api.updateMunicipality(editing.id, body) : this.api.createMunicipality(body)),
      { done: this.i18n.t(editing ? 'dir.municipality.saved' : 'dir.municipality.added') },
    );
    if (!result.ok) return;
    this.cancelMunicipality();
    this.municipalities.reload();
  }

  protected editOrganisation(o: OrganisationResponse): void {
    this.editingOrganisation.set(o);
    this.organisationSubmit.banner.set('');
    this.organisationForm.reset({
      name: o.name,
      kind: o.kind,
      localPasswordAllowed: o.localPasswordAllowed,
      idpMfaAccepted: o.idpMfaAccepted,
    });
  }

  protected cancelOrganisation(): void {
    this.editingOrganisation.set(null);
    this.organisationSubmit.banner.set('');
    this.organisationDir().resetForm({
      name: '',
      kind: 'other',
      localPasswordAllowed: true,
      idpMfaAccepted: false,
    });
  }

  protected async saveOrganisation(): Promise<void> {
    const editing = this.editingOrganisation();
    const body = this.organisationForm.getRawValue();
    const result = await this.organisationSubmit.run(
      this.organisationForm,
      () => (editing ? this.api.updateOrganisation(editing.id, body) : this.api.createOrganisation(body)),
      { done: this.i18n.t(editing ? 'dir.organisation.saved' : 'dir.organisation.added') },
    );
    if (!result.ok) return;
    this.cancelOrganisation();
    this.organisations.reload();
  }
}
