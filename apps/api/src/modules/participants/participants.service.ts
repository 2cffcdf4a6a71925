import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  type EnrolmentResponse,
  normalisePersonName,
  type ParticipantListItem,
  type ParticipantResponse,
} from '@stegvis/contracts';
import { DataSource, type EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { type AuditEntry, AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { maskQuasiIdentifiers, pseudonymFor, visibleName } from '../../common/masking/masking';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem, fieldError } from '../../common/problem/problem';
import type {
  CreateParticipantDto,
  MoveEnrolmentDto,
  ParticipantQuery,
  ParticipantRecordDto,
  UpdateEnrolmentDto,
  UpdateParticipantDto,
} from './dto/participant.dto';
import { Enrolment } from './entities/enrolment.entity';
import { Participant } from './entities/participant.entity';
import { toParticipantResponse } from './participants.mapper';
import { PersonalNumberHasher } from './personal-number-hasher';
import { parsePersonalNumber } from './personal-number.util';

/** An enrolment with the name the viewer may see, for other modules (attendance grid, internships). */
export type EnrolmentView = EnrolmentResponse;

type RecordFields = Partial<Omit<Participant, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    @InjectRepository(Enrolment) private readonly enrolments: Repository<Enrolment>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly hasher: PersonalNumberHasher,
  ) {}

  async createParticipant(ctx: UserContext, dto: CreateParticipantDto): Promise<ParticipantResponse> {
    await this.policy.assertProgrammeAccess(ctx, 'participant.write', dto.programmeId, {
      type: 'programme',
      id: dto.programmeId,
    });
    const fields = this.recordFields(dto);
    await this.refuseDuplicate(ctx, fields.personalNumber ?? null, null);
    const saved = await this.dataSource.transaction(async (m) => {
      // The id is made here so the pseudonym, derived from it, is stored in the same insert.
      const id = randomUUID();
      const row = await m.save(
        m.create(Participant, {
          ...fields,
          id,
          programmeId: dto.programmeId,
          pseudonym: pseudonymFor(id),
          // She is visible to the worker who registered her until she is first placed in a group (PolicyService).
          registeredBy: ctx.user.id,
        }),
      );
      await this.audit.record(
        ctx,
        { action: 'participant.create', entityType: 'participant', entityId: row.id, subjectId: row.id },
        m,
      );
      return row;
    });
    return toParticipantResponse(saved, true);
  }

  async getParticipant(ctx: UserContext, id: string): Promise<ParticipantResponse> {
    const access = await this.policy.assertParticipantAccess(ctx, 'participant.read', id);
    const p = await this.participants.findOneByOrFail({ id });
    const entries: AuditEntry[] = [
      { action: 'participant.read', entityType: 'participant', entityId: id, subjectId: id },
    ];
    if (p.protectedIdentity && access.identityVisible) {
      entries.push({
        action: 'participant.identity.read',
        entityType: 'participant',
        entityId: id,
        subjectId: id,
      });
    }
    await this.audit.recordMany(ctx, entries);
    return toParticipantResponse(p, access.identityVisible);
  }

  async updateParticipant(
    ctx: UserContext,
    id: string,
    dto: UpdateParticipantDto,
  ): Promise<ParticipantResponse> {
    const access = await this.policy.assertParticipantAccess(ctx, 'participant.write', id);
    const current = await this.participants.findOneByOrFail({ id });
    if (current.protectedIdentity && !access.identityVisible) {
      // Changing a record whose identity one may not see would leak it through what is accepted or refused.
      await this.policy.deny(ctx, 'participant.write', { type: 'participant', id });
    }
    const given = Object.fromEntries(
      Object.entries(dto).filter(([k, v]) => v !== undefined && k !== 'version'),
    ) as ParticipantRecordDto;
    const fields = this.recordFields(
      {
        ...given,
        firstName: given.firstName ?? current.firstName,
        lastName: given.lastName ?? current.lastName,
        gender: given.gender ?? current.gender,
      },
      given,
    );
    if ('personalNumber' in fields) await this.refuseDuplicate(ctx, fields.personalNumber ?? null, id);
    await this.dataSource.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(Participant)
        .set({ ...fields, version: dto.version + 1 })
        .where('id = :id AND version = :v', { id, v: dto.version })
        .execute();
      if (res.affected !== 1)
        throw Problem.stale('The participant was changed by someone else. Reload and try again.');
      await this.audit.record(
        ctx,
        {
          action: 'participant.update',
          entityType: 'participant',
          entityId: id,
          subjectId: id,
          details: { changed: Object.keys(fields) },
        },
        m,
      );
    });
    return toParticipantResponse(await this.participants.findOneByOrFail({ id }), access.identityVisible);
  }

  /** Participants of a programme (optionally one group), names masked for this viewer; search never matches a hidden name. */
  async findParticipants(ctx: UserContext, q: ParticipantQuery): Promise<ParticipantListItem[]> {
    await this.policy.assertProgrammeAccess(ctx, 'participant.read', q.programmeId, {
      type: 'programme',
      id: q.programmeId,
    });
    // A programme's participants: registered by it, or enrolled in one of its groups (which PolicyService knows).
    const groupIds = await this.policy.groupIdsOfProgramme(q.programmeId);
    const qb = this.participants
      .createQueryBuilder('p')
      .where(
        `(p.programme_id = :pid OR EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id AND e.group_id = ANY (CAST(:gids AS uuid[]))))`,
        { pid: q.programmeId, gids: groupIds },
      )
      .orderBy('p.last_name', 'ASC')
      .addOrderBy('p.first_name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(1000);
    if (q.groupId)
      qb.andWhere(
        'EXISTS (SELECT 1 FROM enrolment e2 WHERE e2.participant_id = p.id AND e2.group_id = :gid)',
        { gid: q.groupId },
      );
    if (q.swedishLevel) qb.andWhere('p.swedish_level = :lvl', { lvl: q.swedishLevel });
    // A personnummer in either form (with or without century and dash) is matched by its keyed hash, never by the
    // stored digits; a record whose identity the caller may not see is left out below, so the answer says nothing
    // about her number.
    const pn = q.q ? parsePersonalNumber(q.q) : null;
    if (pn) qb.andWhere('p.personal_number_hash = :hash', { hash: this.hasher.hash(pn.digits) });
    const rows = await qb.getMany();
    const visible = await this.policy.identityVisibleFor(
      ctx.user,
      rows.filter((p) => p.protectedIdentity).map((p) => p.id),
    );
    const masked = (p: Participant) => p.protectedIdentity && !visible.has(p.id);
    const needle = pn ? undefined : q.q?.trim().toLocaleLowerCase('sv');
    const shown = rows
      .map((p) => ({ p, name: visibleName(p, visible) }))
      .filter(({ p, name }) => (pn ? !masked(p) : !needle || name.toLocaleLowerCase('sv').includes(needle)));
    const enrolments = shown.length
      ? await this.enrolments.findBy({ participantId: In(shown.map((x) => x.p.id)) })
      : [];
    // One entry for the list, and one per protected person whose real name it shows.
    await this.audit.recordMany(ctx, [
      {
        action: 'participant.list',
        entityType: 'programme',
        entityId: q.programmeId,
        details: pn ? { count: shown.length, search: 'personal_number' } : { count: shown.length },
      },
      ...identityReads(shown.filter(({ p }) => p.protectedIdentity && !masked(p)).map(({ p }) => p.id)),
    ]);
    return shown.map(({ p, name }) =>
      maskQuasiIdentifiers(
        {
          id: p.id,
          displayName: name,
          gender: p.gender,
          birthYear: p.birthYear,
          swedishLevel: p.swedishLevel,
          protectedIdentity: p.protectedIdentity,
          groups: enrolments
            .filter((e) => e.participantId === p.id)
            .map((e) => ({ groupId: e.groupId, status: e.status })),
        },
        masked(p),
      ),
    );
  }

  async enrol(
    ctx: UserContext,
    participantId: string,
    groupId: string,
    startDate: string,
  ): Promise<EnrolmentResponse> {
    const group = await this.policy.assertGroupAccess(ctx, 'participant.write', groupId);
    const access = await this.policy.assertParticipantAccess(ctx, 'participant.write', participantId);
    // Only those who see her may place her: placing her in a group one staffs would make her visible.
    await this.refuseUnseen(ctx, participantId, access.identityVisible, {
      type: 'participant',
      id: participantId,
    });
    const active = await this.enrolments.findOneBy({ participantId, groupId, status: 'active' });
    if (active)
      throw Problem.conflict('The participant is already enrolled in this group', {
        code: 'already_enrolled',
      });
    if (await this.enrolments.existsBy({ participantId, programmeId: group.programmeId, status: 'active' }))
      throw alreadyActiveInProgramme();
    const saved = await this.dataSource
      .transaction(async (m) => {
        const e = await m.save(m.create(Enrolment, { participantId, groupId, startDate, status: 'active' }));
        await this.audit.record(
          ctx,
          { action: 'enrolment.create', entityType: 'enrolment', entityId: e.id, subjectId: participantId },
          m,
        );
        return e;
      })
      .catch(activeConflict);
    // The answer shows no more than the caller could read before the write.
    return (
      await this.enrolmentViews(ctx, [saved], { visible: seen(participantId, access.identityVisible) })
    )[0];
  }

  async findParticipantEnrolments(ctx: UserContext, participantId: string): Promise<EnrolmentResponse[]> {
    await this.policy.assertParticipantAccess(ctx, 'participant.read', participantId);
    return this.enrolmentViews(
      ctx,
      await this.enrolments.find({ where: { participantId }, order: { startDate: 'ASC' } }),
    );
  }

  async updateEnrolment(ctx: UserContext, id: string, dto: UpdateEnrolmentDto): Promise<EnrolmentResponse> {
    const e = await this.enrolments.findOneBy({ id });
    if (!e) throw Problem.notFound('enrolment');
    await this.policy.assertGroupAccess(ctx, 'participant.write', e.groupId);
    const visible = await this.policy.identityVisibleFor(ctx.user, [e.participantId]);
    // Leaving for health reasons is health data: written and changed only by those who see her.
    const health = e.leftReason === 'health' || (dto.status === 'left_early' && dto.leftReason === 'health');
    await this.refuseUnseen(
      ctx,
      e.participantId,
      visible.has(e.participantId),
      { type: 'enrolment', id },
      health,
    );
    if (dto.endDate && dto.endDate < e.startDate)
      throw Problem.field('endDate', 'endDate must not be before the enrolment started', {
        code: 'before_enrolment_start',
        params: { startDate: e.startDate },
      });
    await this.dataSource
      .transaction(async (m) => {
        await m.update(
          Enrolment,
          { id },
          {
            status: dto.status,
            endDate: dto.status === 'active' ? null : (dto.endDate ?? null),
            leftReason: dto.status === 'left_early' ? (dto.leftReason ?? null) : null,
          },
        );
        await this.audit.record(
          ctx,
          {
            action: 'enrolment.update',
            entityType: 'enrolment',
            entityId: id,
            subjectId: e.participantId,
            details: { status: dto.status },
          },
          m,
        );
      })
      .catch(activeConflict);
    return (await this.enrolmentViews(ctx, [(await this.enrolments.findOneBy({ id }))!], { visible }))[0];
  }

  /**
   * Moving to another group ends this enrolment (reason: moved to another group) and starts one there, which keeps
   * why she moved; history stays.
   */
  async moveEnrolment(ctx: UserContext, id: string, dto: MoveEnrolmentDto): Promise<EnrolmentResponse> {
    const e = await this.enrolments.findOneBy({ id });
    if (!e) throw Problem.notFound('enrolment');
    const from = await this.policy.assertGroupAccess(ctx, 'participant.write', e.groupId);
    const to = await this.policy.assertGroupAccess(ctx, 'participant.write', dto.toGroupId);
    // Only those who see her may move her: moving her to a group one staffs would make her visible.
    const visible = await this.policy.identityVisibleFor(ctx.user, [e.participantId]);
    await this.refuseUnseen(ctx, e.participantId, visible.has(e.participantId), { type: 'enrolment', id });
    if (e.status !== 'active')
      throw Problem.rule('Only an active enrolment can be moved', { code: 'enrolment_not_active' });
    if (dto.toGroupId === e.groupId)
      throw Problem.field('toGroupId', 'toGroupId is the group the participant is already in', {
        code: 'same_group',
      });
    if (dto.date < e.startDate)
      throw Problem.field('date', 'date must not be before the enrolment started', {
        code: 'before_enrolment_start',
        params: { startDate: e.startDate },
      });
    // Within the programme the old enrolment ends as the new one starts; into another programme she must not
    // already be active there.
    if (
      to.programmeId !== from.programmeId &&
      (await this.enrolments.existsBy({
        participantId: e.participantId,
        programmeId: to.programmeId,
        status: 'active',
      }))
    )
      throw alreadyActiveInProgramme();
    const next = await this.dataSource
      .transaction(async (m) => {
        await m.update(
          Enrolment,
          { id },
          { status: 'left_early', endDate: dto.date, leftReason: 'other_effort' },
        );
        const created = await m.save(
          m.create(Enrolment, {
            participantId: e.participantId,
            groupId: dto.toGroupId,
            startDate: dto.date,
            status: 'active',
            moveReason: dto.reason,
          }),
        );
        await this.audit.record(
          ctx,
          {
            action: 'enrolment.move',
            entityType: 'enrolment',
            entityId: created.id,
            subjectId: e.participantId,
            details: { from: id, reason: dto.reason },
          },
          m,
        );
        return created;
      })
      .catch(activeConflict);
    return (await this.enrolmentViews(ctx, [next], { visible }))[0];
  }

  /**
   * Enrolments of a group with names masked for this viewer. Access to the group is the caller's check. Each
   * protected person whose real name comes back leaves one `participant.identity.read`; a caller that shows no
   * names (a count, a check of ids) passes `{ audit: false }`.
   */
  async findGroupEnrolments(
    ctx: UserContext,
    groupId: string,
    opts: { audit?: boolean } = {},
  ): Promise<EnrolmentView[]> {
    const rows = await this.enrolments.find({ where: { groupId }, order: { startDate: 'ASC', id: 'ASC' } });
    return this.enrolmentViews(ctx, rows, opts);
  }

  /** Participants with a protected identity who are or were enrolled in the group. */
  async protectedParticipantIdsInGroup(groupId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT p.id FROM enrolment e JOIN participant p ON p.id = e.participant_id
        WHERE e.group_id = $1 AND p.protected_identity ORDER BY p.id`,
      [groupId],
    );
    return rows.map((r) => r.id);
  }

  async getEnrolment(id: string): Promise<{
    id: string;
    groupId: string;
    participantId: string;
    startDate: string;
    endDate: string | null;
    status: Enrolment['status'];
  } | null> {
    return this.enrolments.findOne({
      where: { id },
      select: { id: true, groupId: true, participantId: true, startDate: true, endDate: true, status: true },
    });
  }

  async countActive(groupIds: string[]): Promise<Map<string, number>> {
    if (groupIds.length === 0) return new Map();
    const rows: { group_id: string; n: number }[] = await this.enrolments
      .createQueryBuilder('e')
      .select('e.group_id', 'group_id')
      .addSelect('count(*)::int', 'n')
      .where('e.group_id IN (:...groupIds)', { groupIds })
      .groupBy('e.group_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.group_id, r.n]));
  }

  /** Of the enrolments in these groups, how many have ended and how many of those ended early. */
  async endedEnrolmentCounts(groupIds: string[]): Promise<{ left: number; total: number }> {
    const [row]: { left: number; total: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'left_early')::int AS left, count(*) FILTER (WHERE status <> 'active')::int AS total
         FROM enrolment WHERE group_id = ANY ($1::uuid[])`,
      [groupIds],
    );
    return row;
  }

  /**
   * Enrolments as this viewer may see them: a protected person's name only for those who see her, and a health
   * reason for leaving likewise (null for the rest, as for an early leaver whose reason was not given). `visible`
   * overrides the rule (a write answers with what the caller saw before it); the real names shown are audited.
   */
  private async enrolmentViews(
    ctx: UserContext,
    rows: Enrolment[],
    opts: { visible?: ReadonlySet<string>; audit?: boolean } = {},
  ): Promise<EnrolmentView[]> {
    const ids = [...new Set(rows.map((r) => r.participantId))];
    const people = ids.length ? await this.participants.findBy({ id: In(ids) }) : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    const visible = opts.visible ?? (await this.policy.identityVisibleFor(ctx.user, ids));
    if (opts.audit !== false)
      await this.audit.recordMany(
        ctx,
        identityReads(people.filter((p) => p.protectedIdentity && visible.has(p.id)).map((p) => p.id)),
      );
    return rows.map((e) => ({
      id: e.id,
      participantId: e.participantId,
      groupId: e.groupId,
      startDate: e.startDate,
      endDate: e.endDate,
      status: e.status,
      leftReason: e.leftReason === 'health' && !visible.has(e.participantId) ? null : e.leftReason,
      moveReason: e.moveReason,
      displayName: visibleName(byId.get(e.participantId)!, visible),
    }));
  }

  /**
   * 404 (audited) when the participant's identity is protected, or `health` is at stake, and the caller is not
   * among those who see her: a change would otherwise show her, or leak through what is accepted or refused.
   */
  private async refuseUnseen(
    ctx: UserContext,
    participantId: string,
    sees: boolean,
    entity: { type: string; id: string },
    health = false,
  ): Promise<void> {
    if (sees) return;
    const p = await this.participants.findOneBy({ id: participantId });
    if (health || p?.protectedIdentity) await this.policy.deny(ctx, 'participant.write', entity);
  }

  /**
   * For the import: which of these enrolments are already there, as the same person with an enrolment in the same
   * group from the same day. The same person is the same personal number (by its keyed hash), or else the same
   * first and last name (case-insensitive, as normalised): a row without a number matches by name, and a row with
   * one also matches a record that has none. Only records the user may see count: a protected person's row is
   * imported as a separate record, as any row naming her is, so the answer says nothing about her
   * (docs/security.md, "A personal number is no oracle").
   */
  async alreadyEnrolled<
    T extends {
      groupId: string;
      startDate: string;
      personalNumber: string | null;
      firstName: string;
      lastName: string;
    },
  >(ctx: UserContext, candidates: readonly T[]): Promise<Set<T>> {
    if (candidates.length === 0) return new Set();
    const stored: {
      id: string;
      group_id: string;
      start: string;
      hash: string | null;
      first_name: string;
      last_name: string;
      protected: boolean;
    }[] = await this.dataSource.query(
      `SELECT p.id, e.group_id, e.start_date::text AS start, p.personal_number_hash AS hash, p.first_name,
              p.last_name, p.protected_identity AS protected
         FROM enrolment e JOIN participant p ON p.id = e.participant_id
        WHERE e.group_id = ANY ($1::uuid[])`,
      [[...new Set(candidates.map((c) => c.groupId))]],
    );
    const visible = await this.policy.identityVisibleFor(
      ctx.user,
      stored.filter((s) => s.protected).map((s) => s.id),
    );
    const name = (first: string, last: string) =>
      `${normalisePersonName(first).trim()}\u0000${normalisePersonName(last).trim()}`.toLowerCase();
    const byHash = new Set<string>();
    const byName = new Set<string>();
    const byNameWithoutNumber = new Set<string>();
    for (const s of stored) {
      if (s.protected && !visible.has(s.id)) continue;
      const at = `${s.group_id}:${s.start}:`;
      if (s.hash) byHash.add(at + s.hash);
      byName.add(at + name(s.first_name, s.last_name));
      if (!s.hash) byNameWithoutNumber.add(at + name(s.first_name, s.last_name));
    }
    return new Set(
      candidates.filter((c) => {
        const at = `${c.groupId}:${c.startDate}:`;
        const hash = this.hasher.hash(c.personalNumber);
        return hash
          ? byHash.has(at + hash) || byNameWithoutNumber.has(at + name(c.firstName, c.lastName))
          : byName.has(at + name(c.firstName, c.lastName));
      }),
    );
  }

  /**
   * How the audit log names participants: the name, or the pseudonym when the identity is protected (for every
   * reader, the admin included: the log is read far from her group). Never a personal number.
   */
  async auditLogNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(Participant).find({
      where: { id: In([...new Set(ids)]) },
      select: { id: true, firstName: true, lastName: true, protectedIdentity: true, pseudonym: true },
    });
    return new Map(rows.map((p) => [p.id, visibleName(p, new Set())]));
  }

  /**
   * The audit log's person filter: participants whose name (unless protected) or pseudonym contains the text. A
   * protected person is found by her pseudonym only, so the log never links her name to her record.
   */
  async auditLogSubjects(text: string, max = 500): Promise<string[]> {
    const like = `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM participant
        WHERE pseudonym ILIKE $1
           OR (NOT protected_identity AND (first_name || ' ' || last_name) ILIKE $1)
        ORDER BY id LIMIT $2`,
      [like, max],
    );
    return rows.map((r) => r.id);
  }

  /**
   * For the import's dry run: whether each admission, made in this order, would join a record the programme
   * already holds rather than make a new one — the rule of `admitFromReferral` (the same personal number, a
   * record of this programme the user may see), with the file's own earlier rows counted as held.
   */
  async admissionReusesRecord(
    ctx: UserContext,
    programmeId: string,
    admissions: readonly { personalNumber: string | null }[],
  ): Promise<boolean[]> {
    const hashes = admissions.map((a) => this.hasher.hash(a.personalNumber));
    const wanted = [...new Set(hashes.filter((h): h is string => !!h))];
    const same = wanted.length
      ? await this.dataSource.getRepository(Participant).find({
          where: { personalNumberHash: In(wanted), programmeId },
          select: { id: true, personalNumberHash: true, protectedIdentity: true },
        })
      : [];
    const visible = await this.policy.identityVisibleFor(
      ctx.user,
      same.filter((p) => p.protectedIdentity).map((p) => p.id),
    );
    const held = new Set(
      same.filter((p) => !p.protectedIdentity || visible.has(p.id)).map((p) => p.personalNumberHash),
    );
    return hashes.map((h) => {
      if (!h) return false;
      if (held.has(h)) return true;
      held.add(h);
      return false;
    });
  }

  /**
   * An accepted referral becomes a participant enrolled in the chosen group, inside the caller's transaction
   * (the meeting's decisions commit together). An existing record of the same person (the keyed hash of the
   * personal number) is reused only when the referral's programme registered it and the acting user may see it
   * (a protected identity only by those PolicyService names); otherwise a new record is made, so that neither an
   * intake nor an import tells anyone that she is registered elsewhere, nor places her record where its
   * programme's staff would read it. Every record passed over is told in its own audit trail
   * (`participant.duplicate_check`), which only those who see her read.
   */
  async admitFromReferral(
    ctx: UserContext,
    m: EntityManager,
    r: {
      source?: 'referral' | 'import';
      programmeId: string;
      groupId: string;
      startDate: string;
      firstName: string;
      lastName: string;
      gender: Participant['gender'];
      personalNumber: string | null;
      swedishLevel: Participant['swedishLevel'];
      languages: string[];
      phone: string;
      protectedIdentity: boolean;
      /**
       * For the import: how the enrolment ended, written as it is inserted, so a file's rows may come in any order
       * (an ended enrolment never counts as her active one).
       */
      ended?: {
        status: 'completed' | 'left_early';
        endDate: string | null;
        leftReason: Enrolment['leftReason'];
      };
    },
  ): Promise<{ participantId: string; enrolmentId: string }> {
    const hash = this.hasher.hash(r.personalNumber);
    const same = hash
      ? await m.find(Participant, {
          where: { personalNumberHash: hash },
          select: { id: true, programmeId: true, protectedIdentity: true },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const sameProgramme = same.filter((p) => p.programmeId === r.programmeId);
    const visible = await this.policy.identityVisibleFor(
      ctx.user,
      sameProgramme.filter((p) => p.protectedIdentity).map((p) => p.id),
    );
    const reused = sameProgramme.find((p) => !p.protectedIdentity || visible.has(p.id));
    let participantId = reused?.id;
    if (reused && r.protectedIdentity && !reused.protectedIdentity)
      // A referral that says her identity is now protected protects the record it joins; never the other way.
      await m.update(Participant, { id: reused.id }, { protectedIdentity: true });
    const passedOver = same.filter((p) => p !== reused);
    if (passedOver.length)
      await this.audit.recordMany(
        ctx,
        passedOver.map((p) => ({
          action: 'participant.duplicate_check',
          entityType: 'participant',
          entityId: p.id,
          subjectId: p.id,
          details: { from: r.source ?? 'referral', result: 'separate_record' },
        })),
        m,
      );
    if (!participantId) {
      const id = randomUUID();
      await m.insert(Participant, {
        id,
        programmeId: r.programmeId,
        firstName: r.firstName,
        lastName: r.lastName,
        gender: r.gender,
        personalNumber: r.personalNumber,
        personalNumberHash: hash,
        birthYear: r.personalNumber ? Number(r.personalNumber.slice(0, 4)) : null,
        swedishLevel: r.swedishLevel,
        languages: r.languages,
        phone: r.phone,
        protectedIdentity: r.protectedIdentity,
        pseudonym: pseudonymFor(id),
      });
      participantId = id;
      await this.audit.record(
        ctx,
        {
          action: 'participant.create',
          entityType: 'participant',
          entityId: id,
          subjectId: id,
          details: { from: r.source ?? 'referral' },
        },
        m,
      );
    }
    const programmeId = await this.policy.programmeOfGroup(r.groupId, m);
    // Active in at most one group of a programme at a time (also held by the database).
    if (
      !r.ended &&
      programmeId &&
      (await m.existsBy(Enrolment, { participantId, programmeId, status: 'active' }))
    )
      throw alreadyActiveInProgramme();
    const e = await m.save(
      m.create(Enrolment, {
        participantId,
        groupId: r.groupId,
        startDate: r.startDate,
        status: r.ended?.status ?? 'active',
        endDate: r.ended?.endDate ?? null,
        leftReason: r.ended?.leftReason ?? null,
      }),
    );
    await this.audit.record(
      ctx,
      { action: 'enrolment.create', entityType: 'enrolment', entityId: e.id, subjectId: participantId },
      m,
    );
    return { participantId, enrolmentId: e.id };
  }

  /** Only the fields present in `given` (all of `dto` on create), checked and normalised. */
  private recordFields(dto: ParticipantRecordDto, given: Partial<ParticipantRecordDto> = dto): RecordFields {
    const out: RecordFields = {};
    for (const [k, v] of Object.entries(given)) {
      if (v === undefined || k === 'programmeId') continue;
      (out as Record<string, unknown>)[k] = typeof v === 'string' && k !== 'personalNumber' ? v.trim() : v;
    }
    if (given.personalNumber !== undefined) {
      if (given.personalNumber === null || given.personalNumber === '') {
        out.personalNumber = null;
        out.personalNumberHash = null;
      } else {
        const pn = parsePersonalNumber(given.personalNumber);
        if (!pn)
          throw Problem.field(
            'personalNumber',
            'personalNumber is not a valid personnummer or samordningsnummer (date and check digit)',
            { code: 'invalid_personal_number' },
          );
        out.personalNumber = pn.digits;
        out.personalNumberHash = this.hasher.hash(pn.digits);
        out.birthYear ??= pn.birthYear;
      }
    }
    if (dto.yearOfArrival && dto.birthYear && dto.yearOfArrival < dto.birthYear) {
      throw Problem.field('yearOfArrival', 'yearOfArrival must not be before birthYear', {
        code: 'end_before_start',
        params: { start: 'birthYear' },
      });
    }
    return out;
  }

  /**
   * One record per person among those the user may see: a number already registered on a record the user may see
   * (in their programmes and, when protected, her identity visible to them) is refused with a pointer to it. A
   * record the user may not see is never hinted at: no refusal, no pointer, no other text; the new record is
   * made. Every match is written to the matched person's own audit trail
   * (`participant.duplicate_check`), which only those who see her read, so her extract shows who typed her number.
   */
  /**
   * Every record with this personal number (digits, compared through the keyed hash only), in any programme, oldest
   * first: for the referral's known-number check, which decides itself what its reader may be told.
   */
  async recordsWithPersonalNumber(
    digits: string,
    m?: EntityManager,
  ): Promise<{ id: string; programmeId: string; protectedIdentity: boolean }[]> {
    return (m ? m.getRepository(Participant) : this.participants).find({
      where: { personalNumberHash: this.hasher.hash(digits) },
      select: { id: true, programmeId: true, protectedIdentity: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  private async refuseDuplicate(
    ctx: UserContext,
    digits: string | null,
    exceptId: string | null,
  ): Promise<void> {
    if (!digits) return;
    const matches = (
      await this.participants.find({
        where: { personalNumberHash: this.hasher.hash(digits) },
        select: { id: true, protectedIdentity: true },
        order: { createdAt: 'ASC', id: 'ASC' },
      })
    ).filter((p) => p.id !== exceptId);
    if (matches.length === 0) return;
    const visible = await this.policy.identityVisibleFor(
      ctx.user,
      matches.map((p) => p.id),
    );
    let pointer: string | undefined;
    for (const p of matches) {
      if (p.protectedIdentity && !visible.has(p.id)) continue;
      if (visible.has(p.id) || (await this.mayRead(ctx, p.id))) {
        pointer = p.id;
        break;
      }
    }
    await this.audit.recordMany(
      ctx,
      matches.map((p) => ({
        action: 'participant.duplicate_check',
        entityType: 'participant',
        entityId: p.id,
        subjectId: p.id,
        details: { result: p.id === pointer ? 'refused' : 'separate_record' },
      })),
    );
    if (!pointer) return;
    throw new Problem(
      409,
      'A participant with this personal number is already registered',
      [fieldError('personalNumber', 'already registered', { code: 'duplicate_personal_number' })],
      { existingParticipantId: pointer },
      { code: 'duplicate_personal_number' },
    );
  }

  /** Whether the user may read this (unprotected) record: its programmes are theirs. */
  private async mayRead(ctx: UserContext, participantId: string): Promise<boolean> {
    try {
      await this.policy.assertParticipantAccess(ctx, 'participant.read', participantId);
      return true;
    } catch {
      return false;
    }
  }
}

/** One `participant.identity.read` per protected person whose real identity an answer shows. */
function identityReads(participantIds: readonly string[]): AuditEntry[] {
  return participantIds.map((id) => ({
    action: 'participant.identity.read',
    entityType: 'participant',
    entityId: id,
    subjectId: id,
  }));
}

function seen(participantId: string, visible: boolean): ReadonlySet<string> {
  return new Set(visible ? [participantId] : []);
}

function alreadyActiveInProgramme(): Problem {
  return Problem.conflict('The participant is already active in another group of this programme', {
    code: 'already_active_in_programme',
  });
}

/** The database's own guard (ix_enrolment_one_active_per_programme) as the same 409, for two requests racing. */
function activeConflict(err: unknown): never {
  const pg =
    err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : null;
  if (pg?.code === '23505' && pg.constraint === 'ix_enrolment_one_active_per_programme')
    throw alreadyActiveInProgramme();
  throw err;
}
