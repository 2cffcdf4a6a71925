import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type Action,
  AGGREGATE_ONLY_ROLES,
  ASSOCIATION_WIDE_ROLES,
  can as roleMay,
  GROUP_STAFF_ROLES,
  OWN_ORGANISATION_ROLES,
  stockholmToday,
} from '@stegvis/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import type { AuthUser, RequestContext } from '../context/request-context';
import { Problem } from '../problem/problem';

/** Programme ids a user may see, or 'all'. Queries filter by it, so unseen records never load. */
export type ProgrammeScope = 'all' | readonly string[];

export interface ParticipantAccess {
  participantId: string;
  programmeIds: string[];
  protectedIdentity: boolean;
  /**
   * The user is one of those who see her: her real identity when it is protected, and her health data always
   * (`identityVisibleFor`, docs/domain.md's rule).
   */
  identityVisible: boolean;
}

export interface GroupAccess {
  groupId: string;
  programmeId: string;
  /** The user is staff assigned to this group: the only ones who see protected identities in it. */
  isGroupStaff: boolean;
}

type Ctx = RequestContext & { user: AuthUser };

/**
 * The one place that answers "may this user do this to this record". It reads the few facts it needs
 * (a group's programme and staff) itself, so modules never re-implement a rule.
 */
@Injectable()
export class PolicyService {
  constructor(
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The role check of packages/contracts/src/permissions.ts, the table the admin shows its actions by. */
  can(user: AuthUser | null, action: Action): boolean {
    return user !== null && roleMay(user.role, action);
  }

  /** The user sees every programme of the association, not only those they are allocated to. */
  associationWide(user: AuthUser): boolean {
    return ASSOCIATION_WIDE_ROLES.includes(user.role);
  }

  /** The user sees figures only as published reports print them, small cells suppressed. */
  aggregateOnly(user: AuthUser): boolean {
    return AGGREGATE_ONLY_ROLES.includes(user.role);
  }

  /**
   * Below how many persons a count is hidden from this user, or null when they see every figure: the
   * deployment's k (SMALL_CELL_K) for aggregate-only roles. Every suppression of figures asks this.
   */
  smallCellK(user: AuthUser): number | null {
    return this.aggregateOnly(user) ? this.config.smallCellK : null;
  }

  /** The user may act (add a referral) for this organisation: some roles only for their own. */
  actsFor(user: AuthUser, organisationId: string): boolean {
    return !OWN_ORGANISATION_ROLES.includes(user.role) || user.organisationId === organisationId;
  }

  programmeScope(user: AuthUser): ProgrammeScope {
    return this.associationWide(user) ? 'all' : user.programmeIds;
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
    ctx: Ctx,
    action: Action,
    programmeId: string | null,
    entity: { type: string; id: string },
  ): Promise<void> {
    if (programmeId && this.can(ctx.user, action) && this.inScope(ctx.user, programmeId)) return;
    await this.deny(ctx, action, entity);
  }

  /** Access to a group and what the user may see in it; 404 for a group outside the user's programmes. */
  async assertGroupAccess(ctx: Ctx, action: Action, groupId: string): Promise<GroupAccess> {
    const rows: { programme_id: string; is_staff: boolean }[] = await this.dataSource.query(
      `SELECT g.programme_id,
              EXISTS (SELECT 1 FROM staff_member s WHERE s.user_id = $2 AND s.id = ANY (g.staff_member_ids)) AS is_staff
         FROM programme_group g WHERE g.id = $1`,
      [groupId, ctx.user.id],
    );
    const row = rows[0];
    await this.assertProgrammeAccess(ctx, action, row?.programme_id ?? null, { type: 'group', id: groupId });
    return { groupId, programmeId: row.programme_id, isGroupStaff: row.is_staff };
  }

  /** Access to one participant: the registering programme or a programme of one of their groups must be in scope. */
  async assertParticipantAccess(ctx: Ctx, action: Action, participantId: string): Promise<ParticipantAccess> {
    const rows: { programme_ids: string[]; protected: boolean }[] = await this.dataSource.query(
      `SELECT array_remove(array_agg(DISTINCT g.programme_id) || array_agg(DISTINCT p.programme_id), NULL)::text[] AS programme_ids,
              bool_or(p.protected_identity) AS protected
         FROM participant p
         LEFT JOIN enrolment e ON e.participant_id = p.id
         LEFT JOIN programme_group g ON g.id = e.group_id
        WHERE p.id = $1
        GROUP BY p.id`,
      [participantId],
    );
    const row = rows[0];
    const programmeIds = row ? [...new Set(row.programme_ids)] : [];
    if (!row || !this.can(ctx.user, action) || !programmeIds.some((id) => this.inScope(ctx.user, id))) {
      await this.deny(ctx, action, { type: 'participant', id: participantId });
    }
    const identityVisible = (await this.identityVisibleFor(ctx.user, [participantId])).has(participantId);
    return { participantId, programmeIds, protectedIdentity: row.protected, identityVisible };
  }

  /**
   * Access to one participant's health data (needs, talk notes, a health outcome, leaving for health): only those
   * who see her (`identityVisibleFor`), whether or not her identity is protected; 404 for everyone else.
   */
  async assertHealthAccess(ctx: Ctx, action: Action, participantId: string): Promise<ParticipantAccess> {
    const access = await this.assertParticipantAccess(ctx, action, participantId);
    if (!access.identityVisible) await this.deny(ctx, action, { type: 'participant', id: participantId });
    return access;
  }

  /**
   * Access to what only those who see a protected person may do about her: her data-subject extract and her
   * erasure (docs/domain.md). For anyone else she is a pseudonym, so the request is as if she did not exist.
   */
  async assertIdentityAccess(ctx: Ctx, action: Action, participantId: string): Promise<ParticipantAccess> {
    const access = await this.assertParticipantAccess(ctx, action, participantId);
    if (access.protectedIdentity && !access.identityVisible)
      await this.deny(ctx, action, { type: 'participant', id: participantId });
    return access;
  }

  /**
   * Of these participants, the ones this user sees: the real identity when it is protected, and the health data of
   * anyone (docs/domain.md, "Who uses it"). That is, for a user who may read participant records at all:
   * (a) the worker who registered her, until she is first placed in a group;
   * (b) the staff of a group she is actively enrolled in;
   * (c) the staff of her last group (her latest enrolment), until 12 months after that enrolment ended;
   * (d) the lead (processledare) of the programme that registered her or of one of her groups' programmes.
   * Nobody else: not other staff of the programme, not the admin, who sees pseudonyms only. Nobody can grant
   * themselves this: group staff are changed only by the lead or an admin (`mayAssignGroupStaff`).
   */
  async identityVisibleFor(user: AuthUser, participantIds: readonly string[]): Promise<Set<string>> {
    if (participantIds.length === 0 || !this.can(user, 'participant.read')) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.id
         FROM participant p
        WHERE p.id = ANY ($2::uuid[])
          AND (p.programme_id = ANY ($3::uuid[])
               OR (p.registered_by = $1 AND NOT EXISTS (SELECT 1 FROM enrolment f WHERE f.participant_id = p.id))
               OR EXISTS (
                    SELECT 1
                      FROM enrolment e
                      JOIN programme_group g ON g.id = e.group_id
                     WHERE e.participant_id = p.id
                       AND (g.programme_id = ANY ($3::uuid[])
                            OR (g.staff_member_ids && ARRAY(SELECT s.id FROM staff_member s WHERE s.user_id = $1)
                                AND (e.status = 'active'
                                     OR (NOT EXISTS (SELECT 1 FROM enrolment l
                                                      WHERE l.participant_id = p.id
                                                        AND (l.start_date, l.created_at, l.id) > (e.start_date, e.created_at, e.id))
                                         AND (coalesce(e.end_date, g.end_date) + interval '12 months')::date >= $4::date))))))`,
      [user.id, participantIds, user.leadProgrammeIds, stockholmToday()],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Health data follows the identity rule, for every participant (docs/domain.md: "the same people"). */
  healthVisibleFor(user: AuthUser, participantIds: readonly string[]): Promise<Set<string>> {
    return this.identityVisibleFor(user, participantIds);
  }

  /**
   * Who is group staff is decided by the programme's lead (a staff allocation with the lead mark) or by a role of
   * GROUP_STAFF_ROLES (the admin); nobody else can make themselves staff of a group and so see its people.
   */
  mayAssignGroupStaff(user: AuthUser, programmeId: string): boolean {
    return (
      GROUP_STAFF_ROLES.includes(user.role) ||
      (this.can(user, 'group.manage') &&
        this.inScope(user, programmeId) &&
        user.leadProgrammeIds.includes(programmeId))
    );
  }

  /** 403 (audited) unless the user may decide who is staff of the programme's groups; the group itself is in scope. */
  async assertMayAssignGroupStaff(
    ctx: Ctx,
    programmeId: string,
    entity: { type: string; id: string },
  ): Promise<void> {
    if (this.mayAssignGroupStaff(ctx.user, programmeId)) return;
    await this.audit.record(ctx, {
      action: 'group.manage',
      entityType: entity.type,
      entityId: entity.id,
      outcome: 'denied',
      details: { reason: 'programme_lead_required' },
    });
    throw new Problem(403, 'Only the programme lead or an admin assigns group staff', undefined, undefined, {
      code: 'programme_lead_required',
    });
  }

  /** The staff-member records of a user (a user has at most one; none when they never worked in a group). */
  async staffMemberIdsOf(userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM staff_member WHERE user_id = $1',
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The programme a group belongs to, or null when there is no such group; inside the caller's transaction when
   * given one (a group the import has just made).
   */
  async programmeOfGroup(
    groupId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const rows: { programme_id: string }[] = await manager.query(
      'SELECT programme_id FROM programme_group WHERE id = $1',
      [groupId],
    );
    return rows[0]?.programme_id ?? null;
  }

  /**
   * The groups of a programme: a participant belongs to the programme that registered them and to the programmes
   * of their groups (as in assertParticipantAccess), so the participants module lists a programme's people by these.
   */
  async groupIdsOfProgramme(programmeId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM programme_group WHERE programme_id = $1',
      [programmeId],
    );
    return rows.map((r) => r.id);
  }

  async deny(ctx: Ctx, action: Action, entity: { type: string; id: string }): Promise<never> {
    await this.audit.record(ctx, { action, entityType: entity.type, entityId: entity.id, outcome: 'denied' });
    throw Problem.notFound(entity.type);
  }
}
