import { HttpClient } from '@angular/common/http';
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

export interface HandbookMe {
  editor: boolean;
  maxFileBytes: number;
  reviewMonths: number;
}

@Injectable({ providedIn: 'root' })
export class HandbookApi {
  private readonly http = inject(HttpClient);

  me(): Observable<HandbookMe> {
    return this.http.get<HandbookMe>('/api/handbook/me');
  }
  list(): Observable<HandbookEntryResponse[]> {
    return this.http.get<HandbookEntryResponse[]>('/api/handbook/entries');
  }
  get(id: string): Observable<HandbookEntryResponse> {
    return this.http.get<HandbookEntryResponse>(`/api/handbook/entries/${id}`);
  }
  search(q: string): Observable<HandbookSearchHit[]> {
    return this.http.get<HandbookSearchHit[]>('/api/handbook/search', { params: { q } });
  }
  stale(): Observable<HandbookEntryResponse[]> {
    return this.http.get<HandbookEntryResponse[]>('/api/handbook/stale');
  }
  create(body: HandbookEntryRequest): Observable<HandbookEntryResponse> {
    return this.http.post<HandbookEntryResponse>('/api/handbook/entries', body);
  }
  update(id: string, body: HandbookEntryUpdate): Observable<HandbookEntryResponse> {
    return this.http.put<HandbookEntryResponse>(`/api/handbook/entries/${id}`, body);
  }
  versions(id: string): Observable<HandbookVersionResponse[]> {
    return this.http.get<HandbookVersionResponse[]>(`/api/handbook/entries/${id}/versions`);
  }
  restore(id: string, version: number): Observable<HandbookEntryResponse> {
    return this.http.post<HandbookEntryResponse>(
      `/api/handbook/entries/${id}/versions/${version}/restore`,
      {},
    );
  }
  review(id: string): Observable<HandbookEntryResponse> {
    return this.http.post<HandbookEntryResponse>(`/api/handbook/entries/${id}/review`, {});
  }
  preview(body: string): Observable<{ html: string; warnings: HandbookWarning[] }> {
    return this.http.post<{ html: string; warnings: HandbookWarning[] }>('/api/handbook/preview', { body });
  }
  upload(id: string, file: File): Observable<HandbookFileResponse> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<HandbookFileResponse>(`/api/handbook/entries/${id}/files`, form);
  }
  removeFile(fileId: string): Observable<void> {
    return this.http.delete<void>(`/api/handbook/files/${fileId}`);
  }
  sessionMaterial(sessionId: string): Observable<SessionMaterialResponse> {
    return this.http.get<SessionMaterialResponse>(`/api/sessions/${sessionId}/handbook`);
  }
  choose(sessionId: string, entryId: string): Observable<SessionMaterialResponse> {
    return this.http.put<SessionMaterialResponse>(`/api/sessions/${sessionId}/handbook`, { entryId });
  }
}

export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
