import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type {
  AllocationResponse,
  CommitteeKind,
  CommitteeMemberResponse,
  PersonStaffingResponse,
  ProgrammeStaffingResponse,
  StaffMemberResponse,
} from '@stegvis/contracts';
import { stockholmToday } from '@stegvis/contracts';
import { DataSource, In, IsNull, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem, fieldError } from '../../common/problem/problem';
import { OrganisationsService } from '../organisations/organisations.service';
import type {
  AllocationDto,
  CommitteeMemberDto,
  EndCommitteeMembershipDto,
  StaffMemberDto,
} from './dto/staffing.dto';
import { CommitteeMember } from './entities/committee-member.entity';
import { StaffAllocation } from './entities/staff-allocation.entity';
import { StaffMember } from './entities/staff-member.entity';

const FULL_TIME = 100;
const today = () => stockholmToday();

function toMember(c: CommitteeMember): CommitteeMemberResponse {
  return {
    id: c.id,
    programmeId: c.programmeId,
    kind: c.kind,
    name: c.name,
    organisationId: c.organisationId,
    roleTitle: c.roleTitle,
    userId: c.userId,
    endedOn: c.endedOn,
  };
}

/** Names compared as a person reads them: case and spacing aside. */
const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv') ===
  b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

function toStaff(s: StaffMember): StaffMemberResponse {
  return {
    id: s.id,
    name: s.name,
    staffRole: s.staffRole,
    organisationId: s.organisationId,
    userId: s.userId,
    email: s.email,
  };
}

@Injectable()
export class StaffingService {
  constructor(
    @InjectRepository(StaffMember) private readonly staff: Repository<StaffMember>,
    @InjectRepository(StaffAllocation) private readonly allocations: Repository<StaffAllocation>,
    @InjectRepository(CommitteeMember) private readonly committees: Repository<CommitteeMember>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
  ) {}

  async createStaffMember(ctx: UserContext, dto: StaffMemberDto): Promise<StaffMemberResponse> {
    if (dto.organisationId && (await this.organisations.unknownOrganisations([dto.organisationId])).length) {
      throw Problem.field('organisationId', 'organisationId names no organisation', {
        code: 'unknown_reference',
        params: { entity: 'organisation' },
      });
    }
    const saved = await this.dataSource.transaction(async (m) => {
      const s = await m.save(
        m.create(StaffMember, {
          name: dto.name.trim(),
          staffRole: dto.staffRole,
          organisationId: dto.organisationId ?? null,
          userId: dto.userId ?? null,
          email: dto.email ?? '',
        }),
      );
      await this.audit.record(ctx, { action: 'staff.create', entityType: 'staff_member', entityId: s.id }, m);
      return s;
    });
    return toStaff(saved);
  }

  async findStaffMembers(): Promise<StaffMemberResponse[]> {
    return (await this.staff.find({ order: { name: 'ASC' } })).map(toStaff);
  }

  /**
   * The given staff members and everyone allocated to the programme in any period, by name: who may sign a
   * certificate of one of its groups. No access check: the caller has checked the group.
   */
  async staffOfProgramme(programmeId: string, alsoIds: readonly string[]): Promise<StaffMemberResponse[]> {
    const allocated = await this.allocations.find({
      where: { programmeId },
      select: { staffMemberId: true },
    });
    const ids = [...new Set([...alsoIds, ...allocated.map((a) => a.staffMemberId)])];
    if (ids.length === 0) return [];
    return (await this.staff.find({ where: { id: In(ids) }, order: { name: 'ASC' } })).map(toStaff);
  }

  /**
   * Adds an allocation. It is stored even above 100 % (a person can be over-booked for a while), but the answer
   * warns, and the overviews flag it.
   */
  async createAllocation(ctx: UserContext, dto: AllocationDto): Promise<AllocationResponse> {
    await this.policy.assertProgrammeAccess(ctx, 'staffing.manage', dto.programmeId, {
      type: 'programme',
      id: dto.programmeId,
    });
    if (dto.endDate < dto.startDate)
      throw Problem.field('endDate', 'endDate must not be before startDate', {
        code: 'end_before_start',
        params: { start: 'startDate' },
      });
    const person = await this.staff.findOneBy({ id: dto.staffMemberId });
    if (!person)
      throw Problem.field('staffMemberId', 'staffMemberId names no staff member', {
        code: 'unknown_reference',
        params: { entity: 'staff member' },
      });
    const saved = await this.dataSource.transaction(async (m) => {
      const a = await m.save(m.create(StaffAllocation, dto));
      await this.audit.record(
        ctx,
        {
          action: 'staffing.allocate',
          entityType: 'staff_allocation',
          entityId: a.id,
          details: { percent: dto.percent },
        },
        m,
      );
      return a;
    });
    return (await this.describe(ctx, [saved]))[0];
  }

  async programmeOverview(
    ctx: UserContext,
    programmeId: string,
    date = today(),
  ): Promise<ProgrammeStaffingResponse> {
    await this.policy.assertProgrammeAccess(ctx, 'staffing.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const rows = await this.allocations.find({
      where: { programmeId, startDate: LessThanOrEqual(date), endDate: MoreThanOrEqual(date) },
    });
    const described = await this.describe(ctx, rows, date);
    return {
      programmeId,
      date,
      totalPercent: rows.reduce((s, a) => s + a.percent, 0),
      allocations: described,
    };
  }

  /**
   * A person's allocations on a day. Outside the association-wide roles, only a person allocated (in any period)
   * to a programme in the caller's scope is found (404 otherwise), and only the allocations in that scope are
   * shown and summed: what someone does in other programmes is theirs to see.
   */
  async personOverview(
    ctx: UserContext,
    staffMemberId: string,
    date = today(),
  ): Promise<PersonStaffingResponse> {
    const all = await this.allocations.find({ where: { staffMemberId } });
    const mine = all.filter((a) => this.policy.inScope(ctx.user, a.programmeId));
    const known = await this.staff.existsBy({ id: staffMemberId });
    if (!known || (mine.length === 0 && !this.policy.associationWide(ctx.user)))
      return this.policy.deny(ctx, 'staffing.read', { type: 'staff member', id: staffMemberId });
    const visible = mine.filter((a) => a.startDate <= date && a.endDate >= date);
    const total = visible.reduce((s, a) => s + a.percent, 0);
    return {
      staffMemberId,
      date,
      totalPercent: total,
      overAllocated: total > FULL_TIME,
      allocations: await this.describe(ctx, visible, date),
    };
  }

  /**
   * Adds a member to the programme's steering or analysis group. The same person (name) for the same organisation
   * is in a group once at a time: a second current membership is refused (409), an ended one may start anew.
   */
  async addCommitteeMember(
    ctx: UserContext,
    programmeId: string,
    dto: CommitteeMemberDto,
  ): Promise<CommitteeMemberResponse> {
    await this.policy.assertProgrammeAccess(ctx, 'staffing.manage', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    if ((await this.organisations.unknownOrganisations([dto.organisationId])).length)
      throw Problem.field('organisationId', 'organisationId names no organisation', {
        code: 'unknown_reference',
        params: { entity: 'organisation' },
      });
    const name = dto.name.trim().replace(/\s+/g, ' ');
    const saved = await this.dataSource.transaction(async (m) => {
      const current = await m.find(CommitteeMember, {
        where: { programmeId, kind: dto.kind, organisationId: dto.organisationId, endedOn: IsNull() },
      });
      if (current.some((c) => sameName(c.name, name))) {
        // 409 with the field, as a group number already taken: the form shows it at the name.
        const coded = { code: 'already_committee_member' } as const;
        const message = 'The person is already a current member of this group for this organisation';
        throw new Problem(409, message, [fieldError('name', message, coded)], undefined, coded);
      }
      const c = await m.save(
        m.create(CommitteeMember, {
          ...dto,
          name,
          programmeId,
          roleTitle: dto.roleTitle?.trim() ?? '',
          userId: dto.userId ?? null,
          endedOn: null,
        }),
      );
      await this.audit.record(
        ctx,
        {
          action: 'committee.add',
          entityType: 'committee_member',
          entityId: c.id,
          details: { kind: c.kind },
        },
        m,
      );
      return c;
    });
    return toMember(saved);
  }

  /**
   * Ends a membership (the member has left the group) on a day up to today, default today. The member is kept
   * with that day, so who sat in the group stays known; ending it twice is refused (409).
   */
  async endCommitteeMembership(
    ctx: UserContext,
    programmeId: string,
    memberId: string,
    dto: EndCommitteeMembershipDto,
  ): Promise<CommitteeMemberResponse> {
    await this.policy.assertProgrammeAccess(ctx, 'staffing.manage', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const day = today();
    const endedOn = dto.endedOn ?? day;
    if (endedOn > day)
      throw Problem.field('endedOn', 'endedOn must not be after today', {
        code: 'date_in_future',
        params: { today: day },
      });
    const saved = await this.dataSource.transaction(async (m) => {
      const c = await m.findOne(CommitteeMember, {
        where: { id: memberId, programmeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!c) throw Problem.notFound('committee member');
      if (c.endedOn)
        throw Problem.conflict(`The membership already ended on ${c.endedOn}`, {
          code: 'committee_membership_ended',
          params: { endedOn: c.endedOn },
        });
      c.endedOn = endedOn;
      await m.save(c);
      await this.audit.record(
        ctx,
        {
          action: 'committee.end',
          entityType: 'committee_member',
          entityId: c.id,
          details: { kind: c.kind, endedOn },
        },
        m,
      );
      return c;
    });
    return toMember(saved);
  }

  /** The current members (and, with `includeEnded`, the former ones too), by group and name. */
  async findCommittee(
    ctx: UserContext,
    programmeId: string,
    kind?: CommitteeKind,
    includeEnded = false,
  ): Promise<CommitteeMemberResponse[]> {
    // Names of people: not for the roles that see figures only (docs/domain.md: the evaluator sees no personal data).
    await this.policy.assertProgrammeAccess(ctx, 'committee.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const rows = await this.committees.find({
      where: { programmeId, ...(kind ? { kind } : {}), ...(includeEnded ? {} : { endedOn: IsNull() }) },
      order: { kind: 'ASC', name: 'ASC' },
    });
    return rows.map(toMember);
  }

  /**
   * Each allocation with its person and whether that person is above full time on an overlapping day, counting
   * the allocations in the caller's scope only (all of them for the association-wide roles).
   */
  private async describe(
    ctx: UserContext,
    rows: StaffAllocation[],
    onDate?: string,
  ): Promise<AllocationResponse[]> {
    if (rows.length === 0) return [];
    const people = await this.staff.findBy({ id: In([...new Set(rows.map((r) => r.staffMemberId))]) });
    const byId = new Map(people.map((p) => [p.id, p]));
    const all = (await this.allocations.findBy({ staffMemberId: In([...byId.keys()]) })).filter((o) =>
      this.policy.inScope(ctx.user, o.programmeId),
    );
    return rows.map((a) => {
      // The busiest day of this allocation's period decides: sum every allocation of the person covering it.
      const days = onDate
        ? [onDate]
        : [
            ...new Set(
              all.filter((o) => o.staffMemberId === a.staffMemberId).flatMap((o) => [o.startDate, o.endDate]),
            ),
          ].filter((d) => d >= a.startDate && d <= a.endDate);
      const peak = Math.max(
        a.percent,
        ...days.map((d) =>
          all
            .filter((o) => o.staffMemberId === a.staffMemberId && o.startDate <= d && o.endDate >= d)
            .reduce((s, o) => s + o.percent, 0),
        ),
      );
      const p = byId.get(a.staffMemberId)!;
      const over = peak > FULL_TIME;
      return {
        id: a.id,
        staffMemberId: a.staffMemberId,
        programmeId: a.programmeId,
        percent: a.percent,
        startDate: a.startDate,
        endDate: a.endDate,
        staffName: p.name,
        staffRole: p.staffRole,
        overAllocated: over,
        warnings: over
          ? [
              {
                code: 'over_allocated',
                params: { name: p.name, percent: peak },
                message: `${p.name} är allokerad ${peak} % (över 100 %) under perioden`,
              },
            ]
          : [],
      };
    });
  }
}
