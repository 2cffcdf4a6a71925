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
import type { CalendarResponse, GroupResponse, StaffMemberResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { GroupSurveys } from '../surveys/group-surveys';
import { AttendanceGrid } from './attendance-grid';
import { SessionMaterial } from '../handbook/session-material';
import { GroupInternships } from './group-internships';
import { GroupSettings } from './group-settings';
import { GroupsApi } from './groups-api';
import { shortDay } from './week.util';
import { StaffingApi } from '../staffing/staffing-api';

@Component({
  selector: 'sv-group-detail',
  imports: [MatTabsModule, AttendanceGrid, GroupSurveys, GroupInternships, SessionMaterial, GroupSettings],
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
          <mat-tab [label]="i18n.t('groups.calendar')">
            <table class="data" data-testid="calendar">
              <thead>
                <tr>
                  <th scope="col">{{ i18n.t('groups.date') }}</th>
                  <th scope="col">{{ i18n.t('groups.time') }}</th>
                  <th scope="col">{{ i18n.t('groups.kind') }}</th>
                  <th scope="col">{{ i18n.t('groups.theme') }}</th>
                  @if (canEdit()) {
                    <th scope="col">{{ i18n.t('groups.change') }}</th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (s of calendar()?.sessions ?? []; track s.id; let i = $index) {
                  <tr [class.cancelled]="s.status === 'cancelled'" [attr.data-testid]="'session-' + i">
                    <td>{{ day(s.date) }}</td>
                    <td>{{ s.startTime }}–{{ s.endTime }}</td>
                    <td>{{ kind(s.kind) }}</td>
                    <td>
                      @if (canReadHandbook() && s.theme) {
                        <button
                          type="button"
                          class="theme-link"
                          (click)="toggleMaterial(s.id)"
                          [attr.aria-expanded]="openMaterial() === s.id"
                          [attr.data-testid]="'material-' + i"
                        >
                          {{ s.theme }} <span class="hint">· {{ i18n.t('hb.material') }}</span>
                        </button>
                      } @else {
                        {{ s.theme }}
                      }
                      @if (s.status === 'cancelled') {
                        <strong
                          >({{ labels.of('sessionStatus', 'cancelled')
                          }}{{ s.note ? ': ' + s.note : '' }})</strong
                        >
                      }
                      @if (s.presenterAbsent && s.substituteStaffId) {
                        <span class="muted">
                          · {{ i18n.t('groups.substitute') }} {{ staffName(s.substituteStaffId) }}</span
                        >
                      }
                    </td>
                    @if (canEdit()) {
                      <td class="edit">
                        @if (s.status !== 'cancelled') {
                          <input
                            #reason
                            [attr.aria-label]="cancelReasonLabel(s.date)"
                            [placeholder]="i18n.t('att.reason')"
                            [attr.data-testid]="'cancel-reason-' + i"
                          />
                          <button
                            mat-button
                            type="button"
                            (click)="cancel(s.id, s.version, reason.value)"
                            [attr.data-testid]="'cancel-' + i"
                          >
                            {{ i18n.t('groups.cancelSession') }}
                          </button>
                          <select
                            #sub
                            [attr.aria-label]="i18n.t('groups.substituteFor') + ' ' + day(s.date)"
                            (change)="substitute(s.id, s.version, sub.value)"
                            [attr.data-testid]="'substitute-' + i"
                          >
                            <option value="">{{ i18n.t('groups.chooseSubstitute') }}</option>
                            @for (m of staff(); track m.id) {
                              <option [value]="m.id">{{ m.name }}</option>
                            }
                          </select>
                        }
                      </td>
                    }
                  </tr>
                  @if (openMaterial() === s.id) {
                    <tr class="material-row">
                      <td [attr.colspan]="canEdit() ? 5 : 4">
                        <sv-session-material [sessionId]="s.id" [canChoose]="canEdit()" />
                      </td>
                    </tr>
                  }
                }
              </tbody>
            </table>
          </mat-tab>
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
    .edit {
      white-space: nowrap;
    }
    .edit input,
    .edit select {
      font: inherit;
      padding: 6px;
      max-width: 140px;
    }
    .tab {
      padding-top: 12px;
    }
    h1 .muted {
      font-size: 1rem;
      font-weight: 400;
    }
    .theme-link {
      font: inherit;
      background: none;
      border: 0;
      padding: 6px 0;
      color: #1a4fa0;
      cursor: pointer;
      text-align: left;
      min-height: 36px;
    }
    .theme-link .hint {
      font-size: 0.85rem;
    }
    .theme-link:hover {
      text-decoration: underline;
    }
    .material-row td {
      background: #f4f6f9;
    }
    tr.cancelled td {
      color: #8c1d18;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupDetail implements OnInit {
  readonly id = input.required<string>();
  protected readonly i18n = inject(I18n);
  protected readonly labels = inject(Labels);
  private readonly api = inject(GroupsApi);
  protected readonly group = signal<GroupResponse | null>(null);
  protected readonly calendar = signal<CalendarResponse | null>(null);
  private readonly auth = inject(AuthStore);
  protected readonly canSeeAttendance = computed(() => this.auth.can('attendance.read'));
  protected readonly canSeeInternships = computed(() => this.auth.can('internship.read'));
  protected readonly canSeeSurveys = computed(() => this.auth.can('survey.summary'));

  protected readonly canEdit = computed(() => this.auth.can('session.manage'));
  protected readonly canReadHandbook = computed(() => this.auth.can('handbook.read'));
  /** The session whose handbook material is open under its row. */
  protected readonly openMaterial = signal<string | null>(null);
  protected readonly staff = signal<StaffMemberResponse[]>([]);
  private readonly staffingApi = inject(StaffingApi);

  async ngOnInit(): Promise<void> {
    const [g, c] = await Promise.all([
      firstValueFrom(this.api.get(this.id())),
      firstValueFrom(this.api.calendar(this.id())),
    ]);
    this.group.set(g);
    this.calendar.set(c);
    if (this.canEdit()) this.staff.set(await firstValueFrom(this.staffingApi.staffMembers()));
  }

  protected toggleMaterial(sessionId: string): void {
    this.openMaterial.set(this.openMaterial() === sessionId ? null : sessionId);
  }

  protected staffName(id: string): string {
    return this.staff().find((m) => m.id === id)?.name ?? '';
  }

  /** A cancelled session stays in the calendar with its reason; it no longer counts as held. */
  protected async cancel(sessionId: string, version: number, note: string): Promise<void> {
    if (!note.trim()) return;
    await firstValueFrom(
      this.api.updateSession(sessionId, { version, status: 'cancelled', note: note.trim() }),
    );
    this.calendar.set(await firstValueFrom(this.api.calendar(this.id())));
  }

  /** The presenter is away: the substitute sees the session at once. */
  protected async substitute(sessionId: string, version: number, staffId: string): Promise<void> {
    if (!staffId) return;
    await firstValueFrom(
      this.api.updateSession(sessionId, { version, presenterAbsent: true, substituteStaffId: staffId }),
    );
    this.calendar.set(await firstValueFrom(this.api.calendar(this.id())));
  }

  protected day(iso: string): string {
    return shortDay(iso);
  }

  protected cancelReasonLabel(iso: string): string {
    return this.i18n.t('groups.cancelReasonFor').replace('{day}', this.day(iso));
  }

  protected kind(k: string): string {
    return this.labels.stored('sessionKind', k);
  }
}
