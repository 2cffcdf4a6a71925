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
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import {
  ABSENCE_REASONS,
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
import { GroupsApi } from './groups-api';
import { addDays, isoWeek, mondayOf, shortDay } from './week.util';

type Cell = { status: AttendanceStatus; reason: AbsenceReason | null };

/**
 * The attendance grid: enrolled participants × this week's sessions. Built for a tablet: large toggles, one
 * save for the whole week. Marks live in memory until the save succeeds; a failed save keeps them and retries
 * with the same Idempotency-Key, so nothing is stored twice.
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
  protected readonly reasons = ABSENCE_REASONS;
  private pendingKey: string | null = null;

  protected readonly weekSessions = computed(() => {
    const g = this.grid();
    const from = this.monday();
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

  protected set(sessionId: string, enrolmentId: string, status: AttendanceStatus): void {
    const next = new Map(this.edits());
    const reason =
      status === 'excused' ? (this.cell(sessionId, enrolmentId)?.reason ?? 'own_sickness') : null;
    next.set(`${sessionId}:${enrolmentId}`, { status, reason });
    this.edits.set(next);
    this.pendingKey = null;
    this.message.set(null);
  }

  protected setReason(sessionId: string, enrolmentId: string, reason: string): void {
    const next = new Map(this.edits());
    next.set(`${sessionId}:${enrolmentId}`, { status: 'excused', reason: reason as AbsenceReason });
    this.edits.set(next);
    this.pendingKey = null;
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
    const marks: AttendanceMark[] = [...this.edits()].map(([k, c]) => {
      const [sessionId, enrolmentId] = k.split(':');
      return { sessionId, enrolmentId, status: c.status, reason: c.reason };
    });
    if (marks.length === 0) return;
    this.pendingKey ??= crypto.randomUUID();
    this.saving.set(true);
    try {
      await firstValueFrom(this.api.saveAttendance(this.groupId(), { marks }, this.pendingKey));
      this.pendingKey = null;
      this.edits.set(new Map());
      await this.reload();
      this.message.set({ kind: 'ok', text: this.i18n.t('groups.saved') });
    } catch (err) {
      const p = asProblem(err, this.i18n.lang());
      this.message.set({ kind: 'error', text: p?.detail ?? this.i18n.t('groups.retrying') });
      if (p && p.status < 500) this.pendingKey = null;
    } finally {
      this.saving.set(false);
    }
  }

  protected reasonLabel(r: string): string {
    return this.labels.stored('absenceReason', r);
  }

  private async reload(): Promise<void> {
    this.grid.set(await firstValueFrom(this.api.attendance(this.groupId())));
  }
}
