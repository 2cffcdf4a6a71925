import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, narrow, type Schemas } from '../../core/api/api-client';

export type RoundView = Schemas['RoundDto'];
export type OpenRound = Schemas['CreateRoundDto'];
export type FreeTextReview = Schemas['ReviewDto'];

// openapi.json declares RoundDto for a new round but not its one-time codes, and no schema for the summary,
// pending and free-text answers; these name the fields the api sends until its decorators describe them.

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

export interface FreeTextAnswer {
  responseId: string;
  question: string;
  text: string;
  reviewed: boolean;
}

@Injectable({ providedIn: 'root' })
export class SurveysApi {
  private readonly api = inject(ApiClient);

  rounds(groupId: string): Observable<RoundView[]> {
    return this.api.GET('/api/groups/{id}/survey-rounds', { path: { id: groupId } });
  }
  /** The codes come only in this answer: they are never shown again. */
  open(body: OpenRound): Observable<RoundView & { codes: IssuedCode[] }> {
    return this.api.POST('/api/survey-rounds', { body }).pipe(narrow<RoundView & { codes: IssuedCode[] }>());
  }
  summary(id: string): Observable<{ round: RoundView; questions: QuestionSummary[] }> {
    return this.api
      .GET('/api/survey-rounds/{id}/summary', { path: { id } })
      .pipe(narrow<{ round: RoundView; questions: QuestionSummary[] }>());
  }
  pending(id: string): Observable<{ displayName: string }[]> {
    return this.api
      .GET('/api/survey-rounds/{id}/pending', { path: { id } })
      .pipe(narrow<{ displayName: string }[]>());
  }
  freeText(id: string): Observable<FreeTextAnswer[]> {
    return this.api
      .GET('/api/survey-rounds/{id}/free-text', { path: { id } })
      .pipe(narrow<FreeTextAnswer[]>());
  }
  review(id: string, body: FreeTextReview): Observable<void> {
    return this.api
      .POST('/api/survey-rounds/{id}/free-text/reviews', { path: { id }, body })
      .pipe(narrow<void>());
  }
}
