import { Injectable, inject } from '@angular/core';
import type {
  EnrolmentResponse,
  FollowUpRequest,
  GroupResponse,
  OutcomeRequest,
  OutcomeResponse,
} from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow } from '../../../core/api/api-client';

/** The outcome at the end of each enrolment and its follow-ups at 3, 6 and 12 months. */
@Injectable({ providedIn: 'root' })
export class OutcomeApi {
  private readonly api = inject(ApiClient);

  /** Each enrolment's outcome with its follow-ups; a health outcome only for those who see her health data. */
  outcomes(participantId: string): Observable<OutcomeResponse[]> {
    return this.api
      .GET('/api/participants/{id}/outcomes', { path: { id: participantId } })
      .pipe(narrow<OutcomeResponse[]>());
  }
  enrolments(participantId: string): Observable<EnrolmentResponse[]> {
    return this.api.GET('/api/participants/{id}/enrolments', { path: { id: participantId } });
  }
  group(id: string): Observable<GroupResponse> {
    return this.api.GET('/api/groups/{id}', { path: { id } });
  }
  /**
   * Replaces the whole outcome: fields left out are blanked, so send the stored ones the form does not show. A
   * detail code outside the category is 400 `detail_code_not_in_category` at `detailCode`.
   */
  setOutcome(enrolmentId: string, body: OutcomeRequest): Observable<OutcomeResponse> {
    return this.api
      .PUT('/api/enrolments/{id}/outcome', { path: { id: enrolmentId }, body })
      .pipe(narrow<OutcomeResponse>());
  }
  /** One follow-up per month mark (a second replaces it); before its window is 400 `follow_up_before_window` at `date`. */
  addFollowUp(enrolmentId: string, body: FollowUpRequest): Observable<OutcomeResponse> {
    return this.api
      .POST('/api/enrolments/{id}/follow-ups', { path: { id: enrolmentId }, body })
      .pipe(narrow<OutcomeResponse>());
  }
}
