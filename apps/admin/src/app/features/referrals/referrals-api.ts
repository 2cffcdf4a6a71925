import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  DecisionRequest,
  MeetingRequest,
  MeetingResponse,
  Page,
  ReferralResponse,
  ReferralStatus,
} from '@stegvis/contracts';
import type { Observable } from 'rxjs';

export interface MeetingSummary {
  id: string;
  date: string;
  status: 'planned' | 'held';
  programmeId: string;
}

@Injectable({ providedIn: 'root' })
export class ReferralsApi {
  private readonly http = inject(HttpClient);

  queue(
    programmeId: string,
    status: ReferralStatus | '',
    after: string | null,
  ): Observable<Page<ReferralResponse>> {
    const params: Record<string, string> = { programmeId, limit: '50' };
    if (status) params['status'] = status;
    if (after) params['after'] = after;
    return this.http.get<Page<ReferralResponse>>('/api/referrals', { params });
  }
  meetings(programmeId: string): Observable<MeetingSummary[]> {
    return this.http.get<MeetingSummary[]>('/api/meetings', { params: { programmeId } });
  }
  meeting(id: string): Observable<MeetingResponse> {
    return this.http.get<MeetingResponse>(`/api/meetings/${id}`);
  }
  createMeeting(body: MeetingRequest): Observable<MeetingResponse> {
    return this.http.post<MeetingResponse>('/api/meetings', body);
  }
  committee(programmeId: string): Observable<{ kind: string; userId: string | null; name: string }[]> {
    return this.http.get<{ kind: string; userId: string | null; name: string }[]>(
      `/api/programmes/${programmeId}/committees`,
    );
  }
  attendance(id: string, presentUserIds: string[]): Observable<MeetingResponse> {
    return this.http.post<MeetingResponse>(`/api/meetings/${id}/attendance`, { presentUserIds });
  }
  decide(id: string, decisions: DecisionRequest[]): Observable<MeetingResponse> {
    return this.http.post<MeetingResponse>(`/api/meetings/${id}/decisions`, { decisions });
  }
  sendMinutes(id: string): Observable<{ queued: number }> {
    return this.http.post<{ queued: number }>(`/api/meetings/${id}/minutes/send`, {});
  }

  intake(
    programmeId: string,
    from: string,
  ): Observable<{
    groups: {
      groupId: string;
      name: string;
      startDate: string;
      capacity: number;
      accepted: number;
      queued: number;
      suggestedOverIntake: number;
    }[];
    earlyLeaverRate: { count: number; of: number; percent: number | null };
  }> {
    return this.http.get<{
      groups: {
        groupId: string;
        name: string;
        startDate: string;
        capacity: number;
        accepted: number;
        queued: number;
        suggestedOverIntake: number;
      }[];
      earlyLeaverRate: { count: number; of: number; percent: number | null };
    }>(`/api/programmes/${programmeId}/intake`, { params: { from } });
  }
}
