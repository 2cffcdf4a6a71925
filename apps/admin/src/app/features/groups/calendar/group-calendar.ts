import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { CalendarResponse, SessionResponse, StaffMemberResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { Labels } from '../../../core/i18n/labels';
import { stockholmToday } from '../../../core/time/stockholm-time';
import { Outcome } from '../../../shared/outcome';
import { SessionMaterial } from '../../handbook/session-material';
import { StaffingApi } from '../../staffing/staffing-api';
import { GroupsApi } from '../groups-api';
import { shortDay } from '../week.util';
import { SessionDialog, type SessionDialogData } from './session-dialog';

/** A line of the calendar: a session, or a Swedish holiday the plan skipped, in date order. */
type Line =
  | { kind: 'session'; date: string; session: SessionResponse; index: number }
  | { kind: 'holiday'; date: string; name: string };

/**
 * A group's calendar: its sessions in order, with the holidays its template's plan skipped named where they fell,
 * so a short week explains itself. Staff with 'session.manage' add (a study visit), move and cancel sessions, each
 * with a reason; a cancelled session stays, struck, with its reason.
 */
@Component({
  selector: 'sv-group-calendar',
  imports: [MatButtonModule, MatIconModule, SessionMaterial],
  template: `
    @if (calendar(); as c) {
      <div class="calendar-head">
        <div class="summary" data-testid="calendar-summary">
          <p>{{ lecturesText() }}</p>
          @if (c.skippedHolidays.length) {
            <p data-testid="skipped-holidays">
              {{ skippedText() }}
              @for (h of c.skippedHolidays; track h.date; let last = $last) {
                <strong>{{ holidayName(h.name) }}</strong> ({{ day(h.date) }}){{ last ? '.' : ',' }}
              }
            </p>
          }
          @if (c.lecturesShort > 0) {
            <p class="warn" data-testid="lectures-short">{{ shortText() }}</p>
          }
        </div>
        @if (canEdit()) {
          <button mat-flat-button type="button" (click)="add()" data-testid="add-session">
            <mat-icon>add</mat-icon> {{ i18n.t('cal.add') }}
          </button>
        }
      </div>
      @if (lines().length === 0) {
        <p class="muted" data-testid="calendar-empty">{{ i18n.t('cal.empty') }}</p>
      } @else {
        <div class="scroll">
          <table class="data" data-testid="calendar">
            <thead>
              <tr>
                <th scope="col">{{ i18n.t('groups.date') }}</th>
                <th scope="col">{{ i18n.t('groups.time') }}</th>
                <th scope="col">{{ i18n.t('groups.kind') }}</th>
                <th scope="col">{{ i18n.t('groups.theme') }}</th>
                @if (canEdit()) {
                  <th scope="col">{{ i18n.t('cal.actions') }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (line of lines(); track trackLine(line)) {
                @if (line.kind === 'holiday') {
                  <tr class="holiday" [attr.data-testid]="'holiday-' + line.date">
                    <td>{{ day(line.date) }}</td>
                    <td [attr.colspan]="canEdit() ? 4 : 3">
                      {{ i18n.t('cal.holiday') }}: <strong>{{ holidayName(line.name) }}</strong>
                    </td>
                  </tr>
                } @else {
                  @let s = line.session;
                  @let i = line.index;
                  <tr [class.cancelled]="s.status === 'cancelled'" [attr.data-testid]="'session-' + i">
                    <td>{{ day(s.date) }}</td>
                    <td class="nowrap">{{ s.startTime }}–{{ s.endTime }}</td>
                    <td>{{ labels.stored('sessionKind', s.kind) }}</td>
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
                        <div class="status" [attr.data-testid]="'calendar-status-' + i">
                          <strong
                            >{{ labels.of('sessionStatus', 'cancelled')
                            }}{{ s.note ? ': ' + s.note : '' }}</strong
                          >
                        </div>
                      } @else if (s.movedFrom) {
                        <div class="status moved" [attr.data-testid]="'calendar-status-' + i">
                          {{ movedText(s.movedFrom) }}{{ s.note ? ': ' + s.note : '' }}
                        </div>
                      } @else if (s.note) {
                        <div class="status muted" [attr.data-testid]="'calendar-status-' + i">
                          {{ i18n.t('cal.note') }}: {{ s.note }}
                        </div>
                      }
                      @if (s.presenterAbsent && s.substituteStaffId) {
                        <div class="muted">
                          {{ i18n.t('groups.substitute') }} {{ staffName(s.substituteStaffId) }}
                        </div>
                      }
                    </td>
                    @if (canEdit()) {
                      <td class="edit">
                        @if (s.status !== 'cancelled') {
                          <button
                            mat-stroked-button
                            type="button"
                            (click)="move(s)"
                            [attr.aria-label]="actionLabel('cal.moveFor', s.date)"
                            [attr.data-testid]="'move-' + i"
                          >
                            {{ i18n.t('cal.move') }}
                          </button>
                          <button
                            mat-button
                            type="button"
                            (click)="cancel(s)"
                            [attr.aria-label]="actionLabel('cal.cancelFor', s.date)"
                            [attr.data-testid]="'cancel-' + i"
                          >
                            {{ i18n.t('cal.cancel') }}
                          </button>
                          <select
                            #sub
                            [attr.aria-label]="i18n.t('groups.substituteFor') + ' ' + day(s.date)"
                            (change)="substitute(s, sub.value)"
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
              }
            </tbody>
          </table>
        </div>
      }
    } @else {
      <p class="muted" role="status">{{ i18n.t('cal.loading') }}</p>
    }
  `,
  styles: `
    .calendar-head {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      justify-content: space-between;
      flex-wrap: wrap;
      margin-bottom: 8px;
    }
    .summary p {
      margin: 4px 0;
    }
    .warn {
      color: #8c1d18;
    }
    .scroll {
      overflow-x: auto;
    }
    .nowrap {
      white-space: nowrap;
    }
    .edit {
      white-space: nowrap;
    }
    .edit select {
      font: inherit;
      padding: 6px;
      max-width: 140px;
      min-height: 36px;
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
    tr.cancelled td:nth-child(-n + 3) {
      text-decoration: line-through;
    }
    .status {
      font-size: 0.9rem;
      margin-top: 2px;
    }
    .moved {
      color: #6b4e00;
    }
    tr.holiday td {
      background: #f4f6f9;
      color: #3d424a;
      font-style: italic;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupCalendar implements OnInit {
  readonly groupId = input.required<string>();
  protected readonly i18n = inject(I18n);
  protected readonly labels = inject(Labels);
  private readonly api = inject(GroupsApi);
  private readonly staffingApi = inject(StaffingApi);
  private readonly dialog = inject(MatDialog);
  private readonly outcome = inject(Outcome);
  private readonly auth = inject(AuthStore);
  protected readonly calendar = signal<CalendarResponse | null>(null);
  protected readonly staff = signal<StaffMemberResponse[]>([]);
  protected readonly canEdit = computed(() => this.auth.can('session.manage'));
  protected readonly canReadHandbook = computed(() => this.auth.can('handbook.read'));
  /** The session whose handbook material is open under its row. */
  protected readonly openMaterial = signal<string | null>(null);

  /** Sessions and skipped holidays in one date order; a session keeps its index among sessions (its test id). */
  protected readonly lines = computed<Line[]>(() => {
    const c = this.calendar();
    if (!c) return [];
    const lines: Line[] = [
      ...c.sessions.map((session, index) => ({
        kind: 'session' as const,
        date: session.date,
        session,
        index,
      })),
      ...c.skippedHolidays.map((h) => ({ kind: 'holiday' as const, date: h.date, name: h.name })),
    ];
    // Stable: sessions of a day stay in the api's order (by start time).
    return lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  });
  protected readonly lecturesText = computed(() =>
    this.i18n.t('cal.lectures').replace('{n}', String(this.calendar()?.lectureCount ?? 0)),
  );
  protected readonly skippedText = computed(() => {
    const n = this.calendar()?.skippedHolidays.length ?? 0;
    return n === 1 ? this.i18n.t('cal.skippedOne') : this.i18n.t('cal.skipped').replace('{n}', String(n));
  });
  protected readonly shortText = computed(() =>
    this.i18n.t('cal.short').replace('{n}', String(this.calendar()?.lecturesShort ?? 0)),
  );

  async ngOnInit(): Promise<void> {
    await this.reload();
    if (this.canEdit()) this.staff.set(await firstValueFrom(this.staffingApi.staffMembers()));
  }

  protected trackLine(line: Line): string {
    return line.kind === 'session' ? line.session.id : `holiday:${line.date}`;
  }

  protected day(iso: string): string {
    return shortDay(iso);
  }

  /** date-holidays writes some names in lower case ("annandag påsk"); a line starts with a capital. */
  protected holidayName(name: string): string {
    return name.charAt(0).toLocaleUpperCase('sv-SE') + name.slice(1);
  }

  protected movedText(from: string): string {
    return this.i18n.t('cal.movedFrom').replace('{day}', this.day(from));
  }

  protected actionLabel(key: 'cal.moveFor' | 'cal.cancelFor', date: string): string {
    return this.i18n.t(key).replace('{day}', this.day(date));
  }

  protected toggleMaterial(sessionId: string): void {
    this.openMaterial.set(this.openMaterial() === sessionId ? null : sessionId);
  }

  protected staffName(id: string): string {
    return this.staff().find((m) => m.id === id)?.name ?? '';
  }

  protected add(): Promise<void> {
    return this.open({ mode: 'add', groupId: this.groupId(), date: stockholmToday() });
  }

  protected move(session: SessionResponse): Promise<void> {
    return this.open({ mode: 'move', session });
  }

  protected cancel(session: SessionResponse): Promise<void> {
    return this.open({ mode: 'cancel', session });
  }

  /** The presenter is away: the substitute sees the session at once. */
  protected async substitute(s: SessionResponse, staffId: string): Promise<void> {
    if (!staffId) return;
    try {
      await firstValueFrom(
        this.api.updateSession(s.id, {
          version: s.version,
          presenterAbsent: true,
          substituteStaffId: staffId,
        }),
      );
      this.outcome.done(this.i18n.t('cal.substituteSaved'));
    } catch (err) {
      this.outcome.failed(err);
    }
    await this.reload();
  }

  private async open(data: SessionDialogData): Promise<void> {
    const ref = this.dialog.open<SessionDialog, SessionDialogData, SessionResponse>(SessionDialog, {
      data,
      autoFocus: 'first-tabbable',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved) await this.reload();
  }

  private async reload(): Promise<void> {
    this.calendar.set(await firstValueFrom(this.api.calendar(this.groupId())));
  }
}
