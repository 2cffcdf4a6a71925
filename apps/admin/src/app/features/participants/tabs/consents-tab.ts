import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ConsentResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { StockholmTimePipe } from '../../../core/time/stockholm-time';
import { ParticipantsApi } from '../participants-api';

/** Consents per purpose; a withdrawal is kept with its time, never deleted. */
@Component({
  selector: 'sv-consents-tab',
  imports: [MatButtonModule, LabelPipe, StockholmTimePipe],
  template: `
    <table class="data">
      <thead>
        <tr>
          <th scope="col">{{ i18n.t('p.consentPurpose') }}</th>
          <th scope="col">{{ i18n.t('p.consentScope') }}</th>
          <th scope="col">{{ i18n.t('p.consentGiven') }}</th>
          <th scope="col"></th>
        </tr>
      </thead>
      <tbody>
        @for (c of consents(); track c.id) {
          <tr>
            <td>{{ c.purpose | label: 'consentPurpose' }}</td>
            <td>{{ c.scope }}</td>
            <td>{{ c.givenOn }}</td>
            <td>
              @if (c.withdrawnAt) {
                <span class="withdrawn"
                  >{{ i18n.t('p.withdrawn') }} {{ c.withdrawnAt | stockholmTime: 'date' }}</span
                >
              } @else {
                <button mat-button type="button" (click)="withdraw(c)">{{ i18n.t('p.withdraw') }}</button>
              }
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="4" class="muted">{{ i18n.t('p.noConsents') }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentsTab implements OnInit {
  readonly participantId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ParticipantsApi);
  protected readonly consents = signal<ConsentResponse[]>([]);

  async ngOnInit(): Promise<void> {
    this.consents.set(await firstValueFrom(this.api.consents(this.participantId())));
  }

  protected async withdraw(c: ConsentResponse): Promise<void> {
    await firstValueFrom(this.api.withdrawConsent(c.id));
    this.consents.set(await firstValueFrom(this.api.consents(this.participantId())));
  }
}
