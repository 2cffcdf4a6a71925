import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { I18n } from '../../../core/i18n/i18n';
import { Labels } from '../../../core/i18n/labels';
import { StockholmTimePipe } from '../../../core/time/stockholm-time';
import { ListState, rowsOf } from '../../../shared/list/list-state';
import { ParticipantsApi } from '../participants-api';

/**
 * Who read or changed this person's data, and when (Swedish time), every action and record type in words. Only
 * for those who see her: for anyone else the api answers 404, shown as the list's error.
 */
@Component({
  selector: 'sv-audit-tab',
  imports: [MatButtonModule, MatIconModule, StockholmTimePipe, ListState],
  template: `
    <sv-list-state
      [loading]="trail.isLoading()"
      [error]="trail.error()"
      [count]="rows().length"
      [emptyText]="i18n.t('pr.auditEmpty')"
      emptyIcon="history"
      (retry)="trail.reload()"
    >
      <p>
        <a
          mat-stroked-button
          [href]="'/api/participants/' + participantId() + '/audit-trail?format=csv'"
          download
          ><mat-icon aria-hidden="true">download</mat-icon> {{ i18n.t('p.auditCsv') }}</a
        >
      </p>
      <table class="data" data-testid="audit-table">
        <caption class="caption">
          {{
            i18n.t('pr.auditCaption')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ i18n.t('p.auditAt') }}</th>
            <th scope="col">{{ i18n.t('p.auditActor') }}</th>
            <th scope="col">{{ i18n.t('pr.auditRole') }}</th>
            <th scope="col">{{ i18n.t('p.auditAction') }}</th>
            <th scope="col">{{ i18n.t('pr.auditEntity') }}</th>
            <th scope="col">{{ i18n.t('p.auditOutcome') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (e of rows(); track $index) {
            <tr data-testid="audit-row">
              <td>{{ e.at | stockholmTime: 'seconds' }}</td>
              <td>{{ e.actor === 'system' ? i18n.t('pr.system') : e.actor }}</td>
              <td>{{ e.actorRole ? labels.stored('role', e.actorRole) : '–' }}</td>
              <td data-testid="audit-action">{{ labels.stored('auditAction', e.action) }}</td>
              <td>{{ labels.stored('auditEntityType', e.entityType) }}</td>
              <td>{{ labels.stored('auditOutcome', e.outcome) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </sv-list-state>
  `,
  styleUrl: './tab.scss',
  styles: `
    .caption {
      text-align: left;
      padding: 4px 0 8px;
      color: #50555e;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditTab {
  readonly participantId = input.required<string>();
  protected readonly i18n = inject(I18n);
  protected readonly labels = inject(Labels);
  private readonly api = inject(ParticipantsApi);
  protected readonly trail = rxResource({
    params: () => ({ id: this.participantId() }),
    stream: ({ params }) => this.api.auditTrail(params.id),
  });
  protected readonly rows = rowsOf(this.trail);
}
