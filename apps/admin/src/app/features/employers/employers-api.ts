import { Injectable, inject } from '@angular/core';
import type { EmployerResponse } from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow, type Init, type Schemas } from '../../core/api/api-client';

export type CreateEmployer = Schemas['EmployerDto'];
export type EmployerFilter = NonNullable<Init<'/api/employers', 'get'>['query']>;

@Injectable({ providedIn: 'root' })
export class EmployersApi {
  private readonly api = inject(ApiClient);

  /** The association's register; a filter left out (undefined) is not sent. */
  list(query: EmployerFilter = {}): Observable<EmployerResponse[]> {
    return this.api.GET('/api/employers', { query }).pipe(narrow<EmployerResponse[]>());
  }
  create(body: CreateEmployer): Observable<EmployerResponse> {
    return this.api.POST('/api/employers', { body }).pipe(narrow<EmployerResponse>());
  }
}
