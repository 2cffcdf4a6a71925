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
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/form/unsaved-changes';
import { Outcome } from '../../shared/outcome';
import { ProgrammesApi } from '../programmes/programmes-api';
import { ParticipantsApi } from './participants-api';

/**
 * Registering a participant. The programme is chosen, never guessed: only a user with exactly one programme gets
 * it filled in. The personal number is checked by the api (date and check digit); a duplicate points to the record.
 */
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
    FieldErrorPipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('p.new') }}</h1>
      </header>
      @if (submit.banner()) {
        <p class="error-banner" role="alert" data-testid="participant-form-error">
          {{ submit.banner() }}
          @if (existing()) {
            – <a [routerLink]="['/deltagare', existing()]">{{ i18n.t('p.openExisting') }}</a>
          }
        </p>
      }
      @if (loaded() && programmes().length === 0) {
        <p class="info-banner" role="note">{{ i18n.t('pr.noProgrammes') }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" class="form-grid" novalidate>
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ i18n.t('pr.programme') }}</mat-label>
          <mat-select formControlName="programmeId" required data-testid="p-programme">
            @for (p of programmes(); track p.id) {
              <mat-option [value]="p.id">{{ p.name }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ i18n.t('pr.programmeHint') }}</mat-hint>
          <mat-error data-testid="p-programme-error">{{
            form.controls.programmeId | fieldError: { required: 'pr.programmeRequired' }
          }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.firstName') }}</mat-label>
          <input matInput formControlName="firstName" required data-testid="p-first" />
          <mat-error>{{ form.controls.firstName | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.lastName') }}</mat-label>
          <input matInput formControlName="lastName" required data-testid="p-last" />
          <mat-error>{{ form.controls.lastName | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.personalNumberFormat') }}</mat-label>
          <input matInput formControlName="personalNumber" data-testid="p-pn" autocomplete="off" />
          <mat-hint>{{ i18n.t('pr.pnHint') }}</mat-hint>
          <mat-error data-testid="p-pn-error">{{ form.controls.personalNumber | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.gender') }}</mat-label>
          <mat-select formControlName="gender" data-testid="p-gender">
            @for (g of genders; track g) {
              <mat-option [value]="g">{{ g | label: 'gender' }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.gender | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('ref.level') }}</mat-label>
          <mat-select formControlName="swedishLevel">
            <mat-option [value]="null">{{ i18n.t('pr.none') }}</mat-option>
            @for (l of levels; track l) {
              <mat-option [value]="l">{{ l | label: 'swedishLevel' }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.country') }}</mat-label>
          <input matInput formControlName="countryOfBirth" />
          <mat-error>{{ form.controls.countryOfBirth | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.phone') }}</mat-label>
          <input matInput formControlName="phone" type="tel" />
          <mat-error>{{ form.controls.phone | fieldError }}</mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="protectedIdentity" class="full">{{
          i18n.t('p.protected')
        }}</mat-checkbox>
        <div class="full">
          <button mat-flat-button type="submit" data-testid="p-save" [disabled]="submit.saving()">
            {{ i18n.t('form.save') }}
          </button>
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
export class ParticipantForm implements HasUnsavedChanges {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ParticipantsApi);
  private readonly router = inject(Router);
  private readonly outcome = inject(Outcome);
  protected readonly submit = formSubmit();
  protected readonly genders = GENDERS;
  protected readonly levels = SWEDISH_LEVELS;
  protected readonly programmes = signal<ProgrammeResponse[]>([]);
  protected readonly loaded = signal(false);
  protected readonly existing = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    programmeId: ['', Validators.required],
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    personalNumber: [''],
    gender: ['woman' as Gender, Validators.required],
    swedishLevel: [null as SwedishLevel | null],
    countryOfBirth: ['', Validators.maxLength(100)],
    phone: ['', Validators.maxLength(40)],
    protectedIdentity: [false],
  });

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
    inject(ProgrammesApi)
      .list()
      .subscribe((p) => {
        this.programmes.set(p.items);
        this.loaded.set(true);
        // With several programmes a default would put people in the wrong one without anyone noticing.
        if (p.items.length === 1) this.form.controls.programmeId.setValue(p.items[0].id);
      });
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  protected async save(): Promise<void> {
    this.existing.set(null);
    this.submit.banner.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.submit.banner.set(this.i18n.t('form.fixFields'));
      return;
    }
    const v = this.form.getRawValue();
    this.submit.saving.set(true);
    try {
      const p = await firstValueFrom(
        this.api.create({ ...v, personalNumber: v.personalNumber.trim() || null }),
      );
      this.form.markAsPristine();
      this.outcome.done(this.i18n.t('pr.registered'));
      await this.router.navigate(['/deltagare', p.id]);
    } catch (err) {
      const problem = asProblem(err, this.i18n.lang());
      if (problem?.status === 409 && problem.code === 'duplicate_personal_number') {
        // A duplicate is not someone else's edit: say so at the number and point to the record.
        applyProblemToForm(this.form, problem, this.i18n.lang());
        this.form.controls.personalNumber.setErrors({ server: this.i18n.t('pr.duplicate') });
        this.submit.banner.set(this.i18n.t('pr.duplicate'));
        this.existing.set(
          ((problem as unknown as { existingParticipantId?: string }) ?? {}).existingParticipantId ?? null,
        );
      } else {
        this.submit.showFailure(this.form, err);
      }
    } finally {
      this.submit.saving.set(false);
    }
  }
}
