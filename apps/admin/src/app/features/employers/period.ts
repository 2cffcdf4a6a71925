import type { TextKey } from '../../core/i18n/i18n';

/** A period places are offered for: its first and last day, as typed and stored (YYYY-MM-DD). */
export interface Period {
  start: string;
  end: string;
}

const TERTIALS = [
  { n: 1, from: '01-01', to: '04-30', months: 'rep.period.t1' },
  { n: 2, from: '05-01', to: '08-31', months: 'rep.period.t2' },
  { n: 3, from: '09-01', to: '12-31', months: 'rep.period.t3' },
] as const satisfies readonly { n: number; from: string; to: string; months: TextKey }[];

/** The tertials of these years, in time order: the periods the programmes' reports are made for. */
export function tertials(years: readonly number[]): Period[] {
  return years.flatMap((y) => TERTIALS.map((t) => ({ start: `${y}-${t.from}`, end: `${y}-${t.to}` })));
}

/**
 * How a period reads on screen: "Tertial 2 2030 (maj–aug)" or "År 2030" when it is one, else its dates
 * "2030-03-02 – 2030-03-27".
 */
export function periodLabel(p: Period, t: (key: TextKey) => string): string {
  const year = p.start.slice(0, 4);
  if (p.end.slice(0, 4) === year) {
    const tertial = TERTIALS.find((x) => p.start === `${year}-${x.from}` && p.end === `${year}-${x.to}`);
    if (tertial) return `${t('rep.period.tertial')} ${tertial.n} ${year} (${t(tertial.months)})`;
    if (p.start === `${year}-01-01` && p.end === `${year}-12-31`) return `${t('rep.period.year')} ${year}`;
  }
  return `${p.start} – ${p.end}`;
}
