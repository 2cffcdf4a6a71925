import { Injectable, inject } from '@angular/core';
import type {
  CreateProgrammeRequest,
  MunicipalityResponse,
  OrganisationResponse,
  Page,
  ProgrammeResponse,
  UpdateProgrammeRequest,
} from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';

@Injectable({ providedIn: 'root' })
export class ProgrammesApi {
  private readonly api = inject(ApiClient);

  list(): Observable<Page<ProgrammeResponse>> {
    return this.api.GET('/api/programmes', { query: { limit: 200 } });
  }
  get(id: string): Observable<ProgrammeResponse> {
    return this.api.GET('/api/programmes/{id}', { path: { id } });
  }
  create(body: CreateProgrammeRequest): Observable<ProgrammeResponse> {
    return this.api.POST('/api/programmes', { body });
  }
  update(id: string, body: UpdateProgrammeRequest): Observable<ProgrammeResponse> {
    return this.api.PATCH('/api/programmes/{id}', { path: { id }, body });
  }
  municipalities(): Observable<MunicipalityResponse[]> {
    return this.api.GET('/api/municipalities');
  }
  organisations(): Observable<OrganisationResponse[]> {
    return this.api.GET('/api/organisations');
  }
}
