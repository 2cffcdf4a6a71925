import { Injectable, inject } from '@angular/core';
import type { CommitteeMemberResponse } from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow, type Schemas } from '../../core/api/api-client';

export type AddCommitteeMember = Schemas['CommitteeMemberDto'];

/** The programme's steering group and analysis group (GET/POST /api/programmes/{id}/committees). */
@Injectable({ providedIn: 'root' })
export class CommitteeApi {
  private readonly api = inject(ApiClient);

  members(id: string, includeEnded: boolean): Observable<CommitteeMemberResponse[]> {
    return this.api
      .GET('/api/programmes/{id}/committees', {
        path: { id },
        query: { includeEnded: includeEnded ? 'true' : 'false' },
      })
      .pipe(narrow<CommitteeMemberResponse[]>());
  }
  add(id: string, body: AddCommitteeMember): Observable<CommitteeMemberResponse> {
    return this.api
      .POST('/api/programmes/{id}/committees', { path: { id }, body })
      .pipe(narrow<CommitteeMemberResponse>());
  }
  /** The membership ends today; the member is kept as a former one. */
  end(id: string, memberId: string): Observable<CommitteeMemberResponse> {
    return this.api
      .POST('/api/programmes/{id}/committees/{memberId}/end', { path: { id, memberId }, body: {} })
      .pipe(narrow<CommitteeMemberResponse>());
  }
}
