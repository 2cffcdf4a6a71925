import { Pipe, type PipeTransform } from '@angular/core';
import {
  formatStockholm,
  formatStockholmSeconds,
  stockholmDate,
  stockholmDateAndTime,
  stockholmLocalToUtc,
} from '@stegvis/contracts';

// Screens take today's and an instant's Swedish day from here too, so all time code sits behind one import.
export { stockholmDate, stockholmToday } from '@stegvis/contracts';

/**
 * Instants from the api (UTC) as Swedish time, wherever the browser is: `{{ r.opensAt | stockholmTime }}` →
 * `2027-03-29 08:00`; `'date'` gives the Swedish day, `'seconds'` the time to the second. The conversion rule
 * lives in packages/contracts/src/stockholm-time.ts; Angular's DatePipe is not used for instants, so no screen
 * depends on the browser's zone or LOCALE_ID.
 */
@Pipe({ name: 'stockholmTime' })
export class StockholmTimePipe implements PipeTransform {
  transform(at: string | null | undefined, show: 'datetime' | 'date' | 'seconds' = 'datetime'): string {
    if (!at) return '';
    return show === 'date'
      ? stockholmDate(at)
      : show === 'seconds'
        ? formatStockholmSeconds(at)
        : formatStockholm(at);
  }
}

/** An instant as the value of an `<input type="datetime-local">` showing Swedish time: `2027-03-29T08:00`. */
export function toStockholmInput(at: string | Date | number): string {
  const { date, time } = stockholmDateAndTime(at);
  return `${date}T${time}`;
}

/**
 * A `datetime-local` value typed as Swedish time, as the UTC instant the api stores. Never `new Date(value)`:
 * that reads the value in the browser's own zone.
 */
export function fromStockholmInput(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)$/.exec(value);
  if (!m) throw new RangeError(`Not a date and time: ${value}`);
  return stockholmLocalToUtc(m[1], m[2]);
}
