import Organisationsnummer from 'organisationsnummer';

/** Swedish organisation number with a valid check digit, normalised to NNNNNN-NNNN; null when invalid. */
export function normaliseOrganisationNumber(raw: string): string | null {
  try {
    if (!Organisationsnummer.valid(raw.trim())) return null;
    return Organisationsnummer.parse(raw.trim()).format(true);
  } catch {
    return null;
  }
}
