import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { ParticipantListItem } from '@stegvis/contracts';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { ProgrammePicker } from '../../shared/programme-picker';
import { ParticipantsApi } from './participants-api';

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
    LabelPipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('p.title') }}</h1>
        <a mat-flat-button routerLink="ny" data-testid="new-participant">{{ i18n.t('p.new') }}</a>
      </header>
      <div class="filters">
        <sv-programme-picker [(programmeId)]="programmeId" />
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('p.search') }}</mat-label>
          <input matInput [ngModel]="q()" (ngModelChange)="q.set($event)" data-testid="participant-search" />
          <mat-icon matSuffix>search</mat-icon>
        </mat-form-field>
      </div>
      @if (items().length === 0) {
        <p class="muted">{{ i18n.t('p.empty') }}</p>
      } @else {
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('p.name') }}</th>
              <th scope="col">{{ i18n.t('p.gender') }}</th>
              <th scope="col">{{ i18n.t('p.birthYear') }}</th>
              <th scope="col">{{ i18n.t('ref.level') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (p of items(); track p.id) {
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
      }
    </section>
  `,
  styles: `
    .filters {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
    }
    .lock {
      color: #6b4e00;
      vertical-align: middle;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ParticipantList {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ParticipantsApi);
  protected readonly programmeId = signal('');
  protected readonly q = signal('');
  protected readonly items = signal<ParticipantListItem[]>([]);

  constructor() {
    effect(() => {
      const id = this.programmeId();
      const q = this.q();
      if (id) this.api.list(id, q).subscribe((x) => this.items.set(x));
    });
  }
}
