import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { ProgrammeResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { ProgrammesApi } from '../programmes/programmes-api';

interface ReportTable {
  id: string;
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
  notes: string[];
}

/** The progress report on screen: the same tables, from the same computation, as every download. */
@Component({
  selector: 'sv-report-view',
  imports: [FormsModule, MatFormFieldModule, MatSelectModule, MatInputModule, MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    <section class="page">
      <header class="page-header"><h1>{{ i18n.t('rep.title') }}</h1></header>
      <div class="filters">
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('groups.programme') }}</mat-label>
          <mat-select [ngModel]="programmeId()" (ngModelChange)="programmeId.set($event)" data-testid="report-programme">
            @for (p of programmes(); track p.id) { <mat-option [value]="p.id">{{ p.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline"><mat-label>{{ i18n.t('rep.from') }}</mat-label><input matInput [ngModel]="from()" (ngModelChange)="from.set($event)" data-testid="report-from" /></mat-form-field>
        <mat-form-field appearance="outline"><mat-label>{{ i18n.t('rep.to') }}</mat-label><input matInput [ngModel]="to()" (ngModelChange)="to.set($event)" data-testid="report-to" /></mat-form-field>
        <button mat-flat-button type="button" (click)="load()" data-testid="report-show">{{ i18n.t('rep.show') }}</button>
      </div>
      @if (busy()) { <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('rep.loading')" /> }
      @if (error()) { <p class="error-banner" role="alert">{{ error() }}</p> }
      @if (tables().length) {
        <div class="downloads">
          <span>{{ i18n.t('rep.download') }}:</span>
          @for (f of formats; track f) { <a mat-stroked-button [href]="downloadUrl(f)" download [attr.data-testid]="'download-' + f">{{ f.toUpperCase() }}</a> }
        </div>
        @if (suppressed()) { <p class="info-banner">{{ i18n.t('rep.suppressed') }}</p> }
        @for (t of tables(); track t.id) {
          <section class="table" [attr.data-testid]="'report-' + t.id">
            <h2>{{ t.title }}</h2>
            <table class="data">
              <thead><tr>@for (c of t.columns; track $index) { <th scope="col">{{ c }}</th> }</tr></thead>
              <tbody>@for (r of t.rows; track $index) { <tr>@for (c of r; track $index) { <td>{{ c ?? '' }}</td> }</tr> }</tbody>
            </table>
            @for (n of t.notes; track $index) { <p class="muted note">{{ n }}</p> }
          </section>
        }
      }
    </section>
  `,
  styles: `.filters { display: flex; gap: 16px; flex-wrap: wrap; align-items: baseline; } .downloads { display: flex; gap: 8px; align-items: center; margin: 12px 0; } h2 { font-size: 1.15rem; font-weight: 500; margin: 20px 0 8px; } .note { font-size: 0.85rem; margin: 4px 0; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportView {
  protected readonly i18n = inject(I18n);
  private readonly http = inject(HttpClient);
  protected readonly formats = ['csv', 'xlsx', 'pdf', 'docx'];
  protected readonly programmes = signal<ProgrammeResponse[]>([]);
  protected readonly programmeId = signal('');
  protected readonly from = signal('');
  protected readonly to = signal(new Date().toISOString().slice(0, 10));
  protected readonly tables = signal<ReportTable[]>([]);
  protected readonly suppressed = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  constructor() {
    inject(ProgrammesApi).list().subscribe((p) => {
      this.programmes.set(p.items);
      if (p.items.length) {
        this.programmeId.set(p.items[0].id);
        this.from.set(p.items[0].startDate);
      }
    });
  }

  protected async load(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      const r = await firstValueFrom(this.http.get<{ tables: ReportTable[]; suppressed: boolean }>(`/api/programmes/${this.programmeId()}/reports/progress`, { params: { from: this.from(), to: this.to() } }));
      this.tables.set(r.tables);
      this.suppressed.set(r.suppressed);
    } catch (err) {
      const p = asProblem(err);
      this.error.set(p?.errors?.[0]?.message ?? p?.detail ?? this.i18n.t('error.generic'));
    } finally {
      this.busy.set(false);
    }
  }

  protected downloadUrl(format: string): string {
    return `/api/programmes/${this.programmeId()}/reports/progress.${format}?from=${this.from()}&to=${this.to()}`;
  }
}
