import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  type OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { type PlacesOfferedResponse, type ProgrammeResponse, stockholmToday } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { ListState } from '../../shared/list/list-state';
import { ProgrammesApi } from '../programmes/programmes-api';
import { EmployersApi } from './employers-api';
import { type Period, periodLabel, tertials } from './period';

const CUSTOM = 'custom';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Internship places the employer offers a programme per period. A period is picked as a tertial (the periods the
 * reports are made for) or typed as two dates; it is shown by its Swedish name ("Tertial 2 2030 (maj–aug)").
 */
@Component({
  selector: 'sv-employer-places-tab',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    FieldErrorPipe,
    ListState,
  ],
  template: `
    @if (canWrite()) {
      <h2>{{ i18n.t('emp.places.new') }}</h2>
      @if (submit.banner()) {
        <p class="error-banner" role="alert" data-testid="places-banner">{{ submit.banner() }}</p>
      }
      <form
        [formGroup]="form"
        (ngSubmit)="save()"
        class="card form-grid"
        novalidate
        data-testid="places-form"
      >
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('emp.places.programme') }}</mat-label>
          <mat-select formControlName="programmeId" data-testid="places-programme">
            @for (p of programmes(); track p.id) {
              <mat-option [value]="p.id">{{ p.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.programmeId | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('emp.places.period') }}</mat-label>
          <mat-select formControlName="period" data-testid="places-period">
            @for (p of periodOptions(); track p.start) {
              <mat-option [value]="p.start + '/' + p.end">{{ label(p) }}</mat-option>
            }
            <mat-option [value]="custom">{{ i18n.t('rep.period.custom') }}</mat-option>
          </mat-select>
        </mat-form-field>
        @if (form.controls.period.value === custom) {
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('emp.places.start') }}</mat-label>
            <input matInput formControlName="periodStart" data-testid="places-start" />
            <mat-error>{{ form.controls.periodStart | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('emp.places.end') }}</mat-label>
            <input matInput formControlName="periodEnd" data-testid="places-end" />
            <mat-error data-testid="places-end-error">{{ form.controls.periodEnd | fieldError }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('emp.places.count') }}</mat-label>
          <input
            matInput
            type="number"
            min="1"
            max="100"
            formControlName="places"
            data-testid="places-count"
          />
          <mat-error data-testid="places-count-error">{{ form.controls.places | fieldError }}</mat-error>
        </mat-form-field>
        <div class="full">
          <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="places-save">
            {{ i18n.t('emp.places.save') }}
          </button>
        </div>
      </form>
    }
    <h2>{{ i18n.t('emp.tab.places') }}</h2>
    <sv-list-state
      [loading]="loading()"
      [error]="error()"
      [count]="places().length"
      [emptyText]="i18n.t('emp.places.empty')"
      emptyIcon="event_seat"
      (retry)="reload()"
    >
      <table class="data" data-testid="places-list">
        <thead>
          <tr>
            <th scope="col">{{ i18n.t('emp.places.period') }}</th>
            <th scope="col">{{ i18n.t('emp.places.programme') }}</th>
            <th scope="col" class="num">{{ i18n.t('emp.places.count') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (p of places(); track p.id; let i = $index) {
            <tr [attr.data-testid]="'places-' + i">
              <td>{{ label({ start: p.periodStart, end: p.periodEnd }) }}</td>
              <td>{{ programmeName(p.programmeId) }}</td>
              <td class="num">{{ p.places }}</td>
            </tr>
          }
        </tbody>
      </table>
    </sv-list-state>
  `,
  styles: `
    h2 {
      font-size: 1.1rem;
      font-weight: 500;
      margin: 8px 0;
    }
    .card {
      background: white;
      padding: 16px;
      border-radius: 8px;
      margin-bottom: 16px;
    }
    .num {
      text-align: right;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerPlacesTab implements OnInit {
  readonly employerId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(EmployersApi);
  private readonly programmesApi = inject(ProgrammesApi);
  private readonly auth = inject(AuthStore);
  protected readonly canWrite = computed(() => this.auth.can('employer.manage'));
  protected readonly submit = formSubmit();
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly custom = CUSTOM;
  protected readonly places = signal<PlacesOfferedResponse[]>([]);
  protected readonly programmes = signal<ProgrammeResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(undefined);
  /** Last year's, this year's and next year's tertials: places are offered ahead, and recorded afterwards. */
  protected readonly periodOptions = computed(() => {
    const year = Number(stockholmToday().slice(0, 4));
    return tertials([year - 1, year, year + 1]);
  });
  protected readonly form = inject(FormBuilder).nonNullable.group({
    programmeId: ['', Validators.required],
    period: ['', Validators.required],
    periodStart: ['', [Validators.required, Validators.pattern(DATE)]],
    periodEnd: ['', [Validators.required, Validators.pattern(DATE)]],
    places: [1, [Validators.required, Validators.min(1), Validators.max(100)]],
  });

  constructor() {
    // A tertial fills in its dates; "Egna datum" leaves them to be typed.
    this.form.controls.period.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((v) => {
      if (!v || v === CUSTOM) return;
      const [start, end] = v.split('/');
      this.form.patchValue({ periodStart: start, periodEnd: end });
    });
  }

  async ngOnInit(): Promise<void> {
    const [, programmes] = await Promise.all([
      this.reload(),
      firstValueFrom(this.programmesApi.list()).catch(() => ({ items: [] as ProgrammeResponse[] })),
    ]);
    this.programmes.set(programmes.items);
    if (programmes.items.length === 1) this.form.controls.programmeId.setValue(programmes.items[0].id);
  }

  /** The form may hold typed work not yet saved. */
  dirty(): boolean {
    return this.form.dirty;
  }

  protected label(p: Period): string {
    return periodLabel(p, (k) => this.i18n.t(k));
  }

  protected programmeName(id: string): string {
    return this.programmes().find((p) => p.id === id)?.name ?? '–';
  }

  protected async reload(): Promise<void> {
    this.loading.set(true);
    this.error.set(undefined);
    try {
      this.places.set(await firstValueFrom(this.api.places(this.employerId())));
    } catch (err) {
      this.error.set(err);
    } finally {
      this.loading.set(false);
    }
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const res = await this.submit.run(
      this.form,
      () =>
        this.api.offerPlaces(this.employerId(), {
          programmeId: v.programmeId,
          periodStart: v.periodStart,
          periodEnd: v.periodEnd,
          places: Number(v.places),
        }),
      { done: this.i18n.t('emp.places.saved') },
    );
    if (!res.ok) return;
    // resetForm, not form.reset: it also clears the submitted state, so the emptied period is not shown as an error.
    this.formDirective()?.resetForm({
      programmeId: v.programmeId,
      period: '',
      periodStart: '',
      periodEnd: '',
      places: 1,
    });
    await this.reload();
  }
}
