import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, type Schemas } from '../../core/api/api-client';

/** The steering page of one programme: tables of the report engine, as the reader's audience gets them. */
export type SteeringOverview = Schemas['SteeringOverviewDto'];

@Injectable({ providedIn: 'root' })
export class SteeringApi {
  private readonly api = inject(ApiClient);

  overview(id: string): Observable<SteeringOverview> {
    return this.api.GET('/api/programmes/{id}/steering', { path: { id } });
  }
}
