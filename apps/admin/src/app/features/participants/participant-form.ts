import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  type Gender,
  GENDERS,
  type ProgrammeResponse,
  SWEDISH_LEVELS,
  type SwedishLevel,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { applyProblemToForm, asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { ProgrammesApi } from '../programmes/programmes-api';
import { ParticipantsApi } from './participants-api';

/** Registering a participant. The personal number is checked by the api (date and check digit); a duplicate points to the record. */
@Component({
  selector: 'sv-participant-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    LabelPipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('p.new') }}</h1>
      </header>
      @if (banner()) {
        <p class="error-banner" role="alert" data-testid="participant-form-error">
          {{ banner() }}
          @if (existing()) {
            – <a [routerLink]="['/deltagare', existing()]">{{ i18n.t('p.openExisting') }}</a>
          }
        </p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" class="form-grid" novalidate>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.programme') }}</mat-label>
          <mat-select formControlName="programmeId">
            @for (p of programmes(); track p.id) {
              <mat-option [value]="p.id">{{ p.name }}</mat-option>
            }
          </mat-select></mat-form-field
        >
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('p.firstName') }}</mat-label
          ><input matInput formControlName="firstName" required data-testid="p-first"
        /></mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('p.lastName') }}</mat-label
          ><input matInput formControlName="lastName" required data-testid="p-last"
        /></mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('p.personalNumberFormat') }}</mat-label
          ><input matInput formControlName="personalNumber" data-testid="p-pn" />
          @if (form.controls.personalNumber.errors?.['server']) {
            <mat-error data-testid="p-pn-error">{{
              form.controls.personalNumber.errors['server']
            }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('p.gender') }}</mat-label>
          <mat-select formControlName="gender">
            @for (g of genders; track g) {
              <mat-option [value]="g">{{ g | label: 'gender' }}</mat-option>
            }
          </mat-select></mat-form-field
        >
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('ref.level') }}</mat-label>
          <mat-select formControlName="swedishLevel"
            ><mat-option [value]="null">–</mat-option>
            @for (l of levels; track l) {
              <mat-option [value]="l">{{ l | label: 'swedishLevel' }}</mat-option>
            }
          </mat-select></mat-form-field
        >
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('p.country') }}</mat-label
          ><input matInput formControlName="countryOfBirth"
        /></mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('p.phone') }}</mat-label
          ><input matInput formControlName="phone"
        /></mat-form-field>
        <mat-checkbox formControlName="protectedIdentity" class="full">{{
          i18n.t('p.protected')
        }}</mat-checkbox>
        <div class="full">
          <button mat-flat-button type="submit" data-testid="p-save">{{ i18n.t('form.save') }}</button>
          <a mat-button routerLink="/deltagare">{{ i18n.t('form.cancel') }}</a>
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ParticipantForm {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ParticipantsApi);
  private readonly router = inject(Router);
  protected readonly genders = GENDERS;
  protected readonly levels = SWEDISH_LEVELS;
  protected readonly programmes = signal<ProgrammeResponse[]>([]);
  protected readonly banner = signal('');
  protected readonly existing = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    programmeId: ['', Validators.required],
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    personalNumber: [''],
    gender: ['woman' as Gender, Validators.required],
    swedishLevel: [null as SwedishLevel | null],
    countryOfBirth: [''],
    phone: [''],
    protectedIdentity: [false],
  });

  constructor() {
    inject(ProgrammesApi)
      .list()
      .subscribe((p) => {
        this.programmes.set(p.items);
        if (p.items.length) this.form.controls.programmeId.setValue(p.items[0].id);
      });
  }

  protected async save(): Promise<void> {
    this.banner.set('');
    this.existing.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    try {
      const p = await firstValueFrom(this.api.create({ ...v, personalNumber: v.personalNumber || null }));
      await this.router.navigate(['/deltagare', p.id]);
    } catch (err) {
      const problem = asProblem(err, this.i18n.lang());
      const rest = applyProblemToForm(this.form, problem);
      this.banner.set(
        problem?.status === 409
          ? (problem.detail ?? '')
          : rest.map((e) => e.message).join('; ') || this.i18n.t('form.fixFields'),
      );
      this.existing.set(
        ((problem as unknown as { existingParticipantId?: string }) ?? {}).existingParticipantId ?? null,
      );
    }
  }
}
