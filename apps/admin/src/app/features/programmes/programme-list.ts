import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { ProgrammeResponse } from '@stegvis/contracts';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { ListState, rowsOf } from '../../shared/list/list-state';
import { ProgrammesApi } from './programmes-api';

@Component({
  selector: 'sv-programme-list',
  imports: [RouterLink, MatButtonModule, MatIconModule, ListState],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('programmes.title') }}</h1>
        @if (auth.can('programme.create')) {
          <a mat-flat-button routerLink="ny" data-testid="new-programme"
            ><mat-icon>add</mat-icon> {{ i18n.t('programmes.new') }}</a
          >
        }
      </header>
      <sv-list-state
        [loading]="programmes.isLoading()"
        [error]="programmes.error()"
        [count]="rows().length"
        [emptyText]="i18n.t('programmes.empty')"
        emptyIcon="folder_open"
        (retry)="programmes.reload()"
      >
        <table class="data" data-testid="programme-table">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('programmes.name') }}</th>
              <th scope="col">{{ i18n.t('programmes.owner') }}</th>
              <th scope="col">{{ i18n.t('programmes.period') }}</th>
              <th scope="col">{{ i18n.t('programmes.municipalities') }}</th>
              @if (auth.can('template.read')) {
                <th scope="col">{{ i18n.t('tpl.programmeTemplates') }}</th>
              }
              @if (auth.can('budget.manage')) {
                <th scope="col">
                  <span class="cdk-visually-hidden">{{ i18n.t('bud.link') }}</span>
                </th>
              }
              @if (auth.can('import.run')) {
                <th scope="col">
                  <span class="cdk-visually-hidden">{{ i18n.t('imp.link') }}</span>
                </th>
              }
              @if (auth.can('programme.update')) {
                <th scope="col">
                  <span class="cdk-visually-hidden">{{ i18n.t('programmes.edit') }}</span>
                </th>
              }
            </tr>
          </thead>
          <tbody>
            @for (p of rows(); track p.id) {
              <tr data-testid="programme-row">
                <td class="name">
                  {{ p.name }}
                  @if (p.unmappedGoals.length && auth.can('programme.update')) {
                    <span class="to-fix" data-testid="goals-to-fix"
                      ><mat-icon aria-hidden="true">warning</mat-icon> {{ i18n.t('goals.toFix') }}</span
                    >
                  }
                </td>
                <td>{{ p.ownerMunicipality.name }}</td>
                <td>{{ p.startDate }} – {{ p.endDate }}</td>
                <td>{{ municipalityNames(p) }}</td>
                @if (auth.can('template.read')) {
                  <td>
                    <a
                      mat-button
                      [routerLink]="[p.id, 'mallar']"
                      [attr.aria-label]="i18n.t('tpl.programmeTemplatesOf').replace('{name}', p.name)"
                      [attr.data-testid]="'programme-templates-' + $index"
                      >{{ i18n.t('tpl.programmeTemplates') }}</a
                    >
                  </td>
                }
                @if (auth.can('budget.manage')) {
                  <td>
                    <a
                      mat-button
                      [routerLink]="[p.id, 'budget']"
                      [attr.aria-label]="i18n.t('bud.linkOf').replace('{name}', p.name)"
                      [attr.data-testid]="'programme-budget-' + $index"
                      >{{ i18n.t('bud.link') }}</a
                    >
                  </td>
                }
                @if (auth.can('import.run')) {
                  <td>
                    <a
                      mat-button
                      [routerLink]="[p.id, 'import']"
                      [attr.aria-label]="i18n.t('imp.linkOf').replace('{name}', p.name)"
                      [attr.data-testid]="'programme-import-' + $index"
                      >{{ i18n.t('imp.link') }}</a
                    >
                  </td>
                }
                @if (auth.can('programme.update')) {
                  <td>
                    <a
                      mat-button
                      [routerLink]="p.id"
                      [attr.aria-label]="i18n.t('programmes.edit') + ' ' + p.name"
                      >{{ i18n.t('programmes.edit') }}</a
                    >
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </sv-list-state>
    </section>
  `,
  styles: `
    .name {
      font-weight: 500;
    }
    .to-fix {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      margin-left: 8px;
      color: #8a4b00;
      font-weight: 400;
      font-size: 0.875rem;
    }
    .to-fix mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgrammeList {
  protected readonly i18n = inject(I18n);
  protected readonly auth = inject(AuthStore);
  private readonly api = inject(ProgrammesApi);
  protected readonly programmes = rxResource({ stream: () => this.api.list() });
  protected readonly rows = rowsOf(this.programmes, (page) => page.items);

  protected municipalityNames(p: ProgrammeResponse): string {
    return p.municipalities.map((m) => m.name).join(', ');
  }
}
