/**
 * Swedish wall time. Everything a person reads or types is Europe/Stockholm; everything stored or sent between
 * api and sites is an instant in UTC (ISO 8601 with `Z`, timestamptz in the database). These functions are the
 * only conversion between the two: the tz database in the runtime's ICU (through `Intl.DateTimeFormat`) knows the
 * summer-time rules, nothing here does, and nothing here reads the machine's own zone.
 *
 * Wall times that do not name exactly one instant (the same choice as Temporal's default `'compatible'`):
 * - the hour skipped when summer time starts (last Sunday of March, 02:00–02:59 does not exist) is read with the
 *   offset before the switch, so 02:30 means 03:30 summer time (01:30Z): a round typed as opening then opens
 *   at the first real minute after it, never an hour early;
 * - the hour repeated when summer time ends (last Sunday of October, 02:00–02:59 happens twice) is the earlier
 *   of the two, still summer time, so 02:30 means 00:30Z.
 */

export const STOCKHOLM_ZONE = 'Europe/Stockholm';

// One formatter for the process: building one costs far more than formatting with it.
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: STOCKHOLM_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(ms: number): WallTime {
  const p: Record<string, number> = {};
  for (const x of parts.formatToParts(ms)) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function toInstant(at: string | Date | number): number {
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
  // A string without an offset would be read in the machine's zone: refuse it rather than guess.
  if (typeof at === 'string' && !/(?:Z|[+-]\d{2}:?\d{2})$/i.test(at))
    throw new RangeError(`Not an instant with an offset: ${at}`);
  if (Number.isNaN(ms)) throw new RangeError(`Not a date-time: ${String(at)}`);
  return ms;
}

/** Minutes Stockholm is ahead of UTC at an instant: 60 in winter, 120 in summer. */
export function stockholmOffsetMinutes(at: string | Date | number): number {
  const ms = toInstant(at);
  const w = wallTime(ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a Swedish date and time of day: `('2027-03-29', '08:00')` → `'2027-03-29T06:00:00.000Z'`.
 * `time` is `HH:mm` or `HH:mm:ss`. Skipped and repeated wall times: see the top of this file.
 */
export function stockholmLocalToUtc(date: string, time: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) throw new RangeError(`Not a Swedish date and time: ${date} ${time}`);
  const [y, mo, da, h, mi, s] = [d[1], d[2], d[3], t[1], t[2], t[3] ?? '0'].map(Number);
  const asUtc = Date.UTC(y, mo - 1, da, h, mi, s);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== da || check.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59)
    throw new RangeError(`Not a Swedish date and time: ${date} ${time}`);
  // Stockholm's offset a few hours either side of the wall time: the same one unless a switch lies between.
  const before = stockholmOffsetMinutes(asUtc - 6 * 3_600_000);
  const after = stockholmOffsetMinutes(asUtc + 6 * 3_600_000);
  const fits = [...new Set([Math.max(before, after), Math.min(before, after)])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((ms) => {
      const w = wallTime(ms);
      return w.year === y && w.month === mo && w.day === da && w.hour === h && w.minute === mi;
    });
  // Repeated: the larger offset is the earlier instant. Skipped: none fits, take the offset before the switch.
  const ms = fits.length ? Math.min(...fits) : asUtc - before * 60_000;
  return new Date(ms).toISOString();
}

/** An instant as Swedish date and time of day to the minute: `'2027-03-29T06:00:00Z'` → `'2027-03-29 08:00'`. */
export function formatStockholm(at: string | Date | number): string {
  const w = wallTime(toInstant(at));
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** As {@link formatStockholm}, to the second (audit extracts, where two events may share a minute). */
export function formatStockholmSeconds(at: string | Date | number): string {
  const w = wallTime(toInstant(at));
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** The Swedish calendar day of an instant: `'2027-03-28T23:30:00Z'` → `'2027-03-29'`. */
export function stockholmDate(at: string | Date | number): string {
  const w = wallTime(toInstant(at));
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Today in Sweden. */
export function stockholmToday(now: Date | number = Date.now()): string {
  return stockholmDate(now);
}

/** An instant as the Swedish date and time for a form: `{ date: '2027-03-29', time: '08:00' }`. */
export function stockholmDateAndTime(at: string | Date | number): { date: string; time: string } {
  const [date, time] = formatStockholm(at).split(' ');
  return { date, time };
}
