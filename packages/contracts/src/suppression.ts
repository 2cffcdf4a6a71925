/** Small-cell suppression: a count below k is never shown to aggregate-only roles. Default k = 5; never below 3. */
export const DEFAULT_SMALL_CELL_THRESHOLD = 5;
export const MIN_SMALL_CELL_THRESHOLD = 3;

export function checkThreshold(k: number): number {
  if (!Number.isInteger(k) || k < MIN_SMALL_CELL_THRESHOLD) {
    throw new RangeError(
      `The small-cell threshold must be a whole number of at least ${MIN_SMALL_CELL_THRESHOLD}, got ${k}`,
    );
  }
  return k;
}

/** True when a count of people must be hidden: more than zero and fewer than k. */
export function isSmallCell(count: number, k: number = DEFAULT_SMALL_CELL_THRESHOLD): boolean {
  return count > 0 && count < checkThreshold(k);
}
