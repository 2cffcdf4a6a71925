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
import { ApiClient, narrow, type Schemas } from '../../core/api/api-client';

export type CreateParticipant = Schemas['CreateParticipantDto'];
export type Enrol = Schemas['EnrolDto'];
export type MoveEnrolment = Schemas['MoveEnrolmentDto'];
export type UpdateEnrolment = Schemas['UpdateEnrolmentDto'];

@Injectable({ providedIn: 'root' })
export class ParticipantsApi {
  private readonly api = inject(ApiClient);

  list(programmeId: string, q: string): Observable<ParticipantListItem[]> {
    return this.api
      .GET('/api/participants', { query: { programmeId, q: q || undefined } })
      .pipe(narrow<ParticipantListItem[]>());
  }
  get(id: string): Observable<ParticipantResponse> {
    return this.api.GET('/api/participants/{id}', { path: { id } }).pipe(narrow<ParticipantResponse>());
  }
  /** A duplicate personal number is a 409 whose problem names the record (`existingParticipantId`). */
  create(body: CreateParticipant): Observable<ParticipantResponse> {
    return this.api.POST('/api/participants', { body }).pipe(narrow<ParticipantResponse>());
  }
  consents(id: string): Observable<ConsentResponse[]> {
    return this.api
      .GET('/api/participants/{id}/consents', { path: { id } })
      .pipe(narrow<ConsentResponse[]>());
  }
  withdrawConsent(consentId: string): Observable<ConsentResponse> {
    return this.api
      .POST('/api/consents/{id}/withdraw', { path: { id: consentId } })
      .pipe(narrow<ConsentResponse>());
  }
  enrolments(id: string): Observable<EnrolmentResponse[]> {
    return this.api.GET('/api/participants/{id}/enrolments', { path: { id } });
  }
  /** A second active enrolment in the same programme is a 409 (`already_enrolled`). */
  enrol(id: string, body: Enrol): Observable<EnrolmentResponse> {
    return this.api.POST('/api/participants/{id}/enrolments', { path: { id }, body });
  }
  /** The old enrolment ends the day before `date` and stays in the history. */
  moveEnrolment(id: string, body: MoveEnrolment): Observable<EnrolmentResponse> {
    return this.api.POST('/api/enrolments/{id}/move', { path: { id }, body });
  }
  /** Completed, or left early with a reason. */
  updateEnrolment(id: string, body: UpdateEnrolment): Observable<EnrolmentResponse> {
    return this.api.PATCH('/api/enrolments/{id}', { path: { id }, body });
  }
  needs(id: string): Observable<NeedResponse[]> {
    return this.api.GET('/api/participants/{id}/needs', { path: { id } }).pipe(narrow<NeedResponse[]>());
  }
  talks(id: string): Observable<TalkResponse[]> {
    return this.api.GET('/api/participants/{id}/talks', { path: { id } });
  }
  assessments(id: string): Observable<AssessmentResponse[]> {
    return this.api
      .GET('/api/participants/{id}/assessments', { path: { id } })
      .pipe(narrow<AssessmentResponse[]>());
  }
  outcomes(id: string): Observable<OutcomeResponse[]> {
    return this.api
      .GET('/api/participants/{id}/outcomes', { path: { id } })
      .pipe(narrow<OutcomeResponse[]>());
  }
  auditTrail(id: string): Observable<AuditTrailEntry[]> {
    return this.api.GET('/api/participants/{id}/audit-trail', { path: { id } });
  }
}
