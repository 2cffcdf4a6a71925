import { Injectable, inject } from '@angular/core';
import type {
  CommitteeMemberResponse,
  DecisionRequest,
  MeetingRequest,
  MeetingResponse,
  Page,
  ReferralResponse,
  ReferralStatus,
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
