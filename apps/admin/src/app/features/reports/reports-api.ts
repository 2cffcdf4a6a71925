import type { HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, type Schemas } from '../../core/api/api-client';

/** One table of a report (packages/reports/src/report-tables.ts). */
export type ReportTable = Schemas['ReportTableDto'];
export type ProgressReport = Schemas['ProgressReportDto'];
/** A fixed report period: a tertial, a calendar year or the whole programme. */
export type FixedPeriod = Schemas['FixedPeriodDto'];
/** Uppföljning Finsam for the association: each effort's participants of a year by sex, and the persons once. */
export type FinsamAssociation = Schemas['FinsamAssociationDto'];

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly api = inject(ApiClient);

  progress(id: string, from: string, to: string): Observable<ProgressReport> {
    return this.api.GET('/api/programmes/{id}/reports/progress', { path: { id }, query: { from, to } });
  }
  /** The periods aggregate-only roles may ask for (tertials, years, the whole programme); staff may pick them too. */
  periods(id: string): Observable<FixedPeriod[]> {
    return this.api.GET('/api/programmes/{id}/reports/periods', { path: { id } });
  }
  targetGroup(id: string, from: string, to: string): Observable<ReportTable> {
    return this.api.GET('/api/programmes/{id}/reports/target-group', { path: { id }, query: { from, to } });
  }

  /** Uppföljning Finsam, association-wide (the admin only; the api audits every read). */
  finsam(year: number): Observable<FinsamAssociation> {
    return this.api.GET('/api/reports/finsam', { query: { year } });
  }
  /** The SUS-style person file of a programme and year (staff only; the api audits every download). */
  susFile(id: string, year: number): Observable<HttpEvent<Blob>> {
    return this.api.files.GET('/api/programmes/{id}/reports/sus.csv', { path: { id }, query: { year } });
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
