import { Injectable, inject } from '@angular/core';
import type { ConsentResponse, ParticipantResponse } from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow, type Schemas } from '../../../core/api/api-client';

export type UpdateParticipant = Schemas['UpdateParticipantDto'];
export type NewConsent = Schemas['ConsentDto'];
export type ParticipantExtract = Schemas['ParticipantExtractDto'];
export type ShareRequest = Schemas['ShareDto'];

/** The record's writes and the data subject's rights: edit, consents, extract and erasure. */
@Injectable({ providedIn: 'root' })
export class RecordApi {
  private readonly api = inject(ApiClient);

  /** Send the version read; a 409 means someone else saved in between. */
  update(id: string, body: UpdateParticipant): Observable<ParticipantResponse> {
    return this.api
      .PATCH('/api/participants/{id}', { path: { id }, body })
      .pipe(narrow<ParticipantResponse>());
  }
  /** A date after today is a 400 naming `givenOn` (date_in_future). */
  addConsent(id: string, body: NewConsent): Observable<ConsentResponse> {
    return this.api
      .POST('/api/participants/{id}/consents', { path: { id }, body })
      .pipe(narrow<ConsentResponse>());
  }
  /** Only for those who see her; everyone else gets a 404. */
  extract(id: string): Observable<ParticipantExtract> {
    return this.api.GET('/api/participants/{id}/extract', { path: { id } });
  }
  /** Refused with 422 when no consent in force covers the organisation; audited with its purpose. */
  share(id: string, body: ShareRequest): Observable<unknown> {
    return this.api.POST('/api/participants/{id}/shares', { path: { id }, body });
  }
  erase(id: string): Observable<unknown> {
    return this.api.POST('/api/participants/{id}/erase', { path: { id } });
  }
}
