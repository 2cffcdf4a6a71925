import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type Action,
  AGGREGATE_ONLY_ROLES,
  ASSOCIATION_WIDE_ROLES,
  can as roleMay,
  OWN_ORGANISATION_ROLES,
} from '@stegvis/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser, RequestContext } from '../context/request-context';
import { Problem } from '../problem/problem';

/** Programme ids a user may see, or 'all'. Queries filter by it, so unseen records never load. */
export type ProgrammeScope = 'all' | readonly string[];

export interface ParticipantAccess {
  participantId: string;
  programmeIds: string[];
  /** May see the real identity even when protected: staff of one of the person's groups (or, before any group, staff of the registering programme). */
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
    const rows: { programme_ids: string[]; enrolled: boolean; group_staff: boolean }[] =
      await this.dataSource.query(
        `SELECT array_remove(array_agg(DISTINCT g.programme_id) || array_agg(DISTINCT p.programme_id), NULL)::text[] AS programme_ids,
              bool_or(e.id IS NOT NULL) AS enrolled,
              coalesce(bool_or(EXISTS (SELECT 1 FROM staff_member s WHERE s.user_id = $2 AND s.id = ANY (g.staff_member_ids))), false) AS group_staff
         FROM participant p
         LEFT JOIN enrolment e ON e.participant_id = p.id
         LEFT JOIN programme_group g ON g.id = e.group_id
        WHERE p.id = $1
        GROUP BY p.id`,
        [participantId, ctx.user.id],
      );
    const row = rows[0];
    const programmeIds = row ? [...new Set(row.programme_ids)] : [];
    if (!row || !this.can(ctx.user, action) || !programmeIds.some((id) => this.inScope(ctx.user, id))) {
      await this.deny(ctx, action, { type: 'participant', id: participantId });
    }
    const identityVisible = this.can(ctx.user, 'participant.read') && (row.group_staff || !row.enrolled);
    return { participantId, programmeIds, identityVisible };
  }

  /** Of these participants, the ones whose real identity this user may see even when it is protected. */
  async identityVisibleFor(user: AuthUser, participantIds: readonly string[]): Promise<Set<string>> {
    if (participantIds.length === 0 || !this.can(user, 'participant.read')) return new Set();
    const rows: { participant_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT e.participant_id
         FROM enrolment e
         JOIN programme_group g ON g.id = e.group_id
         JOIN staff_member s ON s.id = ANY (g.staff_member_ids)
        WHERE s.user_id = $1 AND e.participant_id = ANY ($2::uuid[])
       UNION
       SELECT p.id FROM participant p
        WHERE p.id = ANY ($2::uuid[]) AND p.programme_id = ANY ($3::uuid[])
          AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id)`,
      [user.id, participantIds, this.programmeScope(user) === 'all' ? [] : user.programmeIds],
    );
    return new Set(rows.map((r) => r.participant_id));
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
