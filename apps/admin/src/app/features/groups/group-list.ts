import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { GroupResponse, ProgrammeResponse } from '@stegvis/contracts';
import { I18n } from '../../core/i18n/i18n';
import { ProgrammesApi } from '../programmes/programmes-api';
import { GroupsApi } from './groups-api';

@Component({
  selector: 'sv-group-list',
  imports: [FormsModule, RouterLink, MatFormFieldModule, MatSelectModule, MatButtonModule],
  template: `
    <section class="page">
      <header class="page-header"><h1>{{ i18n.t('groups.title') }}</h1></header>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('groups.programme') }}</mat-label>
        <mat-select [ngModel]="programmeId()" (ngModelChange)="programmeId.set($event)" data-testid="group-programme">
          @for (p of programmes(); track p.id) { <mat-option [value]="p.id">{{ p.name }}</mat-option> }
        </mat-select>
      </mat-form-field>
      @if (programmeId() && groups().length === 0) { <p class="muted">{{ i18n.t('groups.empty') }}</p> }
      @if (groups().length) {
        <table class="data">
          <thead><tr><th scope="col">Grupp</th><th scope="col">{{ i18n.t('programmes.period') }}</th><th scope="col">{{ i18n.t('groups.enrolled') }}</th><th scope="col">{{ i18n.t('groups.capacity') }}</th><th scope="col"></th></tr></thead>
          <tbody>
            @for (g of groups(); track g.id) {
              <tr data-testid="group-row">
                <td>{{ g.name }}</td><td>{{ g.startDate }} – {{ g.endDate }}</td><td>{{ g.enrolledCount }}</td><td>{{ g.capacity }} (+{{ g.overIntake }})</td>
                <td><a mat-button [routerLink]="g.id" [attr.data-testid]="'open-group-' + g.number">{{ i18n.t('groups.open') }}</a></td>
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
  protected readonly programmes = signal<ProgrammeResponse[]>([]);
  protected readonly programmeId = signal<string>('');
  protected readonly groups = signal<GroupResponse[]>([]);

  constructor() {
    inject(ProgrammesApi).list().subscribe((page) => {
      this.programmes.set(page.items);
      if (page.items.length) this.programmeId.set(page.items[0].id);
    });
    effect(() => {
      const id = this.programmeId();
      if (id) this.api.list(id).subscribe((g) => this.groups.set(g));
    });
  }
}
