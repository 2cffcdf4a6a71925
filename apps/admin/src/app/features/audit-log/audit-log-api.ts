import type { HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditAction, AuditLogPage, RetentionStatus } from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow } from '../../core/api/api-client';

/** The audit log's filters; the days are Swedish calendar days, both inclusive. */
export interface AuditLogFilter {
  person?: string;
  actorId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

@Injectable({ providedIn: 'root' })
export class AuditLogApi {
  private readonly api = inject(ApiClient);

  events(filter: AuditLogFilter, after?: string): Observable<AuditLogPage> {
    return this.api
      .GET('/api/audit-events', { query: { ...filter, after, limit: 50 } })
      .pipe(narrow<AuditLogPage>());
  }

  /** The same filter as CSV; the api audits the export. */
  exportCsv(filter: AuditLogFilter): Observable<HttpEvent<Blob>> {
    return this.api.files.GET('/api/audit-events/export.csv', { query: filter });
  }

  /** The users to filter by (the admin's list of users). */
  users(): Observable<{ id: string; displayName: string }[]> {
    return this.api.GET('/api/users');
  }

  retention(): Observable<RetentionStatus> {
    return this.api.GET('/api/retention').pipe(narrow<RetentionStatus>());
  }
}
