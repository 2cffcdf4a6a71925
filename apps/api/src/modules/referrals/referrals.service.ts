import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  canTransition,
  type Decision,
  type OrganisationResponse,
  type Page,
  REFERRAL_REASON_REQUIRED,
  type ReferralResponse,
  type ReferralStatus,
} from '@stegvis/contracts';
import { Brackets, DataSource, type EntityManager, In, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { pseudonymFor, visibleName } from '../../common/masking/masking';
import { decodeCursor, encodeCursor } from '../../common/pagination/keyset';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem, fieldError } from '../../common/problem/problem';
import { OrganisationsService } from '../organisations/organisations.service';
import { parsePersonalNumber } from '../participants/personal-number.util';
import { ConsentsService } from '../participants/consents.service';
import { ParticipantsService } from '../participants/participants.service';
import { UsersService } from '../users/users.service';
import type { QueueQuery, ReferralDto, TransitionDto } from './dto/referral.dto';
import { ReferralEvent } from './entities/referral-event.entity';
import { Referral } from './entities/referral.entity';
import { screen } from './screening.util';

/**
 * The queue, the agenda and the minutes are the analysis group's shared forum: a masked candidate is shown to
 * nobody there by name, whoever looks (the minutes are one file for every recipient).
 */
const NOBODY: ReadonlySet<string> = new Set();

@Injectable()
export class ReferralsService {
  constructor(
    @InjectRepository(Referral) private readonly referrals: Repository<Referral>,
    @InjectRepository(ReferralEvent) private readonly events: Repository<ReferralEvent>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    private readonly participants: ParticipantsService,
    private readonly users: UsersService,
    private readonly consents: ConsentsService,
  ) {}

  /**
   * The organisations the user may refer from: an analysis member only their own (OWN_ORGANISATION_ROLES, the
   * rule createReferral enforces), anyone else every organisation. The form offers only these.
   */
  async referringOrganisations(ctx: UserContext): Promise<OrganisationResponse[]> {
    const all = await this.organisations.findOrganisations();
    return all.filter((o) => this.policy.actsFor(ctx.user, o.id));
  }

  async createReferral(ctx: UserContext, dto: ReferralDto): Promise<ReferralResponse> {
    await this.policy.assertProgrammeAccess(ctx, 'referral.create', dto.programmeId, {
      type: 'programme',
      id: dto.programmeId,
    });
    if (!this.policy.actsFor(ctx.user, dto.organisationId)) {
      throw new Problem(
        403,
        'You may add referrals only from your own organisation',
        [fieldError('organisationId', 'not your organisation', { code: 'not_your_organisation' })],
        undefined,
        { code: 'not_your_organisation' },
      );
    }
    if ((await this.organisations.unknownOrganisations([dto.organisationId])).length)
      throw Problem.field('organisationId', 'organisationId names no organisation', {
        code: 'unknown_reference',
        params: { entity: 'organisation' },
      });
    if (!dto.consentToShare) {
      throw Problem.rule(
        'The candidate must consent to the analysis group sharing information about them before the referral can be received',
        { code: 'consent_to_share_required' },
        [fieldError('consentToShare', 'consent is required', { code: 'consent_to_share_required' })],
      );
    }
    let personalNumber: string | null = null;
    if (dto.personalNumber) {
      const pn = parsePersonalNumber(dto.personalNumber);
      if (!pn)
        throw Problem.field(
          'personalNumber',
          'personalNumber is not a valid personnummer or samordningsnummer (date and check digit)',
          { code: 'invalid_personal_number' },
        );
      personalNumber = pn.digits;
    }
    const saved = await this.dataSource.transaction(async (m) => {
      const id = randomUUID();
      const r = await m.save(
        m.create(Referral, {
          id,
          programmeId: dto.programmeId,
          firstName: dto.firstName.trim(),
          lastName: dto.lastName.trim(),
          gender: dto.gender,
          personalNumber,
          protectedIdentity: dto.protectedIdentity ?? false,
          pseudonym: pseudonymFor(id),
          swedishLevel: dto.swedishLevel ?? null,
          languages: dto.languages ?? [],
          phone: dto.phone ?? '',
          organisationId: dto.organisationId,
          referrerName: dto.referrerName,
          createdBy: ctx.user.id,
          wishedStart: dto.wishedStart ?? null,
          reason: dto.reason,
          foreignBorn: dto.foreignBorn ?? null,
          age: dto.age ?? null,
          registeredAtAf: dto.registeredAtAf ?? null,
          consentToShare: true,
          priority: dto.priority ?? 'normal',
          status: 'received',
        }),
      );
      await m.insert(ReferralEvent, {
        referralId: r.id,
        byUserId: ctx.user.id,
        fromStatus: null,
        toStatus: 'received',
        reason: '',
      });
      await this.audit.record(ctx, { action: 'referral.create', entityType: 'referral', entityId: r.id }, m);
      // Her number was typed: every record that has it is told in its own audit trail (which only those who see
      // her read), whether or not this user is shown the match.
      const known = await this.knownParticipant(ctx, r, m);
      if (known.matches.length)
        await this.audit.recordMany(
          ctx,
          known.matches.map((id) => ({
            action: 'participant.duplicate_check',
            entityType: 'participant',
            entityId: id,
            subjectId: id,
            details: {
              from: 'referral',
              referralId: r.id,
              result: id === known.shown ? 'shown' : 'not_shown',
            },
          })),
          m,
        );
      return { r, shown: known.shown };
    });
    const [out] = await this.describe(ctx, [saved.r]);
    return { ...out, existingParticipantId: saved.shown };
  }

  /**
   * The participant this referral's candidate already is, by the keyed hash of the personal number (never the
   * stored digits). `matches`: every record with that number, in any programme. `shown`: the one the user may be
   * told of: a record of the referral's own programme (the one an acceptance joins), for a user who reads
   * participant records there, and when her identity is protected only for those who see her (PolicyService's
   * rule). Anyone else, an analysis member included, is told nothing: the same answer as for an unknown number.
   */
  private async knownParticipant(
    ctx: UserContext,
    r: Pick<Referral, 'programmeId' | 'personalNumber'>,
    m?: EntityManager,
  ): Promise<{ matches: string[]; shown: string | null }> {
    if (!r.personalNumber) return { matches: [], shown: null };
    const rows = await this.participants.recordsWithPersonalNumber(r.personalNumber, m);
    if (!this.policy.can(ctx.user, 'participant.read') || !this.policy.inScope(ctx.user, r.programmeId))
      return { matches: rows.map((p) => p.id), shown: null };
    const own = rows.filter((p) => p.programmeId === r.programmeId);
    const visible = await this.policy.identityVisibleFor(
      ctx.user,
      own.filter((p) => p.protectedIdentity).map((p) => p.id),
    );
    const shown = own.find((p) => !p.protectedIdentity || visible.has(p.id));
    return { matches: rows.map((p) => p.id), shown: shown?.id ?? null };
  }

  /** The queue of a programme: filters, ordered by priority then received date, keyset-paginated. */
  async findQueue(ctx: UserContext, q: QueueQuery): Promise<Page<ReferralResponse>> {
    await this.policy.assertProgrammeAccess(ctx, 'referral.read', q.programmeId, {
      type: 'programme',
      id: q.programmeId,
    });
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.after, 3);
    // 'high' sorts before 'normal', so ascending text order puts urgent referrals first and the index serves it.
    const qb = this.referrals
      .createQueryBuilder('r')
      .where('r.programme_id = :pid', { pid: q.programmeId })
      .orderBy('r.priority', 'ASC')
      .addOrderBy('r.received_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(limit + 1);
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.organisationId) qb.andWhere('r.organisation_id = :org', { org: q.organisationId });
    if (q.swedishLevel) qb.andWhere('r.swedish_level = :lvl', { lvl: q.swedishLevel });
    if (q.wishedStartBefore) qb.andWhere('r.wished_start <= :ws', { ws: q.wishedStartBefore });
    if (after)
      qb.andWhere(
        new Brackets((w) =>
          w.where('(r.priority, r.received_at, r.id) > (:p, :t::timestamptz, :i::uuid)', {
            p: after[0],
            t: after[1],
            i: after[2],
          }),
        ),
      );
    // The cursor keeps received_at to the microsecond: a JavaScript Date would round it and repeat a row.
    qb.addSelect(`to_char(r.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_ts');
    const { entities: rows, raw } = await qb.getRawAndEntities<{ cursor_ts: string }>();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.describe(ctx, page),
      nextCursor:
        rows.length > limit ? encodeCursor([last.priority, raw[limit - 1].cursor_ts, last.id]) : null,
    };
  }

  /**
   * One referral with its history, read by a person (audited as `referral.read`; a match shown to her as
   * `participant.duplicate_check` in the matched person's own trail).
   */
  async getReferral(ctx: UserContext, id: string): Promise<ReferralResponse> {
    const out = await this.detail(ctx, id);
    await this.audit.recordMany(ctx, [
      { action: 'referral.read', entityType: 'referral', entityId: id },
      ...(out.existingParticipantId
        ? [
            {
              action: 'participant.duplicate_check' as const,
              entityType: 'participant',
              entityId: out.existingParticipantId,
              subjectId: out.existingParticipantId,
              details: { from: 'referral', referralId: id, result: 'shown' },
            },
          ]
        : []),
    ]);
    return out;
  }

  private async detail(ctx: UserContext, id: string): Promise<ReferralResponse> {
    const r = await this.load(ctx, id, 'referral.read');
    const history = await this.events.find({ where: { referralId: id }, order: { at: 'ASC', id: 'ASC' } });
    const names = new Map(
      (await this.users.usersByIds([...new Set(history.map((h) => h.byUserId))])).map((u) => [
        u.id,
        u.displayName,
      ]),
    );
    const [out] = await this.describe(ctx, [r]);
    return {
      ...out,
      existingParticipantId: (await this.knownParticipant(ctx, r)).shown,
      history: history.map((h) => ({
        at: h.at.toISOString(),
        by: names.get(h.byUserId) ?? '',
        from: h.fromStatus,
        to: h.toStatus,
        reason: h.reason,
        meetingId: h.meetingId,
      })),
    };
  }

  /**
   * Screening (with a note), wait-listing, withdrawal and re-opening outside meetings; which may follow which is
   * REFERRAL_TRANSITIONS. Accepting and declining are a meeting's (MeetingsService).
   */
  async transition(ctx: UserContext, id: string, dto: TransitionDto): Promise<ReferralResponse> {
    const reason = dto.reason?.trim() ?? '';
    if (!reason && REFERRAL_REASON_REQUIRED.includes(dto.status))
      throw Problem.field('reason', `a reason is required to make a referral ${dto.status}`, {
        code: 'required',
      });
    const r = await this.load(ctx, id, 'referral.update');
    await this.dataSource.transaction((m) =>
      this.move(ctx, m, r, dto.status, { reason, version: dto.version, meetingId: null }),
    );
    return this.detail(ctx, id);
  }

  /**
   * Changes a referral's status in the caller's transaction, refusing a senseless step (422) and a stale
   * version (409: somebody else decided first). Keeps who, when and why.
   */
  async move(
    ctx: UserContext,
    m: EntityManager,
    r: Referral,
    to: ReferralStatus,
    o: {
      reason: string;
      version: number;
      meetingId: string | null;
      groupId?: string | null;
      participantId?: string | null;
    },
  ): Promise<void> {
    const stale = async () =>
      Problem.stale(
        `The referral of ${(await this.candidateNames([r])).get(r.id)} was changed by someone else. Reload and try again.`,
      );
    // A stale version first: whoever decided on old information is told that someone else got there first.
    if (r.version !== o.version) throw await stale();
    if (!canTransition(r.status, to))
      throw Problem.rule(`A referral that is ${r.status} cannot become ${to}`, {
        code: 'referral_transition',
        params: { from: r.status, to },
      });
    const decided = to === 'accepted' || to === 'declined' || to === 'wait_listed';
    const res = await m
      .createQueryBuilder()
      .update(Referral)
      .set({
        status: to,
        version: () => 'version + 1',
        ...(to === 'declined' ? { declineReason: o.reason } : {}),
        ...(o.groupId !== undefined ? { groupId: o.groupId } : {}),
        ...(o.participantId !== undefined ? { participantId: o.participantId } : {}),
        ...(decided ? { decidedAt: () => 'now()' } : {}),
      })
      .where('id = :id AND version = :v', { id: r.id, v: o.version })
      .execute();
    if (res.affected !== 1) throw await stale();
    await m.insert(ReferralEvent, {
      referralId: r.id,
      byUserId: ctx.user.id,
      fromStatus: r.status,
      toStatus: to,
      reason: o.reason,
      meetingId: o.meetingId,
    });
    await this.audit.record(
      ctx,
      {
        action: `referral.${to}`,
        entityType: 'referral',
        entityId: r.id,
        details: o.meetingId ? { meetingId: o.meetingId } : undefined,
      },
      m,
    );
  }

  /** A decision of a meeting, inside the meeting's transaction. Accepting creates (or links) the participant and enrols them. */
  async decide(
    ctx: UserContext,
    m: EntityManager,
    meetingId: string,
    d: {
      referralId: string;
      decision: Decision;
      reason?: string;
      groupId?: string;
      version: number;
      groupStart?: string;
    },
  ): Promise<void> {
    const r = await m.findOne(Referral, { where: { id: d.referralId } });
    if (!r) throw Problem.notFound('referral');
    if (d.decision === 'decline')
      return this.move(ctx, m, r, 'declined', { reason: d.reason ?? '', version: d.version, meetingId });
    if (d.decision === 'wait_list')
      return this.move(ctx, m, r, 'wait_listed', { reason: d.reason ?? '', version: d.version, meetingId });
    const admitted = await this.participants.admitFromReferral(ctx, m, {
      programmeId: r.programmeId,
      groupId: d.groupId!,
      startDate: d.groupStart!,
      firstName: r.firstName,
      lastName: r.lastName,
      gender: r.gender,
      personalNumber: r.personalNumber,
      swedishLevel: r.swedishLevel,
      languages: r.languages,
      phone: r.phone,
      protectedIdentity: r.protectedIdentity,
    });
    await this.move(ctx, m, r, 'accepted', {
      reason: d.reason ?? '',
      version: d.version,
      meetingId,
      groupId: d.groupId!,
      participantId: admitted.participantId,
    });
  }

  /** Referrals ready for a meeting (screened or wait-listed), for its agenda. */
  async readyForDecision(programmeId: string): Promise<Referral[]> {
    return this.referrals.find({
      where: { programmeId, status: In(['screened', 'wait_listed']) },
      order: { priority: 'ASC', receivedAt: 'ASC', id: 'ASC' },
    });
  }

  async byIds(ids: string[]): Promise<Referral[]> {
    return ids.length ? this.referrals.findBy({ id: In(ids) }) : [];
  }

  /** What a meeting decided on each referral: its latest accept, wait-list or decline there (the minutes). */
  async meetingDecisions(
    meetingId: string,
  ): Promise<{ referralId: string; toStatus: ReferralStatus; reason: string }[]> {
    const rows: { referral_id: string; to_status: ReferralStatus; reason: string }[] =
      await this.dataSource.query(
        `SELECT DISTINCT ON (referral_id) referral_id, to_status, reason FROM referral_event
        WHERE meeting_id = $1 AND to_status IN ('accepted', 'wait_listed', 'declined') ORDER BY referral_id, at DESC, id DESC`,
        [meetingId],
      );
    return rows.map((r) => ({ referralId: r.referral_id, toStatus: r.to_status, reason: r.reason }));
  }

  /** When each referral of a programme came in and was decided, and from which organisation (inflow figures). */
  async inflowTimes(
    programmeId: string,
  ): Promise<{ receivedAt: Date; decidedAt: Date | null; organisationId: string }[]> {
    const rows: { received_at: Date; decided_at: Date | null; organisation_id: string }[] =
      await this.dataSource.query(
        'SELECT received_at, decided_at, organisation_id FROM referral WHERE programme_id = $1',
        [programmeId],
      );
    return rows.map((r) => ({
      receivedAt: r.received_at,
      decidedAt: r.decided_at,
      organisationId: r.organisation_id,
    }));
  }

  /** Referrals of a programme that are accepted or still queued, counted per group and status (intake planning). */
  async countByGroupAndStatus(
    programmeId: string,
  ): Promise<{ groupId: string | null; status: ReferralStatus; n: number }[]> {
    const rows: { group_id: string | null; status: ReferralStatus; n: number }[] =
      await this.dataSource.query(
        `SELECT group_id, status, count(*)::int AS n FROM referral WHERE programme_id = $1 AND status IN ('accepted', 'screened', 'on_agenda', 'wait_listed', 'received') GROUP BY group_id, status`,
        [programmeId],
      );
    return rows.map((r) => ({ groupId: r.group_id, status: r.status, n: r.n }));
  }

  async load(ctx: UserContext, id: string, action: 'referral.read' | 'referral.update'): Promise<Referral> {
    const r = await this.referrals.findOneBy({ id });
    await this.policy.assertProgrammeAccess(ctx, action, r?.programmeId ?? null, { type: 'referral', id });
    return r!;
  }

  /**
   * The name each referral's candidate goes by in the queue, the agenda and the minutes, through the one masking
   * step (common/masking): the pseudonym when her identity is protected, or when the person the referral became
   * has withdrawn her consent to sharing with partners (from then on, also in minutes made of earlier meetings).
   */
  async candidateNames(rows: readonly Referral[]): Promise<Map<string, string>> {
    const withdrawn = await this.consents.sharingWithdrawn([
      ...new Set(rows.map((r) => r.participantId).filter((x): x is string => x !== null)),
    ]);
    return new Map(
      rows.map((r) => [
        r.id,
        visibleName(
          {
            id: r.id,
            firstName: r.firstName,
            lastName: r.lastName,
            protectedIdentity:
              r.protectedIdentity || (r.participantId !== null && withdrawn.has(r.participantId)),
            pseudonym: r.pseudonym,
          },
          NOBODY,
        ),
      ]),
    );
  }

  /** Response shape; masked candidates appear as their pseudonym to everyone in queue, agenda and minutes. */
  async describe(_ctx: UserContext, rows: Referral[]): Promise<ReferralResponse[]> {
    const orgs = new Map(
      (await this.organisations.findOrganisations([...new Set(rows.map((r) => r.organisationId))])).map(
        (o) => [o.id, o.name],
      ),
    );
    const names = await this.candidateNames(rows);
    return rows.map((r) => ({
      id: r.id,
      programmeId: r.programmeId,
      candidateName: names.get(r.id)!,
      swedishLevel: r.swedishLevel,
      languages: r.languages,
      organisationId: r.organisationId,
      organisationName: orgs.get(r.organisationId) ?? '',
      referrerName: r.referrerName,
      wishedStart: r.wishedStart,
      reason: r.reason,
      receivedAt: r.receivedAt.toISOString(),
      priority: r.priority,
      status: r.status,
      declineReason: r.declineReason,
      groupId: r.groupId,
      participantId: r.participantId,
      screening: screen(r),
      version: r.version,
    }));
  }
}
