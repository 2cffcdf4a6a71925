import type { MunicipalityResponse, OrganisationResponse, ProgrammeResponse } from '@stegvis/contracts';
import type { Programme } from './entities/programme.entity';

export interface Directory {
  municipalities: Map<string, MunicipalityResponse>;
  organisations: Map<string, OrganisationResponse>;
}

export function toProgrammeResponse(p: Programme, dir: Directory): ProgrammeResponse {
  const m = (id: string): MunicipalityResponse => dir.municipalities.get(id) ?? { id, name: '', code: '' };
  return {
    id: p.id,
    name: p.name,
    ownerMunicipality: m(p.ownerMunicipalityId),
    municipalities: (p.municipalities ?? [])
      .map((x) => m(x.municipalityId))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    partnerOrganisations: (p.partners ?? [])
      .map(
        (x) =>
          dir.organisations.get(x.organisationId) ?? {
            id: x.organisationId,
            name: '',
            kind: 'other' as const,
            localPasswordAllowed: true,
            idpMfaAccepted: false,
          },
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    startDate: p.startDate,
    endDate: p.endDate,
    targetGroup: p.targetGroup,
    goals: p.goals,
    unmappedGoals: p.unmappedGoals,
    allowUnreviewedTranslations: p.allowUnreviewedTranslations,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
