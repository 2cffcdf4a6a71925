import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { MeetingResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../../core/errors/problem-form';
import { I18n, type TextKey } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { stockholmToday } from '../../../core/time/stockholm-time';
import { ListState } from '../../../shared/list/list-state';
import { ReferralsApi } from '../referrals-api';
import { type InviteeCandidate, type MeetingAttendance, MeetingsApi } from './meetings-api';

/** One organisation's row of the attendance table: a cell per meeting, oldest first, and the absence in total. */
interface AttendanceRow {
  organisationName: string;
  cells: ({ invited: number; present: number; absent: number } | null)[];
  absent: number;
  invited: number;
}

/**
 * A programme's analysis-group meetings under the referral queue: planning one with its invitees (the analysis
 * group as stored in the committee, checked; the programme staff to add), the list, and attendance by organisation
 * over the meetings (absence is a known problem of the programmes).
 */
@Component({
  selector: 'sv-meetings-panel',
  imports: [
    FormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatCheckboxModule,
    MatIconModule,
    ListState,
    LabelPipe,
  ],
  templateUrl: './meetings-panel.html',
  styles: `
    .meetings {
      display: block;
      margin-top: 16px;
    }
    .meeting-links {
      display: grid;
      gap: 8px;
    }
    .plan {
      background: white;
      border-radius: 8px;
      padding: 16px;
      margin-bottom: 16px;
    }
    .new-meeting {
      display: flex;
      gap: 12px;
      align-items: baseline;
      flex-wrap: wrap;
    }
    fieldset {
      border: 1px solid #c4c7cc;
      border-radius: 8px;
      margin: 0 0 16px;
      padding: 8px 16px 12px;
    }
    legend {
      font-weight: 500;
      padding: 0 4px;
    }
    .who {
      display: grid;
      gap: 2px;
    }
    h2 {
      font-size: 1.2rem;
      font-weight: 500;
      margin: 24px 0 8px;
    }
    h3 {
      font-size: 1rem;
      font-weight: 500;
      margin: 8px 0 4px;
    }
    .unavailable {
      color: #4a4f57;
      margin: 4px 0 4px 40px;
    }
    td.absent {
      color: #8c1d18;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingsPanel {
  readonly programmeId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ReferralsApi);
  private readonly meetingsApi = inject(MeetingsApi);
  private readonly router = inject(Router);
  protected readonly meetings = signal<MeetingResponse[]>([]);
  protected readonly meetingDate = signal(stockholmToday());
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  protected readonly meetingsLoading = signal(false);
  protected readonly meetingsError = signal<unknown>(undefined);
  private readonly meetingsAsked = signal(0);
  protected readonly candidates = signal<InviteeCandidate[]>([]);
  protected readonly chosen = signal<Set<string>>(new Set());
  protected readonly attendance = signal<MeetingAttendance | null>(null);
  protected readonly analysis = computed(() => this.candidates().filter((c) => c.source === 'analysis'));
  protected readonly staff = computed(() => this.candidates().filter((c) => c.source === 'staff'));

  /** Meetings with invitees, oldest first, as columns of the attendance table. */
  protected readonly attendanceMeetings = computed(() => {
    const seen = new Map<string, string>();
    for (const r of this.attendance()?.byMeeting ?? []) seen.set(r.meetingId, r.date);
    return [...seen.entries()].map(([id, date]) => ({ id, date }));
  });
  protected readonly attendanceRows = computed<AttendanceRow[]>(() => {
    const a = this.attendance();
    if (!a) return [];
    const cols = this.attendanceMeetings();
    return a.byOrganisation.map((o) => ({
      organisationName: o.organisationName,
      cells: cols.map((c) => {
        const x = a.byMeeting.find((r) => r.meetingId === c.id && r.organisationName === o.organisationName);
        return x ? { invited: x.invited, present: x.present, absent: x.absent } : null;
      }),
      absent: o.absent,
      invited: o.invited,
    }));
  });

  constructor() {
    effect((onCleanup) => {
      const id = this.programmeId();
      this.meetingsAsked();
      if (!id) return;
      this.meetingsLoading.set(true);
      this.meetingsError.set(undefined);
      const sub = this.api.meetings(id).subscribe({
        next: (m) => {
          this.meetings.set(m);
          this.meetingsLoading.set(false);
        },
        error: (err: unknown) => {
          this.meetingsError.set(err);
          this.meetingsLoading.set(false);
        },
      });
      const att = this.meetingsApi.attendance(id).subscribe({
        next: (x) => this.attendance.set(x),
        error: () => this.attendance.set(null),
      });
      onCleanup(() => {
        sub.unsubscribe();
        att.unsubscribe();
      });
    });
    effect((onCleanup) => {
      const id = this.programmeId();
      if (!id) return;
      const sub = this.meetingsApi.invitees(id).subscribe({
        next: (c) => {
          this.candidates.set(c);
          this.chosen.set(new Set(c.filter((x) => x.invitedByDefault && x.userId).map((x) => x.userId!)));
        },
        error: (err: unknown) => this.error.set(this.problemText(err)),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected reloadMeetings(): void {
    this.meetingsAsked.update((n) => n + 1);
  }

  protected toggle(userId: string, on: boolean): void {
    const next = new Set(this.chosen());
    if (on) next.add(userId);
    else next.delete(userId);
    this.chosen.set(next);
  }

  protected unavailableText(c: InviteeCandidate): string {
    return c.unavailable ? this.i18n.t(`mtg.unavailable.${c.unavailable}` as TextKey) : '';
  }

  protected label(c: InviteeCandidate): string {
    return [c.name, [c.organisationName, c.roleTitle].filter(Boolean).join(', ')].filter(Boolean).join(' – ');
  }

  protected cellText(c: { invited: number; present: number; absent: number }): string {
    return this.i18n
      .t('mtg.cell')
      .replace('{present}', String(c.present))
      .replace('{invited}', String(c.invited));
  }

  /** Absent of invited over all meetings, e.g. "3 av 8". */
  protected totalAbsent(r: AttendanceRow): string {
    return this.i18n
      .t('mtg.cell')
      .replace('{present}', String(r.absent))
      .replace('{invited}', String(r.invited));
  }

  protected absentText(n: number): string {
    return this.i18n.t('mtg.cellAbsent').replace('{n}', String(n));
  }

  protected invitedCount(): string {
    return this.i18n.t('mtg.invitedCount').replace('{n}', String(this.chosen().size));
  }

  protected async createMeeting(): Promise<void> {
    this.error.set('');
    this.busy.set(true);
    try {
      // In the order shown: the analysis group first, then the staff added by hand.
      const invited = this.candidates()
        .filter((c) => c.userId && this.chosen().has(c.userId))
        .map((c) => c.userId!);
      const m = await firstValueFrom(
        this.meetingsApi.create(this.programmeId(), this.meetingDate(), invited),
      );
      await this.router.navigate(['/remisser/moten', m.id]);
    } catch (err) {
      this.error.set(this.problemText(err));
    } finally {
      this.busy.set(false);
    }
  }

  private problemText(err: unknown): string {
    const p = asProblem(err, this.i18n.lang());
    return p?.errors?.[0]?.message ?? p?.detail ?? this.i18n.t('error.generic');
  }
}
