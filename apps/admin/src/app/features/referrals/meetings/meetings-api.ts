import { Injectable, inject } from '@angular/core';
import type { MeetingResponse } from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow, type Schemas } from '../../../core/api/api-client';

/** A meeting as the api answers it: with case notes (for those who may), carried action items and minutes sent. */
export type MeetingDetail = MeetingResponse;
export type InviteeCandidate = Schemas['InviteeCandidateDto'];
export type ActionItemRow = Schemas['ActionItemResponseDto'];
export type CarriedActionItem = Schemas['CarriedActionItemDto'];
export type MeetingAttendance = Schemas['AbsenceDto'];

/** The meeting screens' calls: invitees, case notes, action items, minutes, attendance by organisation. */
@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly api = inject(ApiClient);

  invitees(programmeId: string): Observable<InviteeCandidate[]> {
    return this.api.GET('/api/programmes/{id}/meeting-invitees', { path: { id: programmeId } });
  }
  create(programmeId: string, date: string, invitedUserIds: string[]): Observable<MeetingDetail> {
    return this.api
      .POST('/api/meetings', { body: { programmeId, date, invitedUserIds } })
      .pipe(narrow<MeetingDetail>());
  }
  meeting(id: string): Observable<MeetingDetail> {
    return this.api.GET('/api/meetings/{id}', { path: { id } }).pipe(narrow<MeetingDetail>());
  }
  notes(id: string, caseNotes: string, version: number): Observable<MeetingDetail> {
    return this.api
      .PATCH('/api/meetings/{id}/notes', { path: { id }, body: { caseNotes, version } })
      .pipe(narrow<MeetingDetail>());
  }
  addActionItem(
    id: string,
    body: { text: string; owner: string; dueDate: string },
  ): Observable<MeetingDetail> {
    return this.api
      .POST('/api/meetings/{id}/action-items', { path: { id }, body })
      .pipe(narrow<MeetingDetail>());
  }
  setActionItemDone(itemId: string, done: boolean): Observable<MeetingDetail> {
    return this.api
      .PATCH('/api/action-items/{id}', { path: { id: itemId }, body: { done } })
      .pipe(narrow<MeetingDetail>());
  }
  attendance(programmeId: string): Observable<MeetingAttendance> {
    return this.api.GET('/api/programmes/{id}/meeting-attendance', { path: { id: programmeId } });
  }
}
