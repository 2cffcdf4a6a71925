import { ChangeDetectionStrategy, Component, inject, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { ProgrammeResponse } from '@stegvis/contracts';
import { I18n } from '../core/i18n/i18n';
import { ProgrammesApi } from '../features/programmes/programmes-api';

/**
 * The programme choice at the top of most screens: lists the programmes the user works in and picks the first,
 * so a user with one programme never has to choose.
 */
@Component({
  selector: 'sv-programme-picker',
  imports: [FormsModule, MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ i18n.t('groups.programme') }}</mat-label>
      <mat-select [ngModel]="programmeId()" (ngModelChange)="choose($event)" [attr.data-testid]="testId">
        @for (p of programmes(); track p.id) {
          <mat-option [value]="p.id">{{ p.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgrammePicker {
  readonly programmeId = model('');
  /** The chosen programme, whole (its start date, municipalities …), when a screen needs more than the id. */
  readonly programmeChange = output<ProgrammeResponse>();
  protected readonly i18n = inject(I18n);
  protected readonly programmes = signal<ProgrammeResponse[]>([]);
  protected readonly testId = 'programme-picker';

  /** A choice made by the user: the screen hears of the whole programme, as it did of the first. */
  protected choose(id: string): void {
    this.programmeId.set(id);
    const p = this.programmes().find((x) => x.id === id);
    if (p) this.programmeChange.emit(p);
  }

  constructor() {
    inject(ProgrammesApi)
      .list()
      .subscribe((page) => {
        this.programmes.set(page.items);
        if (!this.programmeId() && page.items.length) {
          this.programmeId.set(page.items[0].id);
          this.programmeChange.emit(page.items[0]);
        }
      });
  }
}
