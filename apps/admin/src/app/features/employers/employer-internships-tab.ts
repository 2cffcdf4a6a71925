import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  type EmployerInternshipResponse,
  type InternshipResponse,
  type MunicipalityResponse,
  OFFER_RESULTS,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { ListState } from '../../shared/list/list-state';
import { EmployersApi } from './employers-api';
import { InternshipResultForm } from './internship-result';

/**
 * The internships the employer hosted in the user's programmes, and which led to work; each result can be
 * recorded here. The api names a protected participant only to those who see her, else by her pseudonym.
 */
@Component({
  selector: 'sv-employer-internships-tab',
  imports: [MatButtonModule, LabelPipe, ListState, InternshipResultForm],
  template: `
    <p class="muted">{{ i18n.t('emp.in.intro') }}</p>
    @if (!loading() && internships().length) {
      <p class="summary" data-testid="employer-internship-summary">
        {{ i18n.t('emp.in.yours') }}: <strong>{{ internships().length }}</strong> ·
        {{ i18n.t('emp.in.hires') }}: <strong>{{ hires() }}</strong>
      </p>
    }
    <sv-list-state
      [loading]="loading()"
      [error]="error()"
      [count]="internships().length"
      [emptyText]="i18n.t('emp.in.empty')"
      emptyIcon="work_outline"
      (retry)="reload()"
    >
      <table class="data" data-testid="employer-internships">
        <thead>
          <tr>
            <th scope="col">{{ i18n.t('in.participant') }}</th>
            <th scope="col">{{ i18n.t('emp.in.group') }}</th>
            <th scope="col">{{ i18n.t('in.periodNumber') }}</th>
            <th scope="col">{{ i18n.t('in.dates') }}</th>
            <th scope="col">{{ i18n.t('in.result') }}</th>
            @if (canWrite()) {
              <th scope="col">
                <span class="cdk-visually-hidden">{{ i18n.t('emp.in.recordResult') }}</span>
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (i of internships(); track i.id; let n = $index) {
            <tr [attr.data-testid]="'employer-internship-' + n">
              <td>{{ i.displayName }}</td>
              <td>{{ i.groupName }} · {{ municipalityName(i.municipalityId) }}</td>
              <td>{{ i.periodNumber }}</td>
              <td>{{ i.startDate }} – {{ i.endDate }}</td>
              <td [attr.data-testid]="'employer-internship-result-' + n">
                {{ i.result | label: 'internshipResult' }}
              </td>
              @if (canWrite()) {
                <td>
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="toggle(i.id)"
                    [attr.aria-expanded]="open() === i.id"
                    [attr.data-testid]="'record-result-' + n"
                  >
                    {{ open() === i.id ? i18n.t('emp.in.closeResult') : i18n.t('emp.in.recordResult') }}
                  </button>
                </td>
              }
            </tr>
            @if (open() === i.id) {
              <tr class="result-row">
                <td colspan="6">
                  <sv-internship-result [internship]="i" [name]="i.displayName" (saved)="saved($event)" />
                </td>
              </tr>
            }
          }
        </tbody>
      </table>
    </sv-list-state>
  `,
  styles: `
    .summary {
      font-size: 1.05rem;
    }
    .result-row td {
      background: #f4f6f9;
      padding-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerInternshipsTab implements OnInit {
  readonly employerId = input.required<string>();
  readonly municipalities = input<MunicipalityResponse[]>([]);
  /** A result was recorded: the employer's own counts (hires) have changed. */
  readonly changed = output<void>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(EmployersApi);
  private readonly auth = inject(AuthStore);
  protected readonly canWrite = computed(() => this.auth.can('internship.write'));
  protected readonly internships = signal<EmployerInternshipResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(undefined);
  protected readonly open = signal<string | null>(null);
  protected readonly hires = computed(
    () => this.internships().filter((i) => OFFER_RESULTS.includes(i.result)).length,
  );

  ngOnInit(): void {
    void this.reload();
  }

  protected municipalityName(id: string): string {
    return this.municipalities().find((m) => m.id === id)?.name ?? '';
  }

  protected toggle(id: string): void {
    this.open.update((o) => (o === id ? null : id));
  }

  protected saved(updated: InternshipResponse): void {
    this.internships.update((list) => list.map((i) => (i.id === updated.id ? { ...i, ...updated } : i)));
    this.open.set(null);
    this.changed.emit();
  }

  protected async reload(): Promise<void> {
    this.loading.set(true);
    this.error.set(undefined);
    try {
      this.internships.set(await firstValueFrom(this.api.internships(this.employerId())));
    } catch (err) {
      this.error.set(err);
    } finally {
      this.loading.set(false);
    }
  }
}
