import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { ListState, rowsOf } from '../../shared/list/list-state';
import { ProgrammePicker } from '../../shared/programme-picker';
import { GroupsApi } from './groups-api';

@Component({
  selector: 'sv-group-list',
  imports: [RouterLink, MatButtonModule, ProgrammePicker, ListState],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('groups.title') }}</h1>
        @if (auth.can('group.manage')) {
          <a mat-flat-button routerLink="ny" data-testid="new-group">{{ i18n.t('groups.new') }}</a>
        }
      </header>
      <sv-programme-picker [(programmeId)]="programmeId" />
      @if (programmeId()) {
        <sv-list-state
          [loading]="groups.isLoading()"
          [error]="groups.error()"
          [count]="rows().length"
          [emptyText]="i18n.t('groups.empty')"
          emptyIcon="groups"
          (retry)="groups.reload()"
        >
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{{ i18n.t('groups.group') }}</th>
                <th scope="col">{{ i18n.t('programmes.period') }}</th>
                <th scope="col">{{ i18n.t('groups.enrolled') }}</th>
                <th scope="col">{{ i18n.t('groups.capacity') }}</th>
                <th scope="col"></th>
              </tr>
            </thead>
            <tbody>
              @for (g of rows(); track g.id) {
                <tr data-testid="group-row">
                  <td>{{ g.name }}</td>
                  <td>{{ g.startDate }} – {{ g.endDate }}</td>
                  <td>{{ g.enrolledCount }}</td>
                  <td>{{ g.capacity }} (+{{ g.overIntake }})</td>
                  <td>
                    <a mat-button [routerLink]="g.id" [attr.data-testid]="'open-group-' + g.number">{{
                      i18n.t('groups.open')
                    }}</a>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </sv-list-state>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupList {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(GroupsApi);
  protected readonly programmeId = signal<string>('');
  protected readonly auth = inject(AuthStore);
  protected readonly groups = rxResource({
    params: () => this.programmeId() || undefined,
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly rows = rowsOf(this.groups);
}
