/**
 * Whole per cent, rounded half up, in integer arithmetic (so 12.5 % is 13 %, with no floating-point surprise).
 * docs/domain.md: "Percentages are whole numbers, rounded half up, and every percentage names its numerator and
 * denominator."
 */
export function wholePercent(count: number, of: number): number | null {
  if (of <= 0) return null;
  return Math.floor((200 * count + of) / (2 * of));
}

export function ratio(count: number, of: number): { count: number; of: number; percent: number | null } {
  return { count, of, percent: wholePercent(count, of) };
}
