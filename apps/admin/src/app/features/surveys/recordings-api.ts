import { Injectable, inject } from '@angular/core';
import type { QuestionnaireAudioTextResponse } from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow } from '../../core/api/api-client';

export type RecordableText = QuestionnaireAudioTextResponse;

/** Recorded readings of a questionnaire version's texts, per language (the survey site plays them). */
@Injectable({ providedIn: 'root' })
export class RecordingsApi {
  private readonly api = inject(ApiClient);

  texts(questionnaireId: string, version: number, language: string): Observable<RecordableText[]> {
    return this.api
      .GET('/api/questionnaires/{id}/versions/{version}/audio/{language}', {
        path: { id: questionnaireId, version, language },
      })
      .pipe(narrow<RecordableText[]>());
  }
  upload(questionnaireId: string, version: number, language: string, key: string, audio: Blob, name: string) {
    const form = new FormData();
    form.append('file', audio, name);
    return this.api
      .PUT('/api/questionnaires/{id}/versions/{version}/audio/{language}/{key}', {
        path: { id: questionnaireId, version, language, key },
        body: form,
      })
      .pipe(narrow<RecordableText>());
  }
  remove(questionnaireId: string, version: number, language: string, key: string): Observable<void> {
    return this.api.DELETE('/api/questionnaires/{id}/versions/{version}/audio/{language}/{key}', {
      path: { id: questionnaireId, version, language, key },
    });
  }
}

/** Where the survey site and staff listen to a recording. */
export const recordingUrl = (id: string) => `/api/public/surveys/audio/${encodeURIComponent(id)}`;
