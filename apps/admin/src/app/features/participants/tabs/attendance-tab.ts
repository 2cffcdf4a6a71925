import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import type { AttendanceRow, EnrolmentResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { Labels } from '../../../core/i18n/labels';
import { GroupsApi } from '../../groups/groups-api';

/** Attendance lives with the groups: this person's rows, gathered from each group she was enrolled in. */
@Component({
  selector: 'sv-attendance-tab',
  template: `
    <table class="data">
      <thead>
        <tr>
          <th scope="col">{{ i18n.t('groups.rate') }}</th>
          <th scope="col">{{ labels.of('attendanceStatus', 'excused') }}</th>
          <th scope="col">{{ labels.of('attendanceStatus', 'unexcused') }}</th>
          <th scope="col">{{ i18n.t('groups.meetingGoal') }}</th>
        </tr>
      </thead>
      <tbody>
        @for (a of attendance(); track a.enrolmentId) {
          <tr>
            <td>{{ a.rate.percent ?? '–' }} % ({{ a.rate.count }} {{ i18n.t('p.of') }} {{ a.rate.of }})</td>
            <td>{{ a.excused }}</td>
            <td>{{ a.unexcused }}</td>
            <td>{{ a.meetsGoal ? i18n.t('p.yes') : i18n.t('p.no') }}</td>
          </tr>
        } @empty {
          <tr>
            <td colspan="4" class="muted">{{ i18n.t('p.noAttendance') }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttendanceTab implements OnInit {
  readonly participantId = input.required<string>();
  readonly enrolments = input.required<EnrolmentResponse[]>();
  protected readonly i18n = inject(I18n);
  protected readonly labels = inject(Labels);
  private readonly groupsApi = inject(GroupsApi);
  protected readonly attendance = signal<(AttendanceRow & { groupId: string })[]>([]);

  async ngOnInit(): Promise<void> {
    const id = this.participantId();
    const groups = [...new Set(this.enrolments().map((x) => x.groupId))];
    const grids = await Promise.all(groups.map((g) => firstValueFrom(this.groupsApi.attendance(g))));
    this.attendance.set(
      grids.flatMap((g) =>
        g.rows.filter((r) => r.participantId === id).map((r) => ({ ...r, groupId: g.groupId })),
      ),
    );
  }
}
