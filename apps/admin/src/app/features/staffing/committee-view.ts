import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  COMMITTEE_KINDS,
  type CommitteeKind,
  type CommitteeMemberResponse,
  type OrganisationResponse,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { applyProblemToForm, asProblem } from '../../core/errors/problem-form';
import { I18n, type TextKey } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { ListState, rowsOf } from '../../shared/list/list-state';
import { Outcome } from '../../shared/outcome';
import { ProgrammePicker } from '../../shared/programme-picker';
import { ProgrammesApi } from '../programmes/programmes-api';
import { CommitteeApi } from './committee-api';

const EMPTY: Record<CommitteeKind, TextKey> = {
  steering: 'com.emptySteering',
  analysis: 'com.emptyAnalysis',
};

/**
 * A programme's steering group and analysis group: who sits in each, for which organisation and in which role.
 * The lead (and the admin) adds members and ends a membership; an ended one is kept and shown on request.
 */
@Component({
  selector: 'sv-committee-view',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    LabelPipe,
    FieldErrorPipe,
    ListState,
    ProgrammePicker,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('com.title') }}</h1>
      </header>
      <div class="filters">
        <sv-programme-picker [(programmeId)]="programmeId" />
        <mat-checkbox
          [checked]="showEnded()"
          (change)="showEnded.set($event.checked)"
          data-testid="committee-show-ended"
          >{{ i18n.t('com.showEnded') }}</mat-checkbox
        >
      </div>
      @for (kind of kinds; track kind) {
        <h2>{{ kind | label: 'committeeKind' }}</h2>
        <sv-list-state
          [loading]="members.isLoading()"
          [error]="members.error()"
          [count]="ofKind(kind).length"
          [emptyText]="i18n.t(empty[kind])"
          emptyIcon="groups"
          (retry)="members.reload()"
        >
          <table class="data" [attr.data-testid]="'committee-' + kind">
            <thead>
              <tr>
                <th scope="col">{{ i18n.t('com.name') }}</th>
                <th scope="col">{{ i18n.t('com.organisation') }}</th>
                <th scope="col">{{ i18n.t('com.role') }}</th>
                @if (showEnded()) {
                  <th scope="col">{{ i18n.t('com.status') }}</th>
                }
                @if (canManage()) {
                  <th scope="col">
                    <span class="cdk-visually-hidden">{{ i18n.t('com.end') }}</span>
                  </th>
                }
              </tr>
            </thead>
            <tbody>
              @for (m of ofKind(kind); track m.id) {
                <tr data-testid="committee-row" [class.ended]="m.endedOn">
                  <td>{{ m.name }}</td>
                  <td>{{ organisationName(m.organisationId) }}</td>
                  <td>{{ m.roleTitle || '–' }}</td>
                  @if (showEnded()) {
                    <td>{{ m.endedOn ? i18n.t('com.ended') + ' ' + m.endedOn : i18n.t('com.current') }}</td>
                  }
                  @if (canManage()) {
                    <td class="actions">
                      @if (!m.endedOn) {
                        <button
                          mat-button
                          type="button"
                          (click)="end(m)"
                          [attr.aria-label]="endLabel(m)"
                          data-testid="committee-end"
                        >
                          {{ i18n.t('com.end') }}
                        </button>
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </sv-list-state>
      }

      @if (canManage()) {
        <h2>{{ i18n.t('com.add') }}</h2>
        @if (submit.banner()) {
          <p class="error-banner" role="alert" data-testid="committee-banner">{{ submit.banner() }}</p>
        }
        <form
          [formGroup]="form"
          (ngSubmit)="add()"
          class="card form-grid"
          novalidate
          data-testid="committee-form"
        >
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('com.group') }}</mat-label>
            <mat-select formControlName="kind" data-testid="committee-kind">
              @for (k of kinds; track k) {
                <mat-option [value]="k">{{ k | label: 'committeeKind' }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.kind | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('com.name') }}</mat-label>
            <input matInput formControlName="name" autocomplete="off" data-testid="committee-name" />
            <mat-error data-testid="committee-name-error">{{ form.controls.name | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('com.organisation') }}</mat-label>
            <mat-select formControlName="organisationId" data-testid="committee-organisation">
              @for (o of organisations(); track o.id) {
                <mat-option [value]="o.id">{{ o.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.organisationId | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('com.role') }}</mat-label>
            <input matInput formControlName="roleTitle" autocomplete="off" data-testid="committee-role" />
            <mat-hint>{{ i18n.t('com.roleHint') }}</mat-hint>
            <mat-error>{{ form.controls.roleTitle | fieldError }}</mat-error>
          </mat-form-field>
          <div class="full">
            <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="committee-save">
              {{ i18n.t('com.save') }}
            </button>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .filters {
      display: flex;
      gap: 24px;
      flex-wrap: wrap;
      align-items: center;
    }
    h2 {
      font-size: 1.15rem;
      font-weight: 500;
      margin: 20px 0 8px;
    }
    .card {
      background: white;
      padding: 16px;
      border-radius: 8px;
      margin-bottom: 16px;
    }
    tr.ended td {
      color: #555;
    }
    td.actions {
      text-align: right;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitteeView {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(CommitteeApi);
  private readonly outcome = inject(Outcome);
  private readonly confirm = inject(ConfirmDialog);
  private readonly auth = inject(AuthStore);
  protected readonly kinds = COMMITTEE_KINDS;
  protected readonly empty = EMPTY;
  protected readonly canManage = computed(() => this.auth.can('staffing.manage'));
  protected readonly programmeId = signal('');
  protected readonly showEnded = signal(false);
  protected readonly members = rxResource({
    params: () => (this.programmeId() ? { id: this.programmeId(), ended: this.showEnded() } : undefined),
    stream: ({ params }) => this.api.members(params.id, params.ended),
  });
  private readonly rows = rowsOf(this.members);
  protected readonly organisations = signal<OrganisationResponse[]>([]);
  protected readonly submit = formSubmit();
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    kind: ['steering' as CommitteeKind, Validators.required],
    name: ['', [Validators.required, Validators.maxLength(200)]],
    organisationId: ['', Validators.required],
    roleTitle: ['', Validators.maxLength(200)],
  });

  constructor() {
    inject(ProgrammesApi)
      .organisations()
      .subscribe((o) => this.organisations.set([...o].sort((a, b) => a.name.localeCompare(b.name, 'sv'))));
  }

  protected ofKind(kind: CommitteeKind): CommitteeMemberResponse[] {
    return this.rows().filter((m) => m.kind === kind);
  }

  protected organisationName(id: string): string {
    return this.organisations().find((o) => o.id === id)?.name ?? '–';
  }

  protected endLabel(m: CommitteeMemberResponse): string {
    return this.i18n.t('com.endFor').replace('{name}', m.name);
  }

  /**
   * Adds the member. A 409 here is the person already in the group for that organisation (not an edit conflict),
   * so it is shown at the name, in words; every other failure as forms show it. The typed form is kept.
   */
  protected async add(): Promise<void> {
    const v = this.form.getRawValue();
    this.submit.banner.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.submit.banner.set(this.i18n.t('form.fixFields'));
      return;
    }
    this.submit.saving.set(true);
    try {
      await firstValueFrom(
        this.api.add(this.programmeId(), {
          kind: v.kind,
          name: v.name.trim(),
          organisationId: v.organisationId,
          ...(v.roleTitle.trim() ? { roleTitle: v.roleTitle.trim() } : {}),
        }),
      );
      this.outcome.done(this.i18n.t('com.added'));
      // resetForm, not form.reset: the next member starts without errors; the group chosen stays.
      this.formDirective()?.resetForm({ kind: v.kind, name: '', organisationId: '', roleTitle: '' });
      this.members.reload();
    } catch (err) {
      const problem = asProblem(err, this.i18n.lang());
      if (problem?.status === 409 && problem.errors?.length) {
        applyProblemToForm(this.form, problem, this.i18n.lang());
      } else {
        this.submit.showFailure(this.form, err);
      }
    } finally {
      this.submit.saving.set(false);
    }
  }

  /** Ends the membership today, after asking: it cannot be undone (the member may be added again). */
  protected async end(m: CommitteeMemberResponse): Promise<void> {
    const ok = await this.confirm.ask({
      title: this.i18n.t('com.endTitle'),
      message: this.i18n.t('com.endMessage').replace('{name}', m.name),
      confirm: this.i18n.t('com.endConfirm'),
      cancel: this.i18n.t('com.endCancel'),
    });
    if (!ok) return;
    try {
      await firstValueFrom(this.api.end(this.programmeId(), m.id));
      this.outcome.done(this.i18n.t('com.endDone'));
      this.members.reload();
    } catch (err) {
      this.outcome.failed(err);
    }
  }
}
