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
import { type MatButtonToggleChange, MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import {
  type AbsenceReason,
  type AttendanceGridResponse,
  type AttendanceMark,
  type AttendanceStatus,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { stockholmToday } from '../../core/time/stockholm-time';
import { type AbsenceReasonData, AbsenceReasonDialog } from './calendar/absence-reason-dialog';
import { GroupsApi } from './groups-api';
import { addDays, isoWeek, mondayOf, shortDay } from './week.util';

type Cell = { status: AttendanceStatus; reason: AbsenceReason | null };

/**
 * The attendance grid: enrolled participants × this week's sessions. Built for a tablet: large toggles, one
 * save for the whole week. Marks live in memory until the save succeeds; a failed save keeps them and retries
 * with the same Idempotency-Key, so nothing is stored twice. Each mark is sent with the version it was read at
 * (0 for an empty cell): when a colleague saved the same cell in between, the api answers 409, the grid reloads
 * their marks and lays the worker's own over them, highlighting the cells where the two differ.
 */
@Component({
  selector: 'sv-attendance-grid',
  imports: [MatButtonModule, MatButtonToggleModule, MatIconModule],
  templateUrl: './attendance-grid.html',
  styleUrl: './attendance-grid.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttendanceGrid implements OnInit {
  readonly groupId = input.required<string>();
  protected readonly i18n = inject(I18n);
  protected readonly labels = inject(Labels);
  private readonly api = inject(GroupsApi);
  protected readonly grid = signal<AttendanceGridResponse | null>(null);
  protected readonly monday = signal<string>('');
  protected readonly edits = signal<Map<string, Cell>>(new Map());
  protected readonly message = signal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  protected readonly saving = signal(false);
  /** Cells a colleague saved after this worker read them, with what the colleague stored (null: nothing). */
  protected readonly conflicts = signal<Map<string, Cell | null>>(new Map());
  private readonly dialog = inject(MatDialog);
  private pendingKey: string | null = null;

  protected readonly weekSessions = computed(() => {
    const g = this.grid();
    const from = this.monday();
    // The week is chosen once the grid has come (ngOnInit); until then there is no week to show.
    if (!from) return [];
    const to = addDays(from, 6);
    return (g?.sessions ?? []).filter((s) => s.date >= from && s.date <= to);
  });
  protected readonly weekLabel = computed(() =>
    this.monday() ? `${this.i18n.t('groups.week')} ${isoWeek(this.monday())}` : '',
  );
  protected readonly dirty = computed(() => this.edits().size > 0);

  async ngOnInit(): Promise<void> {
    await this.reload();
    const g = this.grid();
    // Open on the first week with sessions whose attendance is not taken yet, else the first week.
    const taken = new Set(g?.marks.map((m) => m.sessionId));
    const first = g?.sessions.find((s) => s.status === 'scheduled' && !taken.has(s.id)) ?? g?.sessions[0];
    this.monday.set(mondayOf(first?.date ?? stockholmToday()));
  }

  protected day(iso: string): string {
    return shortDay(iso);
  }

  protected moveWeek(weeks: number): void {
    this.monday.set(addDays(this.monday(), 7 * weeks));
  }

  protected cell(sessionId: string, enrolmentId: string): Cell | null {
    const key = `${sessionId}:${enrolmentId}`;
    const edited = this.edits().get(key);
    if (edited) return edited;
    const m = this.grid()?.marks.find((x) => x.sessionId === sessionId && x.enrolmentId === enrolmentId);
    return m ? { status: m.status, reason: m.reason ?? null } : null;
  }

  /**
   * A tap on a toggle. An excused absence asks its reason first (no reason is assumed); going back from that
   * question leaves the cell as it was.
   */
  protected async set(
    sessionId: string,
    enrolmentId: string,
    status: AttendanceStatus,
    event?: MatButtonToggleChange,
  ): Promise<void> {
    const before = this.cell(sessionId, enrolmentId);
    let reason: AbsenceReason | null = null;
    if (status === 'excused') {
      const chosen = await this.askReason(sessionId, enrolmentId, before?.reason ?? null);
      if (!chosen) {
        // The toggle group already shows the tap; put it back to what the cell holds.
        if (event) event.source.buttonToggleGroup.value = before?.status;
        return;
      }
      reason = chosen;
    }
    this.put(sessionId, enrolmentId, { status, reason });
  }

  /** The reason of an excused absence, changed from the button under its toggles. */
  protected async changeReason(sessionId: string, enrolmentId: string): Promise<void> {
    const current = this.cell(sessionId, enrolmentId);
    const chosen = await this.askReason(sessionId, enrolmentId, current?.reason ?? null);
    if (chosen) this.put(sessionId, enrolmentId, { status: 'excused', reason: chosen });
  }

  private async askReason(
    sessionId: string,
    enrolmentId: string,
    reason: AbsenceReason | null,
  ): Promise<AbsenceReason | undefined> {
    const row = this.grid()?.rows.find((r) => r.enrolmentId === enrolmentId);
    const session = this.grid()?.sessions.find((x) => x.id === sessionId);
    const who = this.i18n
      .t('grid.reasonFor')
      .replace('{name}', row?.displayName ?? '')
      .replace('{day}', session ? shortDay(session.date) : '');
    const ref = this.dialog.open<AbsenceReasonDialog, AbsenceReasonData, AbsenceReason>(AbsenceReasonDialog, {
      data: { who, reason },
      autoFocus: 'first-tabbable',
    });
    return firstValueFrom(ref.afterClosed());
  }

  private put(sessionId: string, enrolmentId: string, cell: Cell): void {
    const next = new Map(this.edits());
    next.set(`${sessionId}:${enrolmentId}`, cell);
    this.edits.set(next);
    this.pendingKey = null;
    this.message.set(null);
  }

  /** Everyone present at every session of the week, the common case, in one tap. */
  protected allPresent(): void {
    const next = new Map(this.edits());
    for (const s of this.weekSessions()) {
      if (s.status === 'cancelled') continue;
      for (const r of this.grid()?.rows ?? [])
        if (!this.cell(s.id, r.enrolmentId))
          next.set(`${s.id}:${r.enrolmentId}`, { status: 'present', reason: null });
    }
    this.edits.set(next);
    this.pendingKey = null;
  }

  protected async save(): Promise<void> {
    const stored = new Map(this.grid()?.marks.map((m) => [`${m.sessionId}:${m.enrolmentId}`, m]));
    const marks: AttendanceMark[] = [...this.edits()].map(([k, c]) => {
      const [sessionId, enrolmentId] = k.split(':');
      // The version this worker's view holds: what a colleague saved since makes the api answer 409.
      return {
        sessionId,
        enrolmentId,
        status: c.status,
        reason: c.reason,
        version: stored.get(k)?.version ?? 0,
      };
    });
    if (marks.length === 0) return;
    this.pendingKey ??= crypto.randomUUID();
    this.saving.set(true);
    try {
      await firstValueFrom(this.api.saveAttendance(this.groupId(), { marks }, this.pendingKey));
      this.pendingKey = null;
      this.edits.set(new Map());
      this.conflicts.set(new Map());
      await this.reload();
      this.message.set({ kind: 'ok', text: this.i18n.t('groups.saved') });
    } catch (err) {
      const p = asProblem(err, this.i18n.lang());
      if (p && p.status < 500) this.pendingKey = null;
      if (p?.status === 409) {
        await this.reloadKeepingMarks(stored);
        this.message.set({ kind: 'error', text: this.i18n.t('grid.conflict') });
      } else {
        this.message.set({ kind: 'error', text: p?.detail ?? this.i18n.t('groups.retrying') });
      }
    } finally {
      this.saving.set(false);
    }
  }

  /**
   * After a 409: the colleague's marks come in, the worker's edits stay on top (they are what she saw in the room),
   * and every edited cell a colleague saved since it was read is flagged with what the colleague stored.
   */
  private async reloadKeepingMarks(read: Map<string, AttendanceMark>): Promise<void> {
    await this.reload();
    const fresh = new Map(this.grid()?.marks.map((m) => [`${m.sessionId}:${m.enrolmentId}`, m]));
    const conflicts = new Map<string, Cell | null>();
    for (const key of this.edits().keys()) {
      const now = fresh.get(key);
      if ((now?.version ?? 0) !== (read.get(key)?.version ?? 0))
        conflicts.set(key, now ? { status: now.status, reason: now.reason ?? null } : null);
    }
    this.conflicts.set(conflicts);
  }

  protected conflict(sessionId: string, enrolmentId: string): string | null {
    const key = `${sessionId}:${enrolmentId}`;
    if (!this.conflicts().has(key)) return null;
    const theirs = this.conflicts().get(key);
    if (!theirs) return this.i18n.t('grid.theirsEmpty');
    const status =
      this.labels.of('attendanceStatus', theirs.status) +
      (theirs.reason ? ` (${this.labels.of('absenceReason', theirs.reason)})` : '');
    return this.i18n.t('grid.theirs').replace('{status}', status);
  }

  protected reasonLabel(r: string | null): string {
    return r ? this.labels.stored('absenceReason', r) : this.i18n.t('grid.reasonChoose');
  }

  protected reasonButtonLabel(r: string | null): string {
    return this.i18n.t('grid.reasonChange').replace('{reason}', this.reasonLabel(r));
  }

  private async reload(): Promise<void> {
    this.grid.set(await firstValueFrom(this.api.attendance(this.groupId())));
  }
}
