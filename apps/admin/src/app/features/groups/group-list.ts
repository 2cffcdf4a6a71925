import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { GroupResponse } from '@stegvis/contracts';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { ProgrammePicker } from '../../shared/programme-picker';
import { GroupsApi } from './groups-api';

@Component({
  selector: 'sv-group-list',
  imports: [RouterLink, MatButtonModule, ProgrammePicker],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('groups.title') }}</h1>
        @if (auth.can('group.manage')) {
          <a mat-flat-button routerLink="ny" data-testid="new-group">{{ i18n.t('groups.new') }}</a>
        }
      </header>
      <sv-programme-picker [(programmeId)]="programmeId" />
      @if (programmeId() && groups().length === 0) {
        <p class="muted">{{ i18n.t('groups.empty') }}</p>
      }
      @if (groups().length) {
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
            @for (g of groups(); track g.id) {
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
  protected readonly groups = signal<GroupResponse[]>([]);

  constructor() {
    effect(() => {
      const id = this.programmeId();
      if (id) this.api.list(id).subscribe((g) => this.groups.set(g));
    });
  }
}
