import {
  DEFAULT_SMALL_CELL_THRESHOLD,
  MIN_SMALL_CELL_THRESHOLD,
  checkThreshold,
  isSmallCell,
} from '@stegvis/contracts';

// The threshold is a rule the admin and the api need too, so it lives in contracts; re-exported here so report
// code has one import.
export { DEFAULT_SMALL_CELL_THRESHOLD, MIN_SMALL_CELL_THRESHOLD, checkThreshold, isSmallCell };

export const SUPPRESSION_REASONS = ['small', 'complementary'] as const;
/** `small`: 0 < count < k. `complementary`: hidden so that a small cell cannot be worked out from a total. */
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export interface SuppressedCell {
  /** The count, or null when it must not be shown. */
  count: number | null;
  suppressed: SuppressionReason | null;
}

export interface SuppressCellsOptions {
  /** Whether the breakdown's total is shown beside it (default true); without it no complementary cell is needed. */
  totalShown?: boolean;
}

/**
 * Small-cell suppression of one breakdown (the cells of one row, or one distribution that adds up to a total).
 *
 * Primary: every count with 0 < count < k is hidden. Complementary, when the total is shown: the goal is that
 * every count a reader can work out — a shown cell, or the hidden cells of the line together (total minus the
 * shown cells) — is 0 or at least k, and no hidden cell can be pinned down. So while exactly one cell is hidden
 * (the total would give it away), or the hidden cells add up to less than k, or to no more than their number
 * (e.g. [1, 1, 10]: two hidden cells summing to 2 must both be 1), the next-smallest shown cell is hidden too. Zeros stay shown: hiding a 0 adds nothing to the hidden sum, and a
 * published table should not hide that nobody is in a cell.
 *
 * When the cells alone cannot reach that (e.g. [3, 0, 0]), the total itself is below k: hide it with
 * `isSmallCell(total, k)` (`suppressMatrix` does so for its margins).
 */
export function suppressCells(
  cells: readonly number[],
  k: number = DEFAULT_SMALL_CELL_THRESHOLD,
  options: SuppressCellsOptions = {},
): SuppressedCell[] {
  checkThreshold(k);
  cells.forEach(assertCount);
  const reasons = cells.map(primary(k));
  if (options.totalShown ?? true) protectLine(cells, reasons, k);
  return cells.map((c, i) => toCell(c, reasons[i] ?? null));
}

/**
 * Complementary suppression of a breakdown in which some cells are already hidden for another reason (e.g. a
 * derived column such as "work or studies" whose value would give a hidden cell away): hides more cells, by the
 * same rule as `suppressCells`, until no single hidden cell and no hidden sum below k can be worked out from the
 * total. Returns the new hidden flags.
 */
export function protectBreakdown(
  counts: readonly number[],
  hidden: readonly boolean[],
  k: number = DEFAULT_SMALL_CELL_THRESHOLD,
): boolean[] {
  checkThreshold(k);
  counts.forEach(assertCount);
  if (hidden.length !== counts.length) throw new RangeError('One hidden flag per count');
  const reasons: (SuppressionReason | null)[] = hidden.map((h) => (h ? 'small' : null));
  protectLine(counts, reasons, k);
  return reasons.map(Boolean);
}

export interface SuppressedMatrix {
  cells: SuppressedCell[][];
  /** One per row: the row's sum. */
  rowTotals: SuppressedCell[];
  /** One per column: the column's sum. */
  columnTotals: SuppressedCell[];
  total: SuppressedCell;
}

/**
 * Suppression of a two-way table printed with its margins (row totals, column totals, grand total), as the
 * report tables are (e.g. gender × outcome, group × enrolment status).
 *
 * The table and its margins are one grid in which every row and every column is a line "parts + total". Every
 * count (margins included) from 1 to k − 1 is hidden; then, until nothing changes:
 * - each line with its total shown gets `suppressCells`'s rule (no single hidden part, hidden parts adding up
 *   to at least k); a line whose total is hidden gets at least one hidden part, or its shown parts would add
 *   up to the total;
 * - the next cell to hide is the one that keeps its other line protected without further cells, then the
 *   smallest (a total is a candidate too: hiding a column total can spare a whole row);
 * - an audit hides more wherever a hidden cell could still be pinned down through a chain of lines, which a
 *   line-by-line rule cannot see: exactly from the equations, or from them together with the fact that a
 *   hidden cell is at least 1.
 *
 * Made for the small tables of these reports (a handful of rows and columns). It is not an optimal
 * suppression (tools such as τ-Argus solve that), and it does not bound how closely an interval could be
 * narrowed beyond the line rule.
 */
export function suppressMatrix(
  rows: readonly (readonly number[])[],
  k: number = DEFAULT_SMALL_CELL_THRESHOLD,
  options: SuppressMatrixOptions = {},
): SuppressedMatrix {
  checkThreshold(k);
  const width = rows[0]?.length ?? 0;
  for (const row of rows) {
    if (row.length !== width) throw new RangeError('Every row of a table must have the same number of cells');
    row.forEach(assertCount);
  }
  if (options.rowTotals && options.rowTotals.length !== rows.length)
    throw new RangeError('One settled row total per row');
  const grid = new Grid(rows, k, options);
  grid.protect();
  return grid.result();
}

export interface SuppressMatrixOptions {
  /**
   * Row totals another table has already settled, e.g. group sizes when several tables break the same groups
   * down: true = published there (it stays shown here), false = hidden there (it stays hidden here). Without
   * this, each table could hide a different margin and together give it away.
   */
  rowTotals?: readonly boolean[];
  /** Likewise for the grand total. */
  total?: boolean;
}

type Pos = readonly [row: number, column: number];

interface Line {
  parts: Pos[];
  total: Pos;
}

/** The table with its margins: row totals in the last column, column totals in the last row. */
class Grid {
  private readonly values: number[][];
  private readonly reasons: (SuppressionReason | null)[][];
  private readonly lines: Line[] = [];
  /** For each cell, the lines it belongs to (as a part or as the total). */
  private readonly linesOf = new Map<string, Line[]>();

  /** Cells settled by another table: never hidden, or hidden already. */
  private readonly settled = new Set<string>();

  constructor(
    rows: readonly (readonly number[])[],
    private readonly k: number,
    options: SuppressMatrixOptions,
  ) {
    const width = rows[0]?.length ?? 0;
    const columnSums = Array.from({ length: width }, (_, j) => sum(rows.map((r) => r[j] ?? 0)));
    this.values = [...rows.map((r) => [...r, sum(r)]), [...columnSums, sum(columnSums)]];
    this.reasons = this.values.map((r) => r.map(primary(k)));
    const R = rows.length;
    const C = width;
    const settle = (p: Pos, published: boolean | undefined) => {
      if (published === undefined) return;
      const line = this.reasons[p[0]];
      line[p[1]] = published ? null : (line[p[1]] ?? 'complementary');
      this.settled.add(key(p));
    };
    options.rowTotals?.forEach((published, i) => settle([i, C], published));
    settle([R, C], options.total);
    for (let i = 0; i <= R; i++) this.addLine({ parts: range(C).map((j) => [i, j] as const), total: [i, C] });
    for (let j = 0; j <= C; j++) this.addLine({ parts: range(R).map((i) => [i, j] as const), total: [R, j] });
  }

  protect(): void {
    for (;;) {
      let changed = false;
      for (const line of this.lines) changed = this.protectLine(line) || changed;
      if (changed) continue;
      const exposed = this.exposedCell();
      if (!exposed) return;
      const candidate =
        this.best((this.linesOf.get(key(exposed)) ?? []).flatMap((l) => this.candidates(l))) ??
        this.best(this.allShown());
      if (!candidate) return;
      this.hide(candidate);
    }
  }

  result(): SuppressedMatrix {
    const R = this.values.length - 1;
    const C = (this.values[0]?.length ?? 1) - 1;
    const cell = (i: number, j: number) => toCell(this.values[i]?.[j] ?? 0, this.reasons[i]?.[j] ?? null);
    return {
      cells: range(R).map((i) => range(C).map((j) => cell(i, j))),
      rowTotals: range(R).map((i) => cell(i, C)),
      columnTotals: range(C).map((j) => cell(R, j)),
      total: cell(R, C),
    };
  }

  private addLine(line: Line): void {
    this.lines.push(line);
    for (const p of [...line.parts, line.total]) {
      const list = this.linesOf.get(key(p)) ?? [];
      list.push(line);
      this.linesOf.set(key(p), list);
    }
  }

  private value(p: Pos): number {
    return this.values[p[0]]?.[p[1]] ?? 0;
  }

  private hidden(p: Pos): boolean {
    return Boolean(this.reasons[p[0]]?.[p[1]]);
  }

  private hide(p: Pos): void {
    this.reasons[p[0]][p[1]] = 'complementary';
  }

  /**
   * The line rule. With its total shown: no hidden part, or at least two adding up to at least k. With its
   * total hidden: at least one hidden part, or the shown parts would add up to it (whether the total can be
   * worked out from the other dimension is the audit's business).
   */
  private satisfied(line: Line, extra?: Pos): boolean {
    const isHidden = (p: Pos) => this.hidden(p) || (extra !== undefined && key(p) === key(extra));
    const hiddenParts = line.parts.filter(isHidden).map((p) => this.value(p));
    if (isHidden(line.total)) return hiddenParts.length >= 1;
    return lineProtected(hiddenParts, this.k);
  }

  private protectLine(line: Line): boolean {
    if (this.satisfied(line)) return false;
    const candidate = this.best(this.candidates(line));
    if (!candidate) return false;
    this.hide(candidate);
    return true;
  }

  /** Shown non-zero cells of the line: its parts, and its total (hiding a total can spare a whole row). */
  private candidates(line: Line): Pos[] {
    return [...line.parts, line.total].filter((p) => this.hideable(p));
  }

  private allShown(): Pos[] {
    return this.values.flatMap((r, i) =>
      r.flatMap((_, j) => (this.hideable([i, j]) ? [[i, j] as const] : [])),
    );
  }

  private hideable(p: Pos): boolean {
    return !this.hidden(p) && this.value(p) > 0 && !this.settled.has(key(p));
  }

  /**
   * The candidate that leaves fewest lines that could no longer be protected (only zeros or settled cells left
   * to hide), then fewest lines needing another cell, then the smallest value, then the first.
   */
  private best(candidates: readonly Pos[]): Pos | undefined {
    let best: Pos | undefined;
    let bestScore: number[] | undefined;
    for (const p of candidates) {
      const broken = (this.linesOf.get(key(p)) ?? []).filter((l) => !this.satisfied(l, p));
      const stuck = broken.filter((l) => this.candidates(l).every((q) => key(q) === key(p))).length;
      const score = [stuck, broken.length, this.value(p)];
      if (!bestScore || lexicallyLess(score, bestScore)) {
        best = p;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * A hidden cell a reader could pin down from what is shown, if any. Each line is an equation
   * (parts − total = 0) over the hidden cells. Two checks:
   * - Gaussian elimination: a cell is determined when its column has a pivot whose row involves no free unknown;
   * - bounds: a hidden cell is at least 1 (zeros are never hidden, and readers can know that), so narrowing
   *   every hidden cell's interval through the equations can leave a single value even when the equations alone
   *   do not (e.g. a + b = 8, a + d = 14, c + d = 8 with a, b, c, d ≥ 1 forces d = 7).
   */
  private exposedCell(): Pos | undefined {
    const unknowns = this.values.flatMap((r, i) =>
      r.flatMap((_, j) => (this.hidden([i, j]) ? [[i, j] as const] : [])),
    );
    if (unknowns.length === 0) return undefined;
    const index = new Map(unknowns.map((p, n) => [key(p), n]));
    const equations = this.lines.map((line) => {
      const coefficients = new Array<number>(unknowns.length).fill(0);
      let rhs = 0;
      for (const p of line.parts) {
        if (index.has(key(p))) coefficients[index.get(key(p)) as number] = 1;
        else rhs -= this.value(p);
      }
      if (index.has(key(line.total))) coefficients[index.get(key(line.total)) as number] = -1;
      else rhs += this.value(line.total);
      return { coefficients, rhs };
    });

    const matrix = equations.map((e) => [...e.coefficients]);
    const pivots = reducedRowEchelon(matrix);
    const pivotColumns = new Set(pivots.map(([, c]) => c));
    for (const [r, c] of pivots) {
      const row = matrix[r];
      const free = row.some((v, j) => j !== c && !pivotColumns.has(j) && Math.abs(v) > EPSILON);
      if (!free) return unknowns[c];
    }

    const bounds = narrowBounds(equations, unknowns.length);
    const pinned = bounds.findIndex(([lo, hi]) => lo === hi);
    return pinned < 0 ? undefined : unknowns[pinned];
  }
}

/**
 * Interval narrowing (bounds propagation) for equations Σ aᵢ·xᵢ = rhs with aᵢ ∈ {−1, 0, 1} over whole numbers
 * xᵢ ≥ 1; returns [lo, hi] per unknown. Sound (never narrower than the truth) though not always as narrow as
 * linear programming would give.
 */
function narrowBounds(
  equations: readonly { coefficients: readonly number[]; rhs: number }[],
  n: number,
): [number, number][] {
  const bounds: [number, number][] = Array.from({ length: n }, () => [1, Number.POSITIVE_INFINITY]);
  for (let round = 0; round < 100; round++) {
    let changed = false;
    for (const { coefficients, rhs } of equations) {
      coefficients.forEach((a, j) => {
        if (a === 0) return;
        // The rest of the sum, Σ over i ≠ j of aᵢ·xᵢ, lies within [low, high].
        let low = 0;
        let high = 0;
        coefficients.forEach((b, i) => {
          if (i === j || b === 0) return;
          const [lo, hi] = bounds[i];
          low += b > 0 ? lo : -hi;
          high += b > 0 ? hi : -lo;
        });
        const [lo, hi] = bounds[j];
        const newLo = Math.max(lo, Math.ceil(a > 0 ? rhs - high : low - rhs));
        const newHi = Math.min(hi, Math.floor(a > 0 ? rhs - low : high - rhs));
        if (newLo !== lo || newHi !== hi) {
          bounds[j] = [newLo, newHi];
          changed = true;
        }
      });
    }
    if (!changed) break;
  }
  return bounds;
}

const EPSILON = 1e-9;

/** In place; returns the [row, column] of each pivot. The coefficients are small integers, so floats suffice. */
function reducedRowEchelon(m: number[][]): [number, number][] {
  const pivots: [number, number][] = [];
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    let p = r;
    while (p < m.length && Math.abs(m[p][c]) < EPSILON) p++;
    if (p === m.length) continue;
    [m[r], m[p]] = [m[p], m[r]];
    const pivotRow = m[r];
    const pv = pivotRow[c];
    for (let j = 0; j < width; j++) pivotRow[j] = pivotRow[j] / pv;
    for (let i = 0; i < m.length; i++) {
      const row = m[i];
      const f = row[c];
      if (i === r || Math.abs(f) < EPSILON) continue;
      for (let j = 0; j < width; j++) row[j] = row[j] - f * pivotRow[j];
    }
    pivots.push([r, c]);
    r++;
  }
  return pivots;
}

function lexicallyLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

function key(p: Pos): string {
  return `${p[0]},${p[1]}`;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * Whether the hidden cells of a line with a shown total are safe: none, or at least two adding up to at least
 * k — and to more than their number, since hidden cells are at least 1 and five hidden cells summing to 5 are
 * all 1.
 */
function lineProtected(hidden: readonly number[], k: number): boolean {
  const total = sum(hidden);
  return hidden.length === 0 || (hidden.length >= 2 && total >= k && total > hidden.length);
}

function primary(k: number) {
  return (count: number): SuppressionReason | null => (isSmallCell(count, k) ? 'small' : null);
}

function toCell(count: number, reason: SuppressionReason | null): SuppressedCell {
  return reason ? { count: null, suppressed: reason } : { count, suppressed: null };
}

/** Complementary suppression of one line whose total is shown; mutates `reasons`, returns whether it changed. */
function protectLine(counts: readonly number[], reasons: (SuppressionReason | null)[], k: number): boolean {
  let changed = false;
  for (;;) {
    if (
      lineProtected(
        counts.filter((_, i) => reasons[i]),
        k,
      )
    )
      return changed;
    if (!seed(counts, reasons)) return changed;
    changed = true;
  }
}

/** Hides the smallest shown non-zero cell, the leftmost on a tie (so the result is reproducible). */
function seed(counts: readonly number[], reasons: (SuppressionReason | null)[]): boolean {
  let best = -1;
  counts.forEach((c, i) => {
    if (reasons[i] || c === 0) return;
    if (best < 0 || c < counts[best]) best = i;
  });
  if (best < 0) return false;
  reasons[best] = 'complementary';
  return true;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`A count must be a whole number ≥ 0, got ${n}`);
}
