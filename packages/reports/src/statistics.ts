import type { ReportTable, TableCell } from './report-tables.js';

export interface TargetGroupFigure {
  municipality: string;
  openlyUnemployed: number;
  inProgramme: number;
}

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/**
 * The target group (foreign-born women and men registered at Arbetsförmedlingen) per municipality at two dates,
 * with the change, as the progress reports show it.
 */
export function targetGroupTable(
  fromLabel: string,
  toLabel: string,
  from: readonly TargetGroupFigure[],
  to: readonly TargetGroupFigure[],
): ReportTable {
  const names = [...new Set([...from, ...to].map((f) => f.municipality))].sort((a, b) =>
    a.localeCompare(b, 'sv'),
  );
  const rows: TableCell[][] = names.map((name) => {
    const a = from.find((f) => f.municipality === name);
    const b = to.find((f) => f.municipality === name);
    const total = (f?: TargetGroupFigure) => (f ? f.openlyUnemployed + f.inProgramme : null);
    const diff = (x: number | null | undefined, y: number | null | undefined) =>
      x == null || y == null ? null : signed(y - x);
    return [
      name,
      a?.openlyUnemployed ?? null,
      b?.openlyUnemployed ?? null,
      diff(a?.openlyUnemployed, b?.openlyUnemployed),
      a?.inProgramme ?? null,
      b?.inProgramme ?? null,
      diff(a?.inProgramme, b?.inProgramme),
      total(a),
      total(b),
      diff(total(a), total(b)),
    ];
  });
  return {
    id: 'target-group',
    title: 'Målgruppen per kommun',
    columns: [
      'Kommun',
      `Öppet arbetslösa ${fromLabel}`,
      `Öppet arbetslösa ${toLabel}`,
      'Förändring',
      `I program ${fromLabel}`,
      `I program ${toLabel}`,
      'Förändring',
      `Totalt ${fromLabel}`,
      `Totalt ${toLabel}`,
      'Förändring',
    ],
    rows,
    notes: [
      'Utrikes födda kvinnor och män inskrivna på Arbetsförmedlingen, öppet arbetslösa och i program (Arbetsförmedlingens statistik).',
    ],
  };
}

export interface BudgetLine {
  municipality: string;
  year: number;
  approved: number;
  /** Invoiced per tertial: January–April, May–August, September–December. */
  invoiced: readonly [number, number, number];
  forecast: number;
}

/** Approved funds, invoiced costs per tertial, what remains and the forecast, per municipality and in total. */
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
  return {
    id: 'economy',
    title: 'Ekonomi',
    columns: [
      'Kommun',
      'År',
      'Beviljat (kr)',
      'Fakturerat T1',
      'Fakturerat T2',
      'Fakturerat T3',
      'Fakturerat totalt',
      'Kvar',
      'Prognos',
      'Avvikelse mot beviljat',
    ],
    rows: [...lines.map((l) => row(l.municipality, l.year, l)), row('Totalt', null, total)],
    notes: ['T1 = januari–april, T2 = maj–augusti, T3 = september–december. Kvar = beviljat − fakturerat.'],
  };
}
