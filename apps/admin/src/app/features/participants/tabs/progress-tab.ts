import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import type { AssessmentResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { ParticipantsApi } from '../participants-api';
import { ProgressChart } from '../progress-chart';

/** Progress assessments at start, middle and end, as a chart. */
@Component({
  selector: 'sv-progress-tab',
  imports: [ProgressChart],
  template: `
    @if (assessments().length) {
      <sv-progress-chart [assessments]="assessments()" />
    } @else {
      <p class="muted">{{ i18n.t('p.noAssessment') }}</p>
    }
  `,
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgressTab implements OnInit {
  readonly participantId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ParticipantsApi);
  protected readonly assessments = signal<AssessmentResponse[]>([]);

  async ngOnInit(): Promise<void> {
    this.assessments.set(await firstValueFrom(this.api.assessments(this.participantId())));
  }
}
