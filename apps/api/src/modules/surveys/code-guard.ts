/**
 * How wrong survey codes are slowed down (issue 21). A classroom answers from one network address, and a slip's
 * code is mistyped now and then; a flat count per address locked the whole class out for ten minutes. Instead, a few
 * wrong codes are free, and after them every further try waits longer than the last (2, 4, 8 … seconds, at most a
 * minute) — a person who mistyped waits a moment, a guesser gets about one try a minute from an address.
 *
 * The same is counted per code prefix (the first four characters of a short code), from any address: someone
 * completing a half-read slip from many addresses is slowed on that slip's prefix. A short code has 31^8 (≈ 2^39.6)
 * values and is spent by one stored answer; link tokens keep 128 bits.
 */
export const CODE_GUARD = {
  /** Wrong codes from one address within the window before waiting starts. */
  freePerAddress: 10,
  /** Wrong codes with one prefix within the window before waiting starts. */
  freePerPrefix: 3,
  windowSeconds: 10 * 60,
  maxDelaySeconds: 60,
  prefixLength: 4,
} as const;

export interface FailureCount {
  /** Wrong codes in the window. */
  count: number;
  /** Seconds since the last of them (null when there was none). */
  sinceLast: number | null;
}

/** The wait after `count` wrong codes when `free` of them cost nothing: 0, then 2, 4, 8 … seconds, at most a minute. */
export function delayAfter(count: number, free: number): number {
  if (count < free) return 0;
  return Math.min(2 ** (count - free + 1), CODE_GUARD.maxDelaySeconds);
}

/** Seconds still to wait before the next try is looked up; 0 when it may be. */
export function secondsToWait(address: FailureCount, prefix: FailureCount): number {
  const left = (f: FailureCount, free: number) =>
    f.sinceLast === null ? 0 : Math.max(0, Math.ceil(delayAfter(f.count, free) - f.sinceLast));
  return Math.max(left(address, CODE_GUARD.freePerAddress), left(prefix, CODE_GUARD.freePerPrefix));
}

/** The prefix a typed short code is counted under; null for a link token, which has no prefix worth guessing. */
export function codePrefix(asTyped: string): string | null {
  return /^[A-Z0-9]{8}$/.test(asTyped) ? asTyped.slice(0, CODE_GUARD.prefixLength) : null;
}
