import {
  OUTCOME_CATEGORIES,
  DETAIL_CODES_OF_CATEGORY,
  GENDERS,
  type Gender,
  type OutcomeCategory,
} from '@stegvis/contracts';
import {
  AUDIENCE_LEFT_REASONS,
  ROW_ALL,
  cellKey,
  rowOfFollowUp,
  rowOfGender,
  rowOfGroup,
  rowOfMunicipality,
  rowOfRound,
  rowOfYear,
  type AudienceLeftReason,
  type DisclosureCellTable,
  type DisclosureModel,
} from './disclosure-model.js';
import type { ProgressReport } from './programme-report.js';
import { SUPPRESSED_MARK, type ReportTable, type TableCell } from './report-tables.js';
import {
  GENDER_LABELS,
  LEFT_EARLY_WITHOUT_OUTCOME_LABEL,
  LEFT_REASON_LABELS,
  NO_LEFT_REASON_LABEL,
  NO_OUTCOME_YET_LABEL,
  OUTCOME_LABELS,
  detailRowLabel,
  followUpLabel,
  groupLabel,
  municipalityLabel,
} from './swedish-labels.js';

// ---------------------------------------------------------------------------------------------------------------
// The disclosure engine: the one place that decides what each audience sees (docs/evaluators.md, "Who sees
// which figures").
//
// - Staff and the programme lead (`full`): every figure of their programmes.
// - Steering, evaluators and the admin (`aggregate`, with the deployment's k): the counts published progress
//   reports print — enrolment, outcomes with their detail codes, early leavers, attendance, internships, per
//   group, municipality and in total — for fixed periods only (tertials, years, the whole programme). Cells from
//   health data (a health outcome, its detail codes, a health follow-up) are shown only from k, with
//   complementary suppression proved by the audit (disclosure-audit.ts). Reasons for leaving are shown with
//   health counted under personal reasons, always.
//
// Every endpoint and file that gives these audiences counts passes its tables through a view below, which
// registers them (the ledger): a numeric cell a view cannot place is hidden and recorded as unregistered, and a
// test walks the endpoints as an evaluator and fails on any.
// ---------------------------------------------------------------------------------------------------------------

export type Audience = { kind: 'full' } | { kind: 'aggregate'; k: number };

/** The audience of a user from PolicyService.smallCellK: null = sees every figure. */
export function audienceOf(k: number | null): Audience {
  return k === null ? { kind: 'full' } : { kind: 'aggregate', k };
}

/**
 * What the engine needs from a decision to show a table (disclosure-audit.ts `DisclosureDecision`): the hidden
 * cells, the value of each cell in the model, and the fail-closed set for when a view finds a value the model
 * does not hold.
 */
export interface DisclosureView {
  k: number;
  hidden: readonly string[];
  values: Readonly<Record<string, number>>;
  /** Hidden when a view cannot vouch for the model: every figure that depends on an outcome. */
  fallbackHidden: readonly string[];
}

/** The decision's view for the views below. */
export function viewOf(
  decision: { k: number; hidden: readonly string[]; values: Readonly<Record<string, number>> },
  model: Pick<DisclosureModel, 'cells'>,
): DisclosureView {
  return {
    k: decision.k,
    hidden: decision.hidden,
    values: decision.values,
    fallbackHidden: model.cells
      .filter((c) => c.outcomeDependent || c.class === 'sensitive')
      .map((c) => c.key),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The registry: every table that reaches an aggregate-only audience, and what is in it.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Tables given to aggregate-only audiences, by id. `model`: its counts are cells of the disclosure model (audited
 * together). `text`: no counts. `amounts`: money, no people. `external`: figures from outside the programme's
 * data (Arbetsförmedlingen's statistics). `cross-programme`: the association's persons across programmes, no
 * outcome or health data (the admin's employer register and association figures). `referrals`: counts of
 * referrals and of the analysis group's meetings, before anyone joins a group: no outcome or health data.
 */
export const DISCLOSURE_TABLES = {
  report: 'text',
  enrolled: 'model',
  outcomes: 'model',
  'outcome-details': 'model',
  'work-or-studies': 'model',
  'by-municipality': 'model',
  'outcomes-by-group': 'model',
  'early-leavers': 'model',
  'follow-ups': 'model',
  tertials: 'model',
  'by-gender': 'model',
  attendance: 'model',
  internships: 'model',
  'internships-by-group': 'model',
  'internship-industries': 'model',
  'clear-plan': 'model',
  surveys: 'model',
  goals: 'model',
  'target-group': 'external',
  economy: 'amounts',
  'internship-summary': 'model',
  finsam: 'model',
  'finsam-association': 'cross-programme',
  'survey-round': 'model',
  'assessment-summary': 'model',
  group: 'model',
  employers: 'cross-programme',
  inflow: 'referrals',
  intake: 'referrals',
  'meeting-attendance': 'referrals',
} as const satisfies Record<
  string,
  'model' | 'text' | 'amounts' | 'external' | 'cross-programme' | 'referrals'
>;
export type DisclosureTableId = keyof typeof DISCLOSURE_TABLES;

export interface UnregisteredCell {
  table: string;
  row: string;
  column: string;
  value: number;
}

/**
 * What the views have given aggregate-only audiences: the tables they registered and any number they could not
 * place (hidden, and recorded here). The api's tests read it after walking the endpoints as an evaluator.
 */
export class DisclosureLedger {
  readonly tables = new Map<string, number>();
  readonly unregistered: UnregisteredCell[] = [];
  /** Data versions on which a view found a value the model does not hold (they are then shown fail-closed). */
  readonly inconsistent: string[] = [];

  record(table: string): void {
    this.tables.set(table, (this.tables.get(table) ?? 0) + 1);
  }

  clear(): void {
    this.tables.clear();
    this.unregistered.length = 0;
    this.inconsistent.length = 0;
  }
}

export const disclosureLedger = new DisclosureLedger();

// ---------------------------------------------------------------------------------------------------------------
// The progress report's tables.
// ---------------------------------------------------------------------------------------------------------------

export interface ReportDisclosureContext {
  view: DisclosureView;
  /** The fixed period of the report (disclosure-model.ts `fixedPeriods`). */
  period: string;
  /** The two tertials of the 'tertials' comparison (fixed-period ids), when the report carries it. */
  tertials?: { previous: string; current: string };
  /** The programme's groups, to name rows. */
  groups: readonly { key: string; number: number; municipality: string | null }[];
  /** Survey rounds: which group, and the day each opened. */
  rounds: readonly { key: string; group: string; openDay: string }[];
  /** The period's last day (rounds opened by then are in the report). */
  periodEnd: string;
}

/** A cell's place in the model: a count, a figure shown only with some counts, or a sum of counts. */
type Spec =
  | { kind: 'text' }
  | { kind: 'target' }
  | { kind: 'count'; key: string }
  | { kind: 'sum'; keys: string[] }
  | { kind: 'with'; keys: string[] };

const TEXT: Spec = { kind: 'text' };
/** A number that counts nobody: a goal's target per cent. */
const TARGET: Spec = { kind: 'target' };
const count = (key: string): Spec => ({ kind: 'count', key });
const withCells = (...keys: string[]): Spec => ({ kind: 'with', keys });

const OUTCOME_COLUMN_BY_LABEL = new Map<string, string>([
  ...OUTCOME_CATEGORIES.map((c): [string, string] => [OUTCOME_LABELS[c], `cat:${c}`]),
  [LEFT_EARLY_WITHOUT_OUTCOME_LABEL, 'left_without'],
  [NO_OUTCOME_YET_LABEL, 'no_yet'],
]);

/**
 * The report's tables as an aggregate-only audience may see them: hidden cells as "..", the tables that list only
 * what someone has (detail codes, reasons for leaving) with every row, so that a row's presence tells nothing.
 * A count that differs from the model's, or a number the view cannot place, makes it fail closed.
 */
export function discloseReportTables(
  tables: readonly ReportTable[],
  report: ProgressReport,
  ctx: ReportDisclosureContext,
  ledger: DisclosureLedger = disclosureLedger,
): ReportTable[] {
  const out = tables.map((t) => {
    if (t.id === 'outcome-details') return outcomeDetailsTable(t, report, ctx);
    if (t.id === 'early-leavers') return earlyLeaversTable(t, report, ctx);
    return t;
  });
  const specs = out.map((t) => specsOf(t, report, ctx));
  // The model must hold every count shown: otherwise the audit was about other data, and nothing outcome-based is
  // shown.
  let consistent = true;
  out.forEach((t, ti) =>
    t.rows.forEach((row, ri) =>
      row.forEach((cell, ci) => {
        const spec = specs[ti][ri][ci];
        if (typeof cell !== 'number') return;
        if (spec.kind === 'count' && ctx.view.values[spec.key] !== cell) consistent = false;
        if (
          spec.kind === 'sum' &&
          spec.keys.reduce((n, k) => n + (ctx.view.values[k] ?? Number.NaN), 0) !== cell
        )
          consistent = false;
      }),
    ),
  );
  if (!consistent) ledger.inconsistent.push(ctx.period);
  const hidden = new Set(consistent ? ctx.view.hidden : [...ctx.view.hidden, ...ctx.view.fallbackHidden]);
  const shown = (key: string) => key in ctx.view.values && !hidden.has(key);
  return out.map((t, ti) => {
    ledger.record(t.id);
    const kind = (DISCLOSURE_TABLES as Record<string, string>)[t.id];
    let anyHidden = false;
    const visibleSpec = (spec: Spec) =>
      spec.kind === 'count'
        ? shown(spec.key)
        : spec.kind === 'text' || spec.kind === 'target'
          ? true
          : spec.keys.every(shown);
    const rows = t.rows.map((row, ri) =>
      row.map((cell, ci): TableCell => {
        // "Goal met" says on which side of the target a share lies: hidden with any count of its row.
        if (t.columns[ci] === 'Målet nått' && cell !== null && !specs[ti][ri].every(visibleSpec)) {
          anyHidden = true;
          return SUPPRESSED_MARK;
        }
        if (typeof cell !== 'number') return cell;
        if (kind === 'amounts' || kind === 'external') return cell;
        const spec = specs[ti][ri][ci];
        let visible: boolean;
        switch (spec.kind) {
          case 'target':
            visible = true;
            break;
          case 'count':
            visible = shown(spec.key);
            break;
          case 'sum':
          case 'with':
            visible = spec.keys.every(shown);
            break;
          case 'text':
            ledger.unregistered.push({
              table: t.id,
              row: String(row[0]),
              column: t.columns[ci] ?? '',
              value: cell,
            });
            visible = false;
        }
        if (!visible) anyHidden = true;
        return visible ? cell : SUPPRESSED_MARK;
      }),
    );
    const notes = anyHidden
      ? [
          ...t.notes,
          `${SUPPRESSED_MARK} = uppgiften visas inte: uppgifter om hälsa visas från ${ctx.view.k} personer, och andra uppgifter döljs där de annars skulle avslöja en sådan.`,
        ]
      : t.notes;
    return { ...t, rows, notes };
  });
}

/**
 * The counts of the report's tables by model key (for tests that compare every possible programme with the
 * real one): each count, and each sum of counts under the key of its parts joined by '+'.
 */
export function reportCellValues(
  tables: readonly ReportTable[],
  report: ProgressReport,
  ctx: ReportDisclosureContext,
): Map<string, number> {
  const values = new Map<string, number>();
  for (const t of tables) {
    const specs = specsOf(t, report, ctx);
    t.rows.forEach((row, ri) =>
      row.forEach((cell, ci) => {
        const spec = specs[ri][ci];
        if (typeof cell !== 'number') return;
        if (spec.kind === 'count') values.set(spec.key, cell);
        if (spec.kind === 'sum') values.set(spec.keys.join('+'), cell);
      }),
    );
  }
  return values;
}

/** Targets and labels: numbers that are not counts of anyone (a goal's target per cent). */
const NOT_COUNTS = new Set(['Mål (%)', 'Målvärde (%)']);

function specsOf(t: ReportTable, report: ProgressReport, ctx: ReportDisclosureContext): Spec[][] {
  const P = ctx.period;
  const k = (table: DisclosureCellTable, row: string, column: string) => cellKey(P, table, row, column);
  const multi = report.municipalities.length > 1;
  // The report names its own groups (with their municipality only when it has groups in more than one): two
  // towns' "Grupp 1" are told apart there, and a group outside the period must not take another's name.
  const inReport = new Set(report.groups.map((g) => `${g.municipality ?? ''}\u0000${g.number}`));
  const groupRow = new Map<string, string>();
  for (const g of ctx.groups)
    if (inReport.has(`${g.municipality ?? ''}\u0000${g.number}`))
      groupRow.set(groupLabel(g.number, multi ? municipalityLabel(g.municipality) : null), rowOfGroup(g.key));
  const municipalityRow = new Map<string, string>(
    report.municipalities.map((m) => [municipalityLabel(m.municipality), rowOfMunicipality(m.municipality)]),
  );
  const rowOf = (label: TableCell): string | undefined => {
    const s = String(label);
    if (s === 'Totalt') return ROW_ALL;
    if (s.startsWith('Totalt ')) return municipalityRow.get(s.slice('Totalt '.length));
    return groupRow.get(s) ?? municipalityRow.get(s);
  };
  const col = (i: number) => t.columns[i] ?? '';
  const byColumn = (
    row: TableCell[],
    f: (column: string, i: number, cells: Spec[]) => Spec | undefined,
  ): Spec[] => {
    const cells: Spec[] = [];
    row.forEach((cell, i) => {
      const c = col(i);
      cells.push(typeof cell !== 'number' ? TEXT : NOT_COUNTS.has(c) ? TARGET : (f(c, i, cells) ?? TEXT));
    });
    return cells;
  };

  switch (t.id) {
    case 'enrolled':
      return t.rows.map((row) => {
        const r = rowOf(row[0]);
        const status: Record<string, string> = {
          Inskrivna: 'enrolled',
          Fullföljt: 'completed',
          'Avslutat i förtid': 'left_early',
          Pågående: 'active',
        };
        return byColumn(row, (c) => (r && status[c] ? count(k('status', r, status[c])) : undefined));
      });
    case 'outcomes':
      return t.rows.map((row) => {
        const label = String(row[0]);
        const antal = label === 'Totalt' ? k('status', ROW_ALL, 'enrolled') : outcomeKey(P, ROW_ALL, label);
        return byColumn(row, (c) => {
          if (!antal) return undefined;
          if (c === 'Antal') return count(antal);
          if (c === 'Av inskrivna') return count(k('status', ROW_ALL, 'enrolled'));
          if (c === 'Andel (%)') return withCells(antal, k('status', ROW_ALL, 'enrolled'));
          return undefined;
        });
      });
    case 'work-or-studies':
      return t.rows.map((row) =>
        byColumn(row, (c) => {
          const ws = k('outcome', ROW_ALL, 'work_or_studies');
          const enrolled = k('status', ROW_ALL, 'enrolled');
          if (c === 'Till arbete eller studier') return count(ws);
          if (c === 'Av inskrivna') return count(enrolled);
          if (c === 'Andel (%)') return withCells(ws, enrolled);
          return undefined;
        }),
      );
    case 'by-gender':
    case 'outcomes-by-group':
      return t.rows.map((row) => {
        const label = String(row[0]);
        const gender = GENDERS.find((g) => GENDER_LABELS[g] === label);
        const r = gender ? rowOfGender(gender) : rowOf(label);
        return byColumn(row, (c) => {
          if (!r) return undefined;
          if (c === 'Inskrivna') return count(k('status', r, 'enrolled'));
          const column = OUTCOME_COLUMN_BY_LABEL.get(c);
          if (column) return count(k('outcome', r, column));
          if (c === 'Till arbete eller studier') return count(k('outcome', r, 'work_or_studies'));
          if (c.startsWith('Andel till arbete eller studier'))
            return withCells(k('outcome', r, 'work_or_studies'), k('status', r, 'enrolled'));
          return undefined;
        });
      });
    case 'attendance':
      return t.rows.map((row) => {
        const r = rowOf(row[0]);
        return byColumn(row, (c) => {
          if (!r) return undefined;
          const participants = k('attendance', r, 'participants');
          const meets = k('attendance', r, 'meets');
          if (c === 'Deltagare') return count(participants);
          if (c === 'Närvarotillfällen' || c === 'Genomförda tillfällen' || c === 'Närvaro (%)')
            return withCells(participants);
          if (c.startsWith('Når målet')) return count(meets);
          if (c === 'Andel som når målet (%)') return withCells(meets, participants);
          return undefined;
        });
      });
    case 'internships': {
      const headline = headlineRows(report, ctx, multi);
      const sum = (column: string): Spec =>
        headline.length === report.groups.length
          ? count(k('internship', ROW_ALL, column))
          : { kind: 'sum', keys: headline.map((r) => k('internship', r, column)) };
      return t.rows.map((row) =>
        byColumn(row, (c) => {
          if (c === 'Med praktik') return sum('with');
          if (c === 'Kvar till praktikveckorna') return sum('stayed');
          if (c === 'Andel med praktik (%)' || c.startsWith('Praktik som ledde'))
            return withCells(...keysOf(sum('with')), ...keysOf(sum('stayed')));
          return undefined;
        }),
      );
    }
    case 'internships-by-group':
      return t.rows.map((row) => {
        const r = rowOf(row[0]);
        return byColumn(row, (c) => {
          if (!r) return undefined;
          const w = k('internship', r, 'with');
          const s = k('internship', r, 'stayed');
          if (c === 'Med praktik') return count(w);
          if (c === 'Kvar till praktikveckorna') return count(s);
          if (c === 'Andel med praktik (%)') return withCells(w, s);
          if (c === 'Praktikplatser' || c.startsWith('Ledde till')) return withCells(w);
          return undefined;
        });
      });
    case 'internship-industries': {
      const headline = headlineRows(report, ctx, multi);
      return t.rows.map((row) =>
        byColumn(row, () => withCells(...headline.map((r) => k('internship', r, 'with')))),
      );
    }
    case 'clear-plan':
      return t.rows.map((row) =>
        byColumn(row, (c) => {
          const n = k('clear-plan', ROW_ALL, 'count');
          const of = k('clear-plan', ROW_ALL, 'of');
          if (c.startsWith('Med arbete')) return count(n);
          if (c.startsWith('Av fullföljande')) return count(of);
          if (c === 'Andel (%)') return withCells(n, of);
          return undefined;
        }),
      );
    case 'surveys':
      return t.rows.map((row, ri) => {
        const asked = surveyRoundKey(report, ctx, ri);
        return byColumn(row, (c) => {
          if (!asked) return undefined;
          if (c === 'Tillfrågade') return count(asked);
          if (c === 'Svar' || c === 'Svarsfrekvens (%)') return withCells(asked);
          return undefined;
        });
      });
    case 'goals':
      return t.rows.map((row) => {
        const label = String(row[0]);
        const cells = label.startsWith('Närvaro')
          ? [withCells(k('attendance', ROW_ALL, 'participants'))]
          : label.startsWith('Tydlig plan')
            ? [k('clear-plan', ROW_ALL, 'count'), k('clear-plan', ROW_ALL, 'of')].map(count)
            : label.startsWith('Till arbete')
              ? [k('outcome', ROW_ALL, 'work_or_studies'), k('status', ROW_ALL, 'enrolled')].map(count)
              : [];
        return byColumn(row, (c) => {
          if (cells.length === 0) return undefined;
          if (c === 'Antal') return cells[0];
          if (c === 'Av') return cells[1] ?? cells[0];
          return withCells(...cells.flatMap(keysOf));
        });
      });
    case 'outcome-details':
      return t.rows.map((row) => {
        const label = String(row[0]);
        const total = label === 'Totalt';
        return byColumn(row, (c, i) => {
          const r = c === 'Antal' || c.startsWith('Andel') ? ROW_ALL : municipalityRow.get(c);
          if (!r) return undefined;
          const key = total
            ? k('status', r, 'enrolled')
            : (outcomeKey(P, r, label) ?? detailKey(P, r, label));
          if (!key) return undefined;
          if (c.startsWith('Andel')) return withCells(key, k('status', ROW_ALL, 'enrolled'));
          void i;
          return count(key);
        });
      });
    case 'by-municipality':
      return t.rows.map((row) => {
        const r = rowOf(row[0]);
        const columns: Record<string, [DisclosureCellTable, string]> = {
          Inskrivna: ['status', 'enrolled'],
          Fullföljt: ['status', 'completed'],
          Avbrott: ['status', 'left_early'],
          Pågående: ['status', 'active'],
          'Till arbete': ['outcome', 'cat:work'],
          'Till studier': ['outcome', 'cat:studies'],
          'Till arbete eller studier': ['outcome', 'work_or_studies'],
          'Varken arbete eller studier': ['outcome', 'neither'],
        };
        return byColumn(row, (c) => {
          if (!r) return undefined;
          if (columns[c]) return count(k(columns[c][0], r, columns[c][1]));
          if (c === 'Andel till arbete eller studier (%)')
            return withCells(k('outcome', r, 'work_or_studies'), k('status', r, 'enrolled'));
          if (c === 'Andel varken arbete eller studier (%)')
            return withCells(k('outcome', r, 'neither'), k('status', r, 'enrolled'));
          if (c === 'Närvaro (%)')
            return withCells(
              ...(r === ROW_ALL
                ? [k('attendance', ROW_ALL, 'participants')]
                : ctx.groups
                    .filter((g) => rowOfMunicipality(g.municipality) === r)
                    .map((g) => k('attendance', rowOfGroup(g.key), 'participants'))),
            );
          return undefined;
        });
      });
    case 'early-leavers':
      return t.rows.map((row) => {
        const label = String(row[0]);
        const reason = AUDIENCE_LEFT_REASONS.find((x) => audienceReasonLabel(x) === label);
        return byColumn(row, (c) => {
          const r = c === 'Antal' ? ROW_ALL : municipalityRow.get(c);
          if (!r) return undefined;
          if (label === 'Totalt') return count(k('status', r, 'left_early'));
          return reason ? count(k('reason', r, reason)) : undefined;
        });
      });
    case 'follow-ups':
      return t.rows.map((row) => {
        const months = [3, 6, 12].find((m) => followUpLabel(m) === String(row[0]));
        const scope = String(row[1]) === 'Totalt' ? ROW_ALL : municipalityRow.get(String(row[1]));
        return byColumn(row, (c) => {
          if (!months || !scope) return undefined;
          const r = rowOfFollowUp(months, scope);
          if (c === 'Uppföljda') return count(k('follow-up', r, 'followed'));
          const column = OUTCOME_COLUMN_BY_LABEL.get(c);
          if (column?.startsWith('cat:')) return count(k('follow-up', r, column));
          if (c === 'Till arbete eller studier') return count(k('follow-up', r, 'work_or_studies'));
          if (c.startsWith('Andel'))
            return withCells(k('follow-up', r, 'work_or_studies'), k('follow-up', r, 'followed'));
          return undefined;
        });
      });
    case 'tertials':
      return t.rows.map((row) => {
        const label = String(row[0]);
        return byColumn(row, (_c, i) => {
          const period = i === 1 ? ctx.tertials?.previous : i === 2 ? ctx.tertials?.current : undefined;
          if (!period) return undefined;
          const kk = (table: DisclosureCellTable, column: string) => cellKey(period, table, ROW_ALL, column);
          const figures: Record<string, Spec> = {
            Inskrivna: count(kk('status', 'enrolled')),
            Fullföljt: count(kk('status', 'completed')),
            Avbrott: count(kk('status', 'left_early')),
            Pågående: count(kk('status', 'active')),
            'Till arbete': count(kk('outcome', 'cat:work')),
            'Till studier': count(kk('outcome', 'cat:studies')),
            'Till arbete eller studier': count(kk('outcome', 'work_or_studies')),
            'Andel till arbete eller studier (%)': withCells(
              kk('outcome', 'work_or_studies'),
              kk('status', 'enrolled'),
            ),
            'Varken arbete eller studier': count(kk('outcome', 'neither')),
            'Andel varken arbete eller studier (%)': withCells(
              kk('outcome', 'neither'),
              kk('status', 'enrolled'),
            ),
            'Närvaro (%)': withCells(kk('attendance', 'participants')),
            'Andel med praktik (%)': withCells(kk('internship', 'with'), kk('internship', 'stayed')),
          };
          return figures[label];
        });
      });
    default:
      return t.rows.map((row) => byColumn(row, () => undefined));
  }
}

function keysOf(s: Spec): string[] {
  return s.kind === 'count' ? [s.key] : s.kind === 'text' || s.kind === 'target' ? [] : s.keys;
}

function outcomeKey(period: string, row: string, label: string): string | undefined {
  const column = OUTCOME_COLUMN_BY_LABEL.get(label);
  return column ? cellKey(period, 'outcome', row, column) : undefined;
}

const DETAIL_COLUMN_BY_LABEL = new Map<string, string>(
  OUTCOME_CATEGORIES.flatMap((c) => [
    ...(DETAIL_CODES_OF_CATEGORY[c] as readonly string[]).map((code): [string, string] => [
      detailRowLabel(c, code as never),
      code,
    ]),
    ...(DETAIL_CODES_OF_CATEGORY[c].length
      ? [[detailRowLabel(c, null), `uncoded:${c}`] as [string, string]]
      : []),
  ]),
);

function detailKey(period: string, row: string, label: string): string | undefined {
  const column = DETAIL_COLUMN_BY_LABEL.get(label);
  return column ? cellKey(period, 'detail', row, column) : undefined;
}

/** The rows of the groups the internship headline covers (by number, in every municipality that has it). */
function headlineRows(report: ProgressReport, ctx: ReportDisclosureContext, multi: boolean): string[] {
  void multi;
  const numbers = new Set(report.internships.groups);
  const inReport = new Set(report.groups.map((g) => `${g.municipality ?? ''}\u0000${g.number}`));
  return ctx.groups
    .filter((g) => numbers.has(g.number) && inReport.has(`${g.municipality ?? ''}\u0000${g.number}`))
    .map((g) => rowOfGroup(g.key));
}

/**
 * The model key of the survey table's row `index`: the report lists the rounds of its groups opened by its end,
 * in its groups' order; among a group's rounds the one whose count matches (the order inside a group is not
 * kept by the report).
 */
function surveyRoundKey(
  report: ProgressReport,
  ctx: ReportDisclosureContext,
  index: number,
): string | undefined {
  const s = report.surveys[index];
  if (!s) return undefined;
  const groups = ctx.groups.filter(
    (g) => g.number === s.group && (g.municipality ?? null) === s.municipality,
  );
  const candidates = ctx.rounds.filter(
    (r) => groups.some((g) => g.key === r.group) && r.openDay <= ctx.periodEnd,
  );
  const keys = candidates.map((r) => cellKey('-', 'survey', rowOfRound(r.key), 'asked'));
  const matching = keys.filter((key) => ctx.view.values[key] === s.enrolledAtOpen - s.leftBeforeOpen);
  return matching[0] ?? keys[0];
}

/** The label of a reason for leaving as aggregate-only audiences read it. */
export function audienceReasonLabel(r: AudienceLeftReason): string {
  if (r === 'none') return NO_LEFT_REASON_LABEL;
  if (r === 'personal_or_health') return `${LEFT_REASON_LABELS.personal} eller hälsa`;
  return LEFT_REASON_LABELS[r];
}

/** Every category with every one of its codes, per municipality and in total, whether anyone has it or not. */
function outcomeDetailsTable(
  t: ReportTable,
  report: ProgressReport,
  ctx: ReportDisclosureContext,
): ReportTable {
  const multi = report.municipalities.length > 1;
  const scopes = [
    ...(multi ? report.municipalities.map((m) => rowOfMunicipality(m.municipality)) : []),
    ROW_ALL,
  ];
  const v = (key: string) => ctx.view.values[key] ?? Number.NaN;
  const line = (label: string, key: (row: string) => string): TableCell[] => {
    const counts = scopes.map((s) => v(key(s)));
    const total = counts[counts.length - 1];
    const enrolled = v(cellKey(ctx.period, 'status', ROW_ALL, 'enrolled'));
    return [label, ...counts, enrolled > 0 ? Math.floor((200 * total + enrolled) / (2 * enrolled)) : null];
  };
  const rows: TableCell[][] = [];
  for (const c of OUTCOME_CATEGORIES) {
    rows.push(line(OUTCOME_LABELS[c], (s) => cellKey(ctx.period, 'outcome', s, `cat:${c}`)));
    for (const code of DETAIL_CODES_OF_CATEGORY[c] as readonly string[])
      rows.push(line(detailRowLabel(c, code as never), (s) => cellKey(ctx.period, 'detail', s, code)));
    if (DETAIL_CODES_OF_CATEGORY[c].length)
      rows.push(line(detailRowLabel(c, null), (s) => cellKey(ctx.period, 'detail', s, `uncoded:${c}`)));
  }
  rows.push(line(LEFT_EARLY_WITHOUT_OUTCOME_LABEL, (s) => cellKey(ctx.period, 'outcome', s, 'left_without')));
  rows.push(line(NO_OUTCOME_YET_LABEL, (s) => cellKey(ctx.period, 'outcome', s, 'no_yet')));
  rows.push(line('Totalt', (s) => cellKey(ctx.period, 'status', s, 'enrolled')));
  void t;
  return { ...t, rows };
}

/** Reasons for leaving, every one of them, health counted with personal reasons. */
function earlyLeaversTable(
  t: ReportTable,
  report: ProgressReport,
  ctx: ReportDisclosureContext,
): ReportTable {
  const multi = report.municipalities.length > 1;
  const scopes = [
    ...(multi ? report.municipalities.map((m) => rowOfMunicipality(m.municipality)) : []),
    ROW_ALL,
  ];
  const v = (key: string) => ctx.view.values[key] ?? Number.NaN;
  return {
    ...t,
    rows: [
      ...AUDIENCE_LEFT_REASONS.map((r) => [
        audienceReasonLabel(r),
        ...scopes.map((s) => v(cellKey(ctx.period, 'reason', s, r))),
      ]),
      ['Totalt', ...scopes.map((s) => v(cellKey(ctx.period, 'status', s, 'left_early')))],
    ],
    notes: [...t.notes, 'Hälsa som orsak redovisas tillsammans med personliga skäl.'],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The other endpoints. Their counts are plain (no health or survey data), which the engine never hides; each
// view registers its table and checks its counts against the model, so that the audit used what they show.
// ---------------------------------------------------------------------------------------------------------------

/** A plain count an endpoint gives, checked against the model; false when the model holds another value. */
export function checkPlainCounts(
  table: DisclosureTableId,
  counts: readonly { key: string; value: number }[],
  values: Readonly<Record<string, number>>,
  ledger: DisclosureLedger = disclosureLedger,
): boolean {
  ledger.record(table);
  const ok = counts.every((c) => values[c.key] === c.value);
  if (!ok) ledger.inconsistent.push(table);
  return ok;
}

/** The model keys of the internship summary of one group (with one / stayed to the internship weeks). */
export function internshipSummaryKeys(groupKey: string): { with: string; stayed: string } {
  return {
    with: cellKey('-', 'internship-summary', rowOfGroup(groupKey), 'with'),
    stayed: cellKey('-', 'internship-summary', rowOfGroup(groupKey), 'stayed'),
  };
}

/** Finsam's counts of a year by sex. */
export function finsamKeys(year: number): Record<Gender | 'total', string> {
  const key = (c: string) => cellKey('-', 'finsam', rowOfYear(year), c);
  return { woman: key('woman'), man: key('man'), other: key('other'), total: key('total') };
}

/** A survey round's asked (enrolled when it opened). */
export function surveyRoundKeyOf(roundKey: string): string {
  return cellKey('-', 'survey', rowOfRound(roundKey), 'asked');
}

/** A group's enrolments (the group page's enrolled count): all of them, the whole programme's period. */
export function groupEnrolledKey(groupKey: string): string {
  return cellKey('whole', 'status', rowOfGroup(groupKey), 'enrolled');
}

/** A group's assessment pairs (start and end assessed). */
export function assessmentKey(groupKey: string): string {
  return cellKey('-', 'assessment', rowOfGroup(groupKey), 'pairs');
}

export type { OutcomeCategory };
