import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { AuditTrailEntry } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { Labels } from '../../../core/i18n/labels';
import { StockholmTimePipe } from '../../../core/time/stockholm-time';
import { ParticipantsApi } from '../participants-api';

/** Who read or changed this person's data, and when (Swedish time), with labelled actions. */
@Component({
  selector: 'sv-audit-tab',
  imports: [MatButtonModule, StockholmTimePipe],
  template: `
    <p>
      <a
        mat-stroked-button
        [href]="'/api/participants/' + participantId() + '/audit-trail?format=csv'"
        download
        >{{ i18n.t('p.auditCsv') }}</a
      >
    </p>
    <table class="data">
      <thead>
        <tr>
          <th scope="col">{{ i18n.t('p.auditAt') }}</th>
          <th scope="col">{{ i18n.t('p.auditActor') }}</th>
          <th scope="col">{{ i18n.t('p.auditAction') }}</th>
          <th scope="col">{{ i18n.t('p.auditOutcome') }}</th>
        </tr>
      </thead>
      <tbody>
        @for (e of trail() ?? []; track $index) {
          <tr>
            <td>{{ e.at | stockholmTime: 'seconds' }}</td>
            <td>{{ e.actor }}</td>
            <td>{{ labels.stored('auditAction', e.action) }}</td>
            <td>{{ labels.stored('auditOutcome', e.outcome) }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditTab implements OnInit {
  readonly participantId = input.required<string>();
  protected readonly i18n = inject(I18n);
  protected readonly labels = inject(Labels);
  private readonly api = inject(ParticipantsApi);
  protected readonly trail = signal<AuditTrailEntry[] | null>(null);

  async ngOnInit(): Promise<void> {
    this.trail.set(await firstValueFrom(this.api.auditTrail(this.participantId())));
  }
}
