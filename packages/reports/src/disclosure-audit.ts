import { DETAIL_CODES_OF_CATEGORY, checkThreshold } from '@stegvis/contracts';
import type { DisclosureModel, ModelCell } from './disclosure-model.js';

// ---------------------------------------------------------------------------------------------------------------
// The disclosure audit: for every hidden health cell, the interval of values it could have given everything the
// audience can obtain (every shown cell of every fixed period and every other registered endpoint, as linear
// equations over the model's unknowns), by linear programming with GLPK (glpk.js). The suppression built on it
// hides health cells below k, then more cells until every such interval is safe.
//
// Safe, for a hidden health cell c with true value v, 1 ≤ v ≤ k − 1, with [lo, hi] the least and greatest
// whole-number value c can take given all the shown cells, and B the greatest value it could take given only
// the figures that depend on nobody's outcome (enrolment, status, attendance, internships, surveys' response
// counts, Finsam, reasons for leaving — which the policy publishes in any case):
//
//     hi − lo ≥ k                     (the cell is uncertain by at least k people), or
//     lo = 0 and hi ≥ min(k − 1, B)   (it could be 0, and any value up to k − 1 or up to all it could count
//                                      before any outcome was published: the reader cannot tell nobody from
//                                      somebody, nor how many).
//
// Cells that are 0 are hidden too (so ".." never says "someone"), but are not audited: a 0 worked out says that
// nobody in a group has the attribute, which is about the group, not one person. Unsafety is proved with the
// linear relaxation (its interval contains the whole-number one); safety with whole-number witnesses (GLPK's
// branch and bound, stopped early if need be: any feasible whole-number solution is a value the cell can take).
// ---------------------------------------------------------------------------------------------------------------

/** The part of glpk.js used here (its node build: `solve` is synchronous once loaded). */
export interface Glpk {
  readonly GLP_MIN: number;
  readonly GLP_MAX: number;
  readonly GLP_FX: number;
  readonly GLP_LO: number;
  readonly GLP_MSG_OFF: number;
  readonly GLP_OPT: number;
  readonly GLP_FEAS: number;
  readonly GLP_UNBND: number;
  solve(
    lp: GlpkProblem,
    options?: { msglev?: number; presol?: boolean; tmlim?: number; mipgap?: number },
  ): { result: { status: number; z: number; vars: Record<string, number>; dual?: Record<string, number> } };
}

interface GlpkProblem {
  name: string;
  objective: { direction: number; name: string; vars: { name: string; coef: number }[] };
  subjectTo: {
    name: string;
    vars: { name: string; coef: number }[];
    bnds: { type: number; ub: number; lb: number };
  }[];
  bounds?: { name: string; type: number; ub: number; lb: number }[];
  generals?: string[];
}

// Not a literal, so TypeScript's CommonJS build does not try to resolve the ES-module-only package's types.
const GLPK_MODULE: string = 'glpk.js/node';
let loading: Promise<Glpk> | undefined;

/** GLPK, loaded once (a WebAssembly module of about 300 kB). */
export function loadGlpk(): Promise<Glpk> {
  loading ??= (import(GLPK_MODULE) as Promise<{ default: unknown }>).then((m) => {
    const d = m.default;
    const factory = (
      typeof d === 'function' ? d : (d as { default: unknown }).default
    ) as () => Promise<Glpk>;
    return factory();
  });
  return loading;
}

export interface AuditOptions {
  k: number;
  /** Wall-clock budget for the whole suppression; past it the result is the fail-closed one. Default 20 s. */
  timeLimitMs?: number;
  /** Confirm safety with whole-number witnesses (default true). Off: the relaxation's interval is used. */
  integer?: boolean;
  /** How many candidate cells to try before hiding one (default 0: the cheapest binding one, untried). */
  lookahead?: number;
}

export interface CellInterval {
  key: string;
  value: number;
  /** B: its greatest value given only the figures that depend on nobody's outcome. */
  bound: number;
  lo: number;
  hi: number;
  safe: boolean;
}

export interface DisclosureDecision {
  k: number;
  /** `audited`: the intervals below prove every hidden health cell safe. `fallback`: see `reason`. */
  status: 'audited' | 'fallback';
  reason: string | null;
  /** Keys of the model's cells the audience does not see. */
  hidden: string[];
  /** The true value of every model cell, by key: a view shows a figure only when it equals this. */
  values: Record<string, number>;
  intervals: CellInterval[];
  solves: number;
  ms: number;
}

/** Whether an interval protects a hidden cell (see the top of this file). */
export function isSafeInterval(lo: number, hi: number, bound: number, k: number): boolean {
  return hi - lo >= k || (lo === 0 && hi >= Math.min(k - 1, bound));
}

/**
 * The fail-closed decision: every health cell and every figure that depends on anyone's outcome is hidden (and
 * whatever else `also` names). Safe without any computation: no shown figure then depends on an outcome, so each
 * hidden health cell can be anything from 0 to everyone it counts among.
 */
export function fallbackDecision(
  model: DisclosureModel,
  k: number,
  reason: string,
  also: Iterable<string> = [],
): DisclosureDecision {
  const hidden = new Set(also);
  for (const c of model.cells) if (c.outcomeDependent || c.class === 'sensitive') hidden.add(c.key);
  return {
    k,
    status: 'fallback',
    reason,
    hidden: [...hidden].sort(),
    values: valuesOf(model),
    intervals: [],
    solves: 0,
    ms: 0,
  };
}

function valuesOf(model: DisclosureModel): Record<string, number> {
  const values: Record<string, number> = {};
  for (const c of model.cells) values[c.key] = c.value;
  return values;
}

/** Cells with the same coefficients: one equation, shown or hidden together. */
interface Row {
  index: number;
  cells: ModelCell[];
  terms: ReadonlyMap<number, number>;
  value: number;
  hidden: boolean;
  cost: number;
}

const COST: Record<ModelCell['class'], number> = { sensitive: 1, derived: 2, outcome: 3, plain: 8 };
const EPS = 1e-7;

/**
 * Hides every health cell below k, then more cells until the audit proves each safe. Fails closed (the fallback
 * decision) when the model cannot hold the data, on a time-out, or when GLPK fails.
 */
export async function decideDisclosure(
  model: DisclosureModel,
  options: AuditOptions,
): Promise<DisclosureDecision> {
  const k = checkThreshold(options.k);
  const started = Date.now();
  if (model.unsupported.length) return fallbackDecision(model, k, model.unsupported[0]);
  let glpk: Glpk;
  try {
    glpk = await loadGlpk();
  } catch (err) {
    return fallbackDecision(model, k, `GLPK could not be loaded: ${(err as Error).message}`);
  }
  const auditor = new Auditor(model, glpk, k, options, started);
  try {
    return auditor.run();
  } catch (err) {
    return {
      ...fallbackDecision(model, k, (err as Error).message, auditor.hiddenKeys()),
      solves: auditor.solves,
      ms: Date.now() - started,
    };
  }
}

/** The audit of a given hidden set (no suppression): each hidden health cell's interval. For tests and checks. */
export async function auditHidden(
  model: DisclosureModel,
  hidden: Iterable<string>,
  options: AuditOptions,
): Promise<CellInterval[]> {
  const glpk = await loadGlpk();
  const auditor = new Auditor(model, glpk, checkThreshold(options.k), options, Date.now());
  auditor.hide(hidden);
  return auditor.audited().map((r) => auditor.interval(r, options.integer ?? true));
}

class TimeOut extends Error {}

class Auditor {
  solves = 0;

  private readonly rows: Row[] = [];
  private readonly rowOf = new Map<string, Row>();
  private readonly timeLimit: number;

  constructor(
    private readonly model: DisclosureModel,
    private readonly glpk: Glpk,
    private readonly k: number,
    private readonly options: AuditOptions,
    private readonly started: number,
  ) {
    this.timeLimit = options.timeLimitMs ?? 20_000;
    const byTerms = new Map<string, Row>();
    for (const c of model.cells) {
      if (c.tiedTo !== undefined) continue;
      const sig = [...c.terms].sort((a, b) => a[0] - b[0]).join(';');
      let row = byTerms.get(sig);
      if (!row) {
        row = { index: this.rows.length, cells: [], terms: c.terms, value: c.value, hidden: false, cost: 0 };
        byTerms.set(sig, row);
        this.rows.push(row);
      }
      row.cells.push(c);
      row.cost = Math.max(row.cost, COST[c.class]);
      this.rowOf.set(c.key, row);
    }
  }

  hide(keys: Iterable<string>): void {
    for (const key of keys) {
      const row = this.rowOf.get(key);
      if (row) this.setHidden(row, true);
    }
  }

  /** The hidden cells: the hidden rows' cells, and the figures tied to one of them. */
  hiddenKeys(): string[] {
    const keys = new Set(this.rows.filter((r) => r.hidden).flatMap((r) => r.cells.map((c) => c.key)));
    for (const c of this.model.cells) if (c.tiedTo !== undefined && keys.has(c.tiedTo)) keys.add(c.key);
    return [...keys];
  }

  /**
   * A first, cheap pass by lines (a table's row that adds up to a shown total): where a hidden health cell is
   * from 1 to k − 1, more of the line's cells are hidden until the hidden ones add up to at least
   * min(k − 1, total), with at least one besides the health cell; and a hidden outcome category hides its
   * detail codes. The audit then finds what lines cannot see (other tables, other periods) and fixes it.
   */
  private linePass(): void {
    const cell = new Map(this.model.cells.map((c) => [c.key, c]));
    const rowOfKey = (key: string) => this.rowOf.get(key);
    // The same column hidden in another row or period is preferred: rows and periods that add up to each other
    // then hide alike, and one line's choice does not expose another's.
    const hiddenFigures = new Set<string>();
    const markFigure = (r: Row) => r.cells.forEach((c) => hiddenFigures.add(columnOf(c)));
    for (const r of this.rows) if (r.hidden) markFigure(r);
    const lines = new Map<string, { parts: ModelCell[]; total: ModelCell | undefined }>();
    for (const c of this.model.cells) {
      let line: string | undefined;
      let total: string | undefined;
      if (
        c.table === 'outcome' &&
        (c.column.startsWith('cat:') || c.column === 'left_without' || c.column === 'no_yet')
      ) {
        line = `${c.period}|outcome|${c.row}`;
        total = cellKeyOf(c.period, 'status', c.row, 'enrolled');
      } else if (c.table === 'follow-up' && c.column.startsWith('cat:')) {
        line = `${c.period}|follow-up|${c.row}`;
        total = cellKeyOf(c.period, 'follow-up', c.row, 'followed');
      } else if (c.table === 'detail') {
        const category = categoryOfColumn(c.column);
        line = `${c.period}|detail|${c.row}|${category}`;
        total = cellKeyOf(c.period, 'outcome', c.row, `cat:${category}`);
      }
      if (!line) continue;
      if (!this.rowOf.has(c.key)) continue;
      const l = lines.get(line) ?? { parts: [], total: total ? cell.get(total) : undefined };
      l.parts.push(c);
      lines.set(line, l);
    }
    for (const { parts, total } of lines.values()) {
      const hiddenPrimary = parts.filter(
        (c) => c.class === 'sensitive' && c.value >= 1 && rowOfKey(c.key)?.hidden,
      );
      if (!hiddenPrimary.length || !total) continue;
      const need = Math.min(this.k - 1, total.value);
      const hiddenSum = () => parts.filter((c) => rowOfKey(c.key)?.hidden).reduce((n, c) => n + c.value, 0);
      const others = () => parts.filter((c) => c.class !== 'sensitive' && !rowOfKey(c.key)?.hidden);
      let extra = parts.filter((c) => c.class !== 'sensitive' && rowOfKey(c.key)?.hidden).length;
      while (hiddenSum() < need || extra === 0) {
        const pool = others();
        if (!pool.length) break;
        const missing = need - hiddenSum();
        // A figure hidden elsewhere first (one pattern across periods), then the smallest that is enough, then the
        // largest.
        pool.sort(
          (a, b) =>
            Number(hiddenFigures.has(columnOf(b))) - Number(hiddenFigures.has(columnOf(a))) ||
            Number(b.value >= missing) - Number(a.value >= missing) ||
            (a.value >= missing ? a.value - b.value : b.value - a.value),
        );
        const r = rowOfKey(pool[0].key);
        if (!r) break;
        this.setHidden(r, true);
        markFigure(r);
        extra += 1;
      }
    }
  }

  /** Hidden rows holding a health cell from 1 to k − 1: the cells the audit must protect. */
  audited(): Row[] {
    return this.rows.filter(
      (r) => r.hidden && r.value >= 1 && r.value < this.k && r.cells.some((c) => c.class === 'sensitive'),
    );
  }

  run(): DisclosureDecision {
    // Primary: every health cell below k, zeros included; not a cell that can count nobody (no unknowns).
    for (const row of this.rows)
      if (row.terms.size > 0 && row.cells.some((c) => c.class === 'sensitive' && c.value < this.k))
        this.setHidden(row, true);
    this.linePass();
    const integer = this.options.integer ?? true;
    const intervals = new Map<Row, CellInterval>();
    try {
      for (;;) {
        let changed = false;
        for (const row of this.audited()) {
          if (intervals.get(row)?.safe) continue;
          let iv = this.interval(row, integer);
          while (!iv.safe) {
            this.complement(row, iv);
            changed = true;
            iv = this.interval(row, integer);
          }
          intervals.set(row, iv);
        }
        if (!changed) break;
      }
    } catch (err) {
      if (err instanceof TimeOut)
        return {
          ...fallbackDecision(this.model, this.k, 'the audit did not finish in time', this.hiddenKeys()),
          solves: this.solves,
          ms: Date.now() - this.started,
        };
      throw err;
    }
    // Every audited row was proved safe at some point, and hiding more only widens intervals.
    return {
      k: this.k,
      status: 'audited',
      reason: null,
      hidden: this.hiddenKeys().sort(),
      values: valuesOf(this.model),
      intervals: [...intervals.values()].sort((a, b) => a.key.localeCompare(b.key)),
      solves: this.solves,
      ms: Date.now() - this.started,
    };
  }

  /**
   * The row's interval. Relaxation: [⌈min⌉, ⌊max⌋], which contains every whole-number value. With `integer`,
   * whole-number witnesses: a relaxed optimum that is already whole is one; otherwise branch and bound.
   */
  interval(row: Row, integer: boolean): CellInterval {
    this.lastDuals = new Set();
    const bound = (side: 'max' | 'min') => {
      const relaxed = this.solve(row.terms, side, false);
      for (const [r, d] of relaxed.duals) if (Math.abs(d) > EPS) this.lastDuals.add(r);
      if (!integer || relaxed.integral || !Number.isFinite(relaxed.value)) return relaxed.value;
      return this.solve(row.terms, side, true).value;
    };
    const max = bound('max');
    const min = bound('min');
    const ceiling = this.ceiling(row);
    const lo = Math.max(0, Math.ceil(min - EPS));
    const hi = Math.floor(max + EPS);
    return {
      key: row.cells[0].key,
      value: row.value,
      bound: ceiling,
      lo,
      hi,
      safe: isSafeInterval(lo, hi, ceiling, this.k),
    };
  }

  /**
   * Hides a shown cell that widens the unsafe row's interval: among those the relaxation says bind it (non-zero
   * dual), the one that makes it safe at the least cost, else the one that widens it most; a few are tried.
   */
  private complement(row: Row, iv: CellInterval): void {
    // The rows that bind the relaxation's optimum, from the interval just computed for this row. Only figures that
    // depend on someone's outcome: with all of them hidden the cell can reach B (the fail-closed argument), so
    // they always suffice, and enrolment, status and the other plain counts are never hidden.
    let pool = [...this.lastDuals].filter((r) => this.hideable(r));
    if (pool.length === 0) pool = this.neighbours(row);
    if (pool.length === 0) throw new Error(`No cell left to hide for ${row.cells[0].key}`);
    const hiddenRows = this.rows.filter((r) => r.hidden);
    const hiddenFigures = new Set(hiddenRows.flatMap((r) => r.cells.map((c) => figureOf(c))));
    const hiddenColumns = new Set(hiddenRows.flatMap((r) => r.cells.map((c) => columnOf(c))));
    const cost = (r: Row) =>
      r.cost -
      (r.cells.some((c) => hiddenFigures.has(figureOf(c))) ? 0.5 : 0) -
      (r.cells.some((c) => hiddenColumns.has(columnOf(c))) ? 0.25 : 0);
    pool.sort((a, b) => cost(a) - cost(b) || a.value - b.value || a.index - b.index);
    const lookahead = this.options.lookahead ?? 0;
    if (lookahead === 0) {
      this.hideWithAnalogues(pool[0], row);
      return;
    }
    let best: { r: Row; score: number[] } | undefined;
    for (const r of pool.slice(0, lookahead)) {
      this.setHidden(r, true);
      const next = this.interval(row, false);
      this.setHidden(r, false);
      const gain = next.hi - next.lo - (iv.hi - iv.lo);
      // Safe first, then cheapest, then smallest; otherwise the largest gain, then cheapest.
      const score = next.safe ? [0, cost(r), r.value] : [1, -gain, cost(r)];
      if (!best || lexLess(score, best.score)) best = { r, score };
    }
    this.hideWithAnalogues(best!.r, row);
  }

  /**
   * Hides `r`, and the same figure in each other period where the same health cell is also hidden and not yet
   * proved safe: the periods' tables are alike, so one pattern serves them all, and the same figure hidden in
   * every period leaves nothing to compare between two of them.
   */
  private hideWithAnalogues(r: Row, audited: Row): void {
    this.setHidden(r, true);
    const figure = figureOf(r.cells[0]);
    const target = figureOf(audited.cells[0]);
    const periods = new Set(
      this.audited()
        .filter((a) => a !== audited && a.cells.some((c) => figureOf(c) === target))
        .flatMap((a) => a.cells.map((c) => c.period)),
    );
    for (const period of periods) {
      const analogue = this.rowOf.get(`${period}|${figure}`);
      if (analogue && this.hideable(analogue)) this.setHidden(analogue, true);
    }
  }

  private hideable(r: Row): boolean {
    return !r.hidden && r.terms.size > 0 && r.cells.some((c) => c.outcomeDependent);
  }

  /** The hub (top unknown) of each unknown. */
  private get roots(): Int32Array {
    if (!this.rootCache) {
      const parent = new Int32Array(this.model.size).fill(-1);
      for (const s of this.model.structure) for (const c of s.children) parent[c] = s.parent;
      const root = new Int32Array(this.model.size);
      for (let i = 0; i < root.length; i++) {
        let r = i;
        while (parent[r] >= 0) r = parent[r];
        root[i] = r;
      }
      this.rootCache = root;
    }
    return this.rootCache;
  }

  private rootCache: Int32Array | undefined;

  /** Shown, hideable rows about the same enrolments (hubs) as `row`: where a shown 0 may pin it. */
  private neighbours(row: Row): Row[] {
    const roots = this.roots;
    const hubs = new Set([...row.terms.keys()].map((i) => roots[i]));
    return this.rows.filter((r) => this.hideable(r) && [...r.terms.keys()].some((i) => hubs.has(roots[i])));
  }

  /**
   * Unknowns a shown 0 forces to 0 (a shown cell of 0 whose coefficients are all +1), and through the splits: a
   * parent at 0 has its children at 0, and a parent whose children are all 0 is 0. Dropping them before GLPK sees
   * the problem makes a small programme's problem a few hundred unknowns instead of thousands.
   */
  private zeros(baseline = false): Uint8Array {
    if (!baseline && this.zeroCache) return this.zeroCache;
    if (baseline && this.baselineZeros) return this.baselineZeros;
    const zero = new Uint8Array(this.model.size);
    for (const r of this.rows) {
      if (!this.included(r, baseline) || r.value !== 0) continue;
      let positive = true;
      for (const c of r.terms.values()) if (c < 0) positive = false;
      if (positive) for (const i of r.terms.keys()) zero[i] = 1;
    }
    for (let changed = true; changed;) {
      changed = false;
      for (const s of this.model.structure) {
        if (zero[s.parent]) {
          for (const c of s.children)
            if (!zero[c]) {
              zero[c] = 1;
              changed = true;
            }
        } else if (s.children.every((c) => zero[c])) {
          zero[s.parent] = 1;
          changed = true;
        }
      }
    }
    if (baseline) this.baselineZeros = zero;
    else this.zeroCache = zero;
    return zero;
  }

  /** The equations a solve uses: the shown rows, or for B every row that depends on nobody's outcome. */
  private included(r: Row, baseline: boolean): boolean {
    return baseline ? r.cells.every((c) => !c.outcomeDependent) : !r.hidden;
  }

  private zeroCache: Uint8Array | undefined;
  private lastDuals = new Set<Row>();
  private readonly ceilings = new Map<Row, number>();

  /** B: the row's greatest whole-number value given only the outcome-independent figures (all of them). */
  private ceiling(row: Row): number {
    let b = this.ceilings.get(row);
    if (b === undefined) {
      const relaxed = this.solve(row.terms, 'max', false, true);
      b = Math.floor(relaxed.value + EPS);
      this.ceilings.set(row, b);
    }
    return b;
  }

  private baselineZeros: Uint8Array | undefined;

  setHidden(row: Row, hidden: boolean): void {
    // A cell that can count nobody (no unknowns: a group outside the period) is 0 whatever the data: never hidden.
    if (row.hidden === hidden || row.terms.size === 0) return;
    row.hidden = hidden;
    this.zeroCache = undefined;
  }

  /** max or min of Σ terms over the shown equations; the duals of the shown rows (relaxation only). */
  private solve(
    terms: ReadonlyMap<number, number>,
    side: 'max' | 'min',
    integer: boolean,
    baseline = false,
  ): { value: number; duals: Map<Row, number>; integral: boolean } {
    const elapsed = Date.now() - this.started;
    if (elapsed > this.timeLimit) throw new TimeOut();
    const g = this.glpk;
    const zero = this.zeros(baseline);
    const name = (i: number) => `x${i}`;
    const live = (m: ReadonlyMap<number, number>) => [...m].filter(([i]) => !zero[i]);
    const objective = live(terms);
    if (objective.length === 0) return { value: 0, duals: new Map(), integral: true };
    const used = new Set<number>();
    const subjectTo: GlpkProblem['subjectTo'] = [];
    this.model.structure.forEach((s, i) => {
      if (zero[s.parent]) return;
      const children = s.children.filter((c) => !zero[c]);
      used.add(s.parent);
      for (const c of children) used.add(c);
      subjectTo.push({
        name: `s${i}`,
        vars: [{ name: name(s.parent), coef: -1 }, ...children.map((c) => ({ name: name(c), coef: 1 }))],
        bnds: { type: g.GLP_FX, lb: 0, ub: 0 },
      });
    });
    for (const r of this.rows) {
      if (!this.included(r, baseline)) continue;
      const vars = live(r.terms);
      if (vars.length === 0) continue;
      for (const [i] of vars) used.add(i);
      subjectTo.push({
        name: `r${r.index}`,
        vars: vars.map(([i, coef]) => ({ name: name(i), coef })),
        bnds: { type: g.GLP_FX, lb: r.value, ub: r.value },
      });
    }
    for (const [i] of objective) used.add(i);
    const names = [...used].map(name);
    const remaining = Math.max(1, (this.timeLimit - elapsed) / 1000);
    const result = g.solve(
      {
        name: 'audit',
        objective: {
          direction: side === 'max' ? g.GLP_MAX : g.GLP_MIN,
          name: 'cell',
          vars: objective.map(([i, coef]) => ({ name: name(i), coef })),
        },
        subjectTo,
        bounds: names.map((n) => ({ name: n, type: g.GLP_LO, lb: 0, ub: 0 })),
        ...(integer ? { generals: names } : {}),
      },
      { msglev: g.GLP_MSG_OFF, presol: true, ...(integer ? { tmlim: Math.min(remaining, 10) } : {}) },
    );
    this.solves += 1;

    const status = result.result.status;
    if (status === g.GLP_UNBND)
      return { value: side === 'max' ? Number.POSITIVE_INFINITY : 0, duals: new Map(), integral: false };
    if (status !== g.GLP_OPT && !(integer && status === g.GLP_FEAS))
      throw new Error(
        `GLPK could not solve the audit (status ${status}, ${integer ? 'whole numbers' : 'relaxed'}, ${side}, ${subjectTo.length} rows)`,
      );
    let value = result.result.z;
    // A whole-number solution's value is one the cell can really take (a witness), optimal or not; when the
    // search stopped early the true bound lies beyond it, which only makes the cell safer than recorded.
    if (integer) value = Math.round(value);
    const integral = Object.values(result.result.vars).every((x) => Math.abs(x - Math.round(x)) < EPS);
    const duals = new Map<Row, number>();
    if (!integer && result.result.dual)
      for (const [rowName, d] of Object.entries(result.result.dual))
        if (rowName.startsWith('r')) duals.set(this.rows[Number(rowName.slice(1))], d);
    return { value, duals, integral };
  }
}

function cellKeyOf(period: string, table: string, row: string, column: string): string {
  return `${period}|${table}|${row}|${column}`;
}

/** The category of a detail column: a code's, or `uncoded:<category>`'s. */
function categoryOfColumn(column: string): string {
  if (column.startsWith('uncoded:')) return column.slice('uncoded:'.length);
  for (const [category, codes] of Object.entries(DETAIL_CODES_OF_CATEGORY))
    if ((codes as readonly string[]).includes(column)) return category;
  return '';
}

/** A figure regardless of period: hiding it in one period makes hiding it in another cheaper. */
function figureOf(c: ModelCell): string {
  return `${c.table}|${c.row}|${c.column}`;
}

/** A column of a table regardless of row and period. */
function columnOf(c: ModelCell): string {
  return `${c.table}|${c.column}`;
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
