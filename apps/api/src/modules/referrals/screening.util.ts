import type { ScreeningFlag, SwedishLevel } from '@stegvis/contracts';

/** The programmes want SFI C or D at least (docs/domain.md); GRUV is above SFI. */
export const MIN_SWEDISH_LEVEL: SwedishLevel = 'sfi_c';
const MIN_AGE = 18;
const MAX_AGE = 64;
const RANK: Record<SwedishLevel, number> = { none: 0, sfi_a: 1, sfi_b: 2, sfi_c: 3, sfi_d: 4, gruv: 5 };

/** Eligibility facts against the programme's criteria. It informs the analysis group; it decides nothing. */
export function screen(r: {
  swedishLevel: SwedishLevel | null;
  foreignBorn: boolean | null;
  age: number | null;
  registeredAtAf: boolean | null;
}): ScreeningFlag[] {
  const level = r.swedishLevel;
  const label = (l: SwedishLevel) =>
    l === 'gruv' ? 'GRUV' : l === 'none' ? 'ingen' : `SFI ${l.slice(4).toUpperCase()}`;
  return [
    level === null
      ? {
          criterion: 'swedish_level',
          ok: false,
          message: 'Svenskanivå saknas',
          code: 'screening_swedish_level_missing',
        }
      : {
          criterion: 'swedish_level',
          ok: RANK[level] >= RANK[MIN_SWEDISH_LEVEL],
          message: `Svenskanivå ${label(level)} (kravet är minst ${label(MIN_SWEDISH_LEVEL)})`,
          code: 'screening_swedish_level',
          params: { level, min: MIN_SWEDISH_LEVEL },
        },
    {
      criterion: 'foreign_born',
      ok: r.foreignBorn === true,
      ...(r.foreignBorn === null
        ? { message: 'Uppgift om födelseland saknas', code: 'screening_birth_country_missing' as const }
        : r.foreignBorn
          ? { message: 'Utrikes född', code: 'screening_foreign_born' as const }
          : { message: 'Inte utrikes född', code: 'screening_not_foreign_born' as const }),
    },
    r.age === null
      ? { criterion: 'age', ok: false, message: 'Ålder saknas', code: 'screening_age_missing' }
      : {
          criterion: 'age',
          ok: r.age >= MIN_AGE && r.age <= MAX_AGE,
          message: `Ålder ${r.age} (${MIN_AGE}–${MAX_AGE})`,
          code: 'screening_age',
          params: { age: r.age, min: MIN_AGE, max: MAX_AGE },
        },
    {
      criterion: 'registered_at_af',
      ok: r.registeredAtAf === true,
      ...(r.registeredAtAf
        ? { message: 'Inskriven på Arbetsförmedlingen', code: 'screening_registered_at_af' as const }
        : {
            message: 'Inte inskriven på Arbetsförmedlingen',
            code: 'screening_not_registered_at_af' as const,
          }),
    },
  ];
}
