import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  type ContactLogRequest,
  type EmployerInternshipResponse,
  type EmployerResponse,
  type GroupInternshipSummary,
  type Industry,
  type InternshipResponse,
  labelOf,
  type PlacesOfferedResponse,
  OFFER_RESULTS,
  ratio,
} from '@stegvis/contracts';
import { Brackets, DataSource, type EntityManager, In, Repository } from 'typeorm';
import { disclosureLedger, internshipSummaryKeys } from '@stegvis/reports';
import { AuditService } from '../../common/audit/audit.service';
import { DisclosureService } from '../../common/disclosure/disclosure.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { GroupsService } from '../groups/groups.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { ParticipantsService } from '../participants/participants.service';
import type {
  EmployerDto,
  EmployerQuery,
  InternshipDto,
  PlacesOfferedDto,
  UpdateEmployerDto,
  UpdateInternshipDto,
} from './dto/employer.dto';
import { EmployerContactLog } from './entities/employer-contact-log.entity';
import { Employer } from './entities/employer.entity';
import { Internship } from './entities/internship.entity';
import { PlacesOffered } from './entities/places-offered.entity';
import { normaliseOrganisationNumber } from './organisation-number.util';

@Injectable()
export class EmployersService {
  constructor(
    @InjectRepository(Employer) private readonly employers: Repository<Employer>,
    @InjectRepository(EmployerContactLog) private readonly contactLog: Repository<EmployerContactLog>,
    @InjectRepository(Internship) private readonly internships: Repository<Internship>,
    @InjectRepository(PlacesOffered) private readonly places: Repository<PlacesOffered>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    private readonly participants: ParticipantsService,
    private readonly groups: GroupsService,
    private readonly disclosure: DisclosureService,
  ) {}

  async createEmployer(ctx: UserContext, dto: EmployerDto): Promise<EmployerResponse> {
    const fields = await this.checkEmployer(dto);
    const saved = await this.dataSource.transaction(async (m) => {
      const e = await m.save(m.create(Employer, fields));
      await this.audit.record(ctx, { action: 'employer.create', entityType: 'employer', entityId: e.id }, m);
      return e;
    });
    return (await this.describe([saved]))[0];
  }

  async updateEmployer(ctx: UserContext, id: string, dto: UpdateEmployerDto): Promise<EmployerResponse> {
    const fields = await this.checkEmployer(dto);
    await this.dataSource.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(Employer)
        .set({ ...fields, version: dto.version + 1 })
        .where('id = :id AND version = :v', { id, v: dto.version })
        .execute();
      if (res.affected !== 1) {
        if (!(await m.existsBy(Employer, { id }))) throw Problem.notFound('employer');
        throw Problem.stale('The employer was changed by someone else. Reload and try again.');
      }
      await this.audit.record(ctx, { action: 'employer.update', entityType: 'employer', entityId: id }, m);
    });
    return (await this.describe([await this.employers.findOneByOrFail({ id })]))[0];
  }

  async findEmployers(q: EmployerQuery): Promise<EmployerResponse[]> {
    // Internships hosted and hires per employer: the association's register, no outcome or health data.
    disclosureLedger.record('employers');
    const qb = this.employers
      .createQueryBuilder('e')
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(500);
    if (q.sector) qb.andWhere('e.sector = :sector', { sector: q.sector });
    if (q.industry) qb.andWhere('e.industry = :industry', { industry: q.industry });
    if (q.municipalityId) qb.andWhere('e.municipality_id = :m', { m: q.municipalityId });
    if (q.q?.trim()) {
      const like = `%${q.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('e.name ILIKE :like', { like }).orWhere('e.organisation_number LIKE :like', { like }),
        ),
      );
    }
    return this.describe(await qb.getMany());
  }

  async getEmployer(id: string): Promise<EmployerResponse> {
    const e = await this.employers.findOneBy({ id });
    if (!e) throw Problem.notFound('employer');
    disclosureLedger.record('employers');
    return (await this.describe([e]))[0];
  }

  async logContact(ctx: UserContext, employerId: string, dto: ContactLogRequest) {
    await this.getEmployer(employerId);
    // A no without its reason tells the programmes nothing about why places are scarce.
    if (dto.outcome === 'no' && !dto.reason)
      throw Problem.field('reason', 'reason is required when the answer is no', { code: 'required' });
    const saved = await this.dataSource.transaction(async (m) => {
      const row = await m.save(
        m.create(EmployerContactLog, {
          employerId,
          date: dto.date,
          outcome: dto.outcome,
          reason: dto.outcome === 'no' ? (dto.reason ?? null) : null,
          note: dto.note ?? '',
          recordedBy: ctx.user.id,
        }),
      );
      await this.audit.record(
        ctx,
        { action: 'employer.contact', entityType: 'employer', entityId: employerId },
        m,
      );
      return row;
    });
    return {
      id: saved.id,
      employerId,
      date: saved.date,
      outcome: saved.outcome,
      reason: saved.reason,
      note: saved.note,
      recordedBy: saved.recordedBy,
    };
  }

  async findContacts(employerId: string) {
    await this.getEmployer(employerId);
    const rows = await this.contactLog.find({
      where: { employerId },
      order: { date: 'DESC', createdAt: 'DESC' },
    });
    return rows.map((r) => ({
      id: r.id,
      employerId,
      date: r.date,
      outcome: r.outcome,
      reason: r.reason,
      note: r.note,
      recordedBy: r.recordedBy,
    }));
  }

  async offerPlaces(ctx: UserContext, employerId: string, dto: PlacesOfferedDto) {
    await this.getEmployer(employerId);
    await this.policy.assertProgrammeAccess(ctx, 'employer.manage', dto.programmeId, {
      type: 'programme',
      id: dto.programmeId,
    });
    if (dto.periodEnd < dto.periodStart)
      throw Problem.field('periodEnd', 'periodEnd must not be before periodStart', {
        code: 'end_before_start',
        params: { start: 'periodStart' },
      });
    const row = await this.dataSource.transaction(async (m) => {
      const saved = await m.save(m.create(PlacesOffered, { ...dto, employerId }));
      await this.audit.record(
        ctx,
        { action: 'employer.places', entityType: 'employer', entityId: employerId },
        m,
      );
      return saved;
    });
    return { id: row.id, employerId, ...dto };
  }

  /** Places the employer offers the programmes this user sees (all for an association-wide role), latest first. */
  async findPlaces(ctx: UserContext, employerId: string): Promise<PlacesOfferedResponse[]> {
    await this.getEmployer(employerId);
    const scope = this.policy.programmeScope(ctx.user);
    if (scope !== 'all' && scope.length === 0) return [];
    const rows = await this.places.find({
      where: { employerId, ...(scope === 'all' ? {} : { programmeId: In([...scope]) }) },
      order: { periodStart: 'DESC', id: 'ASC' },
    });
    return rows.map((r) => ({
      id: r.id,
      employerId,
      programmeId: r.programmeId,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      places: r.places,
    }));
  }

  /**
   * The internships an employer hosted in groups of the user's programmes, latest first; those of other programmes
   * are left out, as the groups themselves would answer 404. Each names the participant as the group's list does:
   * a protected person only for those who see her, her pseudonym for the rest; every real name of a protected
   * person shown is audited.
   */
  async findEmployerInternships(ctx: UserContext, employerId: string): Promise<EmployerInternshipResponse[]> {
    await this.getEmployer(employerId);
    const rows = await this.internships.find({
      where: { employerId },
      order: { startDate: 'DESC', id: 'ASC' },
    });
    if (rows.length === 0) return [];
    const enrolments = await Promise.all(rows.map((r) => this.participants.getEnrolment(r.enrolmentId)));
    const groupIds = [...new Set(enrolments.map((e) => e!.groupId))];
    const inScope: string[] = [];
    for (const groupId of groupIds) {
      const programmeId = await this.policy.programmeOfGroup(groupId);
      if (programmeId && this.policy.inScope(ctx.user, programmeId)) inScope.push(groupId);
    }
    const names = new Map<string, string>();
    const groups = new Map<string, { name: string; municipalityId: string }>();
    const protectedIds = new Set<string>();
    for (const groupId of inScope) {
      const [views, group, prot] = await Promise.all([
        this.participants.findGroupEnrolments(ctx, groupId, { audit: false }),
        this.groups.getGroup(ctx, groupId),
        this.participants.protectedParticipantIdsInGroup(groupId),
      ]);
      for (const v of views) names.set(v.id, v.displayName);
      groups.set(groupId, { name: group.name, municipalityId: group.municipalityId });
      for (const id of prot) protectedIds.add(id);
    }
    const shown = rows.flatMap((r, i) =>
      groups.has(enrolments[i]!.groupId) ? [{ r, e: enrolments[i]! }] : [],
    );
    const shownProtected = [
      ...new Set(shown.map((x) => x.e.participantId).filter((id) => protectedIds.has(id))),
    ];
    const seesReal = await this.policy.identityVisibleFor(ctx.user, shownProtected);
    await this.audit.recordMany(
      ctx,
      [...seesReal].map((id) => ({
        action: 'participant.identity.read',
        entityType: 'participant',
        entityId: id,
        subjectId: id,
      })),
    );
    const described = await this.describeInternships(shown.map((x) => x.r));
    return described.map((d) => ({
      ...d,
      displayName: names.get(d.enrolmentId) ?? '',
      groupName: groups.get(d.groupId)!.name,
      municipalityId: groups.get(d.groupId)!.municipalityId,
    }));
  }

  async createInternship(ctx: UserContext, dto: InternshipDto): Promise<InternshipResponse> {
    const enrolment = await this.participants.getEnrolment(dto.enrolmentId);
    if (!enrolment)
      throw Problem.field('enrolmentId', 'enrolmentId names no enrolment', {
        code: 'unknown_reference',
        params: { entity: 'enrolment' },
      });
    await this.policy.assertGroupAccess(ctx, 'internship.write', enrolment.groupId);
    if (!(await this.employers.existsBy({ id: dto.employerId })))
      throw Problem.field('employerId', 'employerId names no employer', {
        code: 'unknown_reference',
        params: { entity: 'employer' },
      });
    if (dto.endDate < dto.startDate)
      throw Problem.field('endDate', 'endDate must not be before startDate', {
        code: 'end_before_start',
        params: { start: 'startDate' },
      });
    const saved = await this.dataSource.transaction(async (m) => {
      const i = await m.save(
        m.create(Internship, {
          ...dto,
          workplace: dto.workplace ?? '',
          supervisor: dto.supervisor ?? '',
          result: dto.result ?? 'ongoing',
        }),
      );
      await this.audit.record(
        ctx,
        {
          action: 'internship.create',
          entityType: 'internship',
          entityId: i.id,
          subjectId: enrolment.participantId,
        },
        m,
      );
      return i;
    });
    return (await this.describeInternships([saved]))[0];
  }

  async updateInternship(
    ctx: UserContext,
    id: string,
    dto: UpdateInternshipDto,
  ): Promise<InternshipResponse> {
    const current = await this.internships.findOneBy({ id });
    if (!current) throw Problem.notFound('internship');
    const enrolment = (await this.participants.getEnrolment(current.enrolmentId))!;
    await this.policy.assertGroupAccess(ctx, 'internship.write', enrolment.groupId);
    const endDate = dto.endDate ?? current.endDate;
    if (endDate < current.startDate)
      throw Problem.field('endDate', 'endDate must not be before startDate', {
        code: 'end_before_start',
        params: { start: 'startDate' },
      });
    await this.dataSource.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(Internship)
        .set({
          endDate,
          result: dto.result ?? current.result,
          supervisor: dto.supervisor ?? current.supervisor,
          version: current.version + 1,
        })
        .where('id = :id AND version = :v', { id, v: dto.version })
        .execute();
      if (res.affected !== 1)
        throw Problem.stale('The internship was changed by someone else. Reload and try again.');
      await this.audit.record(
        ctx,
        {
          action: 'internship.update',
          entityType: 'internship',
          entityId: id,
          subjectId: enrolment.participantId,
        },
        m,
      );
    });
    return (await this.describeInternships([await this.internships.findOneByOrFail({ id })]))[0];
  }

  async findGroupInternships(ctx: UserContext, groupId: string): Promise<InternshipResponse[]> {
    await this.policy.assertGroupAccess(ctx, 'internship.read', groupId);
    const enrolments = await this.participants.findGroupEnrolments(ctx, groupId, { audit: false });
    if (enrolments.length === 0) return [];
    const rows = await this.internships.find({
      where: { enrolmentId: In(enrolments.map((e) => e.id)) },
      order: { startDate: 'ASC' },
    });
    return this.describeInternships(rows);
  }

  /**
   * Per group: share of participants with an internship among those who stayed to the internship weeks,
   * industries, and internships that led to an offer of work. Aggregates only.
   */
  async groupSummary(ctx: UserContext, groupId: string): Promise<GroupInternshipSummary> {
    const access = await this.policy.assertGroupAccess(ctx, 'internship.summary', groupId);
    const internshipStart = await this.groups.internshipPhaseStart(groupId);
    const enrolments = await this.participants.findGroupEnrolments({ ...ctx }, groupId, { audit: false });
    // Someone who left before the internship weeks began never had the chance of one.
    const stayed = enrolments.filter(
      (e) => e.status !== 'left_early' || (e.endDate !== null && e.endDate >= internshipStart),
    );
    const rows = enrolments.length
      ? await this.internships.find({ where: { enrolmentId: In(enrolments.map((e) => e.id)) } })
      : [];
    const employers = rows.length
      ? await this.employers.findBy({ id: In([...new Set(rows.map((r) => r.employerId))]) })
      : [];
    const industryOf = new Map(employers.map((e) => [e.id, e.industry]));
    const withOne = new Set(rows.map((r) => r.enrolmentId));
    const byIndustry: Record<string, number> = {};
    for (const r of rows)
      byIndustry[industryOf.get(r.employerId)!] = (byIndustry[industryOf.get(r.employerId)!] ?? 0) + 1;
    const withInternship = ratio(stayed.filter((e) => withOne.has(e.id)).length, stayed.length);
    // Plain counts, shown to every audience; for aggregate-only readers registered with the disclosure engine and
    // checked against what its audit used (placements and offers go with them).
    if (this.disclosure.audience(ctx.user).kind === 'aggregate') {
      const keys = internshipSummaryKeys(groupId);
      await this.disclosure.checkCounts(access.programmeId, 'internship-summary', [
        { key: keys.with, value: withInternship.count },
        { key: keys.stayed, value: withInternship.of },
      ]);
    }
    return {
      groupId,
      withInternship,
      byIndustry,
      ledToOffer: rows.filter((r) => OFFER_RESULTS.includes(r.result)).length,
    };
  }

  /**
   * For the import of historical internships whose employer is not known by name: one placeholder employer per
   * industry ("Okänd arbetsgivare (import)"), so industry statistics hold. Inside the importer's transaction.
   */
  async importInternship(
    m: EntityManager,
    i: {
      enrolmentId: string;
      industry: Industry;
      municipalityId: string;
      startDate: string;
      endDate: string;
      ledToOffer: boolean;
    },
  ): Promise<void> {
    // Named with the industry's Swedish label, as screens show it; imports before that used the code.
    const name = `Okänd arbetsgivare (import), ${labelOf('industry', i.industry)}`;
    let employer = await m.findOneBy(Employer, [
      { name },
      { name: `Okänd arbetsgivare (import), ${i.industry}` },
    ]);
    employer ??= await m.save(
      m.create(Employer, {
        name,
        organisationNumber: '',
        sector: 'private',
        industry: i.industry,
        municipalityId: i.municipalityId,
        contacts: [],
      }),
    );
    await m.insert(Internship, {
      enrolmentId: i.enrolmentId,
      employerId: employer.id,
      periodNumber: 1,
      startDate: i.startDate,
      endDate: i.endDate,
      workplace: '',
      supervisor: '',
      wishedSector: true,
      result: i.ledToOffer ? 'offer_employment' : 'completed',
    });
  }

  private async checkEmployer(dto: EmployerDto) {
    const orgNo = normaliseOrganisationNumber(dto.organisationNumber);
    if (!orgNo)
      throw Problem.field(
        'organisationNumber',
        'organisationNumber is not a valid Swedish organisation number (check digit)',
        { code: 'invalid_organisation_number' },
      );
    if ((await this.organisations.unknownMunicipalities([dto.municipalityId])).length)
      throw Problem.field('municipalityId', 'municipalityId names no municipality', {
        code: 'unknown_reference',
        params: { entity: 'municipality' },
      });
    return {
      name: dto.name.trim(),
      organisationNumber: orgNo,
      sector: dto.sector,
      industry: dto.industry,
      municipalityId: dto.municipalityId,
      contacts: dto.contacts ?? [],
    };
  }

  private async describe(rows: Employer[]): Promise<EmployerResponse[]> {
    if (rows.length === 0) return [];
    const stats: { employer_id: string; hosted: number; hires: number }[] = await this.internships
      .createQueryBuilder('i')
      .select('i.employer_id', 'employer_id')
      .addSelect('count(*)::int', 'hosted')
      .addSelect(`count(*) FILTER (WHERE i.result IN (:...offers))::int`, 'hires')
      .where('i.employer_id IN (:...ids)', { ids: rows.map((r) => r.id), offers: OFFER_RESULTS })
      .groupBy('i.employer_id')
      .getRawMany();
    const byId = new Map(stats.map((s) => [s.employer_id, s]));
    return rows.map((e) => ({
      id: e.id,
      name: e.name,
      organisationNumber: e.organisationNumber,
      sector: e.sector,
      industry: e.industry,
      municipalityId: e.municipalityId,
      contacts: e.contacts,
      internshipsHosted: byId.get(e.id)?.hosted ?? 0,
      hires: byId.get(e.id)?.hires ?? 0,
      version: e.version,
    }));
  }

  private async describeInternships(rows: Internship[]): Promise<InternshipResponse[]> {
    if (rows.length === 0) return [];
    const employers = await this.employers.findBy({ id: In([...new Set(rows.map((r) => r.employerId))]) });
    const byId = new Map(employers.map((e) => [e.id, e]));
    const enrolments = await Promise.all(rows.map((r) => this.participants.getEnrolment(r.enrolmentId)));
    return rows.map((r, i) => ({
      id: r.id,
      enrolmentId: r.enrolmentId,
      groupId: enrolments[i]!.groupId,
      participantId: enrolments[i]!.participantId,
      employerId: r.employerId,
      employerName: byId.get(r.employerId)!.name,
      industry: byId.get(r.employerId)!.industry,
      periodNumber: r.periodNumber,
      startDate: r.startDate,
      endDate: r.endDate,
      workplace: r.workplace,
      supervisor: r.supervisor,
      wishedSector: r.wishedSector,
      result: r.result,
      version: r.version,
    }));
  }
}
