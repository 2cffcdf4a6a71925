import { HttpClient } from '@angular/common/http';
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

@Injectable({ providedIn: 'root' })
export class ProgrammesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Page<ProgrammeResponse>> {
    return this.http.get<Page<ProgrammeResponse>>('/api/programmes', { params: { limit: 200 } });
  }
  get(id: string): Observable<ProgrammeResponse> {
    return this.http.get<ProgrammeResponse>(`/api/programmes/${id}`);
  }
  create(body: CreateProgrammeRequest): Observable<ProgrammeResponse> {
    return this.http.post<ProgrammeResponse>('/api/programmes', body);
  }
  update(id: string, body: UpdateProgrammeRequest): Observable<ProgrammeResponse> {
    return this.http.patch<ProgrammeResponse>(`/api/programmes/${id}`, body);
  }
  municipalities(): Observable<MunicipalityResponse[]> {
    return this.http.get<MunicipalityResponse[]>('/api/municipalities');
  }
  organisations(): Observable<OrganisationResponse[]> {
    return this.http.get<OrganisationResponse[]>('/api/organisations');
  }
}
