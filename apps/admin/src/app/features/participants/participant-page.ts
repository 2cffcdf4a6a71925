import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import type {
  AttendanceRow,
  InternshipResponse,
  AssessmentResponse,
  AuditTrailEntry,
  ConsentResponse,
  EnrolmentResponse,
  NeedResponse,
  OutcomeResponse,
  ParticipantResponse,
  TalkResponse,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n, type TextKey } from '../../core/i18n/i18n';
import { LabelPipe, Labels } from '../../core/i18n/labels';
import { StockholmTimePipe } from '../../core/time/stockholm-time';
import { GroupsApi } from '../groups/groups-api';
import { ParticipantsApi } from './participants-api';
import { EnrolmentsTab } from './enrolments-tab';
import { ProgressChart } from './progress-chart';

/** One participant, tab by tab. Health data loads only when its tab is opened, so reading it is a deliberate act. */
@Component({
  selector: 'sv-participant-page',
  imports: [
    MatTabsModule,
    MatButtonModule,
    MatIconModule,
    ProgressChart,
    LabelPipe,
    StockholmTimePipe,
    EnrolmentsTab,
  ],
  templateUrl: './participant-page.html',
  styles: `
    dl {
      display: grid;
      grid-template-columns: 200px 1fr;
      gap: 8px 16px;
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
    dt {
      color: #50555e;
    }
    dd {
      margin: 0;
    }
    .tab {
      padding-top: 12px;
    }
    .withdrawn {
      color: #8c1d18;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ParticipantPage implements OnInit {
  readonly id = input.required<string>();
  protected readonly i18n = inject(I18n);
  protected readonly labels = inject(Labels);
  private readonly api = inject(ParticipantsApi);
  private readonly groupsApi = inject(GroupsApi);
  protected readonly p = signal<ParticipantResponse | null>(null);
  protected readonly consents = signal<ConsentResponse[]>([]);
  protected readonly enrolments = signal<EnrolmentResponse[]>([]);
  protected readonly needs = signal<NeedResponse[] | null>(null);
  protected readonly talks = signal<TalkResponse[] | null>(null);
  protected readonly healthDenied = signal(false);
  protected readonly assessments = signal<AssessmentResponse[]>([]);
  protected readonly outcomes = signal<OutcomeResponse[]>([]);
  protected readonly trail = signal<AuditTrailEntry[] | null>(null);
  protected readonly attendance = signal<(AttendanceRow & { groupId: string })[]>([]);
  protected readonly internships = signal<InternshipResponse[]>([]);

  async ngOnInit(): Promise<void> {
    const id = this.id();
    const [p, c, e, a, o] = await Promise.all([
      firstValueFrom(this.api.get(id)),
      firstValueFrom(this.api.consents(id)),
      firstValueFrom(this.api.enrolments(id)),
      firstValueFrom(this.api.assessments(id)),
      firstValueFrom(this.api.outcomes(id)),
    ]);
    this.p.set(p);
    this.consents.set(c);
    this.enrolments.set(e);
    this.assessments.set(a);
    this.outcomes.set(o);
    // Attendance and internships live with the groups: gather this person's rows from each of their groups.
    const groups = [...new Set(e.map((x) => x.groupId))];
    const grids = await Promise.all(groups.map((g) => firstValueFrom(this.groupsApi.attendance(g))));
    this.attendance.set(
      grids.flatMap((g) =>
        g.rows.filter((r) => r.participantId === id).map((r) => ({ ...r, groupId: g.groupId })),
      ),
    );
    const ints = await Promise.all(groups.map((g) => firstValueFrom(this.groupsApi.internships(g))));
    this.internships.set(ints.flat().filter((i) => i.participantId === id));
  }

  protected async onTab(label: string): Promise<void> {
    if (label === this.i18n.t('p.tab.mapping') && this.needs() === null && !this.healthDenied()) {
      try {
        this.needs.set(await firstValueFrom(this.api.needs(this.id())));
        this.talks.set(await firstValueFrom(this.api.talks(this.id())));
      } catch {
        this.healthDenied.set(true);
      }
    }
    if (label === this.i18n.t('p.tab.audit') && this.trail() === null)
      this.trail.set(await firstValueFrom(this.api.auditTrail(this.id())));
  }

  protected async withdraw(c: ConsentResponse): Promise<void> {
    await firstValueFrom(this.api.withdrawConsent(c.id));
    this.consents.set(await firstValueFrom(this.api.consents(this.id())));
  }

  protected t(key: string): string {
    return this.i18n.t(key as TextKey);
  }
}
