import type { ScreeningFlag, SwedishLevel } from '@stegvis/contracts';

/** The programmes want SFI C or D at least (docs/domain.md); GRUV is above SFI. */
export const MIN_SWEDISH_LEVEL: SwedishLevel = 'sfi_c';
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
      ? { criterion: 'swedish_level', ok: false, message: 'Svenskanivå saknas' }
      : {
          criterion: 'swedish_level',
          ok: RANK[level] >= RANK[MIN_SWEDISH_LEVEL],
          message: `Svenskanivå ${label(level)} (kravet är minst ${label(MIN_SWEDISH_LEVEL)})`,
        },
    {
      criterion: 'foreign_born',
      ok: r.foreignBorn === true,
      message:
        r.foreignBorn === null
          ? 'Uppgift om födelseland saknas'
          : r.foreignBorn
            ? 'Utrikes född'
            : 'Inte utrikes född',
    },
    {
      criterion: 'age',
      ok: r.age !== null && r.age >= 18 && r.age <= 64,
      message: r.age === null ? 'Ålder saknas' : `Ålder ${r.age} (18–64)`,
    },
    {
      criterion: 'registered_at_af',
      ok: r.registeredAtAf === true,
      message: r.registeredAtAf ? 'Inskriven på Arbetsförmedlingen' : 'Inte inskriven på Arbetsförmedlingen',
    },
  ];
}
