import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { STAFF_ROLES, type StaffMemberResponse, type StaffRole } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../core/errors/problem-form';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { ListState, rowsOf } from '../../shared/list/list-state';
import { Outcome } from '../../shared/outcome';
import { ProgrammePicker } from '../../shared/programme-picker';
import { stockholmToday } from '../../core/time/stockholm-time';
import { StaffingApi } from './staffing-api';

@Component({
  selector: 'sv-staffing-view',
  imports: [
    FormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatIconModule,
    MatButtonModule,
    ProgrammePicker,
    ListState,
    LabelPipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('st.title') }}</h1>
      </header>
      <div class="filters">
        <sv-programme-picker [(programmeId)]="programmeId" />
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('st.date') }}</mat-label
          ><input matInput [ngModel]="date()" (ngModelChange)="date.set($event)"
        /></mat-form-field>
      </div>
      @if (staffing.hasValue() && staffing.value(); as s) {
        <p class="total" data-testid="staffing-total">
          {{ i18n.t('st.total') }}:
          @if (s.allocations.length === 0) {
            <strong>0 %</strong>
          } @else {
            <strong
              >{{ s.allocations.map(percentOf).join(' % + ') }} %{{
                s.allocations.length > 1 ? ' = ' + s.totalPercent + ' %' : ''
              }}</strong
            >
          }
        </p>
      }
      @if (programmeId()) {
        <sv-list-state
          [loading]="staffing.isLoading()"
          [error]="staffing.error()"
          [count]="allocations().length"
          [emptyText]="i18n.t('st.empty')"
          emptyIcon="badge"
          (retry)="staffing.reload()"
        >
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{{ i18n.t('st.person') }}</th>
                <th scope="col">{{ i18n.t('st.role') }}</th>
                <th scope="col">{{ i18n.t('st.percent') }}</th>
                <th scope="col">{{ i18n.t('st.period') }}</th>
                <th scope="col"></th>
              </tr>
            </thead>
            <tbody>
              @for (a of allocations(); track a.id) {
                <tr>
                  <td>{{ a.staffName }}</td>
                  <td>{{ a.staffRole | label: 'staffRole' }}</td>
                  <td>{{ a.percent }} %</td>
                  <td>{{ a.startDate }} – {{ a.endDate }}</td>
                  <td>
                    @if (a.overAllocated) {
                      <span class="warn" [title]="warningText(a)"
                        ><mat-icon inline>warning</mat-icon> {{ i18n.t('st.over') }}</span
                      >
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </sv-list-state>
      }
      @if (canManage) {
        <h2>{{ i18n.t('st.add') }}</h2>
        @if (message()) {
          <p [class]="messageKind()" role="status" data-testid="allocation-message">{{ message() }}</p>
        }
        <div class="row">
          <label
            >{{ i18n.t('st.person') }}
            <select [(ngModel)]="staffMemberId" data-testid="alloc-person">
              <option value="">–</option>
              @for (m of people(); track m.id) {
                <option [value]="m.id">{{ m.name }} ({{ m.staffRole | label: 'staffRole' }})</option>
              }
            </select></label
          >
          <label
            >{{ i18n.t('st.share') }}
            <input type="number" min="1" max="100" [(ngModel)]="percent" data-testid="alloc-percent"
          /></label>
          <label
            >{{ i18n.t('st.from') }}
            <input [(ngModel)]="start" [placeholder]="i18n.t('st.datePlaceholder')" data-testid="alloc-start"
          /></label>
          <label
            >{{ i18n.t('st.to') }}
            <input [(ngModel)]="end" [placeholder]="i18n.t('st.datePlaceholder')" data-testid="alloc-end"
          /></label>
          <button mat-flat-button type="button" (click)="allocate()" data-testid="alloc-save">
            {{ i18n.t('st.save') }}
          </button>
        </div>
        <div class="row">
          <label
            >{{ i18n.t('st.newStaff') }}
            <input
              [(ngModel)]="newName"
              [placeholder]="i18n.t('st.namePlaceholder')"
              data-testid="staff-name"
          /></label>
          <label
            >{{ i18n.t('st.role') }}
            <select [(ngModel)]="newRole">
              @for (r of staffRoles; track r) {
                <option [value]="r">{{ r | label: 'staffRole' }}</option>
              }
            </select></label
          >
          <button mat-stroked-button type="button" (click)="addPerson()" data-testid="staff-save">
            {{ i18n.t('st.addStaff') }}
          </button>
        </div>
      }
    </section>
  `,
  styles: `
    .row {
      display: flex;
      gap: 12px;
      align-items: end;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .row label {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .row input,
    .row select {
      font: inherit;
      padding: 8px;
      min-height: 40px;
    }
    h2 {
      font-size: 1.15rem;
      font-weight: 500;
      margin: 20px 0 8px;
    }
    .filters {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
    }
    .total {
      font-size: 1.1rem;
    }
    .warn {
      color: #8c1d18;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffingView {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(StaffingApi);
  private readonly outcome = inject(Outcome);
  protected readonly programmeId = signal('');
  protected readonly date = signal(stockholmToday());
  protected readonly staffing = rxResource({
    params: () => {
      const id = this.programmeId();
      const date = this.date();
      return id && /^\d{4}-\d\d-\d\d$/.test(date) ? { id, date } : undefined;
    },
    stream: ({ params }) => this.api.programmeStaffing(params.id, params.date),
  });
  protected readonly allocations = rowsOf(this.staffing, (s) => s.allocations);
  protected readonly percentOf = (a: { percent: number }) => a.percent;
  protected readonly canManage = inject(AuthStore).can('staffing.manage');
  protected readonly staffRoles = STAFF_ROLES;
  protected readonly people = signal<StaffMemberResponse[]>([]);
  protected readonly message = signal('');
  protected readonly warningText = (a: { warnings: { code: string; params?: unknown; message: string }[] }) =>
    a.warnings.map((w) => this.i18n.problem(w.code, w.params, w.message)).join(' ');
  protected readonly messageKind = signal('info-banner');
  protected staffMemberId = '';
  protected percent = 50;
  protected start = '';
  protected end = '';
  protected newName = '';
  protected newRole: StaffRole = 'programme_worker';

  constructor() {
    if (this.canManage) this.loadPeople();
  }

  /** An allocation above 100 % is saved (people are over-booked for a while) but the warning is shown at once. */
  protected async allocate(): Promise<void> {
    try {
      const a = await firstValueFrom(
        this.api.allocate({
          staffMemberId: this.staffMemberId,
          programmeId: this.programmeId(),
          percent: Number(this.percent),
          startDate: this.start,
          endDate: this.end,
        }),
      );
      this.messageKind.set(a.overAllocated ? 'error-banner' : 'info-banner');
      this.message.set(a.overAllocated ? this.warningText(a) : this.i18n.t('st.saved'));
      this.staffing.reload();
    } catch (err) {
      const p = asProblem(err, this.i18n.lang());
      this.messageKind.set('error-banner');
      this.message.set(
        p?.errors?.map((e) => e.message).join('; ') ?? p?.detail ?? this.i18n.t('st.saveFailed'),
      );
    }
  }

  /** A refused save keeps the typed name and says why. */
  protected async addPerson(): Promise<void> {
    if (!this.newName.trim()) return;
    try {
      await firstValueFrom(
        this.api.createStaffMember({ name: this.newName.trim(), staffRole: this.newRole }),
      );
      this.outcome.done(this.i18n.t('shared.saved'));
      this.newName = '';
      this.loadPeople();
    } catch (err) {
      const p = asProblem(err, this.i18n.lang());
      this.messageKind.set('error-banner');
      this.message.set(
        p?.errors?.map((e) => e.message).join('; ') ?? p?.detail ?? this.i18n.t('st.saveFailed'),
      );
    }
  }

  private loadPeople(): void {
    this.api.staffMembers().subscribe((p) => this.people.set(p));
  }
}
