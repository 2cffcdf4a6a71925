import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import type { NeedResponse, TalkResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { ParticipantsApi } from '../participants-api';

/**
 * Needs and individual talks. Health data: the page renders this tab only when it is opened, so reading it is a
 * deliberate (and audited) act; a refusal shows "no access" instead of an error.
 */
@Component({
  selector: 'sv-mapping-tab',
  imports: [LabelPipe],
  template: `
    @if (healthDenied()) {
      <p class="muted">{{ i18n.t('p.noAccess') }}</p>
    } @else {
      <p class="info-banner" role="note">{{ i18n.t('p.healthNote') }}</p>
      <h2>{{ i18n.t('p.needs') }}</h2>
      <ul>
        @for (n of needs() ?? []; track n.id) {
          <li>
            {{ n.kind | label: 'needKind' }}: {{ n.note }}
            @if (n.careContact) {
              ({{ n.careContact }})
            }
          </li>
        } @empty {
          <li class="muted">{{ i18n.t('p.noNeeds') }}</li>
        }
      </ul>
      <h2>{{ i18n.t('p.talks') }}</h2>
      <ul>
        @for (t of talks() ?? []; track t.id) {
          <li>
            <strong>{{ t.date }}</strong>: {{ t.notes }}
          </li>
        } @empty {
          <li class="muted">{{ i18n.t('p.noTalks') }}</li>
        }
      </ul>
    }
  `,
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MappingTab implements OnInit {
  readonly participantId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ParticipantsApi);
  protected readonly needs = signal<NeedResponse[] | null>(null);
  protected readonly talks = signal<TalkResponse[] | null>(null);
  protected readonly healthDenied = signal(false);

  async ngOnInit(): Promise<void> {
    try {
      this.needs.set(await firstValueFrom(this.api.needs(this.participantId())));
      this.talks.set(await firstValueFrom(this.api.talks(this.participantId())));
    } catch {
      this.healthDenied.set(true);
    }
  }
}
