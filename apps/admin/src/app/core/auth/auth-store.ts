import { Injectable, computed, inject, signal } from '@angular/core';
import {
  type Action,
  can as roleMay,
  type CurrentUserResponse,
  AGGREGATE_ONLY_ROLES,
  GROUP_STAFF_ROLES,
  type Role,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './auth-api';

/** Who is signed in. Loaded once from /api/auth/me; cleared on logout or when the session has ended. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);
  readonly user = signal<CurrentUserResponse | null>(null);
  readonly loaded = signal(false);
  readonly role = computed<Role | null>(() => this.user()?.role ?? null);
  /** Set when the session ended under the user's feet, so the login page can say why. */
  readonly expired = signal(false);

  async load(): Promise<CurrentUserResponse | null> {
    if (this.loaded()) return this.user();
    try {
      this.user.set(await firstValueFrom(this.api.me()));
    } catch {
      this.user.set(null);
    }
    this.loaded.set(true);
    return this.user();
  }

  signedIn(user: CurrentUserResponse): void {
    this.user.set(user);
    this.loaded.set(true);
    this.expired.set(false);
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout());
    } finally {
      this.user.set(null);
    }
  }

  sessionEnded(): void {
    this.user.set(null);
    this.expired.set(true);
  }

  /**
   * Whether the signed-in user's role may do the action: the table of packages/contracts/src/permissions.ts, which
   * the api's guard enforces too. It reads the role signal, so a template or computed() calling it follows
   * sign-in and sign-out.
   */
  can(action: Action): boolean {
    return roleMay(this.role(), action);
  }

  /**
   * Whether the user sees figures only as published reports print them (AGGREGATE_ONLY_ROLES): such a user asks a
   * report for a fixed period only (tertial, year, whole programme), as the api requires.
   */
  aggregateOnly(): boolean {
    const role = this.role();
    return role !== null && AGGREGATE_ONLY_ROLES.includes(role);
  }

  /**
   * Whether the user decides who is staff of a group in the programme: a role of GROUP_STAFF_ROLES (the admin), or
   * 'group.manage' with the lead mark in that programme (`leadProgrammeIds` of /api/auth/me). The api's
   * PolicyService enforces the same rule with a 403; the admin hides the control from everyone else.
   */
  mayAssignGroupStaff(programmeId: string): boolean {
    const role = this.role();
    if (role === null) return false;
    if (GROUP_STAFF_ROLES.includes(role)) return true;
    return this.can('group.manage') && (this.user()?.leadProgrammeIds ?? []).includes(programmeId);
  }
}
