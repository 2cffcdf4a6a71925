import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { MeetingResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../../core/errors/problem-form';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { stockholmToday } from '../../../core/time/stockholm-time';
import { ListState } from '../../../shared/list/list-state';
import { ReferralsApi } from '../referrals-api';

/** A programme's analysis-group meetings, and planning a new one; shown under the referral queue. */
@Component({
  selector: 'sv-meetings-panel',
  imports: [
    FormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    ListState,
    LabelPipe,
  ],
  templateUrl: './meetings-panel.html',
  styles: `
    .meetings {
      display: block;
      margin-top: 24px;
    }
    .meeting-links {
      display: grid;
      gap: 8px;
    }
    .new-meeting {
      display: flex;
      gap: 12px;
      align-items: baseline;
      flex-wrap: wrap;
    }
    h2 {
      font-size: 1.2rem;
      font-weight: 500;
      margin: 24px 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingsPanel {
  readonly programmeId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ReferralsApi);
  private readonly router = inject(Router);
  protected readonly meetings = signal<MeetingResponse[]>([]);
  protected readonly meetingDate = signal(stockholmToday());
  protected readonly error = signal('');
  protected readonly meetingsLoading = signal(false);
  protected readonly meetingsError = signal<unknown>(undefined);
  private readonly meetingsAsked = signal(0);

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
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected reloadMeetings(): void {
    this.meetingsAsked.update((n) => n + 1);
  }

  protected async createMeeting(): Promise<void> {
    this.error.set('');
    try {
      const members = await firstValueFrom(this.api.committee(this.programmeId()));
      const invited = [
        ...new Set(members.filter((m) => m.kind === 'analysis' && m.userId).map((m) => m.userId!)),
      ];
      const m = await firstValueFrom(
        this.api.createMeeting({
          programmeId: this.programmeId(),
          date: this.meetingDate(),
          invitedUserIds: invited,
        }),
      );
      await this.router.navigate(['/remisser/moten', m.id]);
    } catch (err) {
      this.error.set(
        asProblem(err, this.i18n.lang())?.errors?.[0]?.message ??
          asProblem(err, this.i18n.lang())?.detail ??
          this.i18n.t('error.generic'),
      );
    }
  }
}
