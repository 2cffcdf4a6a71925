import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import type { EnrolmentResponse, ParticipantResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../core/i18n/i18n';
import { EnrolmentsTab } from './enrolments-tab';
import { ParticipantsApi } from './participants-api';
import { AttendanceTab } from './tabs/attendance-tab';
import { AuditTab } from './tabs/audit-tab';
import { ConsentsTab } from './tabs/consents-tab';
import { InternshipsTab } from './tabs/internships-tab';
import { MappingTab } from './tabs/mapping-tab';
import { OutcomeTab } from './tabs/outcome-tab';
import { ProgressTab } from './tabs/progress-tab';
import { RecordTab } from './tabs/record-tab';
import { ActionPlanTab } from './work/action-plan-tab';
import { CertificateTab } from './work/certificate-tab';

/** One participant, tab by tab (tabs/). The page holds only the person and her enrolments, which tabs share. */
@Component({
  selector: 'sv-participant-page',
  imports: [
    MatTabsModule,
    RecordTab,
    ConsentsTab,
    EnrolmentsTab,
    AttendanceTab,
    InternshipsTab,
    MappingTab,
    ProgressTab,
    ActionPlanTab,
    CertificateTab,
    OutcomeTab,
    AuditTab,
  ],
  templateUrl: './participant-page.html',
  styles: `
    .tab {
      display: block;
      padding-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ParticipantPage implements OnInit {
  readonly id = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ParticipantsApi);
  protected readonly p = signal<ParticipantResponse | null>(null);
  protected readonly enrolments = signal<EnrolmentResponse[]>([]);

  async ngOnInit(): Promise<void> {
    const [p, e] = await Promise.all([
      firstValueFrom(this.api.get(this.id())),
      firstValueFrom(this.api.enrolments(this.id())),
    ]);
    this.enrolments.set(e);
    this.p.set(p);
  }
}
