import { percent } from './percent.js';
import type { ReportTable, TableCell } from './report-tables.js';

/** A programme's money for one municipality and year, in whole kronor (the api's `budget` table). */
export interface BudgetLine {
  municipality: string;
  year: number;
  approved: number;
  /** Invoiced per tertial: January–April, May–August, September–December. */
  invoiced: readonly [number, number, number];
  forecast: number;
}

/** The economy table's columns; the amounts are in kronor (ReportTable.units), the share in whole per cent. */
export const ECONOMY_COLUMNS = [
  'Kommun',
  'År',
  'Beviljat',
  'Fakturerat T1',
  'Fakturerat T2',
  'Fakturerat T3',
  'Fakturerat totalt',
  'Andel fakturerat (%)',
  'Kvar',
  'Prognos',
  'Avvikelse mot beviljat',
] as const;

const UNITS: ReportTable['units'] = ECONOMY_COLUMNS.map((c) =>
  c === 'Kommun' || c === 'År' || c.endsWith('(%)') ? null : 'kr',
);

export const ECONOMY_NOTES = [
  'T1 = januari–april, T2 = maj–augusti, T3 = september–december.',
  'Kvar = beviljat − fakturerat totalt. Andel fakturerat = fakturerat totalt av beviljat, i hela procent. Avvikelse mot beviljat = beviljat − prognos: ett minustecken betyder att prognosen är högre än det beviljade.',
] as const;

/** What the table says when no budget is registered: the table stays, so a reader sees that it is missing. */
export const NO_BUDGET_NOTE = 'Ingen budget är registrerad för perioden.';

/**
 * The economy: approved funds, invoiced costs per tertial and in total, the share invoiced, what remains, the
 * forecast and its deviation from the approved funds, a row per municipality and year and a total. The one
 * computation of the economy: the api's economy endpoint and every download of the progress report (JSON, CSV,
 * XLSX, PDF, DOCX) show this table. Amounts stay numbers (whole kronor); `units` marks them for the writers.
 */
export function economyTable(lines: readonly BudgetLine[]): ReportTable {
  const row = (
    name: string,
    year: number | null,
    l: Omit<BudgetLine, 'municipality' | 'year'>,
  ): TableCell[] => {
    const invoiced = l.invoiced[0] + l.invoiced[1] + l.invoiced[2];
    return [
      name,
      year,
      l.approved,
      l.invoiced[0],
      l.invoiced[1],
      l.invoiced[2],
      invoiced,
      // No share of nothing: an empty cell when nothing is approved.
      percent(invoiced, l.approved).percent,
      l.approved - invoiced,
      l.forecast,
      l.approved - l.forecast,
    ];
  };
  const sum = (f: (l: BudgetLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  const total = {
    approved: sum((l) => l.approved),
    invoiced: [sum((l) => l.invoiced[0]), sum((l) => l.invoiced[1]), sum((l) => l.invoiced[2])] as const,
    forecast: sum((l) => l.forecast),
  };
  const sorted = [...lines].sort(
    (a, b) => a.year - b.year || a.municipality.localeCompare(b.municipality, 'sv'),
  );
  return {
    id: 'economy',
    title: 'Ekonomi',
    columns: [...ECONOMY_COLUMNS],
    rows: lines.length
      ? [...sorted.map((l) => row(l.municipality, l.year, l)), row('Totalt', null, total)]
      : [],
    notes: lines.length ? [...ECONOMY_NOTES] : [NO_BUDGET_NOTE],
    units: UNITS,
  };
}
