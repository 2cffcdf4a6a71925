import { Injectable, inject } from '@angular/core';
import type {
  AttendanceGridResponse,
  CalendarResponse,
  GroupInternshipSummary,
  GroupResponse,
  InternshipResponse,
  MethodTemplateResponse,
  SaveAttendanceRequest,
  SessionResponse,
} from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow, type Ok, type Schemas } from '../../core/api/api-client';

export type CreateGroup = Schemas['CreateGroupDto'];
export type UpdateSession = Schemas['UpdateSessionDto'];
export type CreateSession = Schemas['CreateSessionDto'];
export type UpdateGroup = Schemas['UpdateGroupDto'];
export type CreateInternship = Schemas['InternshipDto'];

@Injectable({ providedIn: 'root' })
export class GroupsApi {
  private readonly api = inject(ApiClient);

  list(programmeId: string): Observable<GroupResponse[]> {
    return this.api.GET('/api/groups', { query: { programmeId } });
  }
  get(id: string): Observable<GroupResponse> {
    return this.api.GET('/api/groups/{id}', { path: { id } });
  }
  create(body: CreateGroup): Observable<GroupResponse> {
    return this.api.POST('/api/groups', { body });
  }
  /** Capacity, over-intake, delivery mode, place and group staff; a stale `version` is a 409, staff by others a 403. */
  update(id: string, body: UpdateGroup): Observable<GroupResponse> {
    return this.api.PATCH('/api/groups/{id}', { path: { id }, body });
  }
  /** The method templates of a programme, to start a group's calendar from. */
  templates(programmeId: string): Observable<MethodTemplateResponse[]> {
    return this.api.GET('/api/programmes/{programmeId}/templates', { path: { programmeId } });
  }
  calendar(id: string): Observable<CalendarResponse> {
    return this.api.GET('/api/groups/{id}/sessions', { path: { id } }).pipe(narrow<CalendarResponse>());
  }
  /** A session outside the template's plan, e.g. a study visit; `note` says why it is added. */
  createSession(groupId: string, body: CreateSession): Observable<SessionResponse> {
    return this.api.POST('/api/groups/{id}/sessions', { path: { id: groupId }, body });
  }
  /** Move (a reason in `note` is required), cancel (likewise), or assign a substitute; a stale `version` is a 409. */
  updateSession(id: string, body: UpdateSession): Observable<SessionResponse> {
    return this.api.PATCH('/api/sessions/{id}', { path: { id }, body });
  }
  attendance(id: string): Observable<AttendanceGridResponse> {
    return this.api.GET('/api/groups/{id}/attendance', { path: { id } });
  }
  /** The key is made once per save attempt and reused on retry, so a save that did arrive is not stored twice. */
  saveAttendance(
    id: string,
    body: SaveAttendanceRequest,
    idempotencyKey: string,
  ): Observable<Ok<'/api/groups/{id}/attendance', 'put'>> {
    return this.api.PUT('/api/groups/{id}/attendance', {
      path: { id },
      header: { 'Idempotency-Key': idempotencyKey },
      body,
    });
  }
  internships(id: string): Observable<InternshipResponse[]> {
    return this.api
      .GET('/api/groups/{id}/internships', { path: { id } })
      .pipe(narrow<InternshipResponse[]>());
  }
  internshipSummary(id: string): Observable<GroupInternshipSummary> {
    return this.api
      .GET('/api/groups/{id}/internship-summary', { path: { id } })
      .pipe(narrow<GroupInternshipSummary>());
  }
  createInternship(body: CreateInternship): Observable<InternshipResponse> {
    return this.api.POST('/api/internships', { body }).pipe(narrow<InternshipResponse>());
  }
}
