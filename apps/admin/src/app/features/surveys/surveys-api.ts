import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

export interface RoundView {
  id: string;
  groupId: string;
  questionnaireId: string;
  questionnaireVersion: number;
  opensAt: string;
  closesAt: string;
  responseRate: { count: number; of: number; percent: number | null };
}

export interface IssuedCode {
  enrolmentId: string;
  displayName: string;
  token: string;
  shortCode: string;
}

export interface QuestionSummary {
  name: string;
  type: string;
  title: string;
  answered: number | null;
  suppressed: string | null;
  /** `fewer_than_k` when suppressed, for the text in the reader's language. */
  suppression?: { code: 'fewer_than_k'; params: { k: number }; message: string } | null;
  /** `text` is the questionnaire's Swedish words for the choice; `value` is its code, never shown. */
  choices?: {
    value: string | number | boolean;
    text: string;
    count: number | null;
    percent: number | null;
  }[];
  mean?: number | null;
  texts?: string[];
}

@Injectable({ providedIn: 'root' })
export class SurveysApi {
  private readonly http = inject(HttpClient);

  rounds(groupId: string): Observable<RoundView[]> {
    return this.http.get<RoundView[]>(`/api/groups/${groupId}/survey-rounds`);
  }
  open(body: {
    groupId: string;
    questionnaireId: string;
    opensAt: string;
    closesAt: string;
  }): Observable<RoundView & { codes: IssuedCode[] }> {
    return this.http.post<RoundView & { codes: IssuedCode[] }>('/api/survey-rounds', body);
  }
  summary(id: string): Observable<{ round: RoundView; questions: QuestionSummary[] }> {
    return this.http.get<{ round: RoundView; questions: QuestionSummary[] }>(
      `/api/survey-rounds/${id}/summary`,
    );
  }
  pending(id: string): Observable<{ displayName: string }[]> {
    return this.http.get<{ displayName: string }[]>(`/api/survey-rounds/${id}/pending`);
  }
  freeText(
    id: string,
  ): Observable<{ responseId: string; question: string; text: string; reviewed: boolean }[]> {
    return this.http.get<{ responseId: string; question: string; text: string; reviewed: boolean }[]>(
      `/api/survey-rounds/${id}/free-text`,
    );
  }
  review(
    id: string,
    body: { responseId: string; question: string; status: 'approved' | 'redacted'; text?: string },
  ): Observable<void> {
    return this.http.post<void>(`/api/survey-rounds/${id}/free-text/reviews`, body);
  }
}
