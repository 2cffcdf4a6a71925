import {
  DETAIL_CODES_OF_CATEGORY,
  FOLLOW_UP_MONTHS,
  GENDERS,
  LEFT_REASONS,
  OUTCOME_CATEGORIES,
  isIsoDate,
  type EnrolmentStatus,
  type FollowUpMonths,
  type Gender,
  type LeftReason,
  type OutcomeCategory,
  type OutcomeDetailCode,
} from '@stegvis/contracts';
import { percent } from './percent.js';

// ---------------------------------------------------------------------------------------------------------------
// The disclosure model: what an aggregate-only audience (steering, evaluators, the admin) can learn about one
// programme, as linear equations over unknown counts of people. disclosure.ts decides what they see with it;
// disclosure-audit.ts proves, by linear programming, that no hidden cell can be worked out from it.
//
// The unknowns. A person's enrolment is a *hub* — group, the first and last slot of time it overlaps (slots are
// the pieces the fixed periods cut the programme into), and how it ended — and each hub is split, independently,
// by each fact some published table crosses with it: outcome (category and the slot of its date; under it
// gender and detail code), reason for leaving, first internship (and whether she left after the internship weeks
// began), attendance as at the end of each slot, being enrolled when each survey round opened, having a start
// and an end assessment, and each follow-up. Splits of one hub are not crossed with each other by any table, so
// any counts that add up per hub can be combined into real people (a transportation problem always has a
// solution): the model is exact for the tables below, not a relaxation. Amounts that are not people (sessions
// held and present, placements, offers, survey answers, assessment means) are tied to the count of people of
// their row and shown only with it (disclosure.ts), so they add nothing the model does not hold.
// ---------------------------------------------------------------------------------------------------------------

/**
 * How an enrolment ended: still running without an end date (`open`: it counts in every later year, as Finsam
 * counts it), still running with one (`active`), completed, or left early.
 */
export const HUB_ENDS = ['open', 'active', 'completed', 'left'] as const;
export type HubEnd = (typeof HUB_ENDS)[number];

/** A reason for leaving as aggregate-only audiences see it: health is counted with personal reasons, always. */
export const AUDIENCE_LEFT_REASONS = [
  'personal_or_health',
  'moved',
  'got_job',
  'parental_leave',
  'other_effort',
  'other',
  'none',
] as const;
export type AudienceLeftReason = (typeof AUDIENCE_LEFT_REASONS)[number];

export function audienceLeftReason(r: LeftReason | null): AudienceLeftReason {
  if (r === null) return 'none';
  return r === 'health' || r === 'personal' ? 'personal_or_health' : r;
}

export const ATTENDANCE_CLASSES = ['meets', 'below', 'none'] as const;
/** As at a day: reaches the goal, does not, or no session held yet while enrolled. */
export type AttendanceClass = (typeof ATTENDANCE_CLASSES)[number];

// ---------------------------------------------------------------------------------------------------------------
// Input: one programme's data at person level (no names or numbers), as the api gathers it for the check.
// ---------------------------------------------------------------------------------------------------------------

export interface DisclosureGroup {
  /** Unique within the programme (the api uses the group's id). */
  key: string;
  number: number;
  municipality: string | null;
  start: string;
  end: string;
  internshipWeeksStart: string | null;
  /** Survey rounds of the group: the day (Stockholm) each opened. */
  surveyRounds: readonly { key: string; openDay: string }[];
}

export interface DisclosureEnrolment {
  group: string;
  /** The person: one who moved between groups has an enrolment in each, and totals count her once. */
  person: string;
  gender: Gender;
  start: string;
  end: string | null;
  status: EnrolmentStatus;
  leftReason: LeftReason | null;
  outcome: { category: OutcomeCategory; detailCode: OutcomeDetailCode | null; date: string } | null;
  followUps: readonly { months: FollowUpMonths; category: OutcomeCategory; date: string }[];
  /** Start days of her internships. */
  internships: readonly string[];
  /** Sessions held while she was enrolled (scheduled, attendance taken), and whether she was present. */
  sessions: readonly { date: string; present: boolean }[];
  /** She has both a start and an end assessment. */
  assessed: boolean;
}

export interface DisclosureProgramme {
  start: string;
  end: string;
  /** The programme's attendance goal (whole per cent). */
  attendanceGoal: number;
  groups: readonly DisclosureGroup[];
  enrolments: readonly DisclosureEnrolment[];
}

// ---------------------------------------------------------------------------------------------------------------
// Fixed periods: the only periods aggregate-only audiences may ask for (docs/evaluators.md).
// ---------------------------------------------------------------------------------------------------------------

export const FIXED_PERIOD_KINDS = ['tertial', 'year', 'whole'] as const;
export type FixedPeriodKind = (typeof FIXED_PERIOD_KINDS)[number];

export interface FixedPeriod {
  /** "2021-T1", "2021" or "whole". */
  id: string;
  kind: FixedPeriodKind;
  start: string;
  end: string;
}

const TERTIAL_BOUNDS: readonly [string, string][] = [
  ['01-01', '04-30'],
  ['05-01', '08-31'],
  ['09-01', '12-31'],
];

/**
 * Every fixed period of a programme: each calendar tertial (January–April, May–August, September–December) and
 * each calendar year that overlaps it, and the whole programme (its own start and end). Oldest first.
 */
export function fixedPeriods(programme: { start: string; end: string }): FixedPeriod[] {
  if (!isIsoDate(programme.start) || !isIsoDate(programme.end) || programme.start > programme.end)
    throw new RangeError(
      `A programme needs a start and an end, start first: ${programme.start} – ${programme.end}`,
    );
  const first = Number(programme.start.slice(0, 4));
  const last = Number(programme.end.slice(0, 4));
  const periods: FixedPeriod[] = [];
  for (let y = first; y <= last; y++) {
    const year = String(y).padStart(4, '0');
    TERTIAL_BOUNDS.forEach(([from, to], i) => {
      const p = { start: `${year}-${from}`, end: `${year}-${to}` };
      if (p.start <= programme.end && p.end >= programme.start)
        periods.push({ id: `${year}-T${i + 1}`, kind: 'tertial', ...p });
    });
    periods.push({ id: year, kind: 'year', start: `${year}-01-01`, end: `${year}-12-31` });
  }
  periods.push({ id: 'whole', kind: 'whole', start: programme.start, end: programme.end });
  return periods;
}

/** The fixed period with exactly these dates, or null. */
export function findFixedPeriod(
  programme: { start: string; end: string },
  period: { start: string; end: string },
): FixedPeriod | null {
  return fixedPeriods(programme).find((p) => p.start === period.start && p.end === period.end) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Cells: every published count, as a sum of unknowns.
// ---------------------------------------------------------------------------------------------------------------

/** The families of cells the model knows, by what they count. Keys are `${period}|${table}|${row}|${column}`. */
export const DISCLOSURE_CELL_TABLES = [
  'status',
  'outcome',
  'detail',
  'reason',
  'clear-plan',
  'attendance',
  'internship',
  'survey',
  'follow-up',
  'finsam',
  'internship-summary',
  'assessment',
] as const;
export type DisclosureCellTable = (typeof DISCLOSURE_CELL_TABLES)[number];

/**
 * How a cell is treated. `sensitive`: from health data (a health outcome, its detail codes, a health follow-up);
 * shown only from k. `derived`: a sum or difference of others (work or studies, clear plan); `outcome`: a plain
 * outcome count; `plain`: enrolment, attendance, internships, surveys' response counts, Finsam.
 */
export type CellClass = 'sensitive' | 'derived' | 'outcome' | 'plain';

export interface ModelCell {
  key: string;
  table: DisclosureCellTable;
  /** The fixed period's id, or '-' for a figure outside periods (an endpoint's whole-time summary). */
  period: string;
  row: string;
  column: string;
  value: number;
  class: CellClass;
  /** Whether its value depends on anyone's outcome or follow-up (the fail-closed view hides every such cell). */
  outcomeDependent: boolean;
  /**
   * A figure outside the equations, shown only with the cell it is tied to: a detail code of a category other
   * than health, under that category's count (it splits that count and nothing else).
   */
  tiedTo?: string;
  /** Sparse coefficients: unknown index → ±1. */
  terms: ReadonlyMap<number, number>;
}

export interface DisclosureModel {
  periods: FixedPeriod[];
  /** Number of unknowns. */
  size: number;
  /** Each split of an unknown: Σ children = parent. */
  structure: { parent: number; children: number[] }[];
  cells: ModelCell[];
  /** The true value of each unknown (for tests). */
  truth: Int32Array;
  /** What each unknown is: a hub, or which split of one ('oc' outcome, 'og' its gender, 'od' its detail code,
   * 'f' a follow-up; 'r', 'i', 'a', 's', 'pa': reason, internship, attendance, survey round, assessment). */
  kinds: string[];
  /** Why the data cannot be represented, if it cannot: the check then fails closed. */
  unsupported: string[];
}

export interface ModelOptions {
  /** Above this many unknowns the model is not built (`unsupported`): the check fails closed. */
  maxUnknowns?: number;
  /** Restrict the unknowns (exhaustive tests on tiny programmes). */
  domain?: Partial<ModelDomain>;
}

/** The values each fact can take, in the model. Tests shrink it to enumerate every possible programme. */
export interface ModelDomain {
  genders: readonly Gender[];
  categories: readonly OutcomeCategory[];
  /** Detail codes per category the model distinguishes (the rest of a category is 'uncoded'). */
  detailCodes: boolean;
  reasons: readonly AudienceLeftReason[];
}

const FULL_DOMAIN: ModelDomain = {
  genders: GENDERS,
  categories: OUTCOME_CATEGORIES,
  detailCodes: true,
  reasons: AUDIENCE_LEFT_REASONS,
};

type OcState = { cat: OutcomeCategory; slot: number } | null;
type InternshipState = { slot: number | null; late: boolean };
type FollowState = { cat: OutcomeCategory; slot: number } | null;

export interface Hub {
  group: number;
  from: number;
  to: number;
  end: HubEnd;
  /**
   * The slot in which a later enrolment of the same person starts (she moved to another group, or came back): in
   * the periods from that slot on, totals count her by the later one and this one only in its group's rows, as
   * the report does. `S` (the number of slots): never.
   */
  sup: number;
}

type VarInfo =
  | { kind: 'hub'; hub: number }
  | { kind: 'oc'; hub: number; state: OcState }
  | { kind: 'og'; hub: number; oc: number; gender: Gender }
  | { kind: 'od'; hub: number; oc: number; code: OutcomeDetailCode | 'uncoded' }
  | { kind: 'r'; hub: number; reason: AudienceLeftReason }
  | { kind: 'i'; hub: number; state: InternshipState }
  | { kind: 'a'; hub: number; seq: readonly AttendanceClass[] }
  | { kind: 's'; hub: number; round: number; atOpen: boolean }
  | { kind: 'pa'; hub: number; assessed: boolean }
  | { kind: 'f'; hub: number; months: FollowUpMonths; state: FollowState };

/** The slots: consecutive day ranges between the fixed periods' boundaries. */
export class Slots {
  readonly bounds: string[];
  constructor(periods: readonly FixedPeriod[]) {
    const set = new Set<string>();
    for (const p of periods) {
      set.add(p.start);
      set.add(nextDay(p.end));
    }
    this.bounds = [...set].sort();
  }
  get count(): number {
    return this.bounds.length - 1;
  }
  /** The slot a day is in: −1 before the first, `count` after the last. */
  of(date: string): number {
    let lo = 0;
    let hi = this.bounds.length - 1;
    if (date < this.bounds[0]) return -1;
    if (date >= this.bounds[hi]) return this.count;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.bounds[mid] <= date) lo = mid;
      else hi = mid;
    }
    return lo;
  }
  /** First and last slot of a period. */
  range(p: { start: string; end: string }): [number, number] {
    return [this.of(p.start), this.of(p.end)];
  }
}

/** The day after an ISO date, in calendar arithmetic (no time zone is involved). */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const CLEAR_PLAN: readonly OutcomeCategory[] = ['work', 'studies', 'plan'];
const WORK_OR_STUDIES: readonly OutcomeCategory[] = ['work', 'studies'];

/** The key of a cell. */
export function cellKey(period: string, table: DisclosureCellTable, row: string, column: string): string {
  return `${period}|${table}|${row}|${column}`;
}

/** Row ids: a group, a municipality (`m:` + name, '' for none), the whole programme, a gender, a round … */
export const rowOfGroup = (key: string) => `g:${key}`;
export const rowOfMunicipality = (m: string | null) => `m:${m ?? ''}`;
export const ROW_ALL = 'all';
export const rowOfGender = (g: Gender) => `sex:${g}`;
export const rowOfRound = (key: string) => `round:${key}`;
export const rowOfYear = (y: number) => `year:${y}`;
export const rowOfFollowUp = (months: number, scope: string) => `fu${months}:${scope}`;

/**
 * Builds the model of one programme: every fixed period's report cells, and the whole-time cells of the other
 * endpoints (internship summary per group, assessment pairs per group, Finsam per year). Pure and synchronous.
 */
export function buildDisclosureModel(
  programme: DisclosureProgramme,
  options: ModelOptions = {},
): DisclosureModel {
  const domain: ModelDomain = { ...FULL_DOMAIN, ...options.domain };
  const maxUnknowns = options.maxUnknowns ?? 200_000;
  const periods = fixedPeriods(programme);
  const slots = new Slots(periods);
  const S = slots.count;
  const unsupported: string[] = [];
  const groups = programme.groups.map((g) => {
    const first = slots.of(g.start);
    const last = slots.of(g.end);
    if (g.start < programme.start || g.end > programme.end || g.start > g.end)
      unsupported.push(`group ${g.key} runs outside the programme`);
    return {
      ...g,
      first: Math.max(0, first),
      last: Math.min(S - 1, Math.max(0, last)),
      iws: g.internshipWeeksStart === null ? null : slots.of(g.internshipWeeksStart),
      rounds: g.surveyRounds.map((r) => ({ ...r, slot: slots.of(r.openDay) })),
    };
  });
  const groupIndex = new Map(groups.map((g, i) => [g.key, i]));

  // A person's earlier enrolments are superseded by her next one from the day it starts. Enrolments of one person
  // that overlap in time cannot be represented (the api's unique index allows one active per programme).
  const supersededBy = new Map<DisclosureEnrolment, string>();
  const byPerson = new Map<string, DisclosureEnrolment[]>();
  for (const e of programme.enrolments) {
    const list = byPerson.get(e.person);
    if (list) list.push(e);
    else byPerson.set(e.person, [e]);
  }
  for (const list of byPerson.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (let i = 0; i + 1 < list.length; i++) {
      const e = list[i];
      const next = list[i + 1];
      if (e.end === null || e.end >= next.start) {
        unsupported.push('a person with two enrolments at the same time');
        break;
      }
      supersededBy.set(e, next.start);
    }
  }
  const supOf = (e: DisclosureEnrolment) => {
    const next = supersededBy.get(e);
    return next === undefined ? S : slots.of(next);
  };

  // ---- unknowns ----
  const vars: VarInfo[] = [];
  const structure: { parent: number; children: number[] }[] = [];
  const hubs: Hub[] = [];
  const hubVar: number[] = [];
  const hubIndex = new Map<string, number>();
  /** Per hub, the unknowns of each split, for the cells below. */
  const splitVars = new Map<number, Record<string, number[]>>();
  const add = (v: VarInfo) => vars.push(v) - 1;
  const split = (parent: number, hub: number, name: string, children: VarInfo[]) => {
    const ids = children.map(add);
    structure.push({ parent, children: ids });
    const s = splitVars.get(hub)!;
    (s[name] ??= []).push(...ids);
    return ids;
  };

  groups.forEach((g, gi) => {
    for (let from = g.first; from <= g.last; from++)
      for (let to = from; to <= g.last; to++)
        for (const end of HUB_ENDS) {
          // Without an end date an enrolment overlaps every period until its group ends.
          if (end === 'open' && to !== g.last) continue;
          const h = hubs.push({ group: gi, from, to, end, sup: S }) - 1;
          hubIndex.set(`${gi}:${from}:${to}:${end}:${S}`, h);
          hubVar.push(add({ kind: 'hub', hub: h }));
          splitVars.set(h, {});
        }
  });
  // The superseded enrolments' hubs: only those the data has. Fewer unknowns than every possible mover narrow the
  // feasible intervals, so the audit can only hide more than it needs to, never less.
  for (const [e] of supersededBy) {
    const gi = groupIndex.get(e.group);
    if (gi === undefined) continue;
    const located = locate(e, groups[gi], slots, S, domain, programme.attendanceGoal);
    if (typeof located === 'string') continue;
    const { from, to, end } = located.hub;
    const sup = supOf(e);
    const key = `${gi}:${from}:${to}:${end}:${sup}`;
    if (hubIndex.has(key)) continue;
    const h = hubs.push({ group: gi, from, to, end, sup }) - 1;
    hubIndex.set(key, h);
    hubVar.push(add({ kind: 'hub', hub: h }));
    splitVars.set(h, {});
  }
  if (hubs.length * (20 + S * 40) > maxUnknowns) unsupported.push('the programme is too large to audit');

  if (unsupported.length === 0) {
    hubs.forEach((hub, h) => {
      const g = groups[hub.group];
      const parent = hubVar[h];
      // Outcome: category and the slot of its date (none: no outcome, or one dated after every period).
      const ocStates: OcState[] = [null];
      for (const cat of domain.categories) for (let s = hub.from; s < S; s++) ocStates.push({ cat, slot: s });
      const ocIds = split(
        parent,
        h,
        'oc',
        ocStates.map((state) => ({ kind: 'oc', hub: h, state })),
      );
      ocIds.forEach((oc, i) => {
        split(
          oc,
          h,
          'og',
          domain.genders.map((gender) => ({ kind: 'og', hub: h, oc, gender })),
        );
        const state = ocStates[i];
        // Detail codes are unknowns only under health (health data, audited); the other categories' codes are
        // shown only with their category's count (`tiedTo`) and split nothing else.
        if (state && domain.detailCodes && state.cat === 'health') {
          const codes: (OutcomeDetailCode | 'uncoded')[] = [
            ...DETAIL_CODES_OF_CATEGORY[state.cat],
            'uncoded',
          ];
          split(
            oc,
            h,
            'od',
            codes.map((code) => ({ kind: 'od', hub: h, oc, code })),
          );
        }
      });
      if (hub.end === 'left')
        split(
          parent,
          h,
          'r',
          domain.reasons.map((reason) => ({ kind: 'r', hub: h, reason })),
        );
      split(
        parent,
        h,
        'i',
        internshipStates(hub, g.iws, S).map((state) => ({ kind: 'i', hub: h, state })),
      );
      split(
        parent,
        h,
        'a',
        attendanceSequences(hub.to - hub.from + 1).map((seq) => ({ kind: 'a', hub: h, seq })),
      );
      g.rounds.forEach((r, ri) =>
        split(
          parent,
          h,
          `s${ri}`,
          atOpenStates(hub, r.slot).map((atOpen) => ({ kind: 's', hub: h, round: ri, atOpen })),
        ),
      );
      split(parent, h, 'pa', [
        { kind: 'pa', hub: h, assessed: false },
        { kind: 'pa', hub: h, assessed: true },
      ]);
      // A follow-up is dated after the enrolment's end (3, 6, 12 months): from its last slot on.
      for (const months of FOLLOW_UP_MONTHS) {
        const states: FollowState[] = [null];
        for (const cat of domain.categories) for (let s = hub.to; s < S; s++) states.push({ cat, slot: s });
        split(
          parent,
          h,
          `f${months}`,
          states.map((state) => ({ kind: 'f', hub: h, months, state })),
        );
      }
    });
  }

  // ---- the truth: each enrolment's unknowns ----
  const truth = new Int32Array(vars.length);
  const placed: { hub: number; oc: OcState; detail: OutcomeDetailCode | 'uncoded' }[] = [];
  const indexOf = new Map<string, number>();
  vars.forEach((v, i) => indexOf.set(varKey(v), i));
  for (const e of unsupported.length ? [] : programme.enrolments) {
    const gi = groupIndex.get(e.group);
    if (gi === undefined) {
      unsupported.push(`an enrolment of an unknown group`);
      break;
    }
    const g = groups[gi];
    const located = locate(e, g, slots, S, domain, programme.attendanceGoal);
    if (typeof located === 'string') {
      unsupported.push(located);
      break;
    }
    const h = hubIndex.get(`${gi}:${located.hub.from}:${located.hub.to}:${located.hub.end}:${supOf(e)}`);
    if (h === undefined) {
      unsupported.push('an enrolment outside its group');
      break;
    }
    const mark = (v: VarInfo) => {
      const i = indexOf.get(varKey(v));
      if (i === undefined) throw new Error(`No unknown ${varKey(v)}`);
      truth[i] += 1;
      return i;
    };
    mark({ kind: 'hub', hub: h });
    const oc = mark({ kind: 'oc', hub: h, state: located.oc });
    mark({ kind: 'og', hub: h, oc, gender: e.gender });
    if (located.oc && domain.detailCodes && located.oc.cat === 'health')
      mark({ kind: 'od', hub: h, oc, code: located.detail });
    placed.push({ hub: h, oc: located.oc, detail: located.detail });
    if (located.hub.end === 'left') mark({ kind: 'r', hub: h, reason: located.reason });
    mark({ kind: 'i', hub: h, state: located.internship });
    mark({ kind: 'a', hub: h, seq: located.attendance });
    located.atOpen.forEach((atOpen, round) => mark({ kind: 's', hub: h, round, atOpen }));
    mark({ kind: 'pa', hub: h, assessed: e.assessed });
    for (const [months, state] of located.followUps) mark({ kind: 'f', hub: h, months, state });
  }

  // ---- cells ----
  const cells: ModelCell[] = [];
  const byKey = new Map<string, ModelCell>();
  if (unsupported.length === 0) {
    const value = (terms: ReadonlyMap<number, number>) => {
      let n = 0;
      for (const [i, c] of terms) n += c * truth[i];
      return n;
    };
    const push = (
      period: string,
      table: DisclosureCellTable,
      row: string,
      column: string,
      terms: Map<number, number>,
      cls: CellClass,
      outcomeDependent: boolean,
    ) => {
      const cell: { -readonly [K in keyof ModelCell]: ModelCell[K] } = {
        key: cellKey(period, table, row, column),
        table,
        period,
        row,
        column,
        value: value(terms),
        class: cls,
        outcomeDependent,
        terms,
      };
      cells.push(cell);
      byKey.set(cell.key, cell);
      return cell;
    };

    /** Rows: each group, each municipality, the whole programme. */
    const rows: { id: string; groups: Set<number> }[] = [
      ...groups.map((g, i) => ({ id: rowOfGroup(g.key), groups: new Set([i]) })),
      ...[...new Set(groups.map((g) => g.municipality))].map((m) => ({
        id: rowOfMunicipality(m),
        groups: new Set(groups.flatMap((g, i) => (g.municipality === m ? [i] : []))),
      })),
      { id: ROW_ALL, groups: new Set(groups.map((_, i) => i)) },
    ];
    const municipalityRows = rows.filter((r) => r.id.startsWith('m:') || r.id === ROW_ALL);

    /** Σ over hubs of a row in a period of f(hub, its split unknowns) → terms. */
    const collect = (
      rowGroups: Set<number>,
      inScope: (hub: Hub) => boolean,
      f: (hub: Hub, h: number, add: (i: number, c?: number) => void) => void,
    ) => {
      const terms = new Map<number, number>();
      const put = (i: number, c = 1) => {
        const n = (terms.get(i) ?? 0) + c;
        if (n === 0) terms.delete(i);
        else terms.set(i, n);
      };
      hubs.forEach((hub, h) => {
        if (rowGroups.has(hub.group) && inScope(hub)) f(hub, h, put);
      });
      return terms;
    };
    const vOf = (h: number, name: string) => splitVars.get(h)?.[name] ?? [];

    for (const period of periods) {
      const [p0, p1] = slots.range(period);
      const inP = (hub: Hub) => hub.from <= p1 && hub.to >= p0;
      // Rows of persons (a municipality, the programme, a sex) leave out an enrolment whose person has a later one
      // in the period; a group's rows list every enrolment. Attendance and internships count enrolments.
      const inPersons = (hub: Hub) => inP(hub) && hub.sup > p1;
      const scopeOf = (rowId: string) => (rowId.startsWith('g:') ? inP : inPersons);
      const statusAt = (hub: Hub): EnrolmentStatus =>
        (hub.end === 'completed' || hub.end === 'left') && hub.to <= p1
          ? hub.end === 'left'
            ? 'left_early'
            : 'completed'
          : 'active';
      const ocAt = (v: VarInfo): OutcomeCategory | null => {
        const s = (v as { state: OcState }).state;
        return s && s.slot <= p1 ? s.cat : null;
      };
      const P = period.id;

      const outcomeRows = [
        ...rows.map((r) => ({ ...r, gender: null as Gender | null })),
        ...domain.genders.map((gender) => ({
          id: rowOfGender(gender),
          groups: rows[rows.length - 1].groups,
          gender,
        })),
      ];
      for (const r of outcomeRows) {
        // Status: enrolled, completed, left early, active (by gender: enrolled only).
        const status = (pick: (s: EnrolmentStatus) => boolean) =>
          collect(r.groups, scopeOf(r.id), (hub, h, put) => {
            if (!pick(statusAt(hub))) return;
            if (r.gender === null) put(hubVar[h]);
            else
              for (const v of vOf(h, 'og')) if ((vars[v] as { gender: Gender }).gender === r.gender) put(v);
          });
        push(
          P,
          'status',
          r.id,
          'enrolled',
          status(() => true),
          'plain',
          false,
        );
        if (r.gender === null) {
          push(
            P,
            'status',
            r.id,
            'completed',
            status((s) => s === 'completed'),
            'plain',
            false,
          );
          push(
            P,
            'status',
            r.id,
            'left_early',
            status((s) => s === 'left_early'),
            'plain',
            false,
          );
          push(
            P,
            'status',
            r.id,
            'active',
            status((s) => s === 'active'),
            'plain',
            false,
          );
        }
        // Outcomes as at the end of the period, with the early leavers without one on their own line.
        const outcome = (pick: (cat: OutcomeCategory | null, s: EnrolmentStatus) => boolean) =>
          collect(r.groups, scopeOf(r.id), (hub, h, put) => {
            const s = statusAt(hub);
            const name = r.gender === null ? 'oc' : 'og';
            for (const v of vOf(h, name)) {
              const info = vars[v];
              if (info.kind === 'og' && info.gender !== r.gender) continue;
              const cat = ocAt(info.kind === 'og' ? vars[info.oc] : info);
              if (pick(cat, s)) put(v);
            }
          });
        for (const cat of OUTCOME_CATEGORIES)
          push(
            P,
            'outcome',
            r.id,
            `cat:${cat}`,
            outcome((c) => c === cat),
            cat === 'health' ? 'sensitive' : 'outcome',
            true,
          );
        push(
          P,
          'outcome',
          r.id,
          'left_without',
          outcome((c, s) => c === null && s === 'left_early'),
          'outcome',
          true,
        );
        push(
          P,
          'outcome',
          r.id,
          'no_yet',
          outcome((c, s) => c === null && s !== 'left_early'),
          'outcome',
          true,
        );
        push(
          P,
          'outcome',
          r.id,
          'work_or_studies',
          outcome((c) => c !== null && WORK_OR_STUDIES.includes(c)),
          'derived',
          true,
        );
        push(
          P,
          'outcome',
          r.id,
          'neither',
          outcome((c, s) => s !== 'left_early' && !(c !== null && WORK_OR_STUDIES.includes(c))),
          'derived',
          true,
        );
      }

      // Detail codes, per municipality and in total; health's are health data.
      if (domain.detailCodes)
        for (const r of municipalityRows) {
          for (const cat of OUTCOME_CATEGORIES) {
            const codes: (OutcomeDetailCode | 'uncoded')[] = [...DETAIL_CODES_OF_CATEGORY[cat]];
            if (codes.length === 0) continue;
            codes.push('uncoded');
            for (const code of codes) {
              const column = code === 'uncoded' ? `uncoded:${cat}` : code;
              if (cat !== 'health') {
                const c = push(P, 'detail', r.id, column, new Map(), 'outcome', true);
                c.value = placed.filter(
                  (x) =>
                    r.groups.has(hubs[x.hub].group) &&
                    scopeOf(r.id)(hubs[x.hub]) &&
                    x.oc !== null &&
                    x.oc.cat === cat &&
                    x.oc.slot <= p1 &&
                    x.detail === code,
                ).length;
                c.tiedTo = cellKey(P, 'outcome', r.id, `cat:${cat}`);
                continue;
              }
              const terms = collect(r.groups, scopeOf(r.id), (_hub, h, put) => {
                for (const v of vOf(h, 'od')) {
                  const info = vars[v] as Extract<VarInfo, { kind: 'od' }>;
                  if (info.code === code && ocAt(vars[info.oc]) === cat) put(v);
                }
              });
              push(P, 'detail', r.id, column, terms, 'sensitive', true);
            }
          }
        }

      // Early leavers by reason (health counted with personal reasons), per municipality and in total.
      for (const r of municipalityRows)
        for (const reason of domain.reasons)
          push(
            P,
            'reason',
            r.id,
            reason,
            collect(r.groups, scopeOf(r.id), (hub, h, put) => {
              if (statusAt(hub) !== 'left_early') return;
              for (const v of vOf(h, 'r')) if ((vars[v] as { reason: string }).reason === reason) put(v);
            }),
            'plain',
            false,
          );

      // Clear plan: completers with work, studies or plan / completers without a health outcome.
      const all = rows[rows.length - 1];
      const completersWith = (cats: readonly OutcomeCategory[]) =>
        collect(all.groups, inPersons, (hub, h, put) => {
          if (statusAt(hub) !== 'completed') return;
          for (const v of vOf(h, 'oc')) {
            const c = ocAt(vars[v]);
            if (c !== null && cats.includes(c)) put(v);
          }
        });
      push(P, 'clear-plan', ROW_ALL, 'count', completersWith(CLEAR_PLAN), 'derived', true);
      const den = collect(all.groups, inPersons, (hub, h, put) => {
        if (statusAt(hub) === 'completed') put(hubVar[h]);
      });
      for (const [i, c] of completersWith(['health'])) den.set(i, (den.get(i) ?? 0) - c);
      push(P, 'clear-plan', ROW_ALL, 'of', den, 'derived', true);

      // Attendance: those with a session held, and those who reach the goal, as at the end of the period.
      // Per group, municipality and in total; these count enrolments, so a municipality's is the sum of its groups'.
      const attendanceRows = rows;
      for (const r of attendanceRows) {
        const classAt = (pick: (c: AttendanceClass) => boolean) =>
          collect(r.groups, inP, (hub, h, put) => {
            const i = Math.min(p1, hub.to) - hub.from;
            for (const v of vOf(h, 'a'))
              if (pick((vars[v] as { seq: readonly AttendanceClass[] }).seq[i])) put(v);
          });
        push(
          P,
          'attendance',
          r.id,
          'participants',
          classAt((c) => c !== 'none'),
          'plain',
          false,
        );
        push(
          P,
          'attendance',
          r.id,
          'meets',
          classAt((c) => c === 'meets'),
          'plain',
          false,
        );
      }

      // Internships (the report's rule, docs/domain.md): with one by the end of the period, and those who stayed
      // to the internship weeks.
      for (const r of attendanceRows) {
        const internship = (pick: (hub: Hub, s: InternshipState) => boolean) =>
          collect(r.groups, inP, (hub, h, put) => {
            for (const v of vOf(h, 'i')) if (pick(hub, (vars[v] as { state: InternshipState }).state)) put(v);
          });
        const withOne = (s: InternshipState) => s.slot !== null && s.slot <= p1;
        push(
          P,
          'internship',
          r.id,
          'with',
          internship((_h, s) => withOne(s)),
          'plain',
          false,
        );
        push(
          P,
          'internship',
          r.id,
          'stayed',
          internship((hub, s) => {
            if (withOne(s)) return true;
            const status = statusAt(hub);
            const iws = groups[hub.group].iws;
            if (status === 'completed') return true;
            if (status === 'left_early') return s.late;
            return iws !== null && iws <= p1;
          }),
          'plain',
          false,
        );
      }

      // Follow-ups dated by the end of the period, of those enrolled in it, per municipality and in total.
      for (const months of FOLLOW_UP_MONTHS)
        for (const r of municipalityRows) {
          const follow = (pick: (s: FollowState) => boolean) =>
            collect(r.groups, scopeOf(r.id), (_hub, h, put) => {
              for (const v of vOf(h, `f${months}`)) {
                const s = (vars[v] as { state: FollowState }).state;
                if (pick(s && s.slot <= p1 ? s : null)) put(v);
              }
            });
          const row = rowOfFollowUp(months, r.id);
          push(
            P,
            'follow-up',
            row,
            'followed',
            follow((s) => s !== null),
            'plain',
            false,
          );
          for (const cat of OUTCOME_CATEGORIES)
            push(
              P,
              'follow-up',
              row,
              `cat:${cat}`,
              follow((s) => s?.cat === cat),
              cat === 'health' ? 'sensitive' : 'outcome',
              true,
            );
          push(
            P,
            'follow-up',
            row,
            'work_or_studies',
            follow((s) => s !== null && WORK_OR_STUDIES.includes(s.cat)),
            'derived',
            true,
          );
        }
    }

    // Whole-time figures of other endpoints: survey rounds (those asked: enrolled when it opened), the
    // internship summary and the assessment pairs per group. A period's report shows the rounds opened by its end.
    groups.forEach((g, gi) => {
      g.rounds.forEach((round, ri) =>
        push(
          '-',
          'survey',
          rowOfRound(round.key),
          'asked',
          collect(
            new Set([gi]),
            () => true,
            (_hub, h, put) => {
              for (const v of vOf(h, `s${ri}`)) if ((vars[v] as { atOpen: boolean }).atOpen) put(v);
            },
          ),
          'plain',
          false,
        ),
      );
      const row = rowOfGroup(g.key);
      const mine = new Set([gi]);
      const summary = (withOne: boolean) =>
        collect(
          mine,
          () => true,
          (hub, h, put) => {
            for (const v of vOf(h, 'i')) {
              const s = (vars[v] as { state: InternshipState }).state;
              const stayed = hub.end !== 'left' || s.late;
              if (stayed && (!withOne || s.slot !== null)) put(v);
            }
          },
        );
      push('-', 'internship-summary', row, 'with', summary(true), 'plain', false);
      push('-', 'internship-summary', row, 'stayed', summary(false), 'plain', false);
      push(
        '-',
        'assessment',
        row,
        'pairs',
        collect(
          mine,
          () => true,
          (_hub, h, put) => {
            for (const v of vOf(h, 'pa')) if ((vars[v] as { assessed: boolean }).assessed) put(v);
          },
        ),
        'plain',
        false,
      );
    });

    // Finsam: persons enrolled at some time in each year of the programme, by sex. An enrolment without an end
    // counts in every year from its start.
    for (const period of periods.filter((p) => p.kind === 'year')) {
      const [p0, p1] = slots.range(period);
      const year = Number(period.id);
      const all = rows[rows.length - 1];
      // Persons once: an enrolment whose person has a later one that year is left out.
      const inYear = (hub: Hub) => hub.from <= p1 && (hub.end === 'open' || hub.to >= p0) && hub.sup > p1;
      for (const gender of [...GENDERS, null]) {
        push(
          '-',
          'finsam',
          rowOfYear(year),
          gender ?? 'total',
          collect(all.groups, inYear, (_hub, h, put) => {
            if (gender === null) put(hubVar[h]);
            else for (const v of vOf(h, 'og')) if ((vars[v] as { gender: Gender }).gender === gender) put(v);
          }),
          'plain',
          false,
        );
      }
    }
  }

  return {
    periods,
    size: vars.length,
    structure,
    cells,
    truth,
    kinds: vars.map((v) => v.kind),
    unsupported,
  };
}

function varKey(v: VarInfo): string {
  switch (v.kind) {
    case 'hub':
      return `h${v.hub}`;
    case 'oc':
      return `oc${v.hub}:${v.state ? `${v.state.cat}@${v.state.slot}` : '-'}`;
    case 'og':
      return `og${v.oc}:${v.gender}`;
    case 'od':
      return `od${v.oc}:${v.code}`;
    case 'r':
      return `r${v.hub}:${v.reason}`;
    case 'i':
      return `i${v.hub}:${v.state.slot ?? '-'}:${v.state.late}`;
    case 'a':
      return `a${v.hub}:${v.seq.join(',')}`;
    case 's':
      return `s${v.hub}:${v.round}:${v.atOpen}`;
    case 'pa':
      return `pa${v.hub}:${v.assessed}`;
    case 'f':
      return `f${v.hub}:${v.months}:${v.state ? `${v.state.cat}@${v.state.slot}` : '-'}`;
  }
}

/**
 * First internship: the slot it began in (clamped to the enrolment's first; `S` = after every period; null:
 * none), and for an early leaver whether she left on or after the group's internship weeks began.
 */
function internshipStates(hub: Hub, iws: number | null, S: number): InternshipState[] {
  const lates =
    hub.end !== 'left' || iws === null
      ? [false]
      : hub.to < iws
        ? [false]
        : hub.to > iws
          ? [true]
          : [false, true];
  const slots: (number | null)[] = [null];
  for (let s = hub.from; s <= S; s++) slots.push(s);
  return slots.flatMap((slot) => lates.map((late) => ({ slot, late })));
}

/** Attendance class as at the end of each slot of the enrolment: no session yet, then meets or below. */
function attendanceSequences(length: number): AttendanceClass[][] {
  const out: AttendanceClass[][] = [];
  for (let none = 0; none <= length; none++) {
    const rest = length - none;
    for (let bits = 0; bits < 1 << rest; bits++)
      out.push([
        ...Array<AttendanceClass>(none).fill('none'),
        ...Array.from({ length: rest }, (_, i): AttendanceClass => ((bits >> i) & 1 ? 'below' : 'meets')),
      ]);
  }
  return out;
}

/** Enrolled when a round opened (started by then, not left early before): the values her slots allow. */
function atOpenStates(hub: Hub, slot: number): boolean[] {
  const startsBy = hub.from < slot ? [true] : hub.from > slot ? [false] : [true, false];
  const stillThere =
    hub.end !== 'left' ? [true] : hub.to > slot ? [true] : hub.to < slot ? [false] : [true, false];
  const states = new Set<boolean>();
  for (const a of startsBy) for (const b of stillThere) states.add(a && b);
  return [...states];
}

interface Located {
  hub: { from: number; to: number; end: HubEnd };
  oc: OcState;
  detail: OutcomeDetailCode | 'uncoded';
  reason: AudienceLeftReason;
  internship: InternshipState;
  attendance: AttendanceClass[];
  atOpen: boolean[];
  followUps: [FollowUpMonths, FollowState][];
}

/** An enrolment's unknowns, or why the model cannot hold it. */
function locate(
  e: DisclosureEnrolment,
  g: {
    start: string;
    end: string;
    first: number;
    last: number;
    iws: number | null;
    internshipWeeksStart: string | null;
    rounds: { openDay: string; slot: number }[];
  },
  slots: Slots,
  S: number,
  domain: ModelDomain,
  goal: number,
): Located | string {
  if (e.end !== null && e.end < e.start) return 'an enrolment that ends before it starts';
  if (e.start > g.end || (e.end !== null && e.end < g.start)) return 'an enrolment outside its group';
  if (e.status !== 'active' && e.end === null) return 'an ended enrolment without an end date';
  if (e.end !== null && e.end > g.end && e.status !== 'active')
    return 'an enrolment that ends after its group';
  const end: HubEnd =
    e.status === 'active'
      ? e.end === null
        ? 'open'
        : 'active'
      : e.status === 'completed'
        ? 'completed'
        : 'left';
  const from = Math.max(g.first, Math.min(g.last, slots.of(e.start)));
  // An active enrolment with an end date overlaps periods until that date; without one, until the group ends.
  const to = e.end === null ? g.last : Math.max(from, Math.min(g.last, slots.of(e.end)));
  if (end === 'active' && e.end !== null && e.end > g.end)
    return 'an active enrolment that ends after its group';
  if (!domain.genders.includes(e.gender)) return 'a gender outside the domain';
  const clampSlot = (date: string) => Math.max(from, slots.of(date));
  let oc: OcState = null;
  let detail: OutcomeDetailCode | 'uncoded' = 'uncoded';
  if (e.outcome) {
    if (!domain.categories.includes(e.outcome.category)) return 'an outcome outside the domain';
    const slot = clampSlot(e.outcome.date);
    if (slot < S) {
      oc = { cat: e.outcome.category, slot };
      detail = e.outcome.detailCode ?? 'uncoded';
      if (detail !== 'uncoded' && !(DETAIL_CODES_OF_CATEGORY[oc.cat] as readonly string[]).includes(detail))
        return 'a detail code of another category';
    }
  }
  const reason = audienceLeftReason(end === 'left' ? e.leftReason : null);
  if (end === 'left' && !domain.reasons.includes(reason)) return 'a reason outside the domain';
  const first = e.internships.length ? [...e.internships].sort()[0] : null;
  const late =
    end === 'left' && g.internshipWeeksStart !== null && e.end !== null && e.end >= g.internshipWeeksStart;
  const internship: InternshipState = {
    slot: first === null ? null : Math.min(S, clampSlot(first)),
    late,
  };
  // As at the end of each slot: the sessions held by then (the enrolment's sessions are held while enrolled).
  const attendance: AttendanceClass[] = [];
  for (let s = from; s <= to; s++) {
    const until = s === to ? '9999-12-31' : slots.bounds[s + 1];
    const held = e.sessions.filter((x) => x.date < until);
    const present = held.filter((x) => x.present).length;
    attendance.push(
      held.length === 0
        ? 'none'
        : (percent(present, held.length).percent as number) >= goal
          ? 'meets'
          : 'below',
    );
  }
  const atOpen = g.rounds.map(
    (r) => e.start <= r.openDay && !(e.status === 'left_early' && e.end !== null && e.end < r.openDay),
  );
  const followUps = FOLLOW_UP_MONTHS.map((months): [FollowUpMonths, FollowState] => {
    const f = e.followUps.find((x) => x.months === months);
    if (!f) return [months, null];
    const slot = Math.max(to, slots.of(f.date));
    return [months, slot < S && domain.categories.includes(f.category) ? { cat: f.category, slot } : null];
  });
  if (
    followUps.some(
      ([m, s]) =>
        s === null && e.followUps.some((x) => x.months === m && !domain.categories.includes(x.category)),
    )
  )
    return 'a follow-up outside the domain';
  return { hub: { from, to, end }, oc, detail, reason, internship, attendance, atOpen, followUps };
}

/** The model's reasons as the report prints them, for tests. */
export const REASONS_OF_AUDIENCE: Record<AudienceLeftReason, readonly (LeftReason | null)[]> = {
  personal_or_health: ['personal', 'health'],
  moved: ['moved'],
  got_job: ['got_job'],
  parental_leave: ['parental_leave'],
  other_effort: ['other_effort'],
  other: ['other'],
  none: [null],
};
void LEFT_REASONS;
