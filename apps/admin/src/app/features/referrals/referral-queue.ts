import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { REFERRAL_STATUSES, type ReferralResponse, type ReferralStatus } from '@stegvis/contracts';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { ListState } from '../../shared/list/list-state';
import { ProgrammePicker } from '../../shared/programme-picker';
import { StockholmTimePipe, stockholmToday } from '../../core/time/stockholm-time';
import { MeetingsPanel } from './meetings/meetings-panel';
import { ReferralFlags } from './referral-flags';
import { type Intake, ReferralsApi } from './referrals-api';

@Component({
  selector: 'sv-referral-queue',
  imports: [
    FormsModule,
    RouterLink,
    MatFormFieldModule,
    MatSelectModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    ProgrammePicker,
    ListState,
    StockholmTimePipe,
    LabelPipe,
    MeetingsPanel,
    ReferralFlags,
  ],
  templateUrl: './referral-queue.html',
  styles: `
    .filters {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
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
    .nowrap {
      white-space: nowrap;
    }
    .urgent mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    h2 {
      font-size: 1.2rem;
      font-weight: 500;
      margin: 24px 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralQueue {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ReferralsApi);
  private readonly auth = inject(AuthStore);
  protected readonly statuses = REFERRAL_STATUSES;
  protected readonly canCreate = computed(() => this.auth.can('referral.create'));
  protected readonly programmeId = signal('');
  protected readonly status = signal<ReferralStatus | ''>('');
  protected readonly items = signal<ReferralResponse[]>([]);
  protected readonly next = signal<string | null>(null);
  protected readonly intake = signal<Intake | null>(null);
  protected readonly queueLoading = signal(false);
  protected readonly queueError = signal<unknown>(undefined);
  private readonly queueAsked = signal(0);

  constructor() {
    // The queue is paged ("Visa fler" appends), so it keeps its own signals instead of a resource.
    effect((onCleanup) => {
      const id = this.programmeId();
      const status = this.status();
      this.queueAsked();
      if (!id) return;
      this.queueLoading.set(true);
      this.queueError.set(undefined);
      const sub = this.api.queue(id, status, null).subscribe({
        next: (page) => {
          this.items.set(page.items);
          this.next.set(page.nextCursor);
          this.queueLoading.set(false);
        },
        error: (err: unknown) => {
          this.queueError.set(err);
          this.queueLoading.set(false);
        },
      });
      onCleanup(() => sub.unsubscribe());
    });
    effect((onCleanup) => {
      const id = this.programmeId();
      if (!id) return;
      const sub = this.api.intake(id, stockholmToday()).subscribe((x) => this.intake.set(x));
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected reloadQueue(): void {
    this.queueAsked.update((n) => n + 1);
  }

  protected more(): void {
    this.api.queue(this.programmeId(), this.status(), this.next()).subscribe((page) => {
      this.items.update((x) => [...x, ...page.items]);
      this.next.set(page.nextCursor);
    });
  }

  protected intakeNote(r: { count: number; of: number; percent: number | null }): string {
    return this.i18n
      .t('ref.intakeNote')
      .replace('{count}', String(r.count))
      .replace('{of}', String(r.of))
      .replace('{percent}', String(r.percent ?? 0));
  }
}
