import { Injectable, inject } from '@angular/core';
import type {
  HandbookEntryRequest,
  HandbookEntryResponse,
  HandbookEntryUpdate,
  HandbookFileResponse,
  HandbookSearchHit,
  HandbookVersionResponse,
  HandbookWarning,
  SessionMaterialResponse,
} from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow, type Schemas } from '../../core/api/api-client';

export type HandbookMe = Schemas['HandbookMeResponseDto'];
/** A staff member who can be given the editor right, and whether she has it. */
export type HandbookEditorRow = Schemas['HandbookEditorRowDto'];

@Injectable({ providedIn: 'root' })
export class HandbookApi {
  private readonly api = inject(ApiClient);

  me(): Observable<HandbookMe> {
    return this.api.GET('/api/handbook/me');
  }
  list(): Observable<HandbookEntryResponse[]> {
    return this.api.GET('/api/handbook/entries').pipe(narrow<HandbookEntryResponse[]>());
  }
  get(id: string): Observable<HandbookEntryResponse> {
    return this.api.GET('/api/handbook/entries/{id}', { path: { id } }).pipe(narrow<HandbookEntryResponse>());
  }
  search(q: string): Observable<HandbookSearchHit[]> {
    return this.api.GET('/api/handbook/search', { query: { q } });
  }
  stale(): Observable<HandbookEntryResponse[]> {
    return this.api.GET('/api/handbook/stale').pipe(narrow<HandbookEntryResponse[]>());
  }
  create(body: HandbookEntryRequest): Observable<HandbookEntryResponse> {
    return this.api.POST('/api/handbook/entries', { body }).pipe(narrow<HandbookEntryResponse>());
  }
  update(id: string, body: HandbookEntryUpdate): Observable<HandbookEntryResponse> {
    return this.api
      .PUT('/api/handbook/entries/{id}', { path: { id }, body })
      .pipe(narrow<HandbookEntryResponse>());
  }
  versions(id: string): Observable<HandbookVersionResponse[]> {
    return this.api.GET('/api/handbook/entries/{id}/versions', { path: { id } });
  }
  restore(id: string, version: number): Observable<HandbookEntryResponse> {
    return this.api
      .POST('/api/handbook/entries/{id}/versions/{version}/restore', { path: { id, version } })
      .pipe(narrow<HandbookEntryResponse>());
  }
  review(id: string): Observable<HandbookEntryResponse> {
    return this.api
      .POST('/api/handbook/entries/{id}/review', { path: { id } })
      .pipe(narrow<HandbookEntryResponse>());
  }
  preview(body: string): Observable<{ html: string; warnings: HandbookWarning[] }> {
    return this.api
      .POST('/api/handbook/preview', { body: { body } })
      .pipe(narrow<{ html: string; warnings: HandbookWarning[] }>());
  }
  upload(id: string, file: File): Observable<HandbookFileResponse> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.api.POST('/api/handbook/entries/{id}/files', { path: { id }, body: form });
  }
  removeFile(fileId: string): Observable<void> {
    return this.api.DELETE('/api/handbook/files/{id}', { path: { id: fileId } });
  }
  /** For the admin: staff who can be made editors (user.manage). */
  editors(): Observable<HandbookEditorRow[]> {
    return this.api.GET('/api/handbook/editors');
  }
  setEditor(userId: string, editor: boolean): Observable<void> {
    return this.api.PUT('/api/handbook/editors/{id}', { path: { id: userId }, body: { editor } });
  }
  sessionMaterial(sessionId: string): Observable<SessionMaterialResponse> {
    return this.api
      .GET('/api/sessions/{id}/handbook', { path: { id: sessionId } })
      .pipe(narrow<SessionMaterialResponse>());
  }
  choose(sessionId: string, entryId: string): Observable<SessionMaterialResponse> {
    return this.api
      .PUT('/api/sessions/{id}/handbook', { path: { id: sessionId }, body: { entryId } })
      .pipe(narrow<SessionMaterialResponse>());
  }
}

export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
