import type { MethodTemplateRequest } from '@stegvis/contracts';
import type Holidays from 'date-holidays';
import { dateHolidays, lazy } from '../../common/lazy';

const holidays = lazy((): Holidays => new (dateHolidays())('SE'));

/**
 * Days nobody works in Sweden: the public holidays, plus midsummer, Christmas and New Year's eves
 * (de facto days off, typed "bank" by date-holidays).
 */
export function swedishDaysOff(year: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of holidays().getHolidays(year)) {
    if (h.type === 'public' || h.type === 'bank') out.set(h.date.slice(0, 10), h.name);
  }
  return out;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export interface PlannedSession {
  date: string;
  kind: 'lecture' | 'computer_day';
  theme: string;
  startTime: string;
  endTime: string;
}

export interface Calendar {
  sessions: PlannedSession[];
  endDate: string;
  lecturesShort: number;
  skippedHolidays: { date: string; name: string }[];
}

/**
 * A group's sessions from its template and start date: lectures on the template's weekdays during the phases
 * that have lectures, themes in order, no session on a Swedish day off; a weekly computer day if the template has
 * one. The start date is taken as day 1 of week 1, whatever weekday it is.
 */
export function planCalendar(
  t: Pick<
    MethodTemplateRequest,
    | 'phases'
    | 'themes'
    | 'lectureCount'
    | 'lectureWeekdays'
    | 'lectureStart'
    | 'lectureEnd'
    | 'computerDayWeekday'
  >,
  startDate: string,
): Calendar {
  const totalWeeks = t.phases.reduce((s, p) => s + p.weeks, 0);
  const endDate = addDays(startDate, totalWeeks * 7 - 1);
  const daysOff = new Map<string, string>();
  for (let y = Number(startDate.slice(0, 4)); y <= Number(endDate.slice(0, 4)); y++) {
    for (const [d, n] of swedishDaysOff(y)) daysOff.set(d, n);
  }
  const sessions: PlannedSession[] = [];
  const skipped: { date: string; name: string }[] = [];
  let lectures = 0;
  let week = 0;
  for (const phase of t.phases) {
    for (let w = 0; w < phase.weeks; w++, week++) {
      for (let d = 0; d < 7; d++) {
        const date = addDays(startDate, week * 7 + d);
        const wd = isoWeekday(date);
        const wantsLecture = phase.lectures && lectures < t.lectureCount && t.lectureWeekdays.includes(wd);
        const wantsComputer = t.computerDayWeekday === wd;
        if (!wantsLecture && !wantsComputer) continue;
        const off = daysOff.get(date);
        if (off) {
          skipped.push({ date, name: off });
          continue;
        }
        if (wantsLecture) {
          sessions.push({
            date,
            kind: 'lecture',
            theme: t.themes.length ? t.themes[lectures % t.themes.length] : `Föreläsning ${lectures + 1}`,
            startTime: t.lectureStart,
            endTime: t.lectureEnd,
          });
          lectures++;
        }
        if (wantsComputer) {
          sessions.push({
            date,
            kind: 'computer_day',
            theme: 'Datorkunskap',
            startTime: '09:00',
            endTime: '15:00',
          });
        }
      }
    }
  }
  return { sessions, endDate, lecturesShort: t.lectureCount - lectures, skippedHolidays: skipped };
}
