import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { ProgrammeStaffingResponse } from '@stegvis/contracts';
import { I18n, type TextKey } from '../../core/i18n/i18n';
import { ProgrammePicker } from '../../shared/programme-picker';

@Component({
  selector: 'sv-staffing-view',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatIconModule, ProgrammePicker],
  template: `
    <section class="page">
      <header class="page-header"><h1>{{ i18n.t('st.title') }}</h1></header>
      <div class="filters">
        <sv-programme-picker [(programmeId)]="programmeId" />
        <mat-form-field appearance="outline"><mat-label>{{ i18n.t('st.date') }}</mat-label><input matInput [ngModel]="date()" (ngModelChange)="date.set($event)" /></mat-form-field>
      </div>
      @if (staffing(); as s) {
        <p class="total" data-testid="staffing-total">{{ i18n.t('st.total') }}: <strong>{{ s.allocations.map(percent).join(' % + ') }} %{{ s.allocations.length > 1 ? ' = ' + s.totalPercent + ' %' : '' }}</strong></p>
        <table class="data">
          <thead><tr><th scope="col">{{ i18n.t('st.person') }}</th><th scope="col">{{ i18n.t('st.role') }}</th><th scope="col">{{ i18n.t('st.percent') }}</th><th scope="col">{{ i18n.t('st.period') }}</th><th scope="col"></th></tr></thead>
          <tbody>
            @for (a of s.allocations; track a.id) {
              <tr><td>{{ a.staffName }}</td><td>{{ role(a.staffRole) }}</td><td>{{ a.percent }} %</td><td>{{ a.startDate }} – {{ a.endDate }}</td>
                <td>@if (a.overAllocated) { <span class="warn" [title]="a.warnings.join(' ')"><mat-icon inline>warning</mat-icon> {{ i18n.t('st.over') }}</span> }</td></tr>
            } @empty { <tr><td colspan="5" class="muted">Ingen bemanning registrerad för dagen.</td></tr> }
          </tbody>
        </table>
      }
    </section>
  `,
  styles: `.filters { display: flex; gap: 16px; flex-wrap: wrap; } .total { font-size: 1.1rem; } .warn { color: #8c1d18; font-weight: 500; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffingView {
  protected readonly i18n = inject(I18n);
  private readonly http = inject(HttpClient);
  protected readonly programmeId = signal('');
  protected readonly date = signal(new Date().toISOString().slice(0, 10));
  protected readonly staffing = signal<ProgrammeStaffingResponse | null>(null);
  protected readonly percent = (a: { percent: number }) => a.percent;

  constructor() {
    effect(() => {
      const id = this.programmeId();
      const date = this.date();
      if (id && /^\d{4}-\d\d-\d\d$/.test(date)) this.http.get<ProgrammeStaffingResponse>(`/api/programmes/${id}/staffing`, { params: { date } }).subscribe((s) => this.staffing.set(s));
    });
  }

  protected role(r: string): string {
    return this.i18n.t(`role.${r}` as TextKey);
  }
}
