import { Injectable, inject } from '@angular/core';
import type { ProgrammeResponse } from '@stegvis/contracts';
import { map, type Observable } from 'rxjs';
import { ApiClient, type Schemas } from '../../core/api/api-client';

/** One table of a report: here the economy (packages/reports' economyTable). */
export type EconomyTable = Schemas['ReportTableDto'];

/** A programme's money for one municipality and year, in whole kronor. */
export interface BudgetLine {
  municipalityId: string;
  year: number;
  approved: number;
  /** Invoiced per tertial: January–April, May–August, September–December. */
  invoiced: [number, number, number];
  forecast: number;
}

@Injectable({ providedIn: 'root' })
export class BudgetApi {
  private readonly api = inject(ApiClient);

  programme(id: string): Observable<ProgrammeResponse> {
    return this.api.GET('/api/programmes/{id}', { path: { id } });
  }
  /** Every year of the programme: the same table as the report's economy. */
  economy(id: string): Observable<EconomyTable> {
    return this.api.GET('/api/programmes/{id}/reports/economy', { path: { id } });
  }
  /** Replaces the line of that municipality and year, if there is one (the api answers 204). */
  save(id: string, body: BudgetLine): Observable<void> {
    return this.api.PUT('/api/programmes/{id}/budget', { path: { id }, body }).pipe(map(() => undefined));
  }
}
