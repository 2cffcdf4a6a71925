import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AuthUser, RequestContext } from '../context/request-context';
import { Problem } from '../problem/problem';
import { ACTIONS, type Action, ASSOCIATION_WIDE_ROLES } from './policy';

/** Programme ids a user may see, or 'all'. Queries filter by it, so unseen records never load. */
export type ProgrammeScope = 'all' | readonly string[];

@Injectable()
export class PolicyService {
  constructor(private readonly audit: AuditService) {}

  can(user: AuthUser | null, action: Action): boolean {
    return user !== null && (ACTIONS[action] as readonly string[]).includes(user.role);
  }

  programmeScope(user: AuthUser): ProgrammeScope {
    return ASSOCIATION_WIDE_ROLES.includes(user.role) ? 'all' : user.programmeIds;
  }

  inScope(user: AuthUser, programmeId: string): boolean {
    const scope = this.programmeScope(user);
    return scope === 'all' || scope.includes(programmeId);
  }

  /**
   * Throws 404 (never revealing whether the record exists) unless the user may do `action` on a record of
   * `programmeId`; the denial is audited.
   */
  async assertProgrammeAccess(
    ctx: RequestContext & { user: AuthUser },
    action: Action,
    programmeId: string,
    entity: { type: string; id: string },
  ): Promise<void> {
    if (this.can(ctx.user, action) && this.inScope(ctx.user, programmeId)) return;
    await this.audit.record(ctx, { action, entityType: entity.type, entityId: entity.id, outcome: 'denied' });
    throw Problem.notFound(entity.type);
  }
}
