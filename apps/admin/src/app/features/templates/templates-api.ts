import { Injectable, inject } from '@angular/core';
import type {
  MethodTemplateRequest,
  MethodTemplateResponse,
  UpdateMethodTemplateRequest,
} from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow } from '../../core/api/api-client';

/** A programme's method templates. A change is saved as a new version (a new id); groups keep the one they had. */
@Injectable({ providedIn: 'root' })
export class TemplatesApi {
  private readonly api = inject(ApiClient);

  /** The programme's templates, each in its current version. */
  list(programmeId: string): Observable<MethodTemplateResponse[]> {
    return this.api
      .GET('/api/programmes/{programmeId}/templates', { path: { programmeId } })
      .pipe(narrow<MethodTemplateResponse[]>());
  }
  /** One version, also one that a newer version has replaced (a group's own). */
  get(programmeId: string, templateId: string): Observable<MethodTemplateResponse> {
    return this.api
      .GET('/api/programmes/{programmeId}/templates/{templateId}', { path: { programmeId, templateId } })
      .pipe(narrow<MethodTemplateResponse>());
  }
  create(programmeId: string, body: MethodTemplateRequest): Observable<MethodTemplateResponse> {
    return this.api
      .POST('/api/programmes/{programmeId}/templates', { path: { programmeId }, body })
      .pipe(narrow<MethodTemplateResponse>());
  }
  /** Saves version `body.version + 1`; a replaced version answers 409 template_superseded. */
  update(
    programmeId: string,
    templateId: string,
    body: UpdateMethodTemplateRequest,
  ): Observable<MethodTemplateResponse> {
    return this.api
      .PUT('/api/programmes/{programmeId}/templates/{templateId}', {
        path: { programmeId, templateId },
        body,
      })
      .pipe(narrow<MethodTemplateResponse>());
  }
}
