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
  /** Staff of this organisation may sign in with a local password (else only through the identity provider). */
  localPasswordAllowed: boolean;
  /** The identity provider's MFA claim counts as two-factor login for this organisation's staff. */
  idpMfaAccepted: boolean;
}

export interface MunicipalityRequest {
  name: string;
  /** SCB's four-digit municipality code. */
  code: string;
}
export type UpdateMunicipalityRequest = Partial<MunicipalityRequest>;

export interface OrganisationRequest {
  name: string;
  kind: OrganisationKind;
  localPasswordAllowed?: boolean;
  idpMfaAccepted?: boolean;
}
export type UpdateOrganisationRequest = Partial<OrganisationRequest>;

/** How the staff of one organisation may sign in; the OIDC sign-in enforces it. */
export type SignInPolicy = Pick<OrganisationResponse, 'localPasswordAllowed' | 'idpMfaAccepted'>;

/**
 * The goals a programme can set: the ones the reports measure (docs/evaluators.md, "Goals"). Each is a whole per
 * cent; a key outside this list would be a goal no report shows, which is why goals are chosen from it.
 */
export const GOAL_KEYS = ['attendance', 'clear_plan', 'work_or_studies'] as const;
export type GoalKey = (typeof GOAL_KEYS)[number];

/**
 * The target a programme is held to when it has set none of its own: the programmes' own goals (at least 80 %
 * attendance, 75 % with a clear plan); work or studies has no default and is reported only when set.
 */
export const DEFAULT_GOAL_TARGETS: Readonly<Record<GoalKey, number | null>> = {
  attendance: 80,
  clear_plan: 75,
  work_or_studies: null,
};

export interface ProgrammeGoal {
  key: GoalKey;
  /** Whole per cent, 0–100. */
  targetValue: number;
  /** An optional note ("as in the application to Samordningsförbundet"); the goal's name is its key's label. */
  description: string;
}

/** A goal as entered before goals were coded, which the migration could not map: kept for the admin to fix. */
export interface UnmappedGoal {
  key: string;
  description: string;
  targetValue: number;
  unit: string;
}

/** Units a goal entered before goals were coded may carry (shown with an unmapped goal). */
export const GOAL_UNITS = ['percent', 'count'] as const;
export type GoalUnit = (typeof GOAL_UNITS)[number];

/** The programme's own target for a goal, else the default, else null (the goal is not reported). */
export function goalTarget(
  goals: readonly { key: string; targetValue: number }[],
  key: GoalKey,
): number | null {
  return goals.find((g) => g.key === key)?.targetValue ?? DEFAULT_GOAL_TARGETS[key];
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
  /** Goals from before goals were coded that no key matched; empty once the admin has dealt with them. */
  unmappedGoals: UnmappedGoal[];
  /** "Erbjud ogranskade översättningar": whether participants may choose a machine-drafted language nobody has reviewed. */
  allowUnreviewedTranslations: boolean;
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
  goals: ProgrammeGoalRequest[];
  /** Absent: true (see ProgrammeResponse). */
  allowUnreviewedTranslations?: boolean;
}

export interface ProgrammeGoalRequest {
  key: GoalKey;
  targetValue: number;
  description?: string;
}

export interface UpdateProgrammeRequest extends Partial<CreateProgrammeRequest> {
  /**
   * The unmapped goals to keep: those left out are dismissed (the admin has entered them as coded goals or found
   * them obsolete). Only a sub-list of the stored ones; absent keeps them all.
   */
  unmappedGoals?: UnmappedGoal[];
  /** The version the editor read; a stale version gives 409. */
  version: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as ?after= to get the next page; null on the last page. */
  nextCursor: string | null;
}
