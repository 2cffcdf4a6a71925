import type { FollowUpMonths } from './participants.js';

/**
 * When the 3-, 6- and 12-month follow-ups fall due, counted from the outcome date (the end of the programme).
 * The api refuses a follow-up dated before its window opens and the admin shows the same dates, so both read
 * them from here. The window opens one month before the due date: a case officer who reaches her a few weeks
 * early still records the right follow-up, but a 3-month follow-up cannot be written the week she finished.
 */
export const FOLLOW_UP_WINDOW_MONTHS_BEFORE_DUE = 1;

/** `date` (YYYY-MM-DD) plus whole calendar months; a day the month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The day the follow-up at `months` falls due. */
export function followUpDueDate(outcomeDate: string, months: FollowUpMonths): string {
  return addCalendarMonths(outcomeDate, months);
}

/** The first day a follow-up at `months` may be dated. */
export function followUpWindowStart(outcomeDate: string, months: FollowUpMonths): string {
  return addCalendarMonths(outcomeDate, months - FOLLOW_UP_WINDOW_MONTHS_BEFORE_DUE);
}
