import { wholePercent, type Ratio } from '@stegvis/contracts';

export type { Ratio };

/**
 * A share as reports print it: numerator, denominator and whole per cent rounded half up (1/8 → 13 %,
 * 1/200 → 1 %), null when the denominator is 0.
 *
 * The rounding itself is contracts' `wholePercent` (integer arithmetic: floor((200·n + d) / (2·d))), so the
 * admin, the api and every exported file round the same way; this wrapper only refuses inputs that would
 * make a share meaningless, because a silently wrong figure in a report to the funder is worse than an error.
 */
export function percent(numerator: number, denominator: number): Ratio {
  assertCount(numerator, 'numerator');
  assertCount(denominator, 'denominator');
  // Keeps 200·n + d an exact integer in floating point.
  if (200 * numerator + denominator > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`percent(${numerator}, ${denominator}) is too large to round exactly`);
  }
  return { count: numerator, of: denominator, percent: wholePercent(numerator, denominator) };
}

function assertCount(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`The ${name} of a percentage must be a whole number ≥ 0, got ${n}`);
  }
}
