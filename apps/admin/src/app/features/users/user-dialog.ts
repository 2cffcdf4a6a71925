import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { type OrganisationResponse, type ProgrammeResponse, ROLES, type Role } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { applyProblemToForm, asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { type CreatedUser, type User, UsersApi } from './users-api';

export interface UserDialogData {
  /** Absent: a new user. */
  user?: User;
  programmes: ProgrammeResponse[];
  organisations: OrganisationResponse[];
}

/** What the dialog closes with: the saved user, and the one-time password of a new one. */
export type UserDialogResult = CreatedUser;

/**
 * A new user, or a change to one: name, e-mail (new users only), role, organisation, and the programmes they work
 * in with the lead mark. A new user gets a one-time password from the api; an allocation is added, marked or
 * removed one programme at a time, as the api records each.
 */
@Component({
  selector: 'sv-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    LabelPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ i18n.t(data.user ? 'users.editTitle' : 'users.new') }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (banner()) {
          <p class="error-banner" role="alert" data-testid="user-form-error">{{ banner() }}</p>
        }
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ i18n.t('users.name') }}</mat-label>
          <input matInput formControlName="displayName" required data-testid="user-name" />
          @if (form.controls.displayName.errors?.['server']) {
            <mat-error>{{ form.controls.displayName.errors['server'] }}</mat-error>
          }
        </mat-form-field>
        @if (!data.user) {
          <mat-form-field appearance="outline" class="wide">
            <mat-label>{{ i18n.t('users.email') }}</mat-label>
            <input matInput type="email" formControlName="email" required data-testid="user-email" />
            @if (form.controls.email.errors?.['server']) {
              <mat-error data-testid="user-email-error">{{ form.controls.email.errors['server'] }}</mat-error>
            }
          </mat-form-field>
        }
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ i18n.t('users.role') }}</mat-label>
          <mat-select formControlName="role" data-testid="user-role">
            @for (r of roles; track r) {
              <mat-option [value]="r">{{ r | label: 'role' }}</mat-option>
            }
          </mat-select>
          @if (form.controls.role.errors?.['server']) {
            <mat-error>{{ form.controls.role.errors['server'] }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ i18n.t('users.organisation') }}</mat-label>
          <mat-select formControlName="organisationId" data-testid="user-organisation">
            <mat-option value="">{{ i18n.t('users.noOrganisation') }}</mat-option>
            @for (o of data.organisations; track o.id) {
              <mat-option [value]="o.id">{{ o.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <fieldset>
          <legend>{{ i18n.t('users.allocations') }}</legend>
          <p class="muted">{{ i18n.t('users.allocationsIntro') }}</p>
          @for (p of data.programmes; track p.id) {
            <div class="allocation">
              <mat-checkbox
                [checked]="works().has(p.id)"
                (change)="toggleWorks(p.id, $event.checked)"
                [attr.data-testid]="'user-works-' + p.id"
                >{{ p.name }}</mat-checkbox
              >
              <mat-checkbox
                [checked]="leads().has(p.id)"
                [disabled]="!works().has(p.id)"
                (change)="toggleLeads(p.id, $event.checked)"
                [attr.aria-label]="label('users.leads', p.name)"
                [attr.data-testid]="'user-leads-' + p.id"
                >{{ i18n.t('users.lead') }}</mat-checkbox
              >
            </div>
          }
        </fieldset>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">{{ i18n.t('users.cancel') }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="user-save">
          {{ i18n.t(data.user ? 'users.save' : 'users.create') }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    fieldset {
      border: 1px solid #c4c7c5;
      border-radius: 8px;
      padding: 8px 12px;
    }
    legend {
      font-weight: 500;
    }
    .allocation {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog {
  protected readonly i18n = inject(I18n);
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<UserDialog, UserDialogResult>>(MatDialogRef);
  private readonly api = inject(UsersApi);
  protected readonly roles = ROLES;
  protected readonly banner = signal('');
  protected readonly saving = signal(false);
  protected readonly works = signal(new Set(this.data.user?.programmeIds ?? []));
  protected readonly leads = signal(new Set(this.data.user?.leadProgrammeIds ?? []));
  protected readonly form = inject(FormBuilder).nonNullable.group({
    displayName: [this.data.user?.displayName ?? '', Validators.required],
    email: [this.data.user?.email ?? '', [Validators.required, Validators.email]],
    role: [this.data.user?.role ?? ('staff' as Role), Validators.required],
    organisationId: [this.data.user?.organisationId ?? ''],
  });

  protected label(key: 'users.leads', name: string): string {
    return this.i18n.t(key).replace('{name}', name);
  }

  protected toggleWorks(id: string, on: boolean): void {
    this.works.update((s) => toggled(s, id, on));
    if (!on) this.leads.update((s) => toggled(s, id, false));
  }

  protected toggleLeads(id: string, on: boolean): void {
    this.leads.update((s) => toggled(s, id, on));
  }

  protected async save(): Promise<void> {
    this.banner.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const organisationId = v.organisationId || null;
    this.saving.set(true);
    try {
      const user = this.data.user;
      if (!user) {
        const created = await firstValueFrom(
          this.api.create({
            email: v.email.trim(),
            displayName: v.displayName.trim(),
            role: v.role,
            organisationId,
            programmeIds: [...this.works()],
            leadProgrammeIds: [...this.leads()],
          }),
        );
        this.ref.close(created);
        return;
      }
      let saved = await firstValueFrom(
        this.api.update(user.id, { displayName: v.displayName.trim(), role: v.role, organisationId }),
      );
      for (const p of this.data.programmes) {
        const was = user.programmeIds.includes(p.id);
        const wasLead = user.leadProgrammeIds.includes(p.id);
        const is = this.works().has(p.id);
        const isLead = this.leads().has(p.id);
        if (is && (!was || wasLead !== isLead))
          saved = await firstValueFrom(this.api.allocate(user.id, p.id, isLead));
        else if (!is && was) saved = await firstValueFrom(this.api.removeAllocation(user.id, p.id));
      }
      this.ref.close(saved);
    } catch (err) {
      // The form stays as typed: the api's field errors go on their fields, the rest above them.
      const problem = asProblem(err, this.i18n.lang());
      const rest = applyProblemToForm(this.form, problem, this.i18n.lang());
      this.banner.set(
        rest.map((e) => e.message).join('; ') ||
          (problem?.errors?.length
            ? this.i18n.t('form.fixFields')
            : (problem?.detail ?? this.i18n.t('error.generic'))),
      );
    } finally {
      this.saving.set(false);
    }
  }
}

function toggled(set: Set<string>, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
