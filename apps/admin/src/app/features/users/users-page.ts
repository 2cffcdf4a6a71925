import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { OrganisationResponse, ProgrammeResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ListState } from '../../shared/list/list-state';
import { Outcome } from '../../shared/outcome';
import { DeactivateDialog } from './deactivate-dialog';
import { OneTimePasswordDialog, type OneTimePasswordData } from './one-time-password-dialog';
import { UserDialog, type UserDialogData, type UserDialogResult } from './user-dialog';
import { type User, UsersApi } from './users-api';

/**
 * The system owner's users: who may sign in, their role, organisation and programmes (with the lead mark), who has
 * two-factor login and whether their role needs it. Create, change, give a new one-time password, deactivate.
 */
@Component({
  selector: 'sv-users-page',
  imports: [MatButtonModule, MatIconModule, LabelPipe, ListState],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('users.title') }}</h1>
        <button
          mat-flat-button
          type="button"
          (click)="create()"
          [disabled]="loading()"
          data-testid="user-new"
        >
          <mat-icon>person_add</mat-icon> {{ i18n.t('users.new') }}
        </button>
      </header>
      <p class="muted">{{ i18n.t('users.intro') }}</p>
      <sv-list-state
        [loading]="loading()"
        [error]="loadError()"
        [count]="users().length"
        [emptyText]="i18n.t('users.empty')"
        emptyIcon="person"
        (retry)="load()"
      >
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('users.name') }}</th>
              <th scope="col">{{ i18n.t('users.roleAndOrganisation') }}</th>
              <th scope="col">{{ i18n.t('users.programmes') }}</th>
              <th scope="col">{{ i18n.t('users.tfa') }}</th>
              <th scope="col">{{ i18n.t('users.status') }}</th>
              <th scope="col">{{ i18n.t('users.actions') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (u of users(); track u.id) {
              <tr data-testid="user-row" [attr.data-email]="u.email">
                <td>
                  <strong>{{ u.displayName }}</strong><br /><span class="muted">{{ u.email }}</span>
                </td>
                <td data-testid="user-role-cell">
                  {{ u.role | label: 'role' }}
                  @if (u.organisationId) {
                    <br /><span class="muted">{{ organisationName(u.organisationId) }}</span>
                  }
                </td>
                <td data-testid="user-programmes">
                  @for (p of u.programmeIds; track p; let last = $last) {
                    {{ programmeName(p) }}
                    @if (u.leadProgrammeIds.includes(p)) {
                      ({{ i18n.t('users.lead') }})
                    }
                    @if (!last) {
                      <br />
                    }
                  }
                </td>
                <td data-testid="user-tfa">
                  {{ u.totpEnabled ? i18n.t('users.tfaOn') : i18n.t('users.tfaOff') }}
                  @if (u.totpRequired) {
                    <br /><span class="chip">{{ i18n.t('users.tfaRequired') }}</span>
                  }
                </td>
                <td data-testid="user-status">
                  {{ u.active ? i18n.t('users.active') : i18n.t('users.inactive') }}
                  @if (u.active && u.mustChangePassword) {
                    <br /><span class="muted">{{ i18n.t('users.mustChange') }}</span>
                  }
                </td>
                <td>
                  <div class="actions">
                    <button
                      mat-button
                      type="button"
                      (click)="edit(u)"
                      [attr.aria-label]="i18n.t('users.edit') + ' ' + u.displayName"
                      data-testid="user-edit"
                    >
                      {{ i18n.t('users.edit') }}
                    </button>
                    @if (u.active) {
                      <button
                        mat-button
                        type="button"
                        (click)="reset(u)"
                        [attr.aria-label]="i18n.t('users.reset') + ' ' + u.displayName"
                        data-testid="user-reset"
                      >
                        {{ i18n.t('users.reset') }}
                      </button>
                      @if (u.id !== selfId()) {
                        <button
                          mat-button
                          type="button"
                          (click)="deactivate(u)"
                          [attr.aria-label]="i18n.t('users.deactivate') + ' ' + u.displayName"
                          data-testid="user-deactivate"
                        >
                          {{ i18n.t('users.deactivate') }}
                        </button>
                      }
                    }
                  </div>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </sv-list-state>
    </section>
  `,
  styles: `
    .page-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
    }
    .chip {
      display: inline-block;
      font-size: 0.8rem;
      padding: 0 8px;
      border-radius: 12px;
      background: #e8def8;
      color: #1d192b;
    }
    /* Stacked, so that the table fits beside the menu without scrolling sideways. */
    .actions {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
    .actions button {
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(ConfirmDialog);
  private readonly outcome = inject(Outcome);
  protected readonly users = signal<User[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<unknown>(undefined);
  private readonly programmes = signal<ProgrammeResponse[]>([]);
  private readonly organisations = signal<OrganisationResponse[]>([]);
  private readonly programmeNames = computed(() => new Map(this.programmes().map((p) => [p.id, p.name])));
  private readonly organisationNames = computed(
    () => new Map(this.organisations().map((o) => [o.id, o.name])),
  );
  // The admin's own account keeps its way in: the api refuses to deactivate it too.
  protected readonly selfId = computed(() => this.auth.user()?.id ?? null);
  private readonly auth = inject(AuthStore);

  constructor() {
    void this.load();
  }

  /** The users with the programmes and organisations their rows and the form name: all three, or an error. */
  async load(quiet = false): Promise<void> {
    // After a save the table stays as it is until the fresh rows arrive, so it does not blink.
    if (!quiet) this.loading.set(true);
    try {
      const [users, programmes, organisations] = await Promise.all([
        firstValueFrom(this.api.list()),
        firstValueFrom(this.api.programmes()),
        firstValueFrom(this.api.organisations()),
      ]);
      this.programmes.set(programmes.items);
      this.organisations.set(organisations);
      this.users.set(users);
      this.loadError.set(undefined);
    } catch (err) {
      this.loadError.set(err);
    } finally {
      this.loading.set(false);
    }
  }

  protected programmeName(id: string): string {
    return this.programmeNames().get(id) ?? '';
  }
  protected organisationName(id: string | null): string {
    return id ? (this.organisationNames().get(id) ?? '') : '';
  }

  protected async create(): Promise<void> {
    const created = await this.openForm(undefined);
    if (!created) return;
    this.outcome.done(this.i18n.t('users.saved'));
    await this.load(true);
    if (created.oneTimePassword) await this.showPassword(created.displayName, created.oneTimePassword);
  }

  protected async edit(user: User): Promise<void> {
    if (!(await this.openForm(user))) return;
    this.outcome.done(this.i18n.t('users.saved'));
    await this.load(true);
  }

  protected async reset(user: User): Promise<void> {
    const ok = await this.confirm.ask({
      title: this.i18n.t('users.reset'),
      message: this.i18n.t('users.resetAsk').replace('{name}', user.displayName),
      confirm: this.i18n.t('users.reset'),
      cancel: this.i18n.t('users.cancel'),
    });
    if (!ok) return;
    try {
      const { oneTimePassword } = await firstValueFrom(this.api.resetPassword(user.id));
      await this.load(true);
      await this.showPassword(user.displayName, oneTimePassword);
    } catch (err) {
      this.outcome.failed(err);
    }
  }

  protected async deactivate(user: User): Promise<void> {
    const ref = this.dialog.open<DeactivateDialog, User, User>(DeactivateDialog, {
      data: user,
      width: '640px',
      autoFocus: 'first-heading',
    });
    const done = await firstValueFrom(ref.afterClosed());
    if (!done) return;
    this.outcome.done(this.i18n.t('users.deactivated'));
    await this.load(true);
  }

  private async openForm(user: User | undefined): Promise<UserDialogResult | undefined> {
    const ref = this.dialog.open<UserDialog, UserDialogData, UserDialogResult>(UserDialog, {
      data: { user, programmes: this.programmes(), organisations: this.organisations() },
      width: '560px',
    });
    return firstValueFrom(ref.afterClosed());
  }

  private async showPassword(name: string, password: string): Promise<void> {
    const ref = this.dialog.open<OneTimePasswordDialog, OneTimePasswordData>(OneTimePasswordDialog, {
      data: { name, password },
      disableClose: true,
      width: '520px',
    });
    await firstValueFrom(ref.afterClosed());
  }
}
