import {
  categoryOfDetailCode,
  type Coded,
  DETAIL_CODES_OF_CATEGORY,
  detailCodeFits,
  type FieldError,
  type Gender,
  hasBidiControl,
  INDUSTRIES,
  type Industry,
  isIsoDate,
  labelOf,
  type LeftReason,
  type MunicipalityResponse,
  normalisePersonName,
  type OutcomeCategory,
  OUTCOME_DETAIL_CODES,
  type OutcomeDetailCode,
  svLabels,
  type SwedishLevel,
} from '@stegvis/contracts';
import { parse } from 'csv-parse/sync';
import { parsePersonalNumber } from '../participants/personal-number.util';

/**
 * The documented import format (docs/import.md): one row per enrolment of a historical programme, the first row
 * the column names below, in any order. CSV is semicolon separated UTF-8; an Excel workbook's first sheet is read.
 * The templates are GET /api/imports/template.csv and template.xlsx, with every column in this order.
 */
export const TEMPLATE_COLUMNS = [
  'grupp',
  'gruppstart',
  'gruppslut',
  'kommunkod',
  'fornamn',
  'efternamn',
  'personnummer',
  'kon',
  'svenskniva',
  'inskrivning_start',
  'inskrivning_slut',
  'status',
  'avbrottsorsak',
  'resultat',
  'resultat_kod',
  'resultat_detalj',
  'resultat_datum',
  'praktik_bransch',
  'praktik_start',
  'praktik_slut',
  'praktik_erbjudande',
] as const;
export type ImportColumn = (typeof TEMPLATE_COLUMNS)[number];

/**
 * Columns a file may leave out, so files made before they existed still import. `kommunkod` may be left out too
 * when the programme has one municipality.
 */
export const OPTIONAL_COLUMNS: readonly ImportColumn[] = [
  'svenskniva',
  'resultat_kod',
  'resultat_datum',
  'praktik_start',
  'praktik_slut',
];

/** The columns every file must have (with `kommunkod` when the programme has several municipalities). */
export const IMPORT_COLUMNS = TEMPLATE_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.includes(c));

/** One value a coded column takes: what is typed in the file, what it means, and its Swedish label. */
export interface ImportCode<T extends string = string> {
  typed: string;
  value: T;
  label: string;
}
const codes = <T extends string>(
  pairs: readonly (readonly [string, T])[],
  label: (v: T) => string,
): ImportCode<T>[] => pairs.map(([typed, value]) => ({ typed, value, label: label(value) }));

const GENDER = codes(
  [
    ['kvinna', 'woman'],
    ['man', 'man'],
    ['annat', 'other'],
  ] as const satisfies readonly (readonly [string, Gender])[],
  (v) => labelOf('gender', v),
);
const SWEDISH_LEVEL = codes(
  [
    ['sfi a', 'sfi_a'],
    ['sfi b', 'sfi_b'],
    ['sfi c', 'sfi_c'],
    ['sfi d', 'sfi_d'],
    ['gruv', 'gruv'],
    ['ingen', 'none'],
  ] as const satisfies readonly (readonly [string, SwedishLevel])[],
  (v) => labelOf('swedishLevel', v),
);
const STATUS = codes(
  [
    ['pågående', 'active'],
    ['fullföljd', 'completed'],
    ['avbrott', 'left_early'],
  ] as const,
  (v) => labelOf('enrolmentStatus', v),
);
const REASON = codes(
  [
    ['personliga', 'personal'],
    ['flytt', 'moved'],
    ['arbete', 'got_job'],
    ['hälsa', 'health'],
    ['föräldraledighet', 'parental_leave'],
    ['annan insats', 'other_effort'],
    ['annat', 'other'],
  ] as const satisfies readonly (readonly [string, LeftReason])[],
  (v) => labelOf('leftReason', v),
);
const OUTCOME = codes(
  [
    ['arbete', 'work'],
    ['studier', 'studies'],
    ['planering', 'plan'],
    ['hälsa', 'health'],
    ['annat', 'other'],
    ['inget', 'none'],
  ] as const satisfies readonly (readonly [string, OutcomeCategory])[],
  (v) => labelOf('outcomeCategory', v),
);
const DETAIL = codes(
  OUTCOME_DETAIL_CODES.map((c) => [c, c] as const),
  (v) => `${labelOf('outcomeDetail', v)} (under ${labelOf('outcomeCategory', categoryOfDetailCode(v))})`,
);
const DETAIL_LABELS = svLabels('outcomeDetail');
const INDUSTRY = codes(
  INDUSTRIES.map((c) => [c, c] as const),
  (v) => labelOf('industry', v),
);
const OFFER = codes(
  [
    ['ja', 'yes'],
    ['nej', 'no'],
  ] as const,
  (v) => (v === 'yes' ? 'Praktiken ledde till ett erbjudande om arbete' : 'Inget erbjudande om arbete'),
);

/** The coded columns and their codes: the template's drop-down lists and its sheet of codes. */
export const IMPORT_CODE_LISTS: readonly { column: ImportColumn; codes: readonly ImportCode[] }[] = [
  { column: 'kon', codes: GENDER },
  { column: 'svenskniva', codes: SWEDISH_LEVEL },
  { column: 'status', codes: STATUS },
  { column: 'avbrottsorsak', codes: REASON },
  { column: 'resultat', codes: OUTCOME },
  { column: 'resultat_kod', codes: DETAIL },
  { column: 'praktik_bransch', codes: INDUSTRY },
  { column: 'praktik_erbjudande', codes: OFFER },
];

/** The value a cell's text stands for, case-insensitive; undefined when it is none of the list's. */
function lookUp<T extends string>(list: readonly ImportCode<T>[], text: string): T | undefined {
  const t = text.toLowerCase();
  return list.find((c) => c.typed === t)?.value;
}
/** A detail code by its code or its Swedish label, case-insensitive. */
function detailCodeOf(text: string): OutcomeDetailCode | undefined {
  const t = text.toLowerCase();
  return OUTCOME_DETAIL_CODES.find((c) => c === t || DETAIL_LABELS[c].toLowerCase() === t);
}

export interface ImportRow {
  /** The row's number as the file shows it (the header is row 1). */
  line: number;
  municipalityId: string;
  group: number;
  groupStart: string;
  groupEnd: string;
  firstName: string;
  lastName: string;
  personalNumber: string | null;
  gender: Gender;
  swedishLevel: SwedishLevel | null;
  start: string;
  end: string | null;
  status: 'active' | 'completed' | 'left_early';
  leftReason: LeftReason | null;
  outcome: OutcomeCategory | null;
  outcomeDetailCode: OutcomeDetailCode | null;
  outcomeDetail: string;
  outcomeDate: string;
  industry: Industry | null;
  internshipStart: string;
  internshipEnd: string;
  ledToOffer: boolean;
}

/** A file's cells, row by row, with each row's number as the file shows it, and the sheet they came from. */
export interface ImportRecords {
  records: string[][];
  rowNumbers: number[];
  /** The Excel sheet's name; null for a CSV file. */
  sheet: string | null;
  errors: FieldError[];
}

/**
 * An error naming where it is, in Swedish, as a person looks for it: "Blad Deltagare, rad 14, kolumn
 * inskrivning_start: datumet ligger före gruppens start (2020-08-24)"; in a CSV file "Rad 14, kolumn …". The field
 * is the path `rows.14.inskrivning_start` (`rows.14` for the whole row).
 */
export function rowError(
  sheet: string | null,
  row: number,
  column: string | null,
  message: string,
  coded: Coded,
): FieldError {
  const where = `${sheet === null ? 'Rad' : `Blad ${sheet}, rad`} ${row}${column === null ? '' : `, kolumn ${column}`}`;
  return {
    field: column === null ? `rows.${row}` : `rows.${row}.${column}`,
    message: `${where}: ${message}`,
    ...coded,
  };
}

const list = (xs: readonly string[]) => xs.join(', ');

/** A CSV file's cells, row by row, with the file's line numbers; a file that is not CSV is an error. */
export function csvRecords(csv: string): ImportRecords {
  try {
    // With `info`, each record comes with where it ends in the file (csv-parse's typings do not say so).
    const parsed = parse(csv.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      // Each row's width is checked against the header's below, so that the error names the row.
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return {
      records: parsed.map((p) => p.record),
      rowNumbers: parsed.map((p) => p.info.lines),
      sheet: null,
      errors: [],
    };
  } catch (err) {
    return {
      records: [],
      rowNumbers: [],
      sheet: null,
      errors: [
        {
          field: 'content',
          message: `Filen är inte en giltig CSV-fil: ${err instanceof Error ? err.message : ''}`,
          code: 'file_not_csv',
        },
      ],
    };
  }
}

/**
 * Every row checked, whichever file it came from (CSV or XLSX), against itself, the other rows and the programme's
 * municipalities; errors name the sheet, the row (as the file shows it: the header is row 1) and the column, in
 * Swedish. A CSV row must have exactly the header's columns; an Excel row may end early, but holds no value in a
 * column without a name.
 */
export function parseImportRecords(
  file: Pick<ImportRecords, 'records' | 'rowNumbers' | 'sheet'>,
  municipalities: readonly MunicipalityResponse[],
  today: string,
): { rows: ImportRow[]; errors: FieldError[] } {
  const { records, rowNumbers, sheet } = file;
  const errors: FieldError[] = [];
  const at = (row: number, column: string | null, message: string, coded: Coded) =>
    errors.push(rowError(sheet, row, column, message, coded));
  const header = records[0]?.map((h) => h.trim().toLowerCase()) ?? [];
  const headerRow = rowNumbers[0] ?? 1;
  const known = (h: string): h is ImportColumn => (TEMPLATE_COLUMNS as readonly string[]).includes(h);
  const unknown = header.filter((h) => !known(h));
  if (unknown.length)
    at(
      headerRow,
      null,
      `okända kolumner: ${list(unknown.map((h) => h || '(utan namn)'))}; kolumnerna heter som i mallen`,
      { code: 'unknown_columns', params: { columns: unknown } },
    );
  const twice = [...new Set(header.filter((h, i) => h && header.indexOf(h) !== i))];
  if (twice.length)
    at(headerRow, null, `kolumner som finns två gånger: ${list(twice)}`, {
      code: 'duplicate_columns',
      params: { columns: twice },
    });
  const required = IMPORT_COLUMNS.filter((c) => c !== 'kommunkod' || municipalities.length !== 1);
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length)
    at(headerRow, null, `kolumner saknas: ${list(missing)}`, {
      code: 'missing_columns',
      params: { columns: [...missing] },
    });
  if (errors.length) return { rows: [], errors };

  const rows: ImportRow[] = [];
  const groups = new Map<string, { start: string; end: string; line: number }>();
  const enrolments = new Map<string, number>();
  records.slice(1).forEach((rec, i) => {
    const line = rowNumbers[i + 1] ?? i + 2;
    const before = errors.length;
    const bad = (c: ImportColumn, message: string, coded: Coded) => at(line, c, message, coded);
    if (sheet === null ? rec.length !== header.length : rec.length > header.length) {
      at(
        line,
        null,
        sheet === null
          ? `raden har ${rec.length} kolumner men rubrikraden har ${header.length}`
          : `raden har värden i ${rec.length} kolumner men rubrikraden har ${header.length}`,
        { code: 'column_count_differs', params: { expected: header.length, actual: rec.length } },
      );
      return;
    }
    const get = (c: ImportColumn) => (header.includes(c) ? (rec[header.indexOf(c)] ?? '').trim() : '');
    const oneOf = (c: ImportColumn, codeList: readonly ImportCode[], extra = '') =>
      bad(c, `${get(c)} är inte tillåtet; ange ${list(codeList.map((x) => x.typed))}${extra}`, {
        code: 'not_allowed',
        params: { allowed: codeList.map((x) => x.typed) },
      });
    const date = (c: ImportColumn, optional: boolean): string | null => {
      const v = get(c);
      if (optional && !v) return null;
      if (isIsoDate(v)) return v;
      bad(c, optional ? 'ange ett datum ÅÅÅÅ-MM-DD eller lämna tomt' : 'ange ett datum ÅÅÅÅ-MM-DD', {
        code: 'invalid_date',
      });
      return null;
    };

    const group = Number(get('grupp'));
    if (!/^\d+$/.test(get('grupp')) || group < 1)
      bad('grupp', 'ange ett gruppnummer (1, 2, …)', { code: 'invalid_group_number' });
    const groupStart = date('gruppstart', false);
    const groupEnd = date('gruppslut', false);
    const start = date('inskrivning_start', false);
    const end = date('inskrivning_slut', true);
    const municipality = header.includes('kommunkod')
      ? municipalities.find(
          (m) => m.code === get('kommunkod') || m.name.toLowerCase() === get('kommunkod').toLowerCase(),
        )
      : municipalities[0];
    if (!municipality)
      bad(
        'kommunkod',
        `${get('kommunkod') || '(tomt)'} är ingen av insatsens kommuner; ange ${list(municipalities.map((m) => `${m.code} (${m.name})`))}`,
        { code: 'unknown_municipality_code', params: { value: get('kommunkod') } },
      );

    const names = { fornamn: '', efternamn: '' };
    for (const c of ['fornamn', 'efternamn'] as const) {
      if (!get(c)) bad(c, 'måste fyllas i', { code: 'required' });
      else if (hasBidiControl(get(c)))
        bad(c, 'namnet innehåller tecken som ändrar skrivriktningen', { code: 'invalid_characters' });
      names[c] = normalisePersonName(get(c));
    }
    const pn = get('personnummer') ? parsePersonalNumber(get('personnummer')) : null;
    if (get('personnummer') && !pn)
      bad('personnummer', 'är inte ett giltigt personnummer eller samordningsnummer', {
        code: 'invalid_personal_number',
      });
    const gender = lookUp(GENDER, get('kon'));
    if (!gender) oneOf('kon', GENDER);
    const swedishLevel = get('svenskniva') ? lookUp(SWEDISH_LEVEL, get('svenskniva')) : null;
    if (swedishLevel === undefined) oneOf('svenskniva', SWEDISH_LEVEL, ' eller lämna tomt');

    const status = lookUp(STATUS, get('status'));
    if (!status) oneOf('status', STATUS);
    if (status && status !== 'active' && !get('inskrivning_slut'))
      bad('inskrivning_slut', 'slutdatum krävs om statusen inte är pågående', {
        code: 'end_required_unless_ongoing',
      });
    if (status === 'active' && get('inskrivning_slut'))
      bad(
        'inskrivning_slut',
        'en pågående inskrivning har inget slutdatum; lämna tomt eller ändra statusen',
        {
          code: 'ongoing_has_end',
        },
      );
    const leftReason = get('avbrottsorsak') ? lookUp(REASON, get('avbrottsorsak')) : null;
    if (status === 'left_early' && !leftReason) oneOf('avbrottsorsak', REASON);
    else if (status && status !== 'left_early' && get('avbrottsorsak'))
      bad('avbrottsorsak', 'fylls bara i när statusen är avbrott', { code: 'only_when_left_early' });

    const outcome = get('resultat') ? lookUp(OUTCOME, get('resultat')) : null;
    if (outcome === undefined) oneOf('resultat', OUTCOME, ' eller lämna tomt');
    const outcomeDate = date('resultat_datum', true);
    for (const c of ['resultat_kod', 'resultat_detalj', 'resultat_datum'] as const)
      if (get(c) && !get('resultat')) {
        bad('resultat', `måste fyllas i när ${c} är ifyllt`, { code: 'required' });
        break;
      }
    const detailCode = get('resultat_kod') ? detailCodeOf(get('resultat_kod')) : null;
    if (detailCode === undefined)
      oneOf('resultat_kod', DETAIL, ' eller lämna tomt (koden eller dess svenska namn, se bladet Koder)');
    else if (outcome && !detailCodeFits(outcome, detailCode))
      bad(
        'resultat_kod',
        `${get('resultat_kod')} hör inte till resultatet ${get('resultat')}; ange ${list(DETAIL_CODES_OF_CATEGORY[outcome]) || 'ingen kod'}`,
        {
          code: 'detail_code_not_in_category',
          params: { category: outcome, allowed: [...DETAIL_CODES_OF_CATEGORY[outcome]] },
        },
      );

    const industry = get('praktik_bransch') ? lookUp(INDUSTRY, get('praktik_bransch')) : null;
    if (industry === undefined) oneOf('praktik_bransch', INDUSTRY, ' eller lämna tomt');
    const internshipStart = date('praktik_start', true);
    const internshipEnd = date('praktik_slut', true);
    for (const c of ['praktik_start', 'praktik_slut', 'praktik_erbjudande'] as const)
      if (get(c) && !get('praktik_bransch')) {
        bad('praktik_bransch', `måste fyllas i när ${c} är ifyllt`, { code: 'required' });
        break;
      }
    const offer = get('praktik_erbjudande') ? lookUp(OFFER, get('praktik_erbjudande')) : null;
    if (offer === undefined) oneOf('praktik_erbjudande', OFFER, ' eller lämna tomt');

    // The dates against the group's period and each other, where the dates themselves are right.
    if (groupStart && groupEnd && groupEnd < groupStart)
      bad('gruppslut', `gruppens slut ligger före dess start (${groupStart})`, {
        code: 'end_before_start',
        params: { start: 'gruppstart' },
      });
    else if (groupStart && groupEnd) {
      if (start && start < groupStart)
        bad('inskrivning_start', `datumet ligger före gruppens start (${groupStart})`, {
          code: 'before_group_start',
          params: { groupStart },
        });
      if (start && start > groupEnd)
        bad('inskrivning_start', `datumet ligger efter gruppens slut (${groupEnd})`, {
          code: 'after_group_end',
          params: { groupEnd },
        });
      if (end && end > groupEnd)
        bad('inskrivning_slut', `datumet ligger efter gruppens slut (${groupEnd})`, {
          code: 'after_group_end',
          params: { groupEnd },
        });
      if (status === 'active' && groupEnd < today)
        bad('status', `gruppen slutade ${groupEnd}; en inskrivning i den kan inte vara pågående`, {
          code: 'ongoing_in_ended_group',
          params: { groupEnd },
        });
    }
    if (start && end && end < start)
      bad('inskrivning_slut', `slutdatumet ligger före inskrivningens start (${start})`, {
        code: 'end_before_start',
        params: { start: 'inskrivning_start' },
      });
    if (start && outcomeDate && outcomeDate < start)
      bad('resultat_datum', `resultatet är daterat före inskrivningens start (${start})`, {
        code: 'before_enrolment_start',
        params: { startDate: start },
      });
    // An enrolment without an end runs to the group's end.
    const enrolmentEnd = end ?? groupEnd;
    if (start && enrolmentEnd && enrolmentEnd >= start) {
      for (const [c, d] of [
        ['praktik_start', internshipStart],
        ['praktik_slut', internshipEnd],
      ] as const)
        if (d && (d < start || d > enrolmentEnd))
          bad(c, `praktiken ligger utanför inskrivningen (${start} – ${enrolmentEnd})`, {
            code: 'outside_enrolment',
            params: { start, end: enrolmentEnd },
          });
    }
    if (internshipStart && internshipEnd && internshipEnd < internshipStart)
      bad('praktik_slut', `praktikens slut ligger före dess start (${internshipStart})`, {
        code: 'end_before_start',
        params: { start: 'praktik_start' },
      });

    // A group is its municipality and its number: two towns may each have a "Grupp 4".
    if (municipality && Number.isInteger(group)) {
      const key = `${municipality.id}:${group}`;
      const seen = groups.get(key);
      if (seen && (seen.start !== get('gruppstart') || seen.end !== get('gruppslut')))
        bad('gruppstart', `grupp ${group} har andra datum på rad ${seen.line}`, {
          code: 'group_dates_differ',
          params: { group, row: seen.line },
        });
      if (!seen) groups.set(key, { start: get('gruppstart'), end: get('gruppslut'), line });
    }
    if (errors.length > before) return;
    // The same person (by personal number, else by name) in the same group from the same day: a repeated row.
    const person = pn?.digits ?? `${names.fornamn}\u0000${names.efternamn}`.toLowerCase();
    const enrolmentKey = `${municipality!.id}:${group}:${start}:${person}`;
    const first = enrolments.get(enrolmentKey);
    if (first !== undefined) {
      at(line, null, `samma inskrivning som rad ${first} (samma person, grupp och startdatum)`, {
        code: 'duplicate_row',
        params: { row: first },
      });
      return;
    }
    enrolments.set(enrolmentKey, line);
    rows.push({
      line,
      municipalityId: municipality!.id,
      group,
      groupStart: groupStart!,
      groupEnd: groupEnd!,
      firstName: names.fornamn,
      lastName: names.efternamn,
      personalNumber: pn?.digits ?? null,
      gender: gender!,
      swedishLevel: swedishLevel ?? null,
      start: start!,
      end,
      status: status!,
      leftReason: status === 'left_early' ? leftReason! : null,
      outcome: outcome ?? null,
      outcomeDetailCode: detailCode ?? null,
      outcomeDetail: get('resultat_detalj'),
      outcomeDate: outcomeDate ?? enrolmentEnd!,
      industry: industry ?? null,
      internshipStart: internshipStart ?? start!,
      internshipEnd: internshipEnd ?? enrolmentEnd!,
      ledToOffer: offer === 'yes',
    });
  });
  if (records.length < 2)
    errors.push({ field: 'rows', message: 'Filen har inga rader att läsa in.', code: 'file_no_rows' });
  return { rows, errors };
}

/** The templates' example rows. They carry no personal numbers: a template gets copied, and a real-looking number with it. */
const EXAMPLES: readonly Partial<Record<ImportColumn, string>>[] = [
  {
    grupp: '1',
    gruppstart: '2019-09-23',
    gruppslut: '2019-12-20',
    kommunkod: '1292',
    fornamn: 'Amina',
    efternamn: 'Exempel',
    kon: 'kvinna',
    svenskniva: 'sfi c',
    inskrivning_start: '2019-09-23',
    inskrivning_slut: '2019-12-20',
    status: 'fullföljd',
    resultat: 'studier',
    resultat_kod: 'vocational_training',
    resultat_detalj: 'barnskötarutbildning',
    praktik_bransch: 'pre-school/school',
    praktik_start: '2019-10-21',
    praktik_slut: '2019-11-29',
    praktik_erbjudande: 'nej',
  },
  {
    grupp: '1',
    gruppstart: '2019-09-23',
    gruppslut: '2019-12-20',
    kommunkod: '1292',
    fornamn: 'Omar',
    efternamn: 'Exempel',
    kon: 'man',
    inskrivning_start: '2019-09-23',
    inskrivning_slut: '2019-10-04',
    status: 'avbrott',
    avbrottsorsak: 'arbete',
    resultat: 'annat',
    resultat_kod: 'left_for_job',
    resultat_detalj: 'timanställning',
  },
];
/** The example rows' cells in the template's column order. */
export const TEMPLATE_EXAMPLES: readonly string[][] = EXAMPLES.map((e) =>
  TEMPLATE_COLUMNS.map((c) => e[c] ?? ''),
);

export const TEMPLATE_CSV = `\uFEFF${[TEMPLATE_COLUMNS, ...TEMPLATE_EXAMPLES].map((r) => r.join(';')).join('\r\n')}\r\n`;
