/**
 * The one masking step for protected identities: every response that names a participant goes through it.
 * Whether the viewer sees her is PolicyService's rule (`identityVisibleFor`); this file only applies the answer.
 */
export interface Nameable {
  id: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
  pseudonym: string;
}

/** Real name only when the identity is not protected, or the viewer is among those who see her. */
export function visibleName(p: Nameable, identityVisible: ReadonlySet<string>): string {
  if (p.protectedIdentity && !identityVisible.has(p.id)) return p.pseudonym;
  return `${p.firstName} ${p.lastName}`;
}

/** A stable stand-in: "Deltagare" and a code derived from the record id, the same on every screen and file. */
export function pseudonymFor(id: string): string {
  return `Deltagare ${id.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

export interface IdentityFields {
  firstName: string;
  lastName: string;
  personalNumber: string | null;
  phone: string;
  email: string;
  address: string;
}

/**
 * Facts that identify a person in a group of ten as surely as her name (docs/domain.md, "Protected identity"):
 * masked wherever the identity is.
 */
export interface QuasiIdentifiers {
  birthYear: number | null;
  countryOfBirth: string;
  yearOfArrival: number | null;
  languages: string[];
  educationLevel: string | null;
  educationField: string;
  workExperience: string;
}

const MASKED_QUASI: QuasiIdentifiers = {
  birthYear: null,
  countryOfBirth: '',
  yearOfArrival: null,
  languages: [],
  educationLevel: null,
  educationField: '',
  workExperience: '',
};

/** The quasi-identifiers among `p`'s fields as this viewer may see them: null or empty when masked. */
export function maskQuasiIdentifiers<T extends Partial<QuasiIdentifiers>>(p: T, masked: boolean): T {
  return masked ? (blankQuasi(p) as T) : p;
}

function blankQuasi(p: object): object {
  const out: Record<string, unknown> = { ...p };
  for (const [k, v] of Object.entries(MASKED_QUASI)) if (k in out) out[k] = Array.isArray(v) ? [] : v;
  return out;
}

/**
 * The identity fields, and any quasi-identifiers among `p`'s fields, as this viewer may see them: the pseudonym,
 * blanks and nulls when masked.
 */
export function maskIdentity<T extends IdentityFields & { pseudonym: string }>(p: T, masked: boolean): T {
  if (!masked) return p;
  return blankQuasi({
    ...p,
    firstName: p.pseudonym,
    lastName: '',
    personalNumber: null,
    phone: '',
    email: '',
    address: '',
  }) as T;
}
