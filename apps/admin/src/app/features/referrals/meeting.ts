import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import type { Decision, DecisionRequest, GroupResponse, MeetingResponse } from '@stegvis/contracts';
import { canTransition, DECISIONS } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe, Labels } from '../../core/i18n/labels';
import { GroupsApi } from '../groups/groups-api';
import { ReferralsApi } from './referrals-api';

interface Choice {
  decision: Decision | '';
  groupId: string;
  reason: string;
}

/** Running an analysis-group meeting: who came, each referral on the agenda decided, then the minutes. */
@Component({
  selector: 'sv-meeting',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatIconModule, LabelPipe],
  templateUrl: './meeting.html',
  styles: `
    .card {
      background: white;
      border-radius: 8px;
      padding: 16px;
      margin-bottom: 16px;
    }
    h2 {
      font-size: 1.2rem;
      font-weight: 500;
      margin: 0 0 8px;
    }
    .item {
      display: grid;
      grid-template-columns: 2fr 3fr;
      gap: 16px;
      padding: 12px 0;
      border-bottom: 1px solid #e2e4e8;
    }
    .choices {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .choices label {
      display: flex;
      gap: 8px;
      align-items: center;
      min-height: 32px;
    }
    select,
    textarea {
      font: inherit;
      padding: 8px;
      border: 1px solid #8a8f98;
      border-radius: 4px;
    }
    .field-error {
      color: #8c1d18;
      font-size: 0.9rem;
    }
    .decided {
      color: #0d5a2a;
      font-weight: 500;
    }
    .actions {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Meeting implements OnInit {
  readonly id = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  protected readonly decisions = DECISIONS;
  private readonly api = inject(ReferralsApi);
  private readonly groupsApi = inject(GroupsApi);
  protected readonly meeting = signal<MeetingResponse | null>(null);
  protected readonly groups = signal<GroupResponse[]>([]);
  protected readonly present = signal<Set<string>>(new Set());
  protected readonly choices = signal<Record<string, Choice>>({});
  protected readonly message = signal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  protected readonly tried = signal(false);
  protected readonly open = computed(() =>
    (this.meeting()?.agenda ?? []).filter((r) => canTransition(r.status, 'accepted')),
  );

  async ngOnInit(): Promise<void> {
    await this.reload();
    const m = this.meeting()!;
    this.present.set(new Set(m.invited.filter((i) => i.present).map((i) => i.userId)));
    this.groups.set(
      (await firstValueFrom(this.groupsApi.list(m.programmeId))).filter((g) => g.endDate >= m.date),
    );
  }

  protected choice(referralId: string): Choice {
    return this.choices()[referralId] ?? { decision: '', groupId: '', reason: '' };
  }

  protected setChoice(referralId: string, patch: Partial<Choice>): void {
    this.choices.update((c) => ({ ...c, [referralId]: { ...this.choice(referralId), ...patch } }));
  }

  protected togglePresent(userId: string, on: boolean): void {
    const next = new Set(this.present());
    if (on) next.add(userId);
    else next.delete(userId);
    this.present.set(next);
  }

  protected async saveAttendance(): Promise<void> {
    this.meeting.set(await firstValueFrom(this.api.attendance(this.id(), [...this.present()])));
    this.message.set({ kind: 'ok', text: this.i18n.t('form.saved') });
  }

  protected missingReason(referralId: string): boolean {
    const c = this.choice(referralId);
    return this.tried() && c.decision === 'decline' && !c.reason.trim();
  }

  protected missingGroup(referralId: string): boolean {
    const c = this.choice(referralId);
    return this.tried() && c.decision === 'accept' && !c.groupId;
  }

  protected async decide(): Promise<void> {
    this.tried.set(true);
    const m = this.meeting()!;
    const decisions: DecisionRequest[] = m.agenda
      .filter((r) => this.choice(r.id).decision)
      .map((r) => {
        const c = this.choice(r.id);
        return {
          referralId: r.id,
          decision: c.decision as Decision,
          version: r.version,
          ...(c.decision === 'accept' ? { groupId: c.groupId } : {}),
          ...(c.reason.trim() ? { reason: c.reason.trim() } : {}),
        };
      });
    if (
      decisions.length === 0 ||
      decisions.some((d) => this.missingReason(d.referralId) || this.missingGroup(d.referralId))
    )
      return;
    try {
      this.meeting.set(await firstValueFrom(this.api.decide(this.id(), decisions)));
      this.choices.set({});
      this.tried.set(false);
      this.message.set({ kind: 'ok', text: this.i18n.t('ref.decided') });
    } catch (err) {
      const p = asProblem(err, this.i18n.lang());
      this.message.set({
        kind: 'error',
        text:
          p?.status === 409
            ? this.i18n.t('ref.conflict')
            : (p?.errors?.[0]?.message ?? p?.detail ?? this.i18n.t('error.network')),
      });
    }
  }

  protected async send(): Promise<void> {
    const r = await firstValueFrom(this.api.sendMinutes(this.id()));
    this.message.set({ kind: 'ok', text: this.i18n.t('ref.minutesSent').replace('{n}', String(r.queued)) });
  }

  protected decisionOf(referralId: string): string {
    const d = this.meeting()?.decisions.find((x) => x.referralId === referralId);
    if (!d) return '';
    const label = this.labels.of('decision', d.decision);
    return d.reason ? `${label} – ${d.reason}` : label;
  }

  private async reload(): Promise<void> {
    this.meeting.set(await firstValueFrom(this.api.meeting(this.id())));
  }
}
