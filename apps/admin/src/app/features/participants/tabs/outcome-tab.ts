import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import type { OutcomeResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { ParticipantsApi } from '../participants-api';

/** The outcome of each enrolment and its follow-ups. */
@Component({
  selector: 'sv-outcome-tab',
  imports: [LabelPipe],
  template: `
    @for (o of outcomes(); track o.enrolmentId) {
      <dl>
        <dt>{{ i18n.t('p.result') }}</dt>
        <dd>
          {{ o.category | label: 'outcomeCategory' }}{{ o.detail ? ': ' + o.detail : '' }} ({{ o.date }})
        </dd>
        @for (f of o.followUps; track f.id) {
          <dt>{{ i18n.t('p.followUp') }} {{ f.months }} {{ i18n.t('p.monthsShort') }}</dt>
          <dd>
            {{ f.category | label: 'outcomeCategory' }}{{ f.detail ? ': ' + f.detail : '' }} ({{ f.date }})
          </dd>
        }
      </dl>
    } @empty {
      <p class="muted">{{ i18n.t('p.noOutcome') }}</p>
    }
  `,
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomeTab implements OnInit {
  readonly participantId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ParticipantsApi);
  protected readonly outcomes = signal<OutcomeResponse[]>([]);

  async ngOnInit(): Promise<void> {
    this.outcomes.set(await firstValueFrom(this.api.outcomes(this.participantId())));
  }
}
