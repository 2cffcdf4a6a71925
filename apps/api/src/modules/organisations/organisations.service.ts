import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type {
  MunicipalityRequest,
  MunicipalityResponse,
  OrganisationKind,
  OrganisationRequest,
  OrganisationResponse,
  SignInPolicy,
  UpdateMunicipalityRequest,
  UpdateOrganisationRequest,
} from '@stegvis/contracts';
import { DataSource, type EntityManager, In, Not, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { fieldError, Problem } from '../../common/problem/problem';
import { Municipality } from './entities/municipality.entity';
import { Organisation } from './entities/organisation.entity';

const toMunicipality = (m: Municipality): MunicipalityResponse => ({
  id: m.id,
  name: m.name,
  code: m.code.trim(),
});
const toOrganisation = (o: Organisation): OrganisationResponse => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  localPasswordAllowed: o.localPasswordAllowed,
  idpMfaAccepted: o.idpMfaAccepted,
});

/** A 409 that names the field, so the form can show it where the value was typed. */
function taken(field: 'name' | 'code', code?: string): Problem {
  const coded =
    field === 'code'
      ? ({ code: 'municipality_code_taken', params: { code: code ?? '' } } as const)
      : ({ code: 'directory_name_taken' } as const);
  const message = field === 'code' ? `code ${code} is already used` : 'name is already in the directory';
  return new Problem(
    HttpStatus.CONFLICT,
    `${field}: ${message}`,
    [fieldError(field, message, coded)],
    undefined,
    coded,
  );
}

/** Drop the fields a partial update left out, so they keep their stored values. */
function defined<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;
}

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findMunicipalities(ids?: readonly string[]): Promise<MunicipalityResponse[]> {
    if (ids && ids.length === 0) return [];
    const rows = await this.municipalities.find({
      where: ids ? { id: In([...ids]) } : {},
      order: { name: 'ASC' },
    });
    return rows.map(toMunicipality);
  }

  async findOrganisations(ids?: readonly string[]): Promise<OrganisationResponse[]> {
    if (ids && ids.length === 0) return [];
    const rows = await this.organisations.find({
      where: ids ? { id: In([...ids]) } : {},
      order: { name: 'ASC' },
    });
    return rows.map(toOrganisation);
  }

  /** Ids among `ids` that name no municipality. */
  async unknownMunicipalities(ids: readonly string[]): Promise<string[]> {
    const found = new Set((await this.findMunicipalities(ids)).map((m) => m.id));
    return ids.filter((id) => !found.has(id));
  }

  async unknownOrganisations(ids: readonly string[]): Promise<string[]> {
    const found = new Set((await this.findOrganisations(ids)).map((o) => o.id));
    return ids.filter((id) => !found.has(id));
  }

  async upsertMunicipality(name: string, code: string): Promise<MunicipalityResponse> {
    await this.municipalities.upsert({ name, code }, ['code']);
    return toMunicipality(await this.municipalities.findOneByOrFail({ code }));
  }

  async upsertOrganisation(name: string, kind: OrganisationKind): Promise<OrganisationResponse> {
    await this.organisations.upsert({ name, kind }, ['name']);
    return toOrganisation(await this.organisations.findOneByOrFail({ name }));
  }

  /** How the organisation's staff may sign in; the OIDC sign-in asks this (404 for an unknown organisation). */
  async signInPolicy(organisationId: string): Promise<SignInPolicy> {
    const o = await this.organisations.findOneBy({ id: organisationId });
    if (!o) throw Problem.notFound('organisation');
    return { localPasswordAllowed: o.localPasswordAllowed, idpMfaAccepted: o.idpMfaAccepted };
  }

  async createMunicipality(ctx: UserContext, dto: MunicipalityRequest): Promise<MunicipalityResponse> {
    return this.dataSource.transaction(async (m) => {
      await this.refuseDuplicateMunicipality(m, dto);
      const saved = await m.save(m.create(Municipality, { name: dto.name, code: dto.code }));
      await this.audit.record(
        ctx,
        {
          action: 'directory.manage',
          entityType: 'municipality',
          entityId: saved.id,
          details: { change: 'create' },
        },
        m,
      );
      return toMunicipality(saved);
    });
  }

  async updateMunicipality(
    ctx: UserContext,
    id: string,
    dto: UpdateMunicipalityRequest,
  ): Promise<MunicipalityResponse> {
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(Municipality, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw Problem.notFound('municipality');
      const change = defined(dto);
      await this.refuseDuplicateMunicipality(m, change, id);
      const saved = await m.save(Object.assign(current, change));
      await this.audit.record(
        ctx,
        {
          action: 'directory.manage',
          entityType: 'municipality',
          entityId: id,
          details: { change: 'update', fields: Object.keys(change) },
        },
        m,
      );
      return toMunicipality(saved);
    });
  }

  async createOrganisation(ctx: UserContext, dto: OrganisationRequest): Promise<OrganisationResponse> {
    return this.dataSource.transaction(async (m) => {
      await this.refuseDuplicateOrganisation(m, dto.name);
      const saved = await m.save(
        m.create(Organisation, {
          name: dto.name,
          kind: dto.kind,
          localPasswordAllowed: dto.localPasswordAllowed ?? true,
          idpMfaAccepted: dto.idpMfaAccepted ?? false,
        }),
      );
      await this.audit.record(
        ctx,
        {
          action: 'directory.manage',
          entityType: 'organisation',
          entityId: saved.id,
          details: { change: 'create' },
        },
        m,
      );
      return toOrganisation(saved);
    });
  }

  async updateOrganisation(
    ctx: UserContext,
    id: string,
    dto: UpdateOrganisationRequest,
  ): Promise<OrganisationResponse> {
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw Problem.notFound('organisation');
      const change = defined(dto);
      await this.refuseDuplicateOrganisation(m, change.name, id);
      const saved = await m.save(Object.assign(current, change));
      await this.audit.record(
        ctx,
        {
          action: 'directory.manage',
          entityType: 'organisation',
          entityId: id,
          details: { change: 'update', fields: Object.keys(change) },
        },
        m,
      );
      return toOrganisation(saved);
    });
  }

  private async refuseDuplicateMunicipality(
    m: EntityManager,
    dto: UpdateMunicipalityRequest,
    exceptId?: string,
  ): Promise<void> {
    const others = exceptId ? { id: Not(exceptId) } : {};
    if (dto.code !== undefined && (await m.existsBy(Municipality, { ...others, code: dto.code }))) {
      throw taken('code', dto.code);
    }
    if (dto.name !== undefined && (await this.nameUsed(m, Municipality, dto.name, exceptId)))
      throw taken('name');
  }

  private async refuseDuplicateOrganisation(m: EntityManager, name: string | undefined, exceptId?: string) {
    if (name !== undefined && (await this.nameUsed(m, Organisation, name, exceptId))) throw taken('name');
  }

  /** Names differing only in case are the same place to a reader ("Ängelholm", "ängelholm"). */
  private async nameUsed(
    m: EntityManager,
    entity: typeof Municipality | typeof Organisation,
    name: string,
    exceptId?: string,
  ): Promise<boolean> {
    const q = m
      .createQueryBuilder(entity, 'e')
      .where('lower(e.name) = lower(:name)', { name })
      .andWhere(exceptId ? 'e.id <> :exceptId' : 'TRUE', { exceptId });
    return (await q.getCount()) > 0;
  }
}
