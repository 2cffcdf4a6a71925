/**
 * The one masking step for protected identities: every response that names a participant goes through it.
 * Real name only when the identity is not protected, or the viewer is staff of the participant's group.
 */
export interface Nameable {
  id: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
  pseudonym: string;
}

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

/** The identity fields as this viewer may see them: the pseudonym and blanks when masked. */
export function maskIdentity<T extends IdentityFields & { pseudonym: string }>(p: T, masked: boolean): T {
  if (!masked) return p;
  return {
    ...p,
    firstName: p.pseudonym,
    lastName: '',
    personalNumber: null,
    phone: '',
    email: '',
    address: '',
  };
}
