import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { ParticipantResponse } from '@stegvis/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';

/** The record as registered; what the caller may not see arrives blanked from the api. */
@Component({
  selector: 'sv-record-tab',
  imports: [LabelPipe],
  template: `
    <dl>
      <dt>{{ i18n.t('p.personalNumber') }}</dt>
      <dd>{{ person().personalNumber ?? '–' }}</dd>
      <dt>{{ i18n.t('p.gender') }}</dt>
      <dd>{{ person().gender | label: 'gender' }}</dd>
      <dt>{{ i18n.t('p.birthYear') }}</dt>
      <dd>{{ person().birthYear ?? '–' }}</dd>
      <dt>{{ i18n.t('p.country') }}</dt>
      <dd>{{ person().countryOfBirth || '–' }}</dd>
      <dt>{{ i18n.t('p.arrival') }}</dt>
      <dd>{{ person().yearOfArrival ?? '–' }}</dd>
      <dt>{{ i18n.t('p.languages') }}</dt>
      <dd>
        {{ person().languages.join(', ') || '–' }}
        @if (person().interpreterNeeded) {
          ({{ i18n.t('p.interpreter') }})
        }
      </dd>
      <dt>{{ i18n.t('ref.level') }}</dt>
      <dd>{{ person().swedishLevel | label: 'swedishLevel' }}</dd>
      <dt>{{ i18n.t('p.phone') }}</dt>
      <dd>{{ person().phone || '–' }}</dd>
      <dt>{{ i18n.t('p.email') }}</dt>
      <dd>{{ person().email || '–' }}</dd>
      <dt>{{ i18n.t('p.address') }}</dt>
      <dd>{{ person().address || '–' }}</dd>
    </dl>
  `,
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordTab {
  readonly person = input.required<ParticipantResponse>();
  protected readonly i18n = inject(I18n);
}
