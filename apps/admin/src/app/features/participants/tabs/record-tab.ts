import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  AF_STATUSES,
  type AfStatus,
  EDUCATION_LEVELS,
  type EducationLevel,
  type Gender,
  GENDERS,
  type ParticipantResponse,
  SWEDISH_LEVELS,
  type SwedishLevel,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { FieldErrorPipe } from '../../../shared/form/field-error';
import { formSubmit } from '../../../shared/form/form-submit';
import { warnBeforeUnload } from '../../../shared/form/unsaved-changes';
import { Outcome } from '../../../shared/outcome';
import { ParticipantsApi } from '../participants-api';
import { type EraseDialogData, EraseDialog } from '../record/erase-dialog';
import { RecordApi } from '../record/record-api';

/**
 * The record as registered, its edit form, and the data subject's rights (extract, erasure) for those who see
 * her. What the caller may not see arrives blanked from the api; such a record cannot be edited, extracted or
 * erased by them (the api answers 404), so those controls are not offered.
 */
@Component({
  selector: 'sv-record-tab',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    LabelPipe,
    FieldErrorPipe,
  ],
  template: `
    @if (erased()) {
      <p class="info-banner" role="note" data-testid="record-erased">{{ i18n.t('pr.erasedNote') }}</p>
    }
    @if (!editing()) {
      @if (canEdit()) {
        <p>
          <button mat-stroked-button type="button" (click)="startEdit()" data-testid="record-edit">
            <mat-icon aria-hidden="true">edit</mat-icon> {{ i18n.t('pr.edit') }}
          </button>
        </p>
      } @else if (current().masked && mayWrite) {
        <p class="muted">{{ i18n.t('pr.maskedNoEdit') }}</p>
      }
      <dl data-testid="record-view">
        <dt>{{ i18n.t('p.personalNumber') }}</dt>
        <dd data-testid="record-pn">
          {{ current().personalNumber ?? '–' }}
          @if (current().isCoordinationNumber) {
            {{ i18n.t('pr.coordinationNumber') }}
          }
        </dd>
        <dt>{{ i18n.t('p.gender') }}</dt>
        <dd>{{ current().gender | label: 'gender' }}</dd>
        <dt>{{ i18n.t('p.birthYear') }}</dt>
        <dd>{{ current().birthYear ?? '–' }}</dd>
        <dt>{{ i18n.t('p.country') }}</dt>
        <dd>{{ current().countryOfBirth || '–' }}</dd>
        <dt>{{ i18n.t('p.arrival') }}</dt>
        <dd>{{ current().yearOfArrival ?? '–' }}</dd>
        <dt>{{ i18n.t('p.languages') }}</dt>
        <dd>
          {{ current().languages.join(', ') || '–' }}
          @if (current().interpreterNeeded) {
            ({{ i18n.t('p.interpreter') }})
          }
        </dd>
        <dt>{{ i18n.t('ref.level') }}</dt>
        <dd>{{ current().swedishLevel | label: 'swedishLevel' }}</dd>
        <dt>{{ i18n.t('pr.education') }}</dt>
        <dd>
          {{ current().educationLevel | label: 'educationLevel' }}
          @if (current().educationField) {
            – {{ current().educationField }}
          }
        </dd>
        <dt>{{ i18n.t('pr.afStatus') }}</dt>
        <dd>{{ current().afStatus | label: 'afStatus' }}</dd>
        <dt>{{ i18n.t('p.phone') }}</dt>
        <dd data-testid="record-phone">{{ current().phone || '–' }}</dd>
        <dt>{{ i18n.t('p.email') }}</dt>
        <dd data-testid="record-email">{{ current().email || '–' }}</dd>
        <dt>{{ i18n.t('p.address') }}</dt>
        <dd>{{ current().address || '–' }}</dd>
      </dl>
    } @else {
      <h2 class="sub">{{ i18n.t('pr.editTitle') }}</h2>
      @if (submit.banner()) {
        <p class="error-banner" role="alert" data-testid="record-form-error">{{ submit.banner() }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" class="form-grid" novalidate data-testid="record-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.firstName') }}</mat-label>
          <input matInput formControlName="firstName" required data-testid="r-first" />
          <mat-error>{{ form.controls.firstName | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.lastName') }}</mat-label>
          <input matInput formControlName="lastName" required data-testid="r-last" />
          <mat-error>{{ form.controls.lastName | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.personalNumberFormat') }}</mat-label>
          <input matInput formControlName="personalNumber" autocomplete="off" data-testid="r-pn" />
          <mat-hint>{{ i18n.t('pr.pnHint') }}</mat-hint>
          <mat-error data-testid="r-pn-error">{{ form.controls.personalNumber | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.gender') }}</mat-label>
          <mat-select formControlName="gender">
            @for (g of genders; track g) {
              <mat-option [value]="g">{{ g | label: 'gender' }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('pr.birthYear') }}</mat-label>
          <input matInput type="number" formControlName="birthYear" data-testid="r-birth" />
          <mat-error data-testid="r-birth-error">{{ form.controls.birthYear | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.country') }}</mat-label>
          <input matInput formControlName="countryOfBirth" data-testid="r-country" />
          <mat-error>{{ form.controls.countryOfBirth | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('pr.arrival') }}</mat-label>
          <input matInput type="number" formControlName="yearOfArrival" data-testid="r-arrival" />
          <mat-error data-testid="r-arrival-error">{{ form.controls.yearOfArrival | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('pr.languages') }}</mat-label>
          <input matInput formControlName="languages" data-testid="r-languages" />
          <mat-error>{{ form.controls.languages | fieldError }}</mat-error>
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
          <mat-label>{{ i18n.t('pr.education') }}</mat-label>
          <mat-select formControlName="educationLevel">
            <mat-option [value]="null">{{ i18n.t('pr.none') }}</mat-option>
            @for (l of educationLevels; track l) {
              <mat-option [value]="l">{{ l | label: 'educationLevel' }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('pr.educationField') }}</mat-label>
          <input matInput formControlName="educationField" />
          <mat-error>{{ form.controls.educationField | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('pr.afStatus') }}</mat-label>
          <mat-select formControlName="afStatus">
            <mat-option [value]="null">{{ i18n.t('pr.none') }}</mat-option>
            @for (s of afStatuses; track s) {
              <mat-option [value]="s">{{ s | label: 'afStatus' }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ i18n.t('pr.workExperience') }}</mat-label>
          <textarea matInput formControlName="workExperience" rows="2"></textarea>
          <mat-error>{{ form.controls.workExperience | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.phone') }}</mat-label>
          <input matInput type="tel" formControlName="phone" data-testid="r-phone" />
          <mat-error>{{ form.controls.phone | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.email') }}</mat-label>
          <input matInput type="email" formControlName="email" data-testid="r-email" />
          <mat-error data-testid="r-email-error">{{ form.controls.email | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ i18n.t('p.address') }}</mat-label>
          <input matInput formControlName="address" />
          <mat-error>{{ form.controls.address | fieldError }}</mat-error>
        </mat-form-field>
        <div class="full checks">
          <mat-checkbox formControlName="interpreterNeeded">{{ i18n.t('pr.interpreter') }}</mat-checkbox>
          <mat-checkbox formControlName="drivingLicence">{{ i18n.t('pr.drivingLicence') }}</mat-checkbox>
          <mat-checkbox formControlName="computerAtHome">{{ i18n.t('pr.computerAtHome') }}</mat-checkbox>
          <mat-checkbox formControlName="incomeSupport">{{ i18n.t('pr.incomeSupport') }}</mat-checkbox>
          <mat-checkbox formControlName="protectedIdentity">{{ i18n.t('p.protected') }}</mat-checkbox>
        </div>
        <div class="full">
          <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="r-save">
            {{ i18n.t('form.save') }}
          </button>
          <button mat-button type="button" (click)="cancelEdit()">{{ i18n.t('form.cancel') }}</button>
        </div>
      </form>
    }

    @if (mayExtract() || mayErase()) {
      <section class="rights" data-testid="record-rights" [attr.aria-labelledby]="'rights-' + current().id">
        <h2 class="sub" [id]="'rights-' + current().id">{{ i18n.t('pr.rights') }}</h2>
        <p class="muted">{{ i18n.t('pr.rightsIntro') }}</p>
        <div class="actions">
          @if (mayExtract()) {
            <button
              mat-stroked-button
              type="button"
              (click)="extract()"
              [disabled]="busy()"
              data-testid="record-extract"
            >
              <mat-icon aria-hidden="true">download</mat-icon> {{ i18n.t('pr.extract') }}
            </button>
          }
          @if (mayErase()) {
            <button
              mat-stroked-button
              type="button"
              class="danger"
              (click)="erase()"
              [disabled]="busy()"
              data-testid="record-erase"
            >
              <mat-icon aria-hidden="true">delete_forever</mat-icon> {{ i18n.t('pr.erase') }}
            </button>
          }
        </div>
      </section>
    }
  `,
  styleUrl: './tab.scss',
  styles: `
    .sub {
      font-size: 1.1rem;
      margin: 16px 0 8px;
    }
    form {
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
    }
    .rights {
      margin-top: 24px;
      background: white;
      border-radius: 8px;
      padding: 4px 16px 16px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .danger {
      color: #a4000f;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordTab {
  readonly person = input.required<ParticipantResponse>();
  /** The record after a save or an erasure, for the page's heading. */
  readonly changed = output<ParticipantResponse>();
  protected readonly i18n = inject(I18n);
  private readonly auth = inject(AuthStore);
  private readonly api = inject(RecordApi);
  private readonly participants = inject(ParticipantsApi);
  private readonly outcome = inject(Outcome);
  private readonly dialog = inject(MatDialog);
  protected readonly submit = formSubmit();
  protected readonly genders = GENDERS;
  protected readonly levels = SWEDISH_LEVELS;
  protected readonly educationLevels = EDUCATION_LEVELS;
  protected readonly afStatuses = AF_STATUSES;
  protected readonly current = linkedSignal(() => this.person());
  protected readonly editing = signal(false);
  protected readonly busy = signal(false);
  protected readonly mayWrite = this.auth.can('participant.write');
  protected readonly canEdit = computed(() => this.mayWrite && !this.current().masked);
  // Extract and erasure follow the api's rule (PolicyService.assertIdentityAccess): whoever sees her identity.
  protected readonly mayExtract = computed(() => this.auth.can('participant.read') && !this.current().masked);
  protected readonly mayErase = computed(
    () => this.auth.can('participant.erase') && !this.current().masked && !this.erased(),
  );
  protected readonly erased = computed(
    () => this.current().lastName === '' && this.current().firstName === this.current().pseudonym,
  );
  protected readonly form = inject(FormBuilder).nonNullable.group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    personalNumber: [''],
    gender: ['woman' as Gender, Validators.required],
    birthYear: [null as number | null, [Validators.min(1900), Validators.max(2100)]],
    countryOfBirth: ['', Validators.maxLength(100)],
    yearOfArrival: [null as number | null, [Validators.min(1900), Validators.max(2100)]],
    languages: [''],
    interpreterNeeded: [false],
    swedishLevel: [null as SwedishLevel | null],
    educationLevel: [null as EducationLevel | null],
    educationField: ['', Validators.maxLength(200)],
    workExperience: ['', Validators.maxLength(2000)],
    drivingLicence: [false],
    computerAtHome: [false],
    incomeSupport: [false],
    afStatus: [null as AfStatus | null],
    phone: ['', Validators.maxLength(40)],
    email: ['', [Validators.email, Validators.maxLength(254)]],
    address: ['', Validators.maxLength(300)],
    protectedIdentity: [false],
  });

  constructor() {
    warnBeforeUnload(() => this.editing() && this.form.dirty);
  }

  protected startEdit(): void {
    const p = this.current();
    this.form.reset({
      firstName: p.firstName,
      lastName: p.lastName,
      personalNumber: p.personalNumber ?? '',
      gender: p.gender,
      birthYear: p.birthYear,
      countryOfBirth: p.countryOfBirth,
      yearOfArrival: p.yearOfArrival,
      languages: p.languages.join(', '),
      interpreterNeeded: p.interpreterNeeded,
      swedishLevel: p.swedishLevel,
      educationLevel: p.educationLevel,
      educationField: p.educationField,
      workExperience: p.workExperience,
      drivingLicence: p.drivingLicence,
      computerAtHome: p.computerAtHome,
      incomeSupport: p.incomeSupport,
      afStatus: p.afStatus,
      phone: p.phone,
      email: p.email,
      address: p.address,
      protectedIdentity: p.protectedIdentity,
    });
    this.submit.banner.set('');
    this.editing.set(true);
  }

  protected cancelEdit(): void {
    this.editing.set(false);
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const r = await this.submit.run(
      this.form,
      () =>
        this.api.update(this.current().id, {
          ...v,
          personalNumber: v.personalNumber.trim() || null,
          // An emptied number field is "not given", not zero.
          birthYear: numberOrNull(v.birthYear),
          yearOfArrival: numberOrNull(v.yearOfArrival),
          languages: v.languages
            .split(',')
            .map((l) => l.trim())
            .filter(Boolean),
          version: this.current().version,
        }),
      { done: this.i18n.t('pr.updated') },
    );
    if (!r.ok) return;
    this.current.set(r.value);
    this.editing.set(false);
    this.changed.emit(r.value);
  }

  protected async extract(): Promise<void> {
    this.busy.set(true);
    try {
      const x = await firstValueFrom(this.api.extract(this.current().id));
      const blob = new Blob([JSON.stringify(x, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      // The pseudonym, not the name: a downloads folder is not the place for who she is.
      a.download = `registerutdrag-${this.current().pseudonym}-${x.madeAt.slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.outcome.done(this.i18n.t(x.healthIncluded ? 'pr.extractDone' : 'pr.extractNoHealth'));
    } catch (err) {
      this.outcome.failed(err);
    } finally {
      this.busy.set(false);
    }
  }

  protected async erase(): Promise<void> {
    const p = this.current();
    const ref = this.dialog.open<EraseDialog, EraseDialogData, boolean>(EraseDialog, {
      data: { pseudonym: p.pseudonym },
      role: 'alertdialog',
      autoFocus: 'first-tabbable',
      maxWidth: '640px',
    });
    if ((await firstValueFrom(ref.afterClosed())) !== true) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.erase(p.id), { defaultValue: null });
      this.outcome.done(this.i18n.t('pr.erased'));
      const after = await firstValueFrom(this.participants.get(p.id));
      this.current.set(after);
      this.editing.set(false);
      this.changed.emit(after);
    } catch (err) {
      this.outcome.failed(err);
    } finally {
      this.busy.set(false);
    }
  }
}

function numberOrNull(v: number | string | null): number | null {
  return v === null || v === '' ? null : Number(v);
}
