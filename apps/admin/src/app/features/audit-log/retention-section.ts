import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { formatStockholm, type RetentionStatus } from '@stegvis/contracts';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { ListState } from '../../shared/list/list-state';
import { AuditLogApi } from './audit-log-api';

/** Retention on the audit-log page: the rule in force, its last run, and what falls due next (counts only). */
@Component({
  selector: 'sv-retention-section',
  imports: [ListState],
  template: `
    <section class="retention" aria-labelledby="retention-title" data-testid="retention">
      <h2 id="retention-title">{{ i18n.t('ret.title') }}</h2>
      <sv-list-state
        [loading]="status.isLoading()"
        [error]="status.error()"
        [count]="status.value() ? 1 : 0"
        emptyText=""
        emptyIcon="auto_delete"
        (retry)="status.reload()"
      >
        @if (status.value(); as s) {
          <p data-testid="retention-rule">{{ i18n.t('ret.rule').replace('{years}', '' + s.years) }}</p>
          <dl class="retention-facts">
            <dt>{{ i18n.t('ret.lastRun') }}</dt>
            <dd data-testid="retention-last-run">{{ lastRun(s) }}</dd>
            <dt>{{ i18n.t('ret.next') }}</dt>
            <dd data-testid="retention-next-run">
              {{ s.nextRunAt ? stockholm(s.nextRunAt) : i18n.t('ret.notScheduled') }}
            </dd>
            <dt>{{ i18n.t('ret.dueNow') }}</dt>
            <dd data-testid="retention-due-now">
              {{ i18n.t('ret.dueNowText').replace('{n}', '' + s.dueNow) }}
            </dd>
            <dt>{{ i18n.t('ret.nextDue') }}</dt>
            <dd data-testid="retention-next-due">
              {{
                s.nextDue
                  ? i18n
                      .t('ret.nextDueText')
                      .replace('{date}', s.nextDue.date)
                      .replace('{n}', '' + s.nextDue.count)
                  : i18n.t('ret.noneDue')
              }}
            </dd>
          </dl>
        }
      </sv-list-state>
    </section>
  `,
  styles: `
    .retention {
      margin-top: 32px;
    }
    .retention-facts {
      display: grid;
      grid-template-columns: 180px 1fr;
      gap: 8px 16px;
      margin: 0;
    }
    .retention-facts dt {
      font-weight: 500;
    }
    .retention-facts dd {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RetentionSection {
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  private readonly api = inject(AuditLogApi);
  protected readonly status = rxResource({ stream: () => this.api.retention() });
  protected readonly stockholm = formatStockholm;

  protected lastRun(s: RetentionStatus): string {
    const r = s.lastRun;
    if (!r) return this.i18n.t('ret.never');
    return this.i18n
      .t('ret.lastRunText')
      .replace('{at}', formatStockholm(r.at))
      .replace('{outcome}', this.labels.of('auditOutcome', r.outcome))
      .replace('{n}', String(r.pseudonymised))
      .replace('{cutoff}', r.cutoff);
  }
}
