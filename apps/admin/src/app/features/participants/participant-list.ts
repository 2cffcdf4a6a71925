import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { ListState, rowsOf } from '../../shared/list/list-state';
import { ProgrammePicker } from '../../shared/programme-picker';
import { ParticipantsApi } from './participants-api';

/** How long typing may pause before the search runs: one audited list read per search, not per key. */
const SEARCH_DELAY_MS = 300;

/**
 * The participants of a programme. The search takes a name, or a personnummer in any common form (the api matches
 * the number by its keyed hash and never shows a record whose identity the user does not see).
 */
@Component({
  selector: 'sv-participant-list',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatIconModule,
    ProgrammePicker,
    ListState,
    LabelPipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('p.title') }}</h1>
        @if (canWrite) {
          <a mat-flat-button routerLink="ny" data-testid="new-participant">{{ i18n.t('p.new') }}</a>
        }
      </header>
      <div class="filters">
        <sv-programme-picker [(programmeId)]="programmeId" />
        <mat-form-field appearance="outline" class="search">
          <mat-label>{{ i18n.t('pr.search') }}</mat-label>
          <input
            matInput
            type="search"
            autocomplete="off"
            [ngModel]="typed()"
            (ngModelChange)="type($event)"
            data-testid="participant-search"
          />
          <mat-icon matSuffix aria-hidden="true">search</mat-icon>
          <mat-hint>{{ i18n.t('pr.searchHint') }}</mat-hint>
        </mat-form-field>
      </div>
      <sv-list-state
        [loading]="list.isLoading()"
        [error]="list.error()"
        [count]="rows().length"
        [emptyText]="q() ? i18n.t('pr.emptySearch') : i18n.t('pr.emptyAll')"
        emptyIcon="person_search"
        (retry)="list.reload()"
      >
        <table class="data" data-testid="participant-table">
          <caption class="visually-hidden">
            {{
              i18n.t('pr.listCaption')
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('p.name') }}</th>
              <th scope="col">{{ i18n.t('p.gender') }}</th>
              <th scope="col">{{ i18n.t('p.birthYear') }}</th>
              <th scope="col">{{ i18n.t('ref.level') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (p of rows(); track p.id) {
              <tr data-testid="participant-row">
                <td>
                  <a [routerLink]="p.id">{{ p.displayName }}</a>
                  @if (p.protectedIdentity) {
                    <mat-icon class="lock" [attr.aria-label]="i18n.t('p.protected')" inline>lock</mat-icon>
                  }
                </td>
                <td>{{ p.gender | label: 'gender' }}</td>
                <td>{{ p.birthYear ?? '–' }}</td>
                <td>{{ p.swedishLevel | label: 'swedishLevel' }}</td>
              </tr>
            }
          </tbody>
        </table>
      </sv-list-state>
    </section>
  `,
  styles: `
    .filters {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
    }
    .search {
      min-width: 320px;
    }
    .lock {
      color: #6b4e00;
      vertical-align: middle;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ParticipantList {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ParticipantsApi);
  protected readonly canWrite = inject(AuthStore).can('participant.write');
  protected readonly programmeId = signal('');
  /** What is in the search field, and (after a pause) what is searched for. */
  protected readonly typed = signal('');
  protected readonly q = signal('');
  private timer: ReturnType<typeof setTimeout> | undefined;
  protected readonly list = rxResource({
    params: () => (this.programmeId() ? { id: this.programmeId(), q: this.q() } : undefined),
    stream: ({ params }) => this.api.list(params.id, params.q),
  });
  protected readonly rows = rowsOf(this.list);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected type(value: string): void {
    this.typed.set(value);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.q.set(value.trim()), SEARCH_DELAY_MS);
  }
}
