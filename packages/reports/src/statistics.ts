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

// The economy table is economy.ts.
