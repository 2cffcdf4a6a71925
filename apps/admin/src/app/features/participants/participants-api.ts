import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AssessmentResponse,
  AuditTrailEntry,
  ConsentResponse,
  EnrolmentResponse,
  NeedResponse,
  OutcomeResponse,
  ParticipantListItem,
  ParticipantResponse,
  TalkResponse,
} from '@stegvis/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ParticipantsApi {
  private readonly http = inject(HttpClient);

  list(programmeId: string, q: string): Observable<ParticipantListItem[]> {
    return this.http.get<ParticipantListItem[]>('/api/participants', {
      params: q ? { programmeId, q } : { programmeId },
    });
  }
  get(id: string): Observable<ParticipantResponse> {
    return this.http.get<ParticipantResponse>(`/api/participants/${id}`);
  }
  consents(id: string): Observable<ConsentResponse[]> {
    return this.http.get<ConsentResponse[]>(`/api/participants/${id}/consents`);
  }
  withdrawConsent(consentId: string): Observable<ConsentResponse> {
    return this.http.post<ConsentResponse>(`/api/consents/${consentId}/withdraw`, {});
  }
  enrolments(id: string): Observable<EnrolmentResponse[]> {
    return this.http.get<EnrolmentResponse[]>(`/api/participants/${id}/enrolments`);
  }
  needs(id: string): Observable<NeedResponse[]> {
    return this.http.get<NeedResponse[]>(`/api/participants/${id}/needs`);
  }
  talks(id: string): Observable<TalkResponse[]> {
    return this.http.get<TalkResponse[]>(`/api/participants/${id}/talks`);
  }
  assessments(id: string): Observable<AssessmentResponse[]> {
    return this.http.get<AssessmentResponse[]>(`/api/participants/${id}/assessments`);
  }
  outcomes(id: string): Observable<OutcomeResponse[]> {
    return this.http.get<OutcomeResponse[]>(`/api/participants/${id}/outcomes`);
  }
  auditTrail(id: string): Observable<AuditTrailEntry[]> {
    return this.http.get<AuditTrailEntry[]>(`/api/participants/${id}/audit-trail`);
  }
}
