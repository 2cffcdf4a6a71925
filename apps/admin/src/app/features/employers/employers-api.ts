import { Injectable, inject } from '@angular/core';
import type {
  ContactLogResponse,
  EmployerInternshipResponse,
  EmployerResponse,
  InternshipResponse,
  PlacesOfferedResponse,
} from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow, type Init, type Schemas } from '../../core/api/api-client';

export type CreateEmployer = Schemas['EmployerDto'];
export type UpdateEmployer = Schemas['UpdateEmployerDto'];
export type LogContact = Schemas['ContactLogDto'];
export type OfferPlaces = Schemas['PlacesOfferedDto'];
export type UpdateInternship = Schemas['UpdateInternshipDto'];
export type EmployerFilter = NonNullable<Init<'/api/employers', 'get'>['query']>;

@Injectable({ providedIn: 'root' })
export class EmployersApi {
  private readonly api = inject(ApiClient);

  /** The association's register; a filter left out (undefined) is not sent. */
  list(query: EmployerFilter = {}): Observable<EmployerResponse[]> {
    return this.api.GET('/api/employers', { query }).pipe(narrow<EmployerResponse[]>());
  }
  get(id: string): Observable<EmployerResponse> {
    return this.api.GET('/api/employers/{id}', { path: { id } }).pipe(narrow<EmployerResponse>());
  }
  create(body: CreateEmployer): Observable<EmployerResponse> {
    return this.api.POST('/api/employers', { body }).pipe(narrow<EmployerResponse>());
  }
  /** Send the version read: a change by someone else in between answers 409. */
  update(id: string, body: UpdateEmployer): Observable<EmployerResponse> {
    return this.api.PUT('/api/employers/{id}', { path: { id }, body }).pipe(narrow<EmployerResponse>());
  }
  contacts(id: string): Observable<ContactLogResponse[]> {
    return this.api
      .GET('/api/employers/{id}/contacts', { path: { id } })
      .pipe(narrow<ContactLogResponse[]>());
  }
  logContact(id: string, body: LogContact): Observable<ContactLogResponse> {
    return this.api
      .POST('/api/employers/{id}/contacts', { path: { id }, body })
      .pipe(narrow<ContactLogResponse>());
  }
  places(id: string): Observable<PlacesOfferedResponse[]> {
    return this.api
      .GET('/api/employers/{id}/places', { path: { id } })
      .pipe(narrow<PlacesOfferedResponse[]>());
  }
  offerPlaces(id: string, body: OfferPlaces): Observable<PlacesOfferedResponse> {
    return this.api
      .POST('/api/employers/{id}/places', { path: { id }, body })
      .pipe(narrow<PlacesOfferedResponse>());
  }
  /** Internships hosted in the user's programmes; a protected participant by pseudonym unless the user sees her. */
  internships(id: string): Observable<EmployerInternshipResponse[]> {
    return this.api
      .GET('/api/employers/{id}/internships', { path: { id } })
      .pipe(narrow<EmployerInternshipResponse[]>());
  }
  /** An internship's result, or a new end date when it is extended; send the version read. */
  updateInternship(id: string, body: UpdateInternship): Observable<InternshipResponse> {
    return this.api.PATCH('/api/internships/{id}', { path: { id }, body }).pipe(narrow<InternshipResponse>());
  }
}
