import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MunicipalityResponse, OrganisationKind, OrganisationResponse } from '@stegvis/contracts';
import { In, Repository } from 'typeorm';
import { Municipality } from './entities/municipality.entity';
import { Organisation } from './entities/organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  async findMunicipalities(ids?: readonly string[]): Promise<MunicipalityResponse[]> {
    if (ids && ids.length === 0) return [];
    const rows = await this.municipalities.find({
      where: ids ? { id: In([...ids]) } : {},
      order: { name: 'ASC' },
    });
    return rows.map((m) => ({ id: m.id, name: m.name, code: m.code.trim() }));
  }

  async findOrganisations(ids?: readonly string[]): Promise<OrganisationResponse[]> {
    if (ids && ids.length === 0) return [];
    const rows = await this.organisations.find({
      where: ids ? { id: In([...ids]) } : {},
      order: { name: 'ASC' },
    });
    return rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
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
    const m = await this.municipalities.findOneByOrFail({ code });
    return { id: m.id, name: m.name, code: m.code.trim() };
  }

  async upsertOrganisation(name: string, kind: OrganisationKind): Promise<OrganisationResponse> {
    await this.organisations.upsert({ name, kind }, ['name']);
    const o = await this.organisations.findOneByOrFail({ name });
    return { id: o.id, name: o.name, kind: o.kind };
  }
}
