import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AttendanceGridResponse,
  CalendarResponse,
  GroupResponse,
  SaveAttendanceRequest,
} from '@stegvis/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class GroupsApi {
  private readonly http = inject(HttpClient);

  list(programmeId: string): Observable<GroupResponse[]> {
    return this.http.get<GroupResponse[]>('/api/groups', { params: { programmeId } });
  }
  get(id: string): Observable<GroupResponse> {
    return this.http.get<GroupResponse>(`/api/groups/${id}`);
  }
  calendar(id: string): Observable<CalendarResponse> {
    return this.http.get<CalendarResponse>(`/api/groups/${id}/sessions`);
  }
  attendance(id: string): Observable<AttendanceGridResponse> {
    return this.http.get<AttendanceGridResponse>(`/api/groups/${id}/attendance`);
  }
  /** The key is made once per save attempt and reused on retry, so a save that did arrive is not stored twice. */
  saveAttendance(
    id: string,
    body: SaveAttendanceRequest,
    idempotencyKey: string,
  ): Observable<{ saved: number }> {
    return this.http.put<{ saved: number }>(`/api/groups/${id}/attendance`, body, {
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }
}
