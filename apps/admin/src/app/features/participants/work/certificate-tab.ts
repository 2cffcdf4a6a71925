import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { CertificateSigner, EnrolmentResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { DownloadWithProgress } from '../../../shared/download-with-progress';
import { ListState } from '../../../shared/list/list-state';
import { Outcome } from '../../../shared/outcome';
import { EnrolmentGroups } from './enrolment-groups';
import { WorkApi } from './work-api';

/**
 * The certificate (diplom) of each completed enrolment: the api prints the group's modules from the template
 * version it started from, today's date of issue and the signer chosen here among the group's and programme's
 * staff.
 */
@Component({
  selector: 'sv-certificate-tab',
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, LabelPipe, ListState],
  providers: [EnrolmentGroups],
  template: `
    <p class="muted">{{ i18n.t('pw.certificateIntro') }}</p>
    @if (download.state().error) {
      <p class="error-banner" role="alert" data-testid="certificate-error">{{ download.state().error }}</p>
    }
    <sv-list-state
      [count]="completed().length"
      [emptyText]="i18n.t('pw.noCompleted')"
      emptyIcon="workspace_premium"
    >
      <table class="data" data-testid="certificates-table">
        <thead>
          <tr>
            <th scope="col">{{ i18n.t('pw.group') }}</th>
            <th scope="col">{{ i18n.t('pw.period') }}</th>
            <th scope="col">{{ i18n.t('pw.signer') }}</th>
            <th scope="col">
              <span class="cdk-visually-hidden">{{ i18n.t('pw.downloadCertificate') }}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (e of completed(); track e.id; let i = $index) {
            <tr data-testid="certificate-row">
              <td>{{ groups.group(e.groupId)?.name ?? '…' }} · {{ e.status | label: 'enrolmentStatus' }}</td>
              <td>{{ e.startDate }} – {{ e.endDate }}</td>
              <td>
                @if (signers()[e.id]; as list) {
                  @if (list.length) {
                    <mat-form-field appearance="outline" subscriptSizing="dynamic">
                      <mat-label>{{ i18n.t('pw.signer') }}</mat-label>
                      <mat-select
                        [value]="chosen()[e.id]"
                        (selectionChange)="choose(e.id, $event.value)"
                        [attr.data-testid]="'certificate-signer-' + i"
                      >
                        @for (s of list; track s.id) {
                          <mat-option [value]="s.id"
                            >{{ s.name }}, {{ s.staffRole | label: 'staffRole' }}</mat-option
                          >
                        }
                      </mat-select>
                    </mat-form-field>
                  } @else {
                    <span class="muted">{{ i18n.t('pw.noSigners') }}</span>
                  }
                }
              </td>
              <td>
                <button
                  mat-flat-button
                  type="button"
                  [disabled]="!chosen()[e.id] || download.state().key !== null"
                  (click)="get(e)"
                  [attr.data-testid]="'certificate-download-' + i"
                >
                  {{ i18n.t('pw.downloadCertificate') }}
                </button>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </sv-list-state>
    @if (download.state().key) {
      <p class="muted" role="status">{{ i18n.t('pw.downloading') }}</p>
    }
  `,
  styleUrl: '../tabs/tab.scss',
  styles: `
    td mat-form-field {
      min-width: 360px;
      margin: 4px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CertificateTab {
  readonly enrolments = input.required<EnrolmentResponse[]>();
  protected readonly i18n = inject(I18n);
  private readonly work = inject(WorkApi);
  private readonly outcome = inject(Outcome);
  protected readonly groups = inject(EnrolmentGroups);
  protected readonly download = inject(DownloadWithProgress);
  protected readonly completed = computed(() =>
    this.enrolments()
      .filter((e) => e.status === 'completed')
      .sort((a, b) => b.startDate.localeCompare(a.startDate)),
  );
  protected readonly signers = signal<Record<string, CertificateSigner[]>>({});
  protected readonly chosen = signal<Record<string, string>>({});
  private readonly requested = new Set<string>();

  constructor() {
    effect(() => {
      const list = this.completed();
      void this.groups.load(list);
      for (const e of list) if (!this.requested.has(e.id)) void this.loadSigners(e.id);
    });
  }

  protected choose(enrolmentId: string, signerId: string): void {
    this.chosen.update((c) => ({ ...c, [enrolmentId]: signerId }));
  }

  protected async get(e: EnrolmentResponse): Promise<void> {
    const signerId = this.chosen()[e.id];
    if (!signerId) return;
    await this.download.download(e.id, this.work.certificatePdf(e.id, signerId), 'diplom.pdf');
    if (!this.download.state().error) this.outcome.done(this.i18n.t('pw.downloaded'));
  }

  private async loadSigners(enrolmentId: string): Promise<void> {
    this.requested.add(enrolmentId);
    const list = await firstValueFrom(this.work.signers(enrolmentId)).catch(() => []);
    this.signers.update((s) => ({ ...s, [enrolmentId]: list }));
    // One signer: nothing to choose.
    if (list.length === 1) this.choose(enrolmentId, list[0].id);
  }
}
