import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type {
  FieldError,
  Page,
  ProgrammeGoal,
  ProgrammeGoalRequest,
  ProgrammeResponse,
  UnmappedGoal,
} from '@stegvis/contracts';
import { Brackets, DataSource, In, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { decodeCursor, encodeCursor, type PageQuery } from '../../common/pagination/keyset';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem, fieldError } from '../../common/problem/problem';
import { OrganisationsService } from '../organisations/organisations.service';
import { UsersService } from '../users/users.service';
import type { CreateProgrammeDto, UpdateProgrammeDto } from './dto/programme.dto';
import { ProgrammeMunicipality } from './entities/programme-municipality.entity';
import { ProgrammePartner } from './entities/programme-partner.entity';
import { Programme } from './entities/programme.entity';
import { type Directory, toProgrammeResponse } from './programmes.mapper';

@Injectable()
export class ProgrammesService {
  constructor(
    @InjectRepository(Programme) private readonly programmes: Repository<Programme>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  async findProgrammes(ctx: UserContext, query: PageQuery): Promise<Page<ProgrammeResponse>> {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.after, 2);
    const scope = this.policy.programmeScope(ctx.user);
    const qb = this.programmes
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.municipalities', 'pm')
      .leftJoinAndSelect('p.partners', 'pp')
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC');
    if (scope !== 'all') {
      if (scope.length === 0) return { items: [], nextCursor: null };
      qb.andWhere('p.id IN (:...scope)', { scope });
    }
    if (after) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('p.name > :n', { n: after[0] }).orWhere('p.name = :n AND p.id > :i', { i: after[1] }),
        ),
      );
    }
    // Page over programme ids first: a join would multiply rows and break LIMIT.
    const ids = await qb
      .clone()
      .select(['p.id', 'p.name'])
      .take(limit + 1)
      .getMany();
    const pageIds = ids.slice(0, limit).map((p) => p.id);
    if (pageIds.length === 0) return { items: [], nextCursor: null };
    const rows = await qb.andWhere('p.id IN (:...pageIds)', { pageIds }).getMany();
    const dir = await this.directoryFor(rows);
    const last = rows[rows.length - 1];
    return {
      items: rows.map((p) => toProgrammeResponse(p, dir)),
      nextCursor: ids.length > limit ? encodeCursor([last.name, last.id]) : null,
    };
  }

  async getProgramme(ctx: UserContext, id: string): Promise<ProgrammeResponse> {
    await this.policy.assertProgrammeAccess(ctx, 'programme.read', id, { type: 'programme', id });
    const p = await this.load(id);
    return toProgrammeResponse(p, await this.directoryFor([p]));
  }

  async createProgramme(ctx: UserContext, dto: CreateProgrammeDto): Promise<ProgrammeResponse> {
    const municipalityIds = [...new Set([dto.ownerMunicipalityId, ...dto.municipalityIds])];
    await this.checkRules(dto, municipalityIds, dto.partnerOrganisationIds);
    const id = await this.dataSource.transaction(async (m) => {
      const saved = await m.save(
        m.create(Programme, {
          name: dto.name.trim(),
          ownerMunicipalityId: dto.ownerMunicipalityId,
          startDate: dto.startDate,
          endDate: dto.endDate,
          targetGroup: dto.targetGroup ?? '',
          goals: storedGoals(dto.goals),
          allowUnreviewedTranslations: dto.allowUnreviewedTranslations ?? true,
          municipalities: municipalityIds.map((municipalityId) =>
            m.create(ProgrammeMunicipality, { municipalityId }),
          ),
          partners: dto.partnerOrganisationIds.map((organisationId) =>
            m.create(ProgrammePartner, { organisationId }),
          ),
        }),
      );
      // Whoever starts a programme works in it; an admin sees every programme anyway.
      if (!this.policy.associationWide(ctx.user)) await this.users.allocate([ctx.user.id], saved.id, m);
      await this.audit.record(
        ctx,
        { action: 'programme.create', entityType: 'programme', entityId: saved.id },
        m,
      );
      return saved.id;
    });
    const p = await this.load(id);
    return toProgrammeResponse(p, await this.directoryFor([p]));
  }

  async updateProgramme(ctx: UserContext, id: string, dto: UpdateProgrammeDto): Promise<ProgrammeResponse> {
    await this.policy.assertProgrammeAccess(ctx, 'programme.update', id, { type: 'programme', id });
    const current = await this.load(id);
    const merged = {
      name: dto.name ?? current.name,
      ownerMunicipalityId: dto.ownerMunicipalityId ?? current.ownerMunicipalityId,
      startDate: dto.startDate ?? current.startDate,
      endDate: dto.endDate ?? current.endDate,
      targetGroup: dto.targetGroup ?? current.targetGroup,
      goals: dto.goals ?? current.goals,
    };
    const municipalityIds = [
      ...new Set([
        merged.ownerMunicipalityId,
        ...(dto.municipalityIds ?? current.municipalities.map((x) => x.municipalityId)),
      ]),
    ];
    const partnerIds = dto.partnerOrganisationIds ?? current.partners.map((x) => x.organisationId);
    await this.checkRules(merged, municipalityIds, partnerIds);
    await this.dataSource.transaction(async (m) => {
      const locked = await m.findOne(Programme, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw Problem.notFound('programme');
      if (locked.version !== dto.version) {
        throw Problem.stale(
          `The programme was changed by someone else (version ${locked.version}, yours ${dto.version}). Reload and try again.`,
        );
      }
      const notStored = dto.unmappedGoals ? firstNotIn(dto.unmappedGoals, locked.unmappedGoals) : -1;
      if (notStored >= 0)
        throw Problem.field(
          `unmappedGoals.${notStored}`,
          'unmappedGoals may only keep goals the programme has; new goals are chosen from the list',
          { code: 'unknown_reference', params: { entity: 'goal' } },
        );
      await m.update(
        Programme,
        { id },
        {
          name: merged.name.trim(),
          ownerMunicipalityId: merged.ownerMunicipalityId,
          startDate: merged.startDate,
          endDate: merged.endDate,
          targetGroup: merged.targetGroup,
          goals: storedGoals(merged.goals),
          unmappedGoals: dto.unmappedGoals ?? locked.unmappedGoals,
          allowUnreviewedTranslations: dto.allowUnreviewedTranslations ?? locked.allowUnreviewedTranslations,
          version: locked.version + 1,
        },
      );
      await m.delete(ProgrammeMunicipality, { programmeId: id });
      await m.insert(
        ProgrammeMunicipality,
        municipalityIds.map((municipalityId) => ({ programmeId: id, municipalityId })),
      );
      await m.delete(ProgrammePartner, { programmeId: id });
      if (partnerIds.length)
        await m.insert(
          ProgrammePartner,
          partnerIds.map((organisationId) => ({ programmeId: id, organisationId })),
        );
      const changed = Object.keys(dto).filter((k) => k !== 'version');
      await this.audit.record(
        ctx,
        { action: 'programme.update', entityType: 'programme', entityId: id, details: { changed } },
        m,
      );
    });
    const p = await this.load(id);
    return toProgrammeResponse(p, await this.directoryFor([p]));
  }

  /** The municipalities these programmes run in (taking part or owning), for rules scoped by municipality. */
  async municipalityIdsOf(programmeIds: readonly string[]): Promise<Set<string>> {
    if (programmeIds.length === 0) return new Set();
    const rows = await this.programmes.find({
      where: { id: In([...programmeIds]) },
      relations: { municipalities: true },
    });
    return new Set(
      rows.flatMap((p) => [p.ownerMunicipalityId, ...p.municipalities.map((m) => m.municipalityId)]),
    );
  }

  /** A programme's name, for the survey site's title (participants know the programme they are in). */
  async nameOf(id: string): Promise<string | null> {
    return (await this.programmes.findOne({ where: { id }, select: { id: true, name: true } }))?.name ?? null;
  }

  /** What the survey site needs of a programme: its name (the title) and whether unreviewed languages are offered. */
  async surveySettingsOf(id: string): Promise<{ name: string; allowUnreviewedTranslations: boolean } | null> {
    return this.programmes.findOne({
      where: { id },
      select: { id: true, name: true, allowUnreviewedTranslations: true },
    });
  }

  /** Whether a programme exists, for other modules that attach records to one. */
  async exists(id: string): Promise<boolean> {
    return this.programmes.exists({ where: { id } });
  }

  private async load(id: string): Promise<Programme> {
    const p = await this.programmes.findOne({
      where: { id },
      relations: { municipalities: true, partners: true },
    });
    if (!p) throw Problem.notFound('programme');
    return p;
  }

  private async checkRules(
    p: {
      name: string;
      ownerMunicipalityId: string;
      startDate: string;
      endDate: string;
      goals: { key: string; targetValue: number }[];
    },
    municipalityIds: string[],
    partnerIds: string[],
  ): Promise<void> {
    const errors: FieldError[] = [];
    if (!p.name.trim()) errors.push(fieldError('name', 'name must not be empty', { code: 'required' }));
    if (p.endDate < p.startDate)
      errors.push(
        fieldError('endDate', 'endDate must not be before startDate', {
          code: 'end_before_start',
          params: { start: 'startDate' },
        }),
      );
    const keys = new Set<string>();
    p.goals.forEach((g, i) => {
      if (g.targetValue > 100) {
        errors.push(
          fieldError(`goals.${i}.targetValue`, 'a percentage goal must be at most 100', {
            code: 'percent_over_100',
          }),
        );
      }
      if (keys.has(g.key))
        errors.push(
          fieldError(`goals.${i}.key`, `goal key "${g.key}" is used twice`, {
            code: 'duplicate_key',
            params: { key: g.key },
          }),
        );
      keys.add(g.key);
    });
    const unknownM = await this.organisations.unknownMunicipalities(municipalityIds);
    if (unknownM.includes(p.ownerMunicipalityId)) {
      errors.push(
        fieldError('ownerMunicipalityId', 'ownerMunicipalityId names no municipality', {
          code: 'unknown_reference',
          params: { entity: 'municipality' },
        }),
      );
    }
    if (unknownM.some((id) => id !== p.ownerMunicipalityId)) {
      errors.push(
        fieldError('municipalityIds', 'municipalityIds names an unknown municipality', {
          code: 'unknown_reference',
          params: { entity: 'municipality' },
        }),
      );
    }
    if ((await this.organisations.unknownOrganisations(partnerIds)).length) {
      errors.push(
        fieldError('partnerOrganisationIds', 'partnerOrganisationIds names an unknown organisation', {
          code: 'unknown_reference',
          params: { entity: 'organisation' },
        }),
      );
    }
    if (errors.length) throw Problem.badRequest(errors.map((e) => e.message).join('; '), errors);
  }

  private async directoryFor(rows: Programme[]): Promise<Directory> {
    const mIds = new Set<string>();
    const oIds = new Set<string>();
    for (const p of rows) {
      mIds.add(p.ownerMunicipalityId);
      p.municipalities?.forEach((x) => mIds.add(x.municipalityId));
      p.partners?.forEach((x) => oIds.add(x.organisationId));
    }
    const [ms, os] = await Promise.all([
      this.organisations.findMunicipalities([...mIds]),
      this.organisations.findOrganisations([...oIds]),
    ]);
    return {
      municipalities: new Map(ms.map((m) => [m.id, m])),
      organisations: new Map(os.map((o) => [o.id, o])),
    };
  }
}

/** Goals as stored: the coded key, the target, and the note (empty when none was given). */
function storedGoals(goals: readonly ProgrammeGoalRequest[]): ProgrammeGoal[] {
  return goals.map(({ key, targetValue, description }) => ({
    key,
    targetValue,
    description: description ?? '',
  }));
}

/** The index of the first goal of `kept` that `stored` does not hold (each stored one matched once), else -1. */
function firstNotIn(kept: readonly UnmappedGoal[], stored: readonly UnmappedGoal[]): number {
  const left = stored.map((g) => JSON.stringify([g.key, g.description, g.targetValue, g.unit]));
  return kept.findIndex((g) => {
    const i = left.indexOf(JSON.stringify([g.key, g.description, g.targetValue, g.unit]));
    if (i >= 0) left.splice(i, 1);
    return i < 0;
  });
}
