import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AUDIT_ACTIONS, type AuditAction, type AuditLogEntry, isIsoDate } from '@stegvis/contracts';
import { firstValueFrom, of } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { StockholmTimePipe } from '../../core/time/stockholm-time';
import { DownloadWithProgress } from '../../shared/download-with-progress';
import { ListState } from '../../shared/list/list-state';
import { type AuditLogFilter, AuditLogApi } from './audit-log-api';
import { RetentionSection } from './retention-section';

/**
 * The system owner's audit log (docs/security.md, "The audit log"): filter by person, user, action and Swedish
 * days, page on, export what is filtered. Every action in its Swedish label, from the one table in contracts.
 */
@Component({
  selector: 'sv-audit-log-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    StockholmTimePipe,
    ListState,
    RetentionSection,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('audit.title') }}</h1>
      </header>
      <p>{{ i18n.t('audit.intro') }}</p>
      <form class="filters" [formGroup]="form" (ngSubmit)="search()" data-testid="audit-filters">
        <mat-form-field>
          <mat-label>{{ i18n.t('audit.person') }}</mat-label>
          <input matInput formControlName="person" data-testid="audit-person" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('audit.user') }}</mat-label>
          <mat-select formControlName="actorId" data-testid="audit-user">
            <mat-option value="">{{ i18n.t('audit.anyUser') }}</mat-option>
            @for (u of users.value() ?? []; track u.id) {
              <mat-option [value]="u.id">{{ u.displayName }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('audit.action') }}</mat-label>
          <mat-select formControlName="action" data-testid="audit-action">
            <mat-option value="">{{ i18n.t('audit.anyAction') }}</mat-option>
            @for (a of actions(); track a.value) {
              <mat-option [value]="a.value">{{ a.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('audit.from') }}</mat-label>
          <input matInput formControlName="from" data-testid="audit-from" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('audit.to') }}</mat-label>
          <input matInput formControlName="to" data-testid="audit-to" />
        </mat-form-field>
        <div class="buttons">
          <button mat-flat-button type="submit" data-testid="audit-search">
            <mat-icon>search</mat-icon> {{ i18n.t('audit.search') }}
          </button>
          <button mat-stroked-button type="button" data-testid="audit-export" (click)="exportCsv()">
            <mat-icon>download</mat-icon> {{ i18n.t('audit.export') }}
          </button>
        </div>
      </form>
      @if (error()) {
        <p class="error" role="alert" data-testid="audit-error">{{ error() }}</p>
      }
      @if (dl.state().error) {
        <p class="error" role="alert">{{ dl.state().error }}</p>
      }
      <sv-list-state
        [loading]="loading()"
        [error]="null"
        [count]="items().length"
        [emptyText]="i18n.t('audit.empty')"
        emptyIcon="policy"
        (retry)="search()"
      >
        <table class="data" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('audit.when') }}</th>
              <th scope="col">{{ i18n.t('audit.who') }}</th>
              <th scope="col">{{ i18n.t('audit.role') }}</th>
              <th scope="col">{{ i18n.t('audit.what') }}</th>
              <th scope="col">{{ i18n.t('audit.kind') }}</th>
              <th scope="col">{{ i18n.t('audit.subject') }}</th>
              <th scope="col">{{ i18n.t('audit.outcome') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (e of items(); track e.id) {
              <tr data-testid="audit-row">
                <td>{{ e.at | stockholmTime: 'seconds' }}</td>
                <td data-testid="audit-row-actor">{{ e.actorName ?? i18n.t('audit.system') }}</td>
                <td>{{ e.actorRole ? labels.stored('role', e.actorRole) : '' }}</td>
                <td data-testid="audit-row-action">{{ labels.stored('auditAction', e.action) }}</td>
                <td>{{ labels.stored('auditEntityType', e.entityType) }}</td>
                <td data-testid="audit-row-subject">{{ e.subjectName ?? '' }}</td>
                <td>{{ labels.stored('auditOutcome', e.outcome) }}</td>
              </tr>
            }
          </tbody>
        </table>
        @if (nextCursor()) {
          <button mat-stroked-button type="button" data-testid="audit-more" (click)="more()">
            {{ i18n.t('audit.more') }}
          </button>
        }
      </sv-list-state>
      @if (auth.can('retention.read')) {
        <sv-retention-section />
      }
    </section>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: baseline;
    }
    .filters mat-form-field {
      width: 250px;
    }
    .buttons {
      display: flex;
      gap: 8px;
    }
    .error {
      color: #b3261e;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage {
  protected readonly i18n = inject(I18n);
  protected readonly labels = inject(Labels);
  protected readonly auth = inject(AuthStore);
  protected readonly dl = inject(DownloadWithProgress);
  private readonly api = inject(AuditLogApi);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    person: '',
    actorId: '',
    action: '',
    from: '',
    to: '',
  });
  protected readonly users = rxResource({
    params: () => this.auth.can('user.manage'),
    stream: ({ params }) => (params ? this.api.users() : of([])),
  });
  /** Every action by its label, alphabetically in the current language. */
  protected readonly actions = computed(() => {
    this.i18n.lang();
    return AUDIT_ACTIONS.map((value) => ({ value, label: this.labels.of('auditAction', value) })).sort(
      (a, b) => a.label.localeCompare(b.label, 'sv'),
    );
  });
  protected readonly items = signal<AuditLogEntry[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal('');
  private filter: AuditLogFilter = {};

  constructor() {
    void this.search();
  }

  protected async search(): Promise<void> {
    const f = this.filterOfForm();
    if (!f) return;
    this.filter = f;
    this.items.set([]);
    await this.load();
  }

  protected more(): Promise<void> {
    return this.load(this.nextCursor() ?? undefined);
  }

  protected exportCsv(): Promise<void> {
    const f = this.filterOfForm();
    if (!f) return Promise.resolve();
    return this.dl.download('audit-csv', this.api.exportCsv(f), 'granskningslogg.csv');
  }

  private async load(after?: string): Promise<void> {
    this.loading.set(true);
    this.error.set('');
    try {
      const page = await firstValueFrom(this.api.events(this.filter, after));
      this.items.update((xs) => [...xs, ...page.items]);
      this.nextCursor.set(page.nextCursor);
    } catch (err) {
      this.error.set(asProblem(err, this.i18n.lang())?.detail ?? this.i18n.t('audit.empty'));
    } finally {
      this.loading.set(false);
    }
  }

  /** The form as the api's filter; a day not written YYYY-MM-DD is said at once, without asking the api. */
  private filterOfForm(): AuditLogFilter | null {
    const v = this.form.getRawValue();
    for (const d of [v.from, v.to])
      if (d && !isIsoDate(d.trim())) {
        this.error.set(this.i18n.problem('invalid_date', {}, ''));
        return null;
      }
    const f: AuditLogFilter = {};
    if (v.person.trim().length >= 2) f.person = v.person.trim();
    if (v.actorId) f.actorId = v.actorId;
    if (v.action) f.action = v.action as AuditAction;
    if (v.from.trim()) f.from = v.from.trim();
    if (v.to.trim()) f.to = v.to.trim();
    return f;
  }
}
