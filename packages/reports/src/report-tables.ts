import { GENDERS, OUTCOME_CATEGORIES, type Ratio } from '@stegvis/contracts';
import { percent } from './percent.js';
import type { OutcomeFigures, ProgressReport } from './programme-report.js';
import type { Tertial } from './report-counts.js';
import {
  GENDER_LABELS,
  GOAL_LABELS,
  GROUP_STATUS_LABELS,
  INDUSTRY_LABELS,
  LEFT_EARLY_WITHOUT_OUTCOME_LABEL,
  LEFT_REASON_LABELS,
  NO_LEFT_REASON_LABEL,
  NO_OUTCOME_YET_LABEL,
  OUTCOME_LABELS,
  detailRowLabel,
  followUpLabel,
  groupLabel,
  groupSetLabel,
  municipalityLabel,
  tertialLabel,
} from './swedish-labels.js';
import {
  checkThreshold,
  isSmallCell,
  protectBreakdown,
  suppressCells,
  suppressMatrix,
  type SuppressMatrixOptions,
  type SuppressedCell,
  type SuppressedMatrix,
} from './suppression.js';

export type TableCell = string | number | null;

export const REPORT_TABLE_IDS = [
  'report',
  'enrolled',
  'outcomes',
  'outcome-details',
  'work-or-studies',
  'by-municipality',
  'outcomes-by-group',
  'early-leavers',
  'follow-ups',
  'tertials',
  'by-gender',
  'attendance',
  'internships',
  'internships-by-group',
  'internship-industries',
  'clear-plan',
  'surveys',
  'goals',
] as const;
/** The progress report's tables; the target-group and economy tables stand beside them (statistics.ts). */
export type ReportTableId = (typeof REPORT_TABLE_IDS)[number] | 'target-group' | 'economy';

/** One table of a report, in the words users read; every writer (CSV, XLSX, PDF, DOCX) prints these as they are. */
export interface ReportTable {
  id: ReportTableId;
  title: string;
  columns: string[];
  /** Numbers stay numbers (so a spreadsheet can sum them); null is an empty cell. */
  rows: TableCell[][];
  notes: string[];
  /**
   * The unit of each column, by index, when a column has one ('kr': amounts of money, amounts.ts). The screen,
   * PDF and DOCX print such a cell as "1 030 000 kr", the CSV names the unit in the heading, the XLSX gives the
   * cell a number format. Absent: no column has a unit.
   */
  units?: ('kr' | null)[];
}

/** What a hidden cell shows: Swedish official statistics' sign for a figure that is not published. */
export const SUPPRESSED_MARK = '..';

export interface ReportTableOptions {
  /**
   * The rule before the disclosure engine: small counts hidden table by table. No endpoint or file uses it any
   * more — aggregate-only readers get the full tables through `discloseReportTables` (disclosure.ts), audited
   * jointly. It stays only so that disclosure-leaks.spec.ts can show the leaks it had, and that the audit finds
   * each when reintroduced. Do not use it to release figures.
   */
  smallCellThreshold?: number;
  /** The tertial the report ends in beside the one before it: the 'tertials' table. */
  tertials?: TertialComparison;
}

/** Two tertials' reports, each computed for its own period (report-counts.ts `tertialOf`, `previousTertial`). */
export interface TertialComparison {
  previous: { tertial: Pick<Tertial, 'year' | 'index'>; report: ProgressReport };
  current: { tertial: Pick<Tertial, 'year' | 'index'>; report: ProgressReport };
}

/**
 * The tables that break the figures down by municipality, group, detail code, reason for leaving, follow-up and
 * tertial: the old rule (`smallCellThreshold`) had no protection for them and left them out. The engine shows them
 * to every audience.
 */
export const STAFF_ONLY_TABLE_IDS: readonly ReportTableId[] = [
  'outcome-details',
  'by-municipality',
  'outcomes-by-group',
  'early-leavers',
  'follow-ups',
  'tertials',
];

const TOTAL = 'Totalt';
/** The rows of the outcome table, and the columns of the gender table: together they add up to the enrolled. */
const OUTCOME_ROW_LABELS = [
  ...OUTCOME_CATEGORIES.map((c) => OUTCOME_LABELS[c]),
  LEFT_EARLY_WITHOUT_OUTCOME_LABEL,
  NO_OUTCOME_YET_LABEL,
];
const YES_NO = (met: boolean | null): TableCell => (met === null ? null : met ? 'Ja' : 'Nej');

/**
 * The tables of a progress report. Every file format is written from these, so a PDF and a spreadsheet of the
 * same report always show the same numbers.
 *
 * With `smallCellThreshold`, every count of people is a cell of a table with its margins and goes through
 * `suppressMatrix` / `suppressCells`; figures derived from several cells (work or studies, a subset of groups)
 * are shown only when they do not single out a hidden cell. Tables that split the same people (group sizes,
 * all enrolled) share the enrolled table's decisions on those margins, and each splits the whole group
 * (e.g. internships: with, without, did not stay), so that no table tells what another hides. The tables are
 * not audited jointly as one system of equations: a figure such as the clear-plan denominator can still narrow
 * a hidden cell of another table to a range.
 */
export function toReportTables(report: ProgressReport, options: ReportTableOptions = {}): ReportTable[] {
  const k = options.smallCellThreshold;
  if (k !== undefined) checkThreshold(k);
  const s = new Suppressor(k);
  // Groups are named with their municipality when the report has groups in more than one.
  const multi = report.municipalities.length > 1;
  const nameOf = (n: number, m: string | null) => groupLabel(n, multi ? municipalityLabel(m) : null);
  // Attendance and internships count enrolments, so a municipality's total is the sum of its groups' rows. Only
  // in full tables: the legacy small-cell path has no rule for them (audiences get theirs from the engine).
  const subtotals = multi && k === undefined;
  const groupsLabel = multi
    ? report.municipalities
        .map(
          (m) =>
            `${municipalityLabel(m.municipality)}: ${groupSetLabel(
              report.groups.filter((g) => g.municipality === m.municipality).map((g) => g.number),
            )}`,
        )
        .join('; ')
    : groupSetLabel(report.groups.map((g) => g.number));
  // Totals count persons: one who moved between groups is in both groups' rows but once in a total.
  const totalStatus = [
    report.total.enrolled,
    report.total.completed,
    report.total.leftEarly,
    report.total.active,
  ];
  const groupSum = (f: (g: ProgressReport['groups'][number]) => number) => sum(report.groups.map(f));
  const moved = report.total.enrolled !== groupSum((g) => g.enrolled);
  const persons = (c: SuppressedCell | undefined, value: number): TableCell =>
    !c || c.count === null ? show(c) : value;

  const tables: ReportTable[] = [];
  const add = (
    id: ReportTableId,
    title: string,
    columns: string[],
    rows: TableCell[][],
    notes: string[] = [],
  ) => tables.push({ id, title, columns, rows, notes });

  add(
    'report',
    'Delrapport',
    ['Uppgift', 'Värde'],
    [
      ['Insats', report.programme],
      ['Period', `${report.period.start} – ${report.period.end}`],
      ['Grupper', groupsLabel],
      ...(report.municipalities.some((m) => m.municipality !== null)
        ? [['Kommuner', report.municipalities.map((m) => municipalityLabel(m.municipality)).join(', ')]]
        : []),
    ],
  );

  // Enrolled: groups × enrolment status, with the group sizes and status totals as margins.
  const enrolled = s.matrix(
    report.groups.map((g) => [g.completed, g.leftEarly, g.active]),
    3,
  );
  add(
    'enrolled',
    'Antal inskrivna',
    ['Grupp', 'Start', 'Slut', 'Status', 'Inskrivna', 'Fullföljt', 'Avslutat i förtid', 'Pågående'],
    [
      ...report.groups.map((g, i) => [
        nameOf(g.number, g.municipality),
        g.start,
        g.end,
        GROUP_STATUS_LABELS[g.status],
        show(enrolled.rowTotals[i]),
        ...row(enrolled, i).map(show),
      ]),
      [
        TOTAL,
        null,
        null,
        null,
        ...[enrolled.total, ...enrolled.columnTotals].map((c, i) => persons(c, totalStatus[i])),
      ],
    ],
    [
      'Inskrivna: alla med en inskrivning i en grupp som pågick under perioden, även de som avslutat i förtid.',
      ...(moved
        ? [
            'Totalt räknar personer: den som bytt grupp står i båda grupperna men räknas en gång i totalen, med sin senaste inskrivning.',
          ]
        : []),
    ],
  );

  // Outcomes: gender × (outcome categories + no outcome yet); its column totals are the outcome table.
  const outcomeCounts = report.byGender.map((b) => [
    ...OUTCOME_CATEGORIES.map((c) => b.outcomes[c]),
    b.leftEarlyWithoutOutcome,
    b.noOutcomeYet,
  ]);
  const byGender = s.matrix(outcomeCounts, OUTCOME_CATEGORIES.length + 2, {
    total: !enrolled.total.suppressed,
  });
  const workOrStudies = [OUTCOME_CATEGORIES.indexOf('work'), OUTCOME_CATEGORIES.indexOf('studies')];
  const genderWs = s.derivedColumn(
    report.byGender.map((b, i) => ({
      value: b.toWorkOrStudies.count,
      safe: s.subsetSafe(row(byGender, i), outcomeCounts[i] ?? [], workOrStudies),
    })),
  );
  const totalCounts = OUTCOME_CATEGORIES.map((c) => report.outcomes[c].count).concat(
    report.leftEarlyWithoutOutcome.count,
    report.noOutcomeYet.count,
  );
  const totalWs = s.partOf(byGender.columnTotals, totalCounts, workOrStudies, report.toWorkOrStudies.count);

  add(
    'outcomes',
    'Resultat',
    ['Resultat', 'Antal', 'Av inskrivna', 'Andel (%)'],
    [
      ...OUTCOME_ROW_LABELS.map((label, i) => [
        label,
        show(byGender.columnTotals[i]),
        show(byGender.total),
        share(byGender.columnTotals[i], byGender.total),
      ]),
      [TOTAL, show(byGender.total), show(byGender.total), share(byGender.total, byGender.total)],
    ],
    [
      'Andelen räknas av alla inskrivna, så en pågående grupp utan resultat ännu drar ner andelarna.',
      'Avbrott utan registrerat resultat: avslutade i förtid utan resultat; de räknas aldrig som "inget resultat ännu". Den som avslutat i förtid med ett resultat räknas under det.',
    ],
  );

  add(
    'work-or-studies',
    'Andel till arbete eller studier',
    ['Till arbete eller studier', 'Av inskrivna', 'Andel (%)'],
    [[show(totalWs), show(byGender.total), share(totalWs, byGender.total)]],
    ['Arbete och studier tillsammans, av alla inskrivna.'],
  );

  add(
    'by-gender',
    'Inskrivna och resultat per kön',
    [
      'Kön',
      'Inskrivna',
      ...OUTCOME_ROW_LABELS,
      'Till arbete eller studier',
      'Andel till arbete eller studier (%)',
    ],
    [
      ...GENDERS.map((g, i) => [
        GENDER_LABELS[g],
        show(byGender.rowTotals[i]),
        ...row(byGender, i).map(show),
        show(genderWs[i]),
        share(genderWs[i], byGender.rowTotals[i]),
      ]),
      [
        TOTAL,
        show(byGender.total),
        ...byGender.columnTotals.map(show),
        show(totalWs),
        share(totalWs, byGender.total),
      ],
    ],
  );

  // Every group table below splits the same group sizes, so they keep the enrolled table's decisions on them.
  const groupIndex = new Map(report.groups.map((g, i) => [g.number, i]));
  const groupSizes = (groups: readonly number[]) => ({
    rowTotals: groups.map((n) => !enrolled.rowTotals[groupIndex.get(n) as number]?.suppressed),
    total: !enrolled.total.suppressed,
  });
  const enrolledIn = (n: number) => report.groups[groupIndex.get(n) as number]?.enrolled ?? 0;

  // Attendance: each group's enrolled split into (meets the goal, does not, no session held yet). A group's
  // session totals are shown only where its number of participants is.
  const att = report.attendance;
  const attendanceRows = att.byGroup.map((g) => [
    g.meetingGoal.count,
    g.meetingGoal.of - g.meetingGoal.count,
    enrolledIn(g.group) - g.meetingGoal.of,
  ]);
  const meeting = s.matrix(attendanceRows, 3, groupSizes(att.byGroup.map((g) => g.group)));
  const participants = att.byGroup.map((g, i) =>
    s.partOf(row(meeting, i), attendanceRows[i] ?? [], [0, 1], g.participants),
  );
  const participantsTotal = s.partOf(
    meeting.columnTotals,
    columnSums(attendanceRows, 3),
    [0, 1],
    att.overall.participants,
  );
  const sessions = (r: Ratio, size: SuppressedCell | undefined): TableCell[] =>
    size?.suppressed ? [SUPPRESSED_MARK, SUPPRESSED_MARK, SUPPRESSED_MARK] : [r.count, r.of, r.percent];
  const overallAttendance = sessions(att.overall.rate, participantsTotal);
  add(
    'attendance',
    'Närvaro per grupp',
    [
      'Grupp',
      'Deltagare',
      'Närvarotillfällen',
      'Genomförda tillfällen',
      'Närvaro (%)',
      `Når målet (minst ${att.goalPercent} %)`,
      'Andel som når målet (%)',
    ],
    [
      ...withMunicipalityTotals(
        att.byGroup.map((g, i) => [
          nameOf(g.group, g.municipality),
          show(participants[i]),
          ...sessions(g.rate, participants[i]),
          show(row(meeting, i)[0]),
          share(row(meeting, i)[0], participants[i]),
        ]),
        att.byGroup,
        subtotals,
        (gs) => {
          const rate = percent(sum(gs.map((g) => g.rate.count)), sum(gs.map((g) => g.rate.of)));
          const n = sum(gs.map((g) => g.participants));
          const meets = sum(gs.map((g) => g.meetingGoal.count));
          return [n, rate.count, rate.of, rate.percent, meets, percent(meets, n).percent];
        },
      ),
      [
        TOTAL,
        show(participantsTotal),
        ...overallAttendance,
        show(meeting.columnTotals[0]),
        share(meeting.columnTotals[0], participantsTotal),
      ],
    ],
    [
      'Deltagare: inskrivna med minst ett genomfört tillfälle.',
      'Närvaro: närvarotillfällen av genomförda tillfällen medan deltagaren var inskriven, summerat över deltagarna; inställda tillfällen räknas inte.',
      `Når målet: deltagarens egen närvaro, i hela procent, är minst ${att.goalPercent} %.`,
    ],
  );

  // Internships: each group's enrolled split into (with an internship, stayed without one, did not stay to the
  // internship weeks). The third part matters: the enrolled table gives group sizes, so "stayed" beside them
  // tells how many left before the internship weeks.
  const int = report.internships;
  const internshipRows = int.byGroup.map((g) => [
    g.rate.count,
    g.rate.of - g.rate.count,
    enrolledIn(g.group) - g.rate.of,
  ]);
  const internshipGrid = s.matrix(internshipRows, 3, groupSizes(int.byGroup.map((g) => g.group)));
  const placementCounts = int.byGroup.map((g) => g.internships);
  const offerCounts = int.byGroup.map((g) => g.offers);
  const placements = s.line(placementCounts);
  const offers = s.line(offerCounts);
  const setIndex = int.byGroup.flatMap((g, i) => (int.groups.includes(g.group) ? [i] : []));
  const columnSafe = (c: number) =>
    s.subsetSafe(
      internshipGrid.cells.map((r) => r[c]),
      internshipRows.map((r) => r[c]),
      setIndex,
    );
  const setStayed: SuppressedCell =
    columnSafe(2) && !s.small(int.rate.of)
      ? shown(int.rate.of)
      : { count: null, suppressed: 'complementary' };
  const setCount: SuppressedCell =
    !setStayed.suppressed && columnSafe(0) && columnSafe(1) && suppressedNothing(s.ratio(int.rate))
      ? shown(int.rate.count)
      : { count: null, suppressed: 'complementary' };
  const setOffers: SuppressedCell =
    s.subsetSafe(offers, offerCounts, setIndex) && !s.small(int.offers)
      ? shown(int.offers)
      : { count: null, suppressed: 'complementary' };
  const stayedNote =
    'Kvar till praktikveckorna: fullföljde insatsen, fick praktik, eller var kvar när praktikveckorna började.';
  add(
    'internships',
    'Andel med praktik',
    [
      'Grupper',
      'Med praktik',
      'Kvar till praktikveckorna',
      'Andel med praktik (%)',
      'Praktik som ledde till erbjudande om anställning',
    ],
    [
      [
        groupSetLabel(int.groups),
        show(setCount),
        show(setStayed),
        share(setCount, setStayed),
        show(setOffers),
      ],
    ],
    [stayedNote],
  );
  const byGroupRows = int.byGroup.map((g, i) => {
    const withCell = row(internshipGrid, i)[0];
    const stayed = s.partOf(row(internshipGrid, i), internshipRows[i] ?? [], [0, 1], g.rate.of);
    return [
      nameOf(g.group, g.municipality),
      show(withCell),
      show(stayed),
      share(withCell, stayed),
      show(placements[i]),
      show(offers[i]),
    ];
  });
  const totalStayed = s.partOf(
    internshipGrid.columnTotals,
    columnSums(internshipRows, 3),
    [0, 1],
    sum(int.byGroup.map((g) => g.rate.of)),
  );
  add(
    'internships-by-group',
    'Praktik per grupp',
    [
      'Grupp',
      'Med praktik',
      'Kvar till praktikveckorna',
      'Andel med praktik (%)',
      'Praktikplatser',
      'Ledde till erbjudande om anställning',
    ],
    [
      ...withMunicipalityTotals(byGroupRows, int.byGroup, subtotals, (gs) => {
        const rate = percent(sum(gs.map((g) => g.rate.count)), sum(gs.map((g) => g.rate.of)));
        return [
          rate.count,
          rate.of,
          rate.percent,
          sum(gs.map((g) => g.internships)),
          sum(gs.map((g) => g.offers)),
        ];
      }),
      [
        TOTAL,
        show(internshipGrid.columnTotals[0]),
        show(totalStayed),
        share(internshipGrid.columnTotals[0], totalStayed),
        show(s.total(sum(placementCounts))),
        show(s.total(sum(offerCounts))),
      ],
    ],
    [stayedNote],
  );

  const industries = s.line(int.byIndustry.map((i) => i.count));
  const industryTotal = sum(int.byIndustry.map((i) => i.count));
  const industryTotalCell: SuppressedCell =
    s.subsetSafe(placements, placementCounts, setIndex) && !s.small(industryTotal)
      ? { count: industryTotal, suppressed: null }
      : { count: null, suppressed: 'complementary' };
  add(
    'internship-industries',
    `Praktikplatser per bransch (${groupSetLabel(int.groups)})`,
    ['Bransch', 'Praktikplatser'],
    [
      ...int.byIndustry.map((b, i) => [INDUSTRY_LABELS[b.industry], show(industries[i])]),
      [TOTAL, show(industryTotalCell)],
    ],
    ['Praktikplatser, inte personer: en deltagare med två praktikperioder räknas två gånger.'],
  );

  const clearPlan = s.ratio(report.clearPlanGoal);
  const clearPlanHidden = !suppressedNothing(clearPlan);
  add(
    'clear-plan',
    'Tydlig plan mot arbete eller studier',
    [
      'Med arbete, studier eller planering',
      'Av fullföljande utan ohälsa som hinder',
      'Andel (%)',
      'Mål (%)',
      'Målet nått',
    ],
    [
      [
        ...clearPlan.map(show),
        shareOf(clearPlan, report.clearPlanGoal),
        report.clearPlanGoal.target,
        clearPlanHidden ? SUPPRESSED_MARK : YES_NO(report.clearPlanGoal.met),
      ],
    ],
    ['Av dem som fullföljt insatsen, utom de där ohälsa identifierats som hinder.'],
  );

  add(
    'surveys',
    'Svarsfrekvens enkäter',
    ['Grupp', 'Svar', 'Tillfrågade', 'Svarsfrekvens (%)'],
    report.surveys.map((r) => {
      // Those enrolled when the round opened split into answered, did not answer and had left: beside the group
      // sizes, "asked" would otherwise tell how many had left.
      const [answered, , left] = s.line([r.rate.count, r.rate.of - r.rate.count, r.leftBeforeOpen]);
      const asked: SuppressedCell =
        left?.suppressed || s.small(r.rate.of)
          ? { count: null, suppressed: 'complementary' }
          : shown(r.rate.of);
      return [nameOf(r.group, r.municipality), show(answered), show(asked), share(answered, asked)];
    }),
    ['Tillfrågade: inskrivna när enkäten öppnades, utom de som redan hade slutat.'],
  );

  add(
    'goals',
    'Måluppfyllelse',
    ['Mål', 'Målvärde (%)', 'Antal', 'Av', 'Utfall (%)', 'Målet nått'],
    report.goals.map((g) => {
      const cells: TableCell[] =
        g.key === 'attendance'
          ? overallAttendance
          : g.key === 'clear_plan'
            ? [...clearPlan.map(show), shareOf(clearPlan, g.actual)]
            : [show(totalWs), show(byGender.total), share(totalWs, byGender.total)];
      const hidden = cells.includes(SUPPRESSED_MARK);
      const label = g.key === 'attendance' ? `${GOAL_LABELS[g.key]} (tillfällen)` : GOAL_LABELS[g.key];
      return [label, g.target, ...cells, hidden ? SUPPRESSED_MARK : YES_NO(g.met)];
    }),
    ['Målet räknas som nått när utfallet, i hela procent, är minst målvärdet.'],
  );

  if (k === undefined) tables.push(...breakdownTables(report, nameOf, options.tertials));
  tables.sort((a, b) => tableOrder(a.id) - tableOrder(b.id));

  if (k !== undefined) {
    for (const t of tables) {
      if (t.rows.some((r) => r.includes(SUPPRESSED_MARK))) {
        t.notes.push(
          `${SUPPRESSED_MARK} = uppgiften visas inte, för att skydda enskilda personer (färre än ${k}, eller en uppgift som skulle avslöja en sådan).`,
        );
      }
    }
  }
  return tables;
}

function tableOrder(id: ReportTableId): number {
  const i = (REPORT_TABLE_IDS as readonly string[]).indexOf(id);
  return i < 0 ? REPORT_TABLE_IDS.length : i;
}

/**
 * The tables that cut the figures by municipality, group, detail code, reason for leaving, follow-up and tertial
 * (staff only for now: STAFF_ONLY_TABLE_IDS). Each has its total; totals count persons once.
 */
function breakdownTables(
  report: ProgressReport,
  nameOf: (n: number, m: string | null) => string,
  tertials: TertialComparison | undefined,
): ReportTable[] {
  const tables: ReportTable[] = [];
  const multi = report.municipalities.length > 1;
  const perMunicipality = multi ? report.municipalities : [];
  const municipalityColumns = perMunicipality.map((m) => municipalityLabel(m.municipality));
  const total = report.total;
  const of = (n: number) => percent(n, total.enrolled).percent;

  // Each category with its codes under it, per municipality and in total.
  const detailRows: TableCell[][] = [];
  const line = (label: string, count: (f: OutcomeFigures) => number) =>
    detailRows.push([label, ...perMunicipality.map(count), count(total), of(count(total))]);
  total.details.forEach((d, i) => {
    const pick = (f: OutcomeFigures) => f.details[i];
    line(OUTCOME_LABELS[d.category], (f) => pick(f).count);
    for (const c of d.codes)
      line(
        detailRowLabel(d.category, c.code),
        (f) => pick(f).codes.find((x) => x.code === c.code)?.count ?? 0,
      );
    if (d.uncoded > 0) line(detailRowLabel(d.category, null), (f) => pick(f).uncoded);
  });
  line(LEFT_EARLY_WITHOUT_OUTCOME_LABEL, (f) => f.leftEarlyWithoutOutcome);
  line(NO_OUTCOME_YET_LABEL, (f) => f.noOutcomeYet);
  line(TOTAL, (f) => f.enrolled);
  tables.push({
    id: 'outcome-details',
    title: 'Resultat per underkategori',
    columns: ['Resultat', ...municipalityColumns, 'Antal', 'Andel av inskrivna (%)'],
    rows: detailRows,
    notes: [
      '"Varav" är underkategorierna (koderna) under varje resultat. Okodad: resultatet har bara fritext, ingen kod ännu.',
    ],
  });

  const keyRow = (label: string, f: OutcomeFigures, attendance: Ratio): TableCell[] => [
    label,
    f.enrolled,
    f.completed,
    f.leftEarly,
    f.active,
    f.toWork.count,
    f.toStudies.count,
    f.toWorkOrStudies.count,
    f.toWorkOrStudies.percent,
    f.neitherWorkNorStudies.count,
    f.neitherWorkNorStudies.percent,
    attendance.percent,
  ];
  tables.push({
    id: 'by-municipality',
    title: 'Nyckeltal per kommun',
    columns: [
      'Kommun',
      'Inskrivna',
      'Fullföljt',
      'Avbrott',
      'Pågående',
      'Till arbete',
      'Till studier',
      'Till arbete eller studier',
      'Andel till arbete eller studier (%)',
      'Varken arbete eller studier',
      'Andel varken arbete eller studier (%)',
      'Närvaro (%)',
    ],
    rows: [
      ...report.municipalities.map((m) => keyRow(municipalityLabel(m.municipality), m, m.attendance)),
      keyRow(TOTAL, total, report.attendance.overall.rate),
    ],
    notes: [
      'Andelarna räknas av alla inskrivna. Varken arbete eller studier: de som inte avslutat i förtid och varken har arbete eller studier som resultat.',
      'Den som bytt grupp räknas en gång, i kommunen för sin senaste inskrivning. Närvaro räknas per inskrivning.',
    ],
  });

  const outcomeRow = (label: string, f: OutcomeFigures): TableCell[] => [
    label,
    f.enrolled,
    ...OUTCOME_CATEGORIES.map((c) => f.outcomes[c]),
    f.leftEarlyWithoutOutcome,
    f.noOutcomeYet,
    f.toWorkOrStudies.count,
    f.toWorkOrStudies.percent,
  ];
  const groupRows: TableCell[][] = [];
  for (const m of report.municipalities) {
    for (const g of report.groupOutcomes.filter((x) => x.municipality === m.municipality))
      groupRows.push(outcomeRow(nameOf(g.group, g.municipality), g));
    if (multi) groupRows.push(outcomeRow(`${TOTAL} ${municipalityLabel(m.municipality)}`, m));
  }
  groupRows.push(outcomeRow(TOTAL, total));
  tables.push({
    id: 'outcomes-by-group',
    title: 'Resultat per grupp',
    columns: [
      'Grupp',
      'Inskrivna',
      ...OUTCOME_ROW_LABELS,
      'Till arbete eller studier',
      'Andel till arbete eller studier (%)',
    ],
    rows: groupRows,
    notes: [
      'Varje grupp visar alla sina inskrivningar; en summa räknar personer, så den som bytt grupp räknas en gång.',
    ],
  });

  const reasons = total.earlyLeavers.map((e) => e.reason);
  const leaverCount = (f: OutcomeFigures, r: (typeof reasons)[number]) =>
    f.earlyLeavers.find((e) => e.reason === r)?.count ?? 0;
  tables.push({
    id: 'early-leavers',
    title: 'Avbrott per orsak',
    columns: ['Orsak', ...municipalityColumns, 'Antal'],
    rows: [
      ...reasons.map((r) => [
        r === null ? NO_LEFT_REASON_LABEL : LEFT_REASON_LABELS[r],
        ...perMunicipality.map((m) => leaverCount(m, r)),
        leaverCount(total, r),
      ]),
      [TOTAL, ...perMunicipality.map((m) => m.leftEarly), total.leftEarly],
    ],
    notes: [
      'Avbrott: avslutade i förtid, per orsak. Ett resultat som registrerats för dem räknas under det resultatet.',
    ],
  });

  tables.push({
    id: 'follow-ups',
    title: 'Uppföljning efter avslut',
    columns: [
      'Uppföljning',
      'Kommun',
      'Uppföljda',
      ...OUTCOME_CATEGORIES.map((c) => OUTCOME_LABELS[c]),
      'Till arbete eller studier',
      'Andel till arbete eller studier (%)',
    ],
    rows: report.followUps.map((f) => [
      followUpLabel(f.months),
      f.municipality === null ? TOTAL : municipalityLabel(f.municipality),
      f.followed,
      ...OUTCOME_CATEGORIES.map((c) => f.outcomes[c]),
      f.toWorkOrStudies.count,
      f.toWorkOrStudies.percent,
    ]),
    notes: [
      report.followUps.length
        ? 'Var deltagarna var 3, 6 och 12 månader efter avslut, för dem som följts upp; andelen räknas av de uppföljda.'
        : 'Inga uppföljningar registrerade under perioden.',
    ],
  });

  if (tertials) {
    const { previous, current } = tertials;
    const column = (t: TertialComparison['current']) =>
      `${tertialLabel(t.tertial)} (${t.report.period.start} – ${t.report.period.end})`;
    const figure = (label: string, f: (r: ProgressReport) => TableCell): TableCell[] => [
      label,
      f(previous.report),
      f(current.report),
    ];
    tables.push({
      id: 'tertials',
      title: 'Denna tertial och föregående',
      columns: ['Nyckeltal', column(previous), column(current)],
      rows: [
        figure('Inskrivna', (r) => r.total.enrolled),
        figure('Fullföljt', (r) => r.total.completed),
        figure('Avbrott', (r) => r.total.leftEarly),
        figure('Pågående', (r) => r.total.active),
        figure('Till arbete', (r) => r.total.toWork.count),
        figure('Till studier', (r) => r.total.toStudies.count),
        figure('Till arbete eller studier', (r) => r.total.toWorkOrStudies.count),
        figure('Andel till arbete eller studier (%)', (r) => r.total.toWorkOrStudies.percent),
        figure('Varken arbete eller studier', (r) => r.total.neitherWorkNorStudies.count),
        figure('Andel varken arbete eller studier (%)', (r) => r.total.neitherWorkNorStudies.percent),
        figure('Närvaro (%)', (r) => r.attendance.overall.rate.percent),
        figure('Andel med praktik (%)', (r) => r.internships.rate.percent),
      ],
      notes: [
        'Tertial: T1 januari–april, T2 maj–augusti, T3 september–december. Varje tertial räknar de inskrivna under tertialen, med status och resultat vid dess slut.',
      ],
    });
  }
  return tables;
}

/**
 * Rows of groups (sorted by municipality, as the report sorts them) with a "Totalt <municipality>" row after
 * each municipality's groups, when `on`.
 */
function withMunicipalityTotals<G extends { municipality: string | null }>(
  rows: TableCell[][],
  groups: readonly G[],
  on: boolean,
  total: (groups: G[]) => TableCell[],
): TableCell[][] {
  if (!on) return rows;
  const out: TableCell[][] = [];
  rows.forEach((r, i) => {
    out.push(r);
    const m = groups[i].municipality;
    if (groups[i + 1]?.municipality !== m)
      out.push([`${TOTAL} ${municipalityLabel(m)}`, ...total(groups.filter((g) => g.municipality === m))]);
  });
  return out;
}

function show(c: SuppressedCell | undefined): TableCell {
  if (!c) return null;
  return c.count ?? SUPPRESSED_MARK;
}

function share(count: SuppressedCell | undefined, of: SuppressedCell | undefined): TableCell {
  if (!count || !of) return null;
  if (count.count === null || of.count === null) return SUPPRESSED_MARK;
  return percent(count.count, of.count).percent;
}

function shareOf(cells: SuppressedCell[], r: Ratio): TableCell {
  return suppressedNothing(cells) ? r.percent : SUPPRESSED_MARK;
}

function suppressedNothing(cells: readonly SuppressedCell[]): boolean {
  return cells.every((c) => !c.suppressed);
}

function row(m: SuppressedMatrix, i: number): SuppressedCell[] {
  return m.cells[i] ?? [];
}

function columnSums(rows: readonly (readonly number[])[], width: number): number[] {
  return Array.from({ length: width }, (_, i) => sum(rows.map((r) => r[i] ?? 0)));
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

const shown = (count: number): SuppressedCell => ({ count, suppressed: null });

/** Suppression when a threshold is given; the identity otherwise, so both views share one code path. */
class Suppressor {
  constructor(private readonly k: number | undefined) {}

  small(n: number): boolean {
    return this.k !== undefined && isSmallCell(n, this.k);
  }

  total(n: number): SuppressedCell {
    return this.small(n) ? { count: null, suppressed: 'small' } : shown(n);
  }

  line(counts: readonly number[]): SuppressedCell[] {
    return this.k === undefined ? counts.map(shown) : suppressCells(counts, this.k);
  }

  /** `width` is given because a table without rows (no groups in the period) still has its columns. */
  matrix(
    rows: readonly (readonly number[])[],
    width: number,
    settled: SuppressMatrixOptions = {},
  ): SuppressedMatrix {
    if (rows.some((r) => r.length !== width)) throw new RangeError(`Every row must have ${width} cells`);
    if (this.k !== undefined && rows.length > 0) return suppressMatrix(rows, this.k, settled);
    return {
      cells: rows.map((r) => r.map(shown)),
      rowTotals: rows.map((r) => shown(sum(r))),
      columnTotals: Array.from({ length: width }, (_, i) => shown(sum(rows.map((r) => r[i] ?? 0)))),
      total: shown(sum(rows.map(sum))),
    };
  }

  /** [count, of]: the count is hidden when it or its complement (of − count) is small, `of` when it is small. */
  ratio(r: Ratio): SuppressedCell[] {
    if (this.k === undefined) return [shown(r.count), shown(r.of)];
    if (this.small(r.of))
      return [
        { count: null, suppressed: 'small' },
        { count: null, suppressed: 'small' },
      ];
    const [count] = suppressCells([r.count, r.of - r.count], this.k);
    return [count, shown(r.of)];
  }

  /**
   * Whether the sum of the cells at `subset` of a line may be shown. When all of them are shown it adds nothing.
   * Otherwise it tells the sum of the hidden cells inside the subset, and, with the line's total, of those
   * outside it: neither may be a single hidden cell, or hidden cells adding up to less than k or to no more
   * than their number.
   */
  subsetSafe(
    cells: readonly SuppressedCell[],
    counts: readonly number[],
    subset: readonly number[],
  ): boolean {
    const k = this.k;
    if (k === undefined) return true;
    const hiddenIn = cells.flatMap((c, i) => (c.suppressed && subset.includes(i) ? [counts[i] ?? 0] : []));
    const hiddenOut = cells.flatMap((c, i) => (c.suppressed && !subset.includes(i) ? [counts[i] ?? 0] : []));
    const ok = (hidden: number[]) =>
      hidden.length === 0 || (hidden.length >= 2 && sum(hidden) >= k && sum(hidden) > hidden.length);
    return hiddenIn.length === 0 || (ok(hiddenIn) && ok(hiddenOut));
  }

  /** The sum of some parts of a line (e.g. those who stayed = with + without an internship), when it is safe. */
  partOf(
    cells: readonly SuppressedCell[],
    counts: readonly number[],
    parts: readonly number[],
    value: number,
  ): SuppressedCell {
    return this.subsetSafe(cells, counts, parts) && !this.small(value)
      ? shown(value)
      : { count: null, suppressed: 'complementary' };
  }

  /** A column derived from others (e.g. work + studies per gender), hidden where unsafe and then completed. */
  derivedColumn(values: readonly { value: number; safe: boolean }[]): SuppressedCell[] {
    if (this.k === undefined) return values.map((v) => shown(v.value));
    const hidden = protectBreakdown(
      values.map((v) => v.value),
      values.map((v) => !v.safe || this.small(v.value)),
      this.k,
    );
    return values.map((v, i) => (hidden[i] ? { count: null, suppressed: 'complementary' } : shown(v.value)));
  }
}
