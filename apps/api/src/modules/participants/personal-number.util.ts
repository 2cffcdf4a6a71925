import Personnummer from 'personnummer';

export interface PersonalNumber {
  /** YYYYMMDDNNNN */
  digits: string;
  isCoordinationNumber: boolean;
  birthYear: number;
}

/**
 * Personnummer or samordningsnummer (day + 60), checked by date and Luhn check digit with the maintained
 * `personnummer` package. Null when invalid.
 */
export function parsePersonalNumber(raw: string): PersonalNumber | null {
  const s = raw.trim();
  if (!/^(\d{6}|\d{8})[-+]?\d{4}$/.test(s)) return null;
  try {
    if (!Personnummer.valid(s)) return null;
    const p = Personnummer.parse(s);
    const digits = p.format(true);
    return { digits, isCoordinationNumber: p.isCoordinationNumber(), birthYear: Number(digits.slice(0, 4)) };
  } catch {
    return null;
  }
}

export function formatPersonalNumber(digits: string): string {
  return `${digits.slice(0, 8)}-${digits.slice(8)}`;
}
