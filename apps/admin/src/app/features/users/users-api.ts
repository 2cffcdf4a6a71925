import { Injectable, inject } from '@angular/core';
import type { OrganisationResponse, Page, ProgrammeResponse } from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, type Schemas } from '../../core/api/api-client';

/** A user as the admin's list shows them, with two-factor login and whether the role needs it. */
export type User = Schemas['UserDto'];
export type CreateUser = Schemas['CreateUserDto'];
export type CreatedUser = Schemas['CreatedUserDto'];
export type UpdateUser = Schemas['UpdateUserDto'];
export type StaffedGroup = Schemas['StaffedGroupDto'];
export type StaffReplacement = Schemas['StaffReplacementDto'];

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly api = inject(ApiClient);

  list(): Observable<User[]> {
    return this.api.GET('/api/users');
  }
  /** Without a password the answer carries a one-time password, shown once. */
  create(body: CreateUser): Observable<CreatedUser> {
    return this.api.POST('/api/users', { body });
  }
  update(id: string, body: UpdateUser): Observable<User> {
    return this.api.PATCH('/api/users/{id}', { path: { id }, body });
  }
  allocate(id: string, programmeId: string, lead: boolean): Observable<User> {
    return this.api.PUT('/api/users/{id}/programmes/{programmeId}', {
      path: { id, programmeId },
      body: { lead },
    });
  }
  removeAllocation(id: string, programmeId: string): Observable<User> {
    return this.api.DELETE('/api/users/{id}/programmes/{programmeId}', { path: { id, programmeId } });
  }
  resetPassword(id: string): Observable<Schemas['OneTimePasswordDto']> {
    return this.api.POST('/api/users/{id}/password-reset', { path: { id } });
  }
  staffedGroups(id: string): Observable<StaffedGroup[]> {
    return this.api.GET('/api/users/{id}/staffed-groups', { path: { id } });
  }
  deactivate(id: string, replacements: StaffReplacement[]): Observable<User> {
    return this.api.POST('/api/users/{id}/deactivate', { path: { id }, body: { replacements } });
  }
  programmes(): Observable<Page<ProgrammeResponse>> {
    return this.api.GET('/api/programmes', { query: { limit: 200 } });
  }
  organisations(): Observable<OrganisationResponse[]> {
    return this.api.GET('/api/organisations');
  }
}
