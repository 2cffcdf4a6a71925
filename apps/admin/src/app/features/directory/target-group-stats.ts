import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ASSOCIATION_WIDE_ROLES, type FieldError, type MunicipalityResponse } from '@stegvis/contracts';
import { firstValueFrom, map, type Observable } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { Outcome } from '../../shared/outcome';
import { ProgrammesApi } from '../programmes/programmes-api';
import { DirectoryApi } from './directory-api';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Target-group figures per municipality and date (openly unemployed, in a programme): typed in one at a time, or
 * imported as a CSV file from the employment service's statistics. The report compares two dates of them.
 */
@Component({
  selector: 'sv-target-group-stats',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('tgs.title') }}</h1>
      </header>
      <p class="intro">{{ i18n.t('tgs.intro') }}</p>

      <form
        [formGroup]="form"
        (ngSubmit)="save()"
        class="card"
        novalidate
        aria-labelledby="tgs-enter-heading"
      >
        <h2 id="tgs-enter-heading">{{ i18n.t('tgs.enter') }}</h2>
        @if (submit.banner()) {
          <p class="error-banner" role="alert">{{ submit.banner() }}</p>
        }
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('tgs.municipality') }}</mat-label>
            <mat-select formControlName="municipalityId" required data-testid="tgs-municipality">
              @for (m of municipalities.value() ?? []; track m.id) {
                <mat-option [value]="m.id">{{ m.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.municipalityId | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('tgs.date') }}</mat-label>
            <input matInput formControlName="date" required data-testid="tgs-date" />
            <mat-error>{{ form.controls.date | fieldError: { pattern: 'shared.field.date' } }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('tgs.unemployed') }}</mat-label>
            <input
              matInput
              type="number"
              min="0"
              formControlName="openlyUnemployed"
              required
              data-testid="tgs-unemployed"
            />
            <mat-error>{{ form.controls.openlyUnemployed | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('tgs.inProgramme') }}</mat-label>
            <input
              matInput
              type="number"
              min="0"
              formControlName="inProgramme"
              required
              data-testid="tgs-in-programme"
            />
            <mat-error>{{ form.controls.inProgramme | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="tgs-save">
          {{ i18n.t('tgs.save') }}
        </button>
      </form>

      <section class="card" aria-labelledby="tgs-import-heading">
        <h2 id="tgs-import-heading">{{ i18n.t('tgs.import') }}</h2>
        <p class="help">{{ i18n.t('tgs.importHelp') }}</p>
        <div class="file-row">
          <input
            #fileInput
            type="file"
            accept=".csv,text/csv"
            class="cdk-visually-hidden"
            id="tgs-file"
            [attr.aria-label]="i18n.t('tgs.chooseFile')"
            (change)="picked(fileInput.files)"
            data-testid="tgs-file"
          />
          <button mat-stroked-button type="button" (click)="fileInput.click()">
            <mat-icon aria-hidden="true">attach_file</mat-icon> {{ i18n.t('tgs.chooseFile') }}
          </button>
          <span data-testid="tgs-file-name">{{ file()?.name ?? i18n.t('tgs.noFile') }}</span>
          <button
            mat-flat-button
            type="button"
            (click)="upload()"
            [disabled]="!file() || importing()"
            data-testid="tgs-upload"
          >
            {{ i18n.t('tgs.upload') }}
          </button>
        </div>
        @if (importDone()) {
          <p class="ok" role="status" data-testid="tgs-imported">{{ importDone() }}</p>
        }
        @if (importError()) {
          <div class="error-banner" role="alert" data-testid="tgs-import-errors">
            <p>{{ importError() }}</p>
            @if (importErrors().length) {
              <ul>
                @for (e of importErrors(); track $index) {
                  <li>{{ rowName(e.field) }}: {{ message(e) }}</li>
                }
              </ul>
            }
          </div>
        }
      </section>
    </section>
  `,
  styles: `
    .intro {
      max-width: 60rem;
    }
    .card {
      background: white;
      padding: 16px;
      border-radius: 8px;
      margin-top: 16px;
      max-width: 60rem;
    }
    h2 {
      font-size: 1.15rem;
      font-weight: 500;
      margin: 0 0 12px;
    }
    .row {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
    }
    .help {
      margin: 0 0 12px;
    }
    .file-row {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    .ok {
      margin: 12px 0 0;
      color: #1b5e20;
    }
    .error-banner ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    .error-banner p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetGroupStats {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(DirectoryApi);
  private readonly outcome = inject(Outcome);
  private readonly auth = inject(AuthStore);
  private readonly programmes = inject(ProgrammesApi);
  /** The admin writes any municipality's figures; staff only those where their programmes run (the api's rule). */
  protected readonly municipalities = rxResource({ stream: () => this.writable() });
  protected readonly submit = formSubmit();
  private readonly fb = inject(FormBuilder).nonNullable;
  /** One row typed at a time, kept as the api's `rows[0]` so that its `rows.0.date` errors land on the field. */
  private readonly body = this.fb.group({
    rows: this.fb.array([
      this.fb.group({
        municipalityId: ['', Validators.required],
        date: ['', [Validators.required, Validators.pattern(ISO_DATE)]],
        openlyUnemployed: [0, [Validators.required, Validators.min(0), Validators.max(1_000_000)]],
        inProgramme: [0, [Validators.required, Validators.min(0), Validators.max(1_000_000)]],
      }),
    ]),
  });
  protected readonly form = this.body.controls.rows.at(0);

  protected readonly file = signal<File | null>(null);
  protected readonly importing = signal(false);
  protected readonly importDone = signal('');
  protected readonly importError = signal('');
  protected readonly importErrors = signal<FieldError[]>([]);

  protected async save(): Promise<void> {
    await this.submit.run(this.body, () => this.api.saveTargetGroup(this.body.getRawValue().rows), {
      done: this.i18n.t('tgs.saved'),
    });
  }

  /** The api names a file's field "row 3, kommunkod"; the screen says "Rad 3, kommunkod". */
  protected rowName(field: string): string {
    return field.replace(/^row (\d+)/, (_, n: string) => `${this.i18n.t('tgs.row')} ${n}`);
  }

  /**
   * The shared text of `unknown_municipality_code` speaks of the programme's municipalities (the historical
   * import's case); these figures are checked against the whole directory.
   */
  protected message(e: FieldError): string {
    if (e.code !== 'unknown_municipality_code') return e.message;
    return this.i18n.t('tgs.unknownCode').replace('{code}', String(e.params?.['value'] ?? ''));
  }

  private writable(): Observable<MunicipalityResponse[]> {
    const role = this.auth.role();
    if (role && ASSOCIATION_WIDE_ROLES.includes(role)) return this.api.municipalities();
    return this.programmes.list().pipe(
      map((page) => {
        const byId = new Map(page.items.flatMap((p) => p.municipalities).map((m) => [m.id, m]));
        return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
      }),
    );
  }

  protected picked(files: FileList | null): void {
    this.file.set(files?.[0] ?? null);
    this.importDone.set('');
    this.importError.set('');
    this.importErrors.set([]);
  }

  protected async upload(): Promise<void> {
    const file = this.file();
    if (!file) return;
    this.importing.set(true);
    this.importDone.set('');
    this.importError.set('');
    this.importErrors.set([]);
    try {
      const { saved } = await firstValueFrom(this.api.importTargetGroup(await file.text()));
      this.importDone.set(this.i18n.t('tgs.imported').replace('{n}', String(saved)));
      this.outcome.done(this.i18n.t('tgs.imported').replace('{n}', String(saved)));
    } catch (err) {
      const problem = asProblem(err, this.i18n.lang());
      this.importErrors.set(problem?.errors ?? []);
      this.importError.set(
        problem?.errors?.length
          ? this.i18n.t('tgs.fileErrors')
          : (problem?.detail ?? this.i18n.t('error.network')),
      );
    } finally {
      this.importing.set(false);
    }
  }
}
