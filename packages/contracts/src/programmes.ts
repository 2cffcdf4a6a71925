export interface MunicipalityResponse {
  id: string;
  name: string;
  code: string;
}

export const ORGANISATION_KINDS = [
  'employment_service',
  'income_support',
  'adult_education',
  'municipality',
  'social_insurance',
  'health_care',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface OrganisationResponse {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export const GOAL_UNITS = ['percent', 'count'] as const;
export type GoalUnit = (typeof GOAL_UNITS)[number];

export interface ProgrammeGoal {
  /** Stable key, e.g. "attendance", "clear_plan", "work_or_studies". */
  key: string;
  description: string;
  targetValue: number;
  unit: GoalUnit;
}

export interface ProgrammeResponse {
  id: string;
  name: string;
  ownerMunicipality: MunicipalityResponse;
  municipalities: MunicipalityResponse[];
  partnerOrganisations: OrganisationResponse[];
  startDate: string;
  endDate: string;
  targetGroup: string;
  goals: ProgrammeGoal[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateProgrammeRequest {
  name: string;
  ownerMunicipalityId: string;
  municipalityIds: string[];
  partnerOrganisationIds: string[];
  startDate: string;
  endDate: string;
  targetGroup?: string;
  goals: ProgrammeGoal[];
}

export interface UpdateProgrammeRequest extends Partial<CreateProgrammeRequest> {
  /** The version the editor read; a stale version gives 409. */
  version: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as ?after= to get the next page; null on the last page. */
  nextCursor: string | null;
}
