import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { ProgrammeResponse } from '@stegvis/contracts';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { ProgrammesApi } from './programmes-api';

@Component({
  selector: 'sv-programme-list',
  imports: [RouterLink, MatButtonModule, MatIconModule],
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
      @if (error()) {
        <p class="error-banner" role="alert">{{ error() }}</p>
      }
      @if (!loaded()) {
        <p class="muted" role="status">{{ i18n.t('rep.loading') }}</p>
      } @else if (programmes().length === 0) {
        <p class="muted">{{ i18n.t('programmes.empty') }}</p>
      } @else {
        <table class="data" data-testid="programme-table">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('programmes.name') }}</th>
              <th scope="col">{{ i18n.t('programmes.owner') }}</th>
              <th scope="col">{{ i18n.t('programmes.period') }}</th>
              <th scope="col">{{ i18n.t('programmes.municipalities') }}</th>
              @if (auth.can('programme.update')) {
                <th scope="col">
                  <span class="cdk-visually-hidden">{{ i18n.t('programmes.edit') }}</span>
                </th>
              }
            </tr>
          </thead>
          <tbody>
            @for (p of programmes(); track p.id) {
              <tr data-testid="programme-row">
                <td class="name">{{ p.name }}</td>
                <td>{{ p.ownerMunicipality.name }}</td>
                <td>{{ p.startDate }} – {{ p.endDate }}</td>
                <td>{{ municipalityNames(p) }}</td>
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
      }
    </section>
  `,
  styles: `
    .name {
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgrammeList {
  protected readonly i18n = inject(I18n);
  protected readonly auth = inject(AuthStore);
  private readonly api = inject(ProgrammesApi);
  protected readonly programmes = signal<ProgrammeResponse[]>([]);
  protected readonly loaded = signal(false);
  protected readonly error = signal('');

  constructor() {
    this.api.list().subscribe({
      next: (page) => {
        this.programmes.set(page.items);
        this.loaded.set(true);
      },
      error: () => this.error.set(this.i18n.t('error.generic')),
    });
  }

  protected municipalityNames(p: ProgrammeResponse): string {
    return p.municipalities.map((m) => m.name).join(', ');
  }
}
