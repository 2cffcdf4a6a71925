import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import type { GroupResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { GroupSurveys } from '../surveys/group-surveys';
import { AttendanceGrid } from './attendance-grid';
import { GroupInternships } from './group-internships';
import { GroupSettings } from './group-settings';
import { GroupsApi } from './groups-api';
import { GroupCalendar } from './calendar/group-calendar';

@Component({
  selector: 'sv-group-detail',
  imports: [MatTabsModule, GroupCalendar, AttendanceGrid, GroupSurveys, GroupInternships, GroupSettings],
  template: `
    <section class="page">
      @if (group(); as g) {
        <header class="page-header">
          <h1>
            {{ g.name }} <span class="muted">{{ g.startDate }} – {{ g.endDate }}</span>
          </h1>
        </header>
        <sv-group-settings [group]="g" (changed)="group.set($event)" />
        <mat-tab-group [selectedIndex]="canSeeAttendance() ? 1 : 0">
          <mat-tab [label]="i18n.t('groups.calendar')"
            ><div class="tab"><sv-group-calendar [groupId]="g.id" /></div
          ></mat-tab>
          @if (canSeeAttendance()) {
            <mat-tab [label]="i18n.t('groups.attendance')"
              ><div class="tab"><sv-attendance-grid [groupId]="g.id" /></div
            ></mat-tab>
          }
          @if (canSeeInternships()) {
            <mat-tab [label]="i18n.t('p.tab.internships')"
              ><div class="tab"><sv-group-internships [groupId]="g.id" /></div
            ></mat-tab>
          }
          @if (canSeeSurveys()) {
            <mat-tab [label]="i18n.t('s.title')"
              ><div class="tab"><sv-group-surveys [groupId]="g.id" /></div
            ></mat-tab>
          }
        </mat-tab-group>
      }
    </section>
  `,
  styles: `
    .tab {
      padding-top: 12px;
    }
    h1 .muted {
      font-size: 1rem;
      font-weight: 400;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupDetail implements OnInit {
  readonly id = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(GroupsApi);
  protected readonly group = signal<GroupResponse | null>(null);
  private readonly auth = inject(AuthStore);
  protected readonly canSeeAttendance = computed(() => this.auth.can('attendance.read'));
  protected readonly canSeeInternships = computed(() => this.auth.can('internship.read'));
  protected readonly canSeeSurveys = computed(() => this.auth.can('survey.summary'));

  async ngOnInit(): Promise<void> {
    this.group.set(await firstValueFrom(this.api.get(this.id())));
  }
}
