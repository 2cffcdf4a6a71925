import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { FormBuilder, FormsModule, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  EMPLOYER_SECTORS,
  type EmployerResponse,
  type EmployerSector,
  INDUSTRIES,
  type Industry,
  type MunicipalityResponse,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { applyProblemToForm, asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { ListState } from '../../shared/list/list-state';
import { Outcome } from '../../shared/outcome';
import { ProgrammesApi } from '../programmes/programmes-api';
import { EmployersApi } from './employers-api';

/** The association's shared employer register: search, filter, add (organisation number checked by the api). */
@Component({
  selector: 'sv-employer-register',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    LabelPipe,
    RouterLink,
    ListState,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('em.title') }}</h1>
      </header>
      <div class="filters">
        <mat-form-field appearance="outline" class="grow"
          ><mat-label>{{ i18n.t('em.search') }}</mat-label
          ><input matInput [ngModel]="q()" (ngModelChange)="q.set($event)" data-testid="employer-search"
        /></mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('em.industry') }}</mat-label>
          <mat-select [ngModel]="industry()" (ngModelChange)="industry.set($event)"
            ><mat-option value="">{{ i18n.t('em.allIndustries') }}</mat-option>
            @for (i of industries; track i) {
              <mat-option [value]="i">{{ i | label: 'industry' }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <sv-list-state
        [loading]="loading()"
        [error]="loadError()"
        [count]="employers().length"
        [emptyText]="i18n.t('em.empty')"
        emptyIcon="store"
        (retry)="searchAsked.update((n) => n + 1)"
      >
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('em.name') }}</th>
              <th scope="col">{{ i18n.t('em.orgNo') }}</th>
              <th scope="col">{{ i18n.t('em.sector') }}</th>
              <th scope="col">{{ i18n.t('em.industry') }}</th>
              <th scope="col">{{ i18n.t('em.hosted') }}</th>
              <th scope="col">{{ i18n.t('em.hires') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (e of employers(); track e.id) {
              <tr data-testid="employer-row">
                <td>
                  <a [routerLink]="[e.id]" [attr.data-testid]="'employer-link-' + e.organisationNumber">{{
                    e.name
                  }}</a>
                </td>
                <td>{{ e.organisationNumber }}</td>
                <td>{{ e.sector | label: 'employerSector' }}</td>
                <td>{{ e.industry | label: 'industry' }}</td>
                <td>{{ e.internshipsHosted }}</td>
                <td>{{ e.hires }}</td>
              </tr>
            }
          </tbody>
        </table>
      </sv-list-state>
      <h2>{{ i18n.t('em.new') }}</h2>
      @if (banner()) {
        <p class="error-banner" role="alert">{{ banner() }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" class="form-grid" novalidate>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('em.name') }}</mat-label
          ><input matInput formControlName="name" required data-testid="employer-name"
        /></mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('em.orgNo') }}</mat-label><input
            matInput
            formControlName="organisationNumber"
            placeholder="556703-7485"
            required
            data-testid="employer-orgno"
          />
          @if (form.controls.organisationNumber.errors?.['server']) {
            <mat-error data-testid="employer-orgno-error">{{
              form.controls.organisationNumber.errors['server']
            }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('em.sector') }}</mat-label
          ><mat-select formControlName="sector">
            @for (s of sectors; track s) {
              <mat-option [value]="s">{{ s | label: 'employerSector' }}</mat-option>
            }
          </mat-select></mat-form-field
        >
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('em.industry') }}</mat-label
          ><mat-select formControlName="industry">
            @for (i of industries; track i) {
              <mat-option [value]="i">{{ i | label: 'industry' }}</mat-option>
            }
          </mat-select></mat-form-field
        >
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('em.municipality') }}</mat-label
          ><mat-select formControlName="municipalityId">
            @for (m of municipalities(); track m.id) {
              <mat-option [value]="m.id">{{ m.name }}</mat-option>
            }
          </mat-select></mat-form-field
        >
        <div>
          <button mat-flat-button type="submit">{{ i18n.t('em.save') }}</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .filters {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
    }
    .grow {
      flex: 1;
      min-width: 260px;
    }
    h2 {
      font-size: 1.2rem;
      font-weight: 500;
      margin: 24px 0 8px;
    }
    form {
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerRegister {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(EmployersApi);
  private readonly router = inject(Router);
  private readonly outcome = inject(Outcome);
  protected readonly industries = INDUSTRIES;
  protected readonly sectors = EMPLOYER_SECTORS;
  protected readonly q = signal('');
  protected readonly industry = signal('');
  protected readonly employers = signal<EmployerResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<unknown>(undefined);
  protected readonly searchAsked = signal(0);
  protected readonly municipalities = signal<MunicipalityResponse[]>([]);
  protected readonly banner = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', Validators.required],
    organisationNumber: ['', Validators.required],
    sector: ['private' as EmployerSector, Validators.required],
    industry: ['retail' as Industry, Validators.required],
    municipalityId: ['', Validators.required],
  });

  constructor() {
    inject(ProgrammesApi)
      .municipalities()
      .subscribe((m) => this.municipalities.set(m));
    // Search as you type: the rows stay until the next answer, so the table does not blink at each key.
    effect((onCleanup) => {
      const q = this.q().trim();
      const industry = this.industry();
      this.searchAsked();
      const sub = this.api
        .list({ q: q || undefined, industry: (industry || undefined) as Industry | undefined })
        .subscribe({
          next: (e) => {
            this.employers.set(e);
            this.loadError.set(undefined);
            this.loading.set(false);
          },
          error: (err: unknown) => {
            this.loadError.set(err);
            this.loading.set(false);
          },
        });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected async save(): Promise<void> {
    this.banner.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    try {
      const created = await firstValueFrom(this.api.create(this.form.getRawValue()));
      this.form.reset();
      this.outcome.done(this.i18n.t('emp.created'));
      // The new employer's page is where its contacts and places are added next.
      await this.router.navigate(['/arbetsgivare', created.id]);
    } catch (err) {
      const rest = applyProblemToForm(this.form, asProblem(err, this.i18n.lang()));
      this.banner.set(rest.map((e) => e.message).join('; ') || this.i18n.t('form.fixFields'));
    }
  }
}
