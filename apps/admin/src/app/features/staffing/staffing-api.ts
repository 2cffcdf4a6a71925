import { Injectable, inject } from '@angular/core';
import type { AllocationResponse, ProgrammeStaffingResponse, StaffMemberResponse } from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow, type Schemas } from '../../core/api/api-client';

export type CreateAllocation = Schemas['AllocationDto'];
export type CreateStaffMember = Schemas['StaffMemberDto'];

@Injectable({ providedIn: 'root' })
export class StaffingApi {
  private readonly api = inject(ApiClient);

  staffMembers(): Observable<StaffMemberResponse[]> {
    return this.api.GET('/api/staff-members').pipe(narrow<StaffMemberResponse[]>());
  }
  createStaffMember(body: CreateStaffMember): Observable<StaffMemberResponse> {
    return this.api.POST('/api/staff-members', { body }).pipe(narrow<StaffMemberResponse>());
  }
  /** An allocation above 100 % is saved; the answer says so (`overAllocated`, `warnings`). */
  allocate(body: CreateAllocation): Observable<AllocationResponse> {
    return this.api.POST('/api/staff-allocations', { body }).pipe(narrow<AllocationResponse>());
  }
  programmeStaffing(id: string, date: string): Observable<ProgrammeStaffingResponse> {
    return this.api
      .GET('/api/programmes/{id}/staffing', { path: { id }, query: { date } })
      .pipe(narrow<ProgrammeStaffingResponse>());
  }
}
