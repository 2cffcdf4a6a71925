import { Injectable, inject } from '@angular/core';
import type {
  CommitteeMemberResponse,
  DecisionRequest,
  MeetingRequest,
  MeetingResponse,
  OrganisationResponse,
  Page,
  ReferralRequest,
  ReferralResponse,
  ReferralStatus,
  ReferralStatusRequest,
} from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow, type Ok, type Schemas } from '../../core/api/api-client';

/** The next group starts and the early-leaver rate. */
export type Intake = Schemas['IntakeDto'];

@Injectable({ providedIn: 'root' })
export class ReferralsApi {
  private readonly api = inject(ApiClient);

  queue(
    programmeId: string,
    status: ReferralStatus | '',
    after: string | null,
  ): Observable<Page<ReferralResponse>> {
    return this.api
      .GET('/api/referrals', {
        query: { programmeId, limit: 50, status: status || undefined, after: after ?? undefined },
      })
      .pipe(narrow<Page<ReferralResponse>>());
  }
  /** Register a referral (an analysis member: from their own organisation). */
  create(body: ReferralRequest): Observable<ReferralResponse> {
    return this.api.POST('/api/referrals', { body }).pipe(narrow<ReferralResponse>());
  }
  /** One referral with its screening, history and (for a reader who may see her) the known participant. */
  get(id: string): Observable<ReferralResponse> {
    return this.api.GET('/api/referrals/{id}', { path: { id } }).pipe(narrow<ReferralResponse>());
  }
  /** Screen, wait-list, withdraw or re-open, as REFERRAL_TRANSITIONS allows. */
  changeStatus(id: string, body: ReferralStatusRequest): Observable<ReferralResponse> {
    return this.api
      .POST('/api/referrals/{id}/status', { path: { id }, body })
      .pipe(narrow<ReferralResponse>());
  }
  /** The organisations the user may refer from. */
  organisations(): Observable<OrganisationResponse[]> {
    return this.api.GET('/api/referrals/organisations');
  }
  meetings(programmeId: string): Observable<MeetingResponse[]> {
    return this.api.GET('/api/meetings', { query: { programmeId } }).pipe(narrow<MeetingResponse[]>());
  }
  meeting(id: string): Observable<MeetingResponse> {
    return this.api.GET('/api/meetings/{id}', { path: { id } }).pipe(narrow<MeetingResponse>());
  }
  createMeeting(body: MeetingRequest): Observable<MeetingResponse> {
    return this.api.POST('/api/meetings', { body }).pipe(narrow<MeetingResponse>());
  }
  committee(programmeId: string): Observable<CommitteeMemberResponse[]> {
    return this.api.GET('/api/programmes/{id}/committees', { path: { id: programmeId } });
  }
  attendance(id: string, presentUserIds: string[]): Observable<MeetingResponse> {
    return this.api
      .POST('/api/meetings/{id}/attendance', { path: { id }, body: { presentUserIds } })
      .pipe(narrow<MeetingResponse>());
  }
  decide(id: string, decisions: DecisionRequest[]): Observable<MeetingResponse> {
    return this.api
      .POST('/api/meetings/{id}/decisions', { path: { id }, body: { decisions } })
      .pipe(narrow<MeetingResponse>());
  }
  sendMinutes(id: string): Observable<Ok<'/api/meetings/{id}/minutes/send', 'post'>> {
    return this.api.POST('/api/meetings/{id}/minutes/send', { path: { id } });
  }
  intake(programmeId: string, from: string): Observable<Intake> {
    return this.api.GET('/api/programmes/{id}/intake', { path: { id: programmeId }, query: { from } });
  }
}
