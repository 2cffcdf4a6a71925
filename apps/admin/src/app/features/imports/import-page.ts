import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ImportCounts, ImportDryRunResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { DownloadWithProgress } from '../../shared/download-with-progress';
import { type ImportFile, ImportsApi } from './imports-api';

/**
 * The historical import of one programme (docs/import.md): templates, a file, its dry run (every row's fate and
 * every error, nothing stored), then "Bekräfta import", which sends the same file tied to the dry run's hash.
 */
@Component({
  selector: 'sv-import-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, LabelPipe],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>
          {{ i18n.t('imp.title') }}
          @if (programme.value(); as p) {
            – {{ p.name }}
          }
        </h1>
      </header>
      <p>{{ i18n.t('imp.intro') }}</p>

      <h2>{{ i18n.t('imp.templates') }}</h2>
      <div class="actions">
        <button mat-stroked-button type="button" data-testid="template-csv" (click)="template('csv')">
          <mat-icon>download</mat-icon> {{ i18n.t('imp.templateCsv') }}
        </button>
        <button mat-stroked-button type="button" data-testid="template-xlsx" (click)="template('xlsx')">
          <mat-icon>download</mat-icon> {{ i18n.t('imp.templateXlsx') }}
        </button>
      </div>
      @if (dl.state().error) {
        <p class="error" role="alert">{{ dl.state().error }}</p>
      }

      <h2>{{ i18n.t('imp.file') }}</h2>
      <div class="actions">
        <input
          #picker
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          class="file-input"
          tabindex="-1"
          [attr.aria-label]="i18n.t('imp.file')"
          data-testid="import-file"
          (change)="chosen(picker)"
        />
        <button mat-flat-button type="button" (click)="picker.click()" [disabled]="busy()">
          <mat-icon>upload_file</mat-icon> {{ i18n.t('imp.choose') }}
        </button>
        @if (fileName()) {
          <span data-testid="import-file-name">{{ fileName() }}</span>
        }
      </div>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('imp.checking')" />
      }
      @if (error()) {
        <p class="error" role="alert" data-testid="import-error">{{ error() }}</p>
      }

      @if (done(); as c) {
        <div class="outcome ok" role="status" data-testid="import-done">
          <mat-icon aria-hidden="true">check_circle</mat-icon>
          <span data-testid="import-done-text">{{ countsText('imp.done', c) }}</span>
          <a mat-button routerLink="/rapporter" data-testid="to-report">{{ i18n.t('imp.toReport') }}</a>
        </div>
      } @else if (result(); as r) {
        @if (r.errors.length) {
          <div class="outcome bad" role="status" data-testid="dry-run-summary">
            <mat-icon aria-hidden="true">error_outline</mat-icon>
            <span data-testid="dry-run-summary-text">{{
              i18n.t('imp.hasErrors').replace('{n}', '' + r.errors.length)
            }}</span>
          </div>
          <h2>{{ i18n.t('imp.errors') }}</h2>
          <ul class="errors" data-testid="dry-run-errors">
            @for (e of r.errors; track $index) {
              <li data-testid="dry-run-error">{{ e.message }}</li>
            }
          </ul>
        } @else {
          <div class="outcome ok" role="status" data-testid="dry-run-summary">
            <mat-icon aria-hidden="true">task_alt</mat-icon>
            <span data-testid="dry-run-summary-text"
              >{{ i18n.t('imp.clean') }} {{ countsText('imp.wouldWrite', r.counts) }}</span
            >
          </div>
          <div class="actions">
            <button
              mat-flat-button
              type="button"
              data-testid="confirm-import"
              [disabled]="busy()"
              (click)="confirm(r)"
            >
              <mat-icon>done_all</mat-icon> {{ i18n.t('imp.confirm') }}
            </button>
          </div>
        }
        @if (r.rows.length) {
          <h2>{{ i18n.t('imp.rows') }}</h2>
          <table class="data" data-testid="dry-run-rows">
            <thead>
              <tr>
                <th scope="col">{{ i18n.t('imp.row') }}</th>
                <th scope="col">{{ i18n.t('imp.group') }}</th>
                <th scope="col">{{ i18n.t('imp.name') }}</th>
                <th scope="col">{{ i18n.t('imp.start') }}</th>
                <th scope="col">{{ i18n.t('imp.fate') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of r.rows; track row.row) {
                <tr
                  data-testid="dry-run-row"
                  [class.bad]="row.fate === 'error' || row.fate === 'already_imported'"
                >
                  <td>{{ row.row }}</td>
                  <td>{{ row.group }}</td>
                  <td>{{ row.firstName }} {{ row.lastName }}</td>
                  <td>{{ row.enrolmentStart }}</td>
                  <td data-testid="dry-run-fate">{{ row.fate | label: 'importRowFate' }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      }
    </section>
  `,
  styles: `
    /* The button below opens the picker; the input itself stays out of sight and out of the tab order. */
    .file-input {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
      overflow: hidden;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin: 8px 0 16px;
    }
    .outcome {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 12px 16px;
      border-radius: 4px;
      margin: 16px 0;
    }
    .outcome.ok {
      background: #e6f4ea;
      color: #1e4620;
    }
    .outcome.bad {
      background: #fdecea;
      color: #5f2120;
    }
    .errors li {
      margin-bottom: 4px;
    }
    .error {
      color: #b3261e;
    }
    tr.bad td {
      background: #fdf3f2;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage {
  protected readonly i18n = inject(I18n);
  protected readonly dl = inject(DownloadWithProgress);
  private readonly api = inject(ImportsApi);
  /** The route's :programmeId (withComponentInputBinding). */
  readonly programmeId = input.required<string>();

  protected readonly programme = rxResource({
    params: () => this.programmeId(),
    stream: ({ params }) => this.api.programmeName(params),
  });
  protected readonly fileName = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly result = signal<ImportDryRunResponse | null>(null);
  protected readonly done = signal<ImportCounts | null>(null);
  private file: ImportFile | null = null;

  protected template(format: 'csv' | 'xlsx'): Promise<void> {
    return this.dl.download(`template-${format}`, this.api.template(format), `stegvis-import-mall.${format}`);
  }

  protected async chosen(input: HTMLInputElement): Promise<void> {
    const f = input.files?.[0];
    // The same file chosen again after fixing it must fire `change` again.
    input.value = '';
    if (!f) return;
    this.fileName.set(f.name);
    this.result.set(null);
    this.done.set(null);
    this.error.set('');
    this.file = /\.xlsx$/i.test(f.name)
      ? { kind: 'xlsx', file: f }
      : { kind: 'csv', content: await f.text() };
    await this.run(async () =>
      this.result.set(await firstValueFrom(this.api.dryRun(this.programmeId(), this.file!))),
    );
  }

  protected async confirm(r: ImportDryRunResponse): Promise<void> {
    if (!this.file) return;
    const file = this.file;
    await this.run(async () => {
      this.done.set(await firstValueFrom(this.api.confirm(this.programmeId(), file, r.fileHash)));
      this.result.set(null);
    });
  }

  protected countsText(key: 'imp.done' | 'imp.wouldWrite', c: ImportCounts): string {
    return this.i18n
      .t(key)
      .replace('{groups}', String(c.groups))
      .replace('{enrolments}', String(c.enrolments))
      .replace('{outcomes}', String(c.outcomes))
      .replace('{internships}', String(c.internships));
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      await work();
    } catch (err) {
      this.error.set(asProblem(err, this.i18n.lang())?.detail ?? this.i18n.t('imp.failed'));
    } finally {
      this.busy.set(false);
    }
  }
}
