import { Injectable, inject } from '@angular/core';
import type {
  MunicipalityRequest,
  MunicipalityResponse,
  OrganisationRequest,
  OrganisationResponse,
  UpdateMunicipalityRequest,
  UpdateOrganisationRequest,
} from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow } from '../../core/api/api-client';

/** A row of target-group figures: one municipality at one date. */
export interface TargetGroupRow {
  municipalityId: string;
  date: string;
  openlyUnemployed: number;
  inProgramme: number;
}

/** The association's directory, and the target-group figures kept per municipality. */
@Injectable({ providedIn: 'root' })
export class DirectoryApi {
  private readonly api = inject(ApiClient);

  municipalities(): Observable<MunicipalityResponse[]> {
    return this.api.GET('/api/municipalities');
  }
  createMunicipality(body: MunicipalityRequest): Observable<MunicipalityResponse> {
    return this.api.POST('/api/municipalities', { body });
  }
  updateMunicipality(id: string, body: UpdateMunicipalityRequest): Observable<MunicipalityResponse> {
    return this.api.PATCH('/api/municipalities/{id}', { path: { id }, body });
  }
  organisations(): Observable<OrganisationResponse[]> {
    return this.api.GET('/api/organisations');
  }
  createOrganisation(body: OrganisationRequest): Observable<OrganisationResponse> {
    return this.api.POST('/api/organisations', { body });
  }
  updateOrganisation(id: string, body: UpdateOrganisationRequest): Observable<OrganisationResponse> {
    return this.api.PATCH('/api/organisations/{id}', { path: { id }, body });
  }

  saveTargetGroup(rows: TargetGroupRow[]): Observable<{ saved: number }> {
    return this.api.PUT('/api/target-group-stats', { body: { rows } }).pipe(narrow<{ saved: number }>());
  }
  /** The CSV as text: the api reads `kommunkod;datum;oppet_arbetslosa;i_program` and saves every row or none. */
  importTargetGroup(content: string): Observable<{ saved: number }> {
    return this.api
      .POST('/api/target-group-stats/import', { body: { content } })
      .pipe(narrow<{ saved: number }>());
  }
}
