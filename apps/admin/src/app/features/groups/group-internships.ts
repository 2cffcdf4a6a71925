import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type EmployerResponse,
  type EnrolmentResponse,
  type GroupInternshipSummary,
  INTERNSHIP_RESULTS,
  type InternshipResponse,
  type InternshipResult,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { applyProblemToForm, asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { AuthStore } from '../../core/auth/auth-store';
import { EmployersApi } from '../employers/employers-api';
import { InternshipResultForm } from '../employers/internship-result';
import { GroupsApi } from './groups-api';

/** A group's internships: who is where, the group's share with an internship, and a form to place someone. */
@Component({
  selector: 'sv-group-internships',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    RouterLink,
    InternshipResultForm,
  ],
  template: `
    @if (summary(); as s) {
      <p class="summary" data-testid="internship-summary">
        {{ i18n.t('in.withInternship') }}:
        <strong>{{ s.withInternship.count }} {{ i18n.t('in.of') }} {{ s.withInternship.of }}</strong> ({{
          s.withInternship.percent ?? '–'
        }}
        %) · {{ i18n.t('in.ledToOffer') }}: {{ s.ledToOffer }}
      </p>
    }
    <table class="data">
      <thead>
        <tr>
          <th scope="col">{{ i18n.t('in.participant') }}</th>
          <th scope="col">{{ i18n.t('in.employer') }}</th>
          <th scope="col">{{ i18n.t('in.period') }}</th>
          <th scope="col">{{ i18n.t('in.dates') }}</th>
          <th scope="col">{{ i18n.t('in.result') }}</th>
          @if (canWrite()) {
            <th scope="col">
              <span class="cdk-visually-hidden">{{ i18n.t('emp.in.recordResult') }}</span>
            </th>
          }
        </tr>
      </thead>
      <tbody>
        @for (i of internships(); track i.id; let n = $index) {
          <tr data-testid="internship-row">
            <td>{{ nameOf(i.enrolmentId) }}</td>
            <td>
              <a [routerLink]="['/arbetsgivare', i.employerId]">{{ i.employerName }}</a>
            </td>
            <td>{{ i.periodNumber }}</td>
            <td>{{ i.startDate }} – {{ i.endDate }}</td>
            <td [attr.data-testid]="'internship-result-' + n">{{ result(i.result) }}</td>
            @if (canWrite()) {
              <td>
                <button
                  mat-stroked-button
                  type="button"
                  (click)="toggleResult(i.id)"
                  [attr.aria-expanded]="openResult() === i.id"
                  [attr.data-testid]="'internship-record-result-' + n"
                >
                  {{ openResult() === i.id ? i18n.t('emp.in.closeResult') : i18n.t('emp.in.recordResult') }}
                </button>
              </td>
            }
          </tr>
          @if (openResult() === i.id) {
            <tr class="result-row">
              <td colspan="6">
                <!-- The same form as on the employer's page, so a result is recorded one way. -->
                <sv-internship-result
                  [internship]="i"
                  [name]="nameOf(i.enrolmentId)"
                  (saved)="resultSaved($event)"
                />
              </td>
            </tr>
          }
        } @empty {
          <tr>
            <td colspan="6" class="muted">{{ i18n.t('in.empty') }}</td>
          </tr>
        }
      </tbody>
    </table>
    <h2>{{ i18n.t('in.new') }}</h2>
    @if (banner()) {
      <p class="error-banner" role="alert">{{ banner() }}</p>
    }
    <form [formGroup]="form" (ngSubmit)="save()" class="form-grid" novalidate>
      <mat-form-field appearance="outline"
        ><mat-label>{{ i18n.t('in.participant') }}</mat-label>
        <mat-select formControlName="enrolmentId" data-testid="internship-participant">
          @for (e of enrolments(); track e.id) {
            <mat-option [value]="e.id">{{ e.displayName }}</mat-option>
          }
        </mat-select></mat-form-field
      >
      <mat-form-field appearance="outline"
        ><mat-label>{{ i18n.t('in.employer') }}</mat-label>
        <mat-select formControlName="employerId" data-testid="internship-employer">
          @for (e of employers(); track e.id) {
            <mat-option [value]="e.id">{{ e.name }}</mat-option>
          }
        </mat-select></mat-form-field
      >
      <mat-form-field appearance="outline"
        ><mat-label>{{ i18n.t('in.periodNumber') }}</mat-label
        ><input matInput type="number" formControlName="periodNumber"
      /></mat-form-field>
      <mat-form-field appearance="outline"
        ><mat-label>{{ i18n.t('in.start') }}</mat-label
        ><input matInput formControlName="startDate" data-testid="internship-start"
      /></mat-form-field>
      <mat-form-field appearance="outline"
        ><mat-label>{{ i18n.t('in.end') }}</mat-label
        ><input matInput formControlName="endDate" data-testid="internship-end" />
        @if (form.controls.endDate.getError('server'); as e) {
          <mat-error>{{ e }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline"
        ><mat-label>{{ i18n.t('in.supervisor') }}</mat-label
        ><input matInput formControlName="supervisor"
      /></mat-form-field>
      <mat-form-field appearance="outline"
        ><mat-label>{{ i18n.t('in.result') }}</mat-label>
        <mat-select formControlName="result">
          @for (r of results; track r) {
            <mat-option [value]="r">{{ result(r) }}</mat-option>
          }
        </mat-select></mat-form-field
      >
      <mat-checkbox formControlName="wishedSector">{{ i18n.t('in.wishedSector') }}</mat-checkbox>
      <div class="full">
        <button mat-flat-button type="submit" data-testid="internship-save">{{ i18n.t('in.save') }}</button>
      </div>
    </form>
  `,
  styles: `
    .summary {
      font-size: 1.05rem;
    }
    h2 {
      font-size: 1.15rem;
      font-weight: 500;
      margin: 20px 0 8px;
    }
    .result-row td {
      background: #f4f6f9;
      padding-top: 12px;
    }
    form {
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupInternships implements OnInit {
  readonly groupId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  private readonly api = inject(GroupsApi);
  private readonly employersApi = inject(EmployersApi);
  protected readonly results = INTERNSHIP_RESULTS;
  protected readonly internships = signal<InternshipResponse[]>([]);
  protected readonly enrolments = signal<EnrolmentResponse[]>([]);
  protected readonly employers = signal<EmployerResponse[]>([]);
  protected readonly summary = signal<GroupInternshipSummary | null>(null);
  protected readonly banner = signal('');
  private readonly auth = inject(AuthStore);
  protected readonly canWrite = computed(() => this.auth.can('internship.write'));
  /** The internship whose result form is open, if any. */
  protected readonly openResult = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    enrolmentId: ['', Validators.required],
    employerId: ['', Validators.required],
    periodNumber: [1, Validators.required],
    startDate: ['', Validators.required],
    endDate: ['', Validators.required],
    supervisor: [''],
    result: new FormControl<InternshipResult>('ongoing', { nonNullable: true }),
    wishedSector: [true],
  });

  async ngOnInit(): Promise<void> {
    const grid = await firstValueFrom(this.api.attendance(this.groupId()));
    this.enrolments.set(
      grid.rows.map((r) => ({ id: r.enrolmentId, displayName: r.displayName }) as EnrolmentResponse),
    );
    this.employers.set(await firstValueFrom(this.employersApi.list()));
    await this.reload();
  }

  protected nameOf(enrolmentId: string): string {
    return this.enrolments().find((e) => e.id === enrolmentId)?.displayName ?? '';
  }

  protected toggleResult(id: string): void {
    this.openResult.update((o) => (o === id ? null : id));
  }

  /** A result changes the group's offers too: list and share are read again together. */
  protected async resultSaved(saved: InternshipResponse): Promise<void> {
    this.internships.update((list) => list.map((i) => (i.id === saved.id ? saved : i)));
    this.openResult.set(null);
    await this.reload();
  }

  protected result(r: string): string {
    return this.labels.stored('internshipResult', r);
  }

  protected async save(): Promise<void> {
    this.banner.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    try {
      await firstValueFrom(this.api.createInternship({ ...v, periodNumber: Number(v.periodNumber) }));
      this.form.reset();
      await this.reload();
    } catch (err) {
      const rest = applyProblemToForm(this.form, asProblem(err, this.i18n.lang()));
      this.banner.set(
        rest.map((e) => e.message).join('; ') ||
          asProblem(err, this.i18n.lang())?.detail ||
          this.i18n.t('in.saveFailed'),
      );
    }
  }

  private async reload(): Promise<void> {
    // Both at once, so the list and the share never disagree on screen.
    const [list, summary] = await Promise.all([
      firstValueFrom(this.api.internships(this.groupId())),
      firstValueFrom(this.api.internshipSummary(this.groupId())),
    ]);
    this.internships.set(list);
    this.summary.set(summary);
  }
}
