export const EMPLOYER_SECTORS = ['municipal', 'regional', 'state', 'private', 'non_profit'] as const;
export type EmployerSector = (typeof EMPLOYER_SECTORS)[number];

export const INDUSTRIES = [
  'pre-school/school',
  'retail',
  'care',
  'bakery/café',
  'production/warehouse',
  'hotel/restaurant',
  'hair/beauty',
  'cleaning',
  'language café',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export interface EmployerContact {
  name: string;
  phone?: string;
  email?: string;
}

export interface EmployerRequest {
  name: string;
  organisationNumber: string;
  sector: EmployerSector;
  industry: Industry;
  municipalityId: string;
  contacts?: EmployerContact[];
}

export interface EmployerResponse extends Required<EmployerRequest> {
  id: string;
  internshipsHosted: number;
  hires: number;
  version: number;
}

export const CONTACT_OUTCOMES = ['asked', 'yes', 'no', 'later'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export const NO_REASONS = [
  'pandemic',
  'language_demands',
  'places_taken_by_others',
  'no_capacity',
  'other',
] as const;
export type NoReason = (typeof NO_REASONS)[number];

export interface ContactLogRequest {
  date: string;
  outcome: ContactOutcome;
  reason?: NoReason | null;
  note?: string;
}

export interface ContactLogResponse extends ContactLogRequest {
  id: string;
  employerId: string;
  recordedBy: string;
}

export interface PlacesOfferedRequest {
  programmeId: string;
  periodStart: string;
  periodEnd: string;
  places: number;
}

export interface PlacesOfferedResponse extends PlacesOfferedRequest {
  id: string;
  employerId: string;
}

export const INTERNSHIP_RESULTS = [
  'ongoing',
  'completed',
  'extended',
  'offer_employment',
  'offer_seasonal',
  'offer_hourly',
  'broken_off',
] as const;
export type InternshipResult = (typeof INTERNSHIP_RESULTS)[number];
export const OFFER_RESULTS: readonly InternshipResult[] = [
  'offer_employment',
  'offer_seasonal',
  'offer_hourly',
];

export interface InternshipRequest {
  enrolmentId: string;
  employerId: string;
  periodNumber: number;
  startDate: string;
  endDate: string;
  workplace?: string;
  supervisor?: string;
  wishedSector: boolean;
  result?: InternshipResult;
}

export interface InternshipResponse extends Required<InternshipRequest> {
  id: string;
  groupId: string;
  participantId: string;
  employerName: string;
  industry: Industry;
  version: number;
}

/**
 * An internship an employer hosted, as its register shows it: the participant's name only for those who see her,
 * else her pseudonym (the api's masking).
 */
export interface EmployerInternshipResponse extends InternshipResponse {
  displayName: string;
  groupName: string;
  municipalityId: string;
}

export interface GroupInternshipSummary {
  groupId: string;
  withInternship: { count: number; of: number; percent: number | null };
  byIndustry: Record<string, number>;
  ledToOffer: number;
}
