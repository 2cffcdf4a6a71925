import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
  viewChild,
} from '@angular/core';
import type { EmployerResponse, MunicipalityResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { DetailPage, DetailTab } from '../../shared/detail/detail-page';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/form/unsaved-changes';
import { ProgrammesApi } from '../programmes/programmes-api';
import { EmployerContactsTab } from './employer-contacts-tab';
import { EmployerDetailsTab } from './employer-details-tab';
import { EmployerInternshipsTab } from './employer-internships-tab';
import { EmployerPlacesTab } from './employer-places-tab';
import { EmployersApi } from './employers-api';

/**
 * One employer of the association's register: its details (edited in place), the contact log, the places it
 * offers per period, and the internships it hosted with their results. Each tab is its own component.
 */
@Component({
  selector: 'sv-employer-page',
  imports: [
    DetailPage,
    DetailTab,
    LabelPipe,
    EmployerDetailsTab,
    EmployerContactsTab,
    EmployerPlacesTab,
    EmployerInternshipsTab,
  ],
  template: `
    <sv-detail-page
      [title]="employer()?.name ?? ''"
      [loading]="loading()"
      [error]="error()"
      backLink="/arbetsgivare"
      [backLabel]="i18n.t('emp.back')"
      (retry)="load()"
    >
      <!-- One element per @if: content projection places a block by its single root ([svDetailLead], the tabs). -->
      @if (employer(); as e) {
        <dl svDetailLead class="facts" data-testid="employer-facts">
          <div>
            <dt>{{ i18n.t('em.orgNo') }}</dt>
            <dd data-testid="fact-orgno">{{ e.organisationNumber }}</dd>
          </div>
          <div>
            <dt>{{ i18n.t('em.sector') }}</dt>
            <dd>{{ e.sector | label: 'employerSector' }}</dd>
          </div>
          <div>
            <dt>{{ i18n.t('em.industry') }}</dt>
            <dd>{{ e.industry | label: 'industry' }}</dd>
          </div>
          <div>
            <dt>{{ i18n.t('em.municipality') }}</dt>
            <dd>{{ municipalityName(e.municipalityId) }}</dd>
          </div>
          <div>
            <dt>{{ i18n.t('emp.hostedAll') }}</dt>
            <dd data-testid="fact-hosted">{{ e.internshipsHosted }}</dd>
          </div>
          <div>
            <dt>{{ i18n.t('emp.hiresAll') }}</dt>
            <dd data-testid="fact-hires">{{ e.hires }}</dd>
          </div>
        </dl>
      }
      @if (employer(); as e) {
        <ng-template svDetailTab="uppgifter" [label]="i18n.t('emp.tab.details')">
          <sv-employer-details-tab
            [employer]="e"
            [municipalities]="municipalities()"
            (changed)="employer.set($event)"
          />
        </ng-template>
      }
      @if (employer(); as e) {
        <ng-template svDetailTab="kontakter" [label]="i18n.t('emp.tab.contacts')">
          <sv-employer-contacts-tab [employerId]="e.id" />
        </ng-template>
      }
      @if (employer(); as e) {
        <ng-template svDetailTab="platser" [label]="i18n.t('emp.tab.places')">
          <sv-employer-places-tab [employerId]="e.id" />
        </ng-template>
      }
      @if (employer() && canSeeInternships()) {
        <ng-template svDetailTab="praktik" [label]="i18n.t('emp.tab.internships')">
          <sv-employer-internships-tab
            [employerId]="id()"
            [municipalities]="municipalities()"
            (changed)="refresh()"
          />
        </ng-template>
      }
    </sv-detail-page>
  `,

  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerPage implements OnInit, HasUnsavedChanges {
  readonly id = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(EmployersApi);
  private readonly programmesApi = inject(ProgrammesApi);
  private readonly auth = inject(AuthStore);
  protected readonly canSeeInternships = computed(() => this.auth.can('internship.read'));
  protected readonly employer = signal<EmployerResponse | null>(null);
  protected readonly municipalities = signal<MunicipalityResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(undefined);
  private readonly details = viewChild(EmployerDetailsTab);
  private readonly contacts = viewChild(EmployerContactsTab);
  private readonly places = viewChild(EmployerPlacesTab);

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  ngOnInit(): void {
    void this.load();
    this.programmesApi.municipalities().subscribe({
      next: (m) => this.municipalities.set(m),
      error: () => this.municipalities.set([]),
    });
  }

  hasUnsavedChanges(): boolean {
    return !!(this.details()?.dirty() || this.contacts()?.dirty() || this.places()?.dirty());
  }

  protected municipalityName(id: string): string {
    return this.municipalities().find((m) => m.id === id)?.name ?? '–';
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(undefined);
    try {
      this.employer.set(await firstValueFrom(this.api.get(this.id())));
    } catch (err) {
      this.error.set(err);
    } finally {
      this.loading.set(false);
    }
  }

  /** A result was recorded: the hires in the facts above change; the tabs keep what is typed in them. */
  protected async refresh(): Promise<void> {
    try {
      const fresh = await firstValueFrom(this.api.get(this.id()));
      const current = this.employer();
      // Only the counts: a new employer object would reset the details form under the user's typing.
      if (current && current.version === fresh.version)
        this.employer.set({ ...current, internshipsHosted: fresh.internshipsHosted, hires: fresh.hires });
      else if (!this.details()?.dirty()) this.employer.set(fresh);
    } catch {
      // The counts stay as they were; the result itself was saved and shown.
    }
  }
}
