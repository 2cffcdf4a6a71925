import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import type { EnrolmentResponse, InternshipResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { GroupsApi } from '../../groups/groups-api';

/** Internships live with the groups: this person's, gathered from each group she was enrolled in. */
@Component({
  selector: 'sv-internships-tab',
  imports: [LabelPipe],
  template: `
    <table class="data">
      <thead>
        <tr>
          <th scope="col">{{ i18n.t('in.employer') }}</th>
          <th scope="col">{{ i18n.t('in.industry') }}</th>
          <th scope="col">{{ i18n.t('in.period') }}</th>
          <th scope="col">{{ i18n.t('in.dates') }}</th>
          <th scope="col">{{ i18n.t('in.result') }}</th>
        </tr>
      </thead>
      <tbody>
        @for (i of internships(); track i.id) {
          <tr>
            <td>{{ i.employerName }}</td>
            <td>{{ i.industry | label: 'industry' }}</td>
            <td>{{ i.periodNumber }}</td>
            <td>{{ i.startDate }} – {{ i.endDate }}</td>
            <td>{{ i.result | label: 'internshipResult' }}</td>
          </tr>
        } @empty {
          <tr>
            <td colspan="5" class="muted">{{ i18n.t('in.empty') }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InternshipsTab implements OnInit {
  readonly participantId = input.required<string>();
  readonly enrolments = input.required<EnrolmentResponse[]>();
  protected readonly i18n = inject(I18n);
  private readonly groupsApi = inject(GroupsApi);
  protected readonly internships = signal<InternshipResponse[]>([]);

  async ngOnInit(): Promise<void> {
    const groups = [...new Set(this.enrolments().map((x) => x.groupId))];
    const ints = await Promise.all(groups.map((g) => firstValueFrom(this.groupsApi.internships(g))));
    this.internships.set(ints.flat().filter((i) => i.participantId === this.participantId()));
  }
}
