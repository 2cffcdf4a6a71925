import type { HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, narrow } from '../../core/api/api-client';

/**
 * One table of a report (packages/reports/src/report-tables.ts). openapi.json declares no schema for the report
 * answers, so the fields the admin reads are named here.
 */
export interface ReportTable {
  id: string;
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
  notes: string[];
}

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly api = inject(ApiClient);

  progress(id: string, from: string, to: string): Observable<{ tables: ReportTable[]; suppressed: boolean }> {
    return this.api
      .GET('/api/programmes/{id}/reports/progress', { path: { id }, query: { from, to } })
      .pipe(narrow<{ tables: ReportTable[]; suppressed: boolean }>());
  }
  targetGroup(id: string, from: string, to: string): Observable<ReportTable> {
    return this.api
      .GET('/api/programmes/{id}/reports/target-group', { path: { id }, query: { from, to } })
      .pipe(narrow<ReportTable>());
  }
  economy(id: string): Observable<ReportTable> {
    return this.api.GET('/api/programmes/{id}/reports/economy', { path: { id } }).pipe(narrow<ReportTable>());
  }

  /** The progress report as a file, with download progress (shared/download-with-progress.ts). */
  progressFile(id: string, format: ReportFormat, from: string, to: string): Observable<HttpEvent<Blob>> {
    const init = { path: { id }, query: { from, to } };
    switch (format) {
      case 'csv':
        return this.api.files.GET('/api/programmes/{id}/reports/progress.csv', init);
      case 'xlsx':
        return this.api.files.GET('/api/programmes/{id}/reports/progress.xlsx', init);
      case 'pdf':
        return this.api.files.GET('/api/programmes/{id}/reports/progress.pdf', init);
      case 'docx':
        return this.api.files.GET('/api/programmes/{id}/reports/progress.docx', init);
    }
  }
}
