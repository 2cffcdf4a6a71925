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
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { Decision, DecisionRequest, GroupResponse } from '@stegvis/contracts';
import { canTransition, DECISIONS } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe, Labels } from '../../core/i18n/labels';
import { StockholmTimePipe } from '../../core/time/stockholm-time';
import { GroupsApi } from '../groups/groups-api';
import { healthWordsIn } from './meetings/health-words';
import { ReferralFlags } from './referral-flags';
import { type MeetingDetail, MeetingsApi } from './meetings/meetings-api';
import { ReferralsApi } from './referrals-api';

interface Choice {
  decision: Decision | '';
  groupId: string;
  reason: string;
}

type ActionField = 'text' | 'owner' | 'dueDate';

/**
 * Running an analysis-group meeting: the open action items carried from earlier meetings, who came, each referral on
 * the agenda (with its screening flags and urgent marker) decided, the case discussions (never health details,
 * never in the minutes), action items, and the minutes with whom they went to.
 */
@Component({
  selector: 'sv-meeting',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    LabelPipe,
    StockholmTimePipe,
    ReferralFlags,
  ],
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
      align-items: center;
    }
    .urgent {
      display: inline-flex;
      align-items: center;
      margin-left: 6px;
      padding: 0 8px 0 2px;
      border-radius: 12px;
      background: #fde7e9;
      color: #8c1d18;
      font-size: 0.8rem;
      font-weight: 600;
    }
    .urgent mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    .rule {
      background: #fff0c2;
      color: #3d2c00;
      border-left: 4px solid #6b4e00;
      padding: 8px 12px;
      margin: 0 0 8px;
    }
    .warning {
      color: #8c1d18;
      font-weight: 500;
    }
    .other-notes blockquote {
      white-space: pre-wrap;
      border-left: 4px solid #8a8f98;
      margin: 0 0 8px;
      padding: 4px 12px;
    }
    .notes textarea {
      width: 100%;
      box-sizing: border-box;
    }
    .add-action {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      align-items: baseline;
      margin-top: 12px;
    }
    .add-action .text {
      flex: 1 1 280px;
    }
    .status-done {
      color: #0d5a2a;
      font-weight: 500;
    }
    .status-open {
      color: #6b4e00;
      font-weight: 500;
    }
    ul.sent {
      margin: 4px 0 8px;
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
  private readonly meetingsApi = inject(MeetingsApi);
  private readonly groupsApi = inject(GroupsApi);
  protected readonly meeting = signal<MeetingDetail | null>(null);
  protected readonly groups = signal<GroupResponse[]>([]);
  protected readonly present = signal<Set<string>>(new Set());
  protected readonly choices = signal<Record<string, Choice>>({});
  protected readonly message = signal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  protected readonly tried = signal(false);
  protected readonly open = computed(() =>
    (this.meeting()?.agenda ?? []).filter((r) => canTransition(r.status, 'accepted')),
  );
  protected readonly notes = signal('');
  /** The notes someone else saved while these were being written (after a 409), or null. */
  protected readonly otherNotes = signal<string | null>(null);
  protected readonly healthWords = computed(() => healthWordsIn(this.notes()));
  protected readonly action = signal({ text: '', owner: '', dueDate: '' });
  protected readonly actionErrors = signal<Partial<Record<ActionField, string>>>({});
  /** The invited who were not sent the minutes (they may not read them), at the latest sending. */
  protected readonly notSentTo = computed(() => {
    const m = this.meeting();
    if (!m?.minutesSent) return [];
    const sent = new Set(m.minutesSent.recipients.map((r) => r.userId));
    return m.invited.filter((i) => !sent.has(i.userId));
  });

  async ngOnInit(): Promise<void> {
    await this.reload();
    const m = this.meeting()!;
    this.present.set(new Set(m.invited.filter((i) => i.present).map((i) => i.userId)));
    this.notes.set(m.caseNotes);
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
    try {
      await firstValueFrom(this.api.attendance(this.id(), [...this.present()]));
      await this.reload();
      this.ok(this.i18n.t('form.saved'));
    } catch (err) {
      this.fail(err);
    }
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
      await firstValueFrom(this.api.decide(this.id(), decisions));
      await this.reload();
      this.choices.set({});
      this.tried.set(false);
      this.ok(this.i18n.t('ref.decided'));
    } catch (err) {
      const p = asProblem(err, this.i18n.lang());
      if (p?.status === 409) this.message.set({ kind: 'error', text: this.i18n.t('ref.conflict') });
      else this.fail(err);
    }
  }

  protected async saveNotes(): Promise<void> {
    try {
      const m = await firstValueFrom(
        this.meetingsApi.notes(this.id(), this.notes(), this.meeting()!.version),
      );
      this.meeting.set(m);
      this.notes.set(m.caseNotes);
      this.otherNotes.set(null);
      this.ok(this.i18n.t('mtg.notesSaved'));
    } catch (err) {
      if (asProblem(err)?.status === 409) {
        // Someone saved first: her text stays in the field, theirs is shown beside it to bring together.
        await this.reload();
        this.otherNotes.set(this.meeting()!.caseNotes);
        this.message.set({ kind: 'error', text: this.i18n.t('mtg.notesConflict') });
      } else this.fail(err);
    }
  }

  protected setAction(field: ActionField, value: string): void {
    this.action.update((a) => ({ ...a, [field]: value }));
    this.actionErrors.update((e) => ({ ...e, [field]: undefined }));
  }

  protected async addAction(): Promise<void> {
    const a = this.action();
    const missing: Partial<Record<ActionField, string>> = {};
    for (const f of ['text', 'owner', 'dueDate'] as const)
      if (!a[f].trim()) missing[f] = this.i18n.t('mtg.fieldRequired');
    this.actionErrors.set(missing);
    if (Object.keys(missing).length) return;
    try {
      this.meeting.set(
        await firstValueFrom(
          this.meetingsApi.addActionItem(this.id(), {
            text: a.text.trim(),
            owner: a.owner.trim(),
            dueDate: a.dueDate.trim(),
          }),
        ),
      );
      this.action.set({ text: '', owner: '', dueDate: '' });
      this.ok(this.i18n.t('mtg.actionAdded'));
    } catch (err) {
      // A failed save keeps the form; the api's field errors go by their fields.
      const p = asProblem(err, this.i18n.lang());
      const byField: Partial<Record<ActionField, string>> = {};
      for (const e of p?.errors ?? [])
        if (e.field === 'text' || e.field === 'owner' || e.field === 'dueDate') byField[e.field] = e.message;
      this.actionErrors.set(byField);
      this.fail(err);
    }
  }

  protected async setDone(itemId: string, done: boolean): Promise<void> {
    try {
      await firstValueFrom(this.meetingsApi.setActionItemDone(itemId, done));
      // A carried item answers its own meeting: this page reloads itself.
      await this.reload();
      this.ok(this.i18n.t('mtg.actionUpdated'));
    } catch (err) {
      this.fail(err);
    }
  }

  protected async send(): Promise<void> {
    try {
      const r = await firstValueFrom(this.api.sendMinutes(this.id()));
      await this.reload();
      this.ok(this.i18n.t('ref.minutesSent').replace('{n}', String(r.queued)));
    } catch (err) {
      this.fail(err);
    }
  }

  protected decisionOf(referralId: string): string {
    const d = this.meeting()?.decisions.find((x) => x.referralId === referralId);
    if (!d) return '';
    const label = this.labels.of('decision', d.decision);
    return d.reason ? `${label} – ${d.reason}` : label;
  }

  protected doneLabel(text: string, done: boolean): string {
    return this.i18n.t(done ? 'mtg.reopenOf' : 'mtg.markDoneOf').replace('{text}', text);
  }

  protected healthWarning(): string {
    return this.i18n.t('mtg.notesHealthWarning').replace('{words}', this.healthWords().join(', '));
  }

  private ok(text: string): void {
    this.message.set({ kind: 'ok', text });
  }

  private fail(err: unknown): void {
    const p = asProblem(err, this.i18n.lang());
    this.message.set({
      kind: 'error',
      text: p?.errors?.[0]?.message ?? p?.detail ?? this.i18n.t('error.network'),
    });
  }

  private async reload(): Promise<void> {
    this.meeting.set(await firstValueFrom(this.meetingsApi.meeting(this.id())));
  }
}
