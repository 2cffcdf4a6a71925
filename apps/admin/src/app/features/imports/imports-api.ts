import type { HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImportCounts, ImportDryRunResponse } from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow } from '../../core/api/api-client';

/** A file the admin chose: CSV as text, Excel as the workbook itself. */
export type ImportFile = { kind: 'csv'; content: string } | { kind: 'xlsx'; file: File };

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly api = inject(ApiClient);

  programmeName(id: string): Observable<{ name: string }> {
    return this.api.GET('/api/programmes/{id}', { path: { id } });
  }

  /** Every check of the import, nothing stored: each row's fate and every error (docs/import.md). */
  dryRun(programmeId: string, f: ImportFile): Observable<ImportDryRunResponse> {
    const path = { id: programmeId };
    return (
      f.kind === 'csv'
        ? this.api.POST('/api/programmes/{id}/imports/dry-run', { path, body: { content: f.content } })
        : this.api.POST('/api/programmes/{id}/imports/xlsx/dry-run', { path, body: workbook(f.file) })
    ).pipe(narrow<ImportDryRunResponse>());
  }

  /** The same file again, tied to its dry run by its hash, so a changed file is refused rather than stored. */
  confirm(programmeId: string, f: ImportFile, checkedHash: string): Observable<ImportCounts> {
    const init = { path: { id: programmeId }, query: { checkedHash } };
    return f.kind === 'csv'
      ? this.api.POST('/api/programmes/{id}/imports', { ...init, body: { content: f.content } })
      : this.api.POST('/api/programmes/{id}/imports/xlsx', { ...init, body: workbook(f.file) });
  }

  template(format: 'csv' | 'xlsx'): Observable<HttpEvent<Blob>> {
    return format === 'csv'
      ? this.api.files.GET('/api/imports/template.csv')
      : this.api.files.GET('/api/imports/template.xlsx');
  }
}

function workbook(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
