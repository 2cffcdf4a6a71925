import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { type StaffedGroup, type User, UsersApi } from './users-api';

/**
 * Deactivating a user: first, for each group they are staff of, who takes over. Where they are the only staff,
 * someone must (the api refuses otherwise), so that no group and no protected person in it is left without staff.
 */
@Component({
  selector: 'sv-deactivate-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormFieldModule,
    MatSelectModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <mat-dialog-content>
      <p>{{ i18n.t('users.deactivateIntro') }}</p>
      @if (groups(); as gs) {
        @if (gs.length === 0) {
          <p data-testid="deactivate-no-groups">{{ i18n.t('users.noGroups') }}</p>
        } @else {
          <p>{{ i18n.t('users.groupsIntro') }}</p>
          @for (g of gs; track g.groupId) {
            <section class="group" [attr.data-testid]="'deactivate-group-' + g.number">
              <h3>{{ groupLabel(g) }}</h3>
              <p class="muted">
                {{ g.startDate }} – {{ g.endDate }} ·
                {{ g.replacementRequired ? i18n.t('users.onlyStaff') : otherStaff(g) }}
              </p>
              <mat-form-field appearance="outline" class="wide">
                <mat-label>{{ i18n.t('users.replacement') }}</mat-label>
                <mat-select
                  [ngModel]="chosen()[g.groupId] ?? ''"
                  (ngModelChange)="choose(g.groupId, $event)"
                  [required]="g.replacementRequired"
                  [attr.data-testid]="'replacement-' + g.number"
                >
                  @if (!g.replacementRequired) {
                    <mat-option value="">{{ i18n.t('users.noReplacement') }}</mat-option>
                  }
                  @for (c of g.candidates; track c.id) {
                    <mat-option [value]="c.id">{{ c.name }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              @if (missing().includes(g.groupId)) {
                <p class="error-text" role="alert" [attr.data-testid]="'replacement-missing-' + g.number">
                  {{ i18n.t('users.replacementNeeded') }}
                </p>
              }
            </section>
          }
        }
      }
      @if (error()) {
        <p class="error-banner" role="alert" data-testid="deactivate-error">{{ error() }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined">{{ i18n.t('users.cancel') }}</button>
      <button
        mat-flat-button
        type="button"
        class="danger"
        [disabled]="busy() || groups() === null"
        (click)="deactivate()"
        data-testid="deactivate-confirm"
      >
        {{ i18n.t('users.deactivate') }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .group {
      border-top: 1px solid #e0e0e0;
      padding-top: 8px;
    }
    .group h3 {
      font-size: 1rem;
      font-weight: 500;
      margin: 0 0 4px;
    }
    .wide {
      width: 100%;
    }
    .error-text {
      color: #b3261e;
      margin: -12px 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeactivateDialog {
  protected readonly i18n = inject(I18n);
  private readonly user = inject<User>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<DeactivateDialog, User>>(MatDialogRef);
  private readonly api = inject(UsersApi);
  protected readonly title = this.i18n.t('users.deactivateTitle').replace('{name}', this.user.displayName);
  protected readonly groups = signal<StaffedGroup[] | null>(null);
  protected readonly chosen = signal<Record<string, string>>({});
  protected readonly missing = signal<string[]>([]);
  protected readonly error = signal('');
  protected readonly busy = signal(false);

  constructor() {
    this.api.staffedGroups(this.user.id).subscribe({
      next: (g) => this.groups.set(g),
      error: () => this.error.set(this.i18n.t('error.generic')),
    });
  }

  protected groupLabel(g: StaffedGroup): string {
    return this.i18n
      .t('users.group')
      .replace('{number}', String(g.number))
      .replace('{municipality}', g.municipalityName)
      .replace('{programme}', g.programmeName);
  }

  protected otherStaff(g: StaffedGroup): string {
    return this.i18n.t('users.otherStaff').replace('{names}', g.otherStaff.join(', '));
  }

  protected choose(groupId: string, staffMemberId: string): void {
    this.chosen.update((c) => ({ ...c, [groupId]: staffMemberId }));
    this.missing.update((m) => m.filter((id) => id !== groupId));
  }

  protected async deactivate(): Promise<void> {
    const groups = this.groups() ?? [];
    const chosen = this.chosen();
    const missing = groups.filter((g) => g.replacementRequired && !chosen[g.groupId]).map((g) => g.groupId);
    this.missing.set(missing);
    this.error.set('');
    if (missing.length) return;
    this.busy.set(true);
    try {
      const replacements = groups
        .filter((g) => chosen[g.groupId])
        .map((g) => ({ groupId: g.groupId, staffMemberId: chosen[g.groupId] }));
      this.ref.close(await firstValueFrom(this.api.deactivate(this.user.id, replacements)));
    } catch (err) {
      const problem = asProblem(err, this.i18n.lang());
      // A group that lost its other staff since the dialog opened: the api names it, and it is marked here.
      const named = (problem?.errors ?? [])
        .map((e) => (e.params as { groupId?: string } | undefined)?.groupId)
        .filter((id): id is string => !!id);
      if (named.length) this.missing.set(named);
      this.error.set(problem?.detail ?? this.i18n.t('error.generic'));
    } finally {
      this.busy.set(false);
    }
  }
}
