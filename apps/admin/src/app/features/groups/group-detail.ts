import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import type { CalendarResponse, GroupResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n, type TextKey } from '../../core/i18n/i18n';
import { GroupSurveys } from '../surveys/group-surveys';
import { AttendanceGrid } from './attendance-grid';
import { GroupsApi } from './groups-api';
import { shortDay } from './week.util';

@Component({
  selector: 'sv-group-detail',
  imports: [MatTabsModule, AttendanceGrid, GroupSurveys],
  template: `
    <section class="page">
      @if (group(); as g) {
        <header class="page-header">
          <h1>{{ g.name }} <span class="muted">{{ g.startDate }} – {{ g.endDate }}</span></h1>
        </header>
        <mat-tab-group [selectedIndex]="canSeeAttendance() ? 1 : 0">
          <mat-tab [label]="i18n.t('groups.calendar')">
            <table class="data" data-testid="calendar">
              <thead><tr><th scope="col">Datum</th><th scope="col">Tid</th><th scope="col">Typ</th><th scope="col">Tema</th></tr></thead>
              <tbody>
                @for (s of calendar()?.sessions ?? []; track s.id) {
                  <tr [class.cancelled]="s.status === 'cancelled'">
                    <td>{{ day(s.date) }}</td><td>{{ s.startTime }}–{{ s.endTime }}</td><td>{{ kind(s.kind) }}</td>
                    <td>{{ s.theme }} @if (s.status === 'cancelled') { <strong>({{ i18n.t('groups.cancelled') }}: {{ s.note }})</strong> }</td>
                  </tr>
                }
              </tbody>
            </table>
          </mat-tab>
          @if (canSeeAttendance()) {
            <mat-tab [label]="i18n.t('groups.attendance')"><div class="tab"><sv-attendance-grid [groupId]="g.id" /></div></mat-tab>
          }
          @if (canSeeSurveys()) {
            <mat-tab [label]="i18n.t('s.title')"><div class="tab"><sv-group-surveys [groupId]="g.id" /></div></mat-tab>
          }
        </mat-tab-group>
      }
    </section>
  `,
  styles: `.tab { padding-top: 12px; } h1 .muted { font-size: 1rem; font-weight: 400; } tr.cancelled td { color: #8c1d18; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupDetail implements OnInit {
  readonly id = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(GroupsApi);
  protected readonly group = signal<GroupResponse | null>(null);
  protected readonly calendar = signal<CalendarResponse | null>(null);
  private readonly auth = inject(AuthStore);
  protected readonly canSeeAttendance = signal(this.auth.hasRole('staff'));
  protected readonly canSeeSurveys = signal(this.auth.hasRole('admin', 'staff', 'steering', 'evaluator'));

  async ngOnInit(): Promise<void> {
    const [g, c] = await Promise.all([firstValueFrom(this.api.get(this.id())), firstValueFrom(this.api.calendar(this.id()))]);
    this.group.set(g);
    this.calendar.set(c);
  }

  protected day(iso: string): string {
    return shortDay(iso);
  }

  protected kind(k: string): string {
    return this.i18n.t(`kind.${k}` as TextKey);
  }
}
