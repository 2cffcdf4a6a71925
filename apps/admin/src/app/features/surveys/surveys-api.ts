import type { HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { SurveyLanguage, TranslationStatusResponse } from '@stegvis/contracts';
import { ApiClient, narrow, type Schemas } from '../../core/api/api-client';

export type RoundView = Schemas['RoundDto'];
export type OpenRound = Schemas['CreateRoundDto'];
export type FreeTextReview = Schemas['ReviewDto'];
/** A new round with its one-time codes: they come only in this answer. */
export type OpenedRound = Schemas['OpenedRoundDto'];
export type IssuedCode = Schemas['IssuedCodeDto'];
export type RoundSummary = Schemas['SummaryDto'];
/** `choices[].text` is the questionnaire's Swedish words for a choice; `value` is its code, never shown. */
export type QuestionSummary = Schemas['QuestionSummaryDto'];
export type Pending = Schemas['PendingDto'];
export type FreeTextAnswer = Schemas['FreeTextAnswerDto'];
export type TranslationStatus = TranslationStatusResponse;

@Injectable({ providedIn: 'root' })
export class SurveysApi {
  private readonly api = inject(ApiClient);

  rounds(groupId: string): Observable<RoundView[]> {
    return this.api.GET('/api/groups/{id}/survey-rounds', { path: { id: groupId } });
  }
  /** The codes come only in this answer: they are never shown again. */
  open(body: OpenRound): Observable<OpenedRound> {
    return this.api.POST('/api/survey-rounds', { body });
  }
  summary(id: string): Observable<RoundSummary> {
    return this.api.GET('/api/survey-rounds/{id}/summary', { path: { id } });
  }
  pending(id: string): Observable<Pending[]> {
    return this.api.GET('/api/survey-rounds/{id}/pending', { path: { id } });
  }
  /**
   * A first code for someone enrolled after the round opened, or a new code replacing a lost one (the old code
   * stops working at once). The codes come only in this answer.
   */
  issueCodes(id: string, enrolmentIds: string[]): Observable<IssuedCode[]> {
    return this.api.POST('/api/survey-rounds/{id}/codes', { path: { id }, body: { enrolmentIds } });
  }
  /** The round's questionnaire as a printable A4 PDF in one language, with a box for the code from the slip. */
  paperQuestionnairePdf(id: string, language: SurveyLanguage): Observable<HttpEvent<Blob>> {
    return this.api.files.GET('/api/survey-rounds/{id}/paper-questionnaire.pdf', {
      path: { id },
      query: { language },
    });
  }
  freeText(id: string): Observable<FreeTextAnswer[]> {
    return this.api.GET('/api/survey-rounds/{id}/free-text', { path: { id } });
  }
  review(id: string, body: FreeTextReview): Observable<void> {
    return this.api.POST('/api/survey-rounds/{id}/free-text/reviews', { path: { id }, body });
  }
  /** Each language of a questionnaire version: original, reviewed (by whom, when) or an unreviewed machine draft. */
  translations(questionnaireId: string, version: number): Observable<TranslationStatus[]> {
    return this.api
      .GET('/api/questionnaires/{id}/versions/{version}/translations', {
        path: { id: questionnaireId, version },
      })
      .pipe(narrow<TranslationStatus[]>());
  }
  /** A native speaker has checked the language's texts; the signed-in person is named as the reviewer. */
  markReviewed(questionnaireId: string, version: number, language: string): Observable<TranslationStatus> {
    return this.api
      .POST('/api/questionnaires/{id}/versions/{version}/translations/reviews', {
        path: { id: questionnaireId, version },
        body: { language },
      })
      .pipe(narrow<TranslationStatus>());
  }
}
