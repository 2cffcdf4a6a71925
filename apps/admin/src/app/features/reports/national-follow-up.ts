import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { stockholmToday } from '../../core/time/stockholm-time';
import { DownloadWithProgress } from '../../shared/download-with-progress';
import { type FinsamAssociation, ReportsApi } from './reports-api';

/**
 * The national follow-up under Rapporter: Uppföljning Finsam's counts for the association (the admin), and the
 * SUS-style person file of the chosen programme (staff only). The api decides who may have either, and audits each
 * read and download; the controls are shown only to those the permission table allows.
 */
@Component({
  selector: 'sv-national-follow-up',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  template: `
    @if (finsamAllowed() || susAllowed()) {
      <section class="follow-up" aria-labelledby="fin-heading" data-testid="national-follow-up">
        <h2 id="fin-heading">{{ i18n.t('fin.title') }}</h2>
        <div class="filters">
          <mat-form-field appearance="outline" class="year">
            <mat-label>{{ i18n.t('fin.year') }}</mat-label>
            <mat-select [ngModel]="year()" (ngModelChange)="pickYear($event)" data-testid="finsam-year">
              @for (y of years; track y) {
                <mat-option [value]="y">{{ y }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @if (finsamAllowed()) {
            <button mat-flat-button type="button" (click)="load()" data-testid="finsam-show">
              {{ i18n.t('fin.show') }}
            </button>
          }
        </div>
        @if (finsamAllowed()) {
          <h3>{{ i18n.t('fin.finsam') }} {{ finsam()?.year ?? '' }}</h3>
          <p class="muted">{{ i18n.t('fin.intro') }}</p>
          @if (busy()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('rep.loading')" />
          }
          @if (error()) {
            <p class="error-banner" role="alert">{{ error() }}</p>
          }
          @if (finsam(); as f) {
            <table class="data" data-testid="finsam-table">
              <caption class="cdk-visually-hidden">
                {{
                  i18n.t('fin.finsam')
                }}
                {{
                  f.year
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ i18n.t('fin.effort') }}</th>
                  <th scope="col" class="num">{{ i18n.t('fin.women') }}</th>
                  <th scope="col" class="num">{{ i18n.t('fin.men') }}</th>
                  <th scope="col" class="num">{{ i18n.t('fin.other') }}</th>
                  <th scope="col" class="num">{{ i18n.t('fin.total') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (e of f.efforts; track $index) {
                  <tr data-testid="finsam-row">
                    <th scope="row">{{ e.effort }}</th>
                    <td class="num">{{ e.women }}</td>
                    <td class="num">{{ e.men }}</td>
                    <td class="num">{{ e.other }}</td>
                    <td class="num">{{ e.total }}</td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="5">{{ i18n.t('fin.noEfforts') }}</td>
                  </tr>
                }
              </tbody>
              <tfoot>
                <tr data-testid="finsam-persons">
                  <th scope="row">{{ i18n.t('fin.persons') }}</th>
                  <td class="num">{{ f.persons.women }}</td>
                  <td class="num">{{ f.persons.men }}</td>
                  <td class="num">{{ f.persons.other }}</td>
                  <td class="num">{{ f.persons.total }}</td>
                </tr>
              </tfoot>
            </table>
          }
        }
        @if (susAllowed() && programmeId()) {
          <h3>{{ i18n.t('fin.sus') }}</h3>
          <p class="muted">{{ i18n.t('fin.susHelp') }}</p>
          <button
            mat-stroked-button
            type="button"
            (click)="downloadSus()"
            [disabled]="dl.state().key !== null"
            data-testid="download-sus"
          >
            <mat-icon aria-hidden="true">download</mat-icon> {{ i18n.t('fin.susDownload') }}
          </button>
          @if (susError()) {
            <p class="error-banner" role="alert" data-testid="sus-error">{{ susError() }}</p>
          }
        }
      </section>
    }
  `,
  styles: `
    .follow-up {
      margin-top: 32px;
      border-top: 1px solid #d5dbe3;
      padding-top: 8px;
    }
    h2 {
      font-size: 1.15rem;
      font-weight: 500;
      margin: 20px 0 8px;
    }
    h3 {
      font-size: 1rem;
      font-weight: 500;
      margin: 16px 0 4px;
    }
    .filters {
      display: flex;
      gap: 16px;
      align-items: baseline;
    }
    .year {
      width: 10rem;
    }
    th.num,
    td.num {
      text-align: right;
    }
    /* Each effort's name heads its row (for screen readers), but reads as a plain cell. */
    tbody th,
    tfoot th {
      text-align: left;
      font-weight: 400;
      color: inherit;
      background: white;
    }
    tfoot th,
    tfoot td {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NationalFollowUp {
  /** The programme chosen on the report page: the SUS file is per programme. */
  readonly programmeId = input('');
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ReportsApi);
  private readonly auth = inject(AuthStore);
  protected readonly dl = inject(DownloadWithProgress);
  protected readonly finsamAllowed = computed(() => this.auth.can('report.association'));
  protected readonly susAllowed = computed(() => this.auth.can('followup.export'));
  private readonly thisYear = Number(stockholmToday().slice(0, 4));
  /** This year and the nine before it: the follow-up is asked for a past year, usually the last one. */
  protected readonly years = Array.from({ length: 10 }, (_, i) => this.thisYear - i);
  protected readonly year = signal(this.thisYear - 1);
  protected readonly finsam = signal<FinsamAssociation | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  /** Why the last SUS download failed (the shared download state also serves the report's own files). */
  protected readonly susError = signal('');

  protected pickYear(year: number): void {
    this.year.set(year);
    this.finsam.set(null);
  }

  protected async load(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      this.finsam.set(await firstValueFrom(this.api.finsam(this.year())));
    } catch (err) {
      const p = asProblem(err, this.i18n.lang());
      this.error.set(p?.errors?.[0]?.message ?? p?.detail ?? this.i18n.t('error.generic'));
    } finally {
      this.busy.set(false);
    }
  }

  protected async downloadSus(): Promise<void> {
    const year = this.year();
    this.susError.set('');
    await this.dl.download('sus', this.api.susFile(this.programmeId(), year), `sus-${year}.csv`);
    this.susError.set(this.dl.state().error);
  }
}
