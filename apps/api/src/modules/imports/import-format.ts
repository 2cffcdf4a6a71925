import {
  type Coded,
  DETAIL_CODES_OF_CATEGORY,
  detailCodeFits,
  type FieldError,
  type Gender,
  INDUSTRIES,
  type Industry,
  isIsoDate,
  type LeftReason,
  type OutcomeCategory,
  OUTCOME_DETAIL_CODES,
  type OutcomeDetailCode,
  svLabels,
} from '@stegvis/contracts';
import { parse } from 'csv-parse/sync';
import { parsePersonalNumber } from '../participants/personal-number.util';

/**
 * The documented import format (docs/import.md): one row per enrolment of a historical programme, semicolon
 * separated, UTF-8, first row the headers below. The template file is GET /api/imports/template.csv.
 */
export const IMPORT_COLUMNS = [
  'grupp',
  'gruppstart',
  'gruppslut',
  'kommunkod',
  'fornamn',
  'efternamn',
  'personnummer',
  'kon',
  'inskrivning_start',
  'inskrivning_slut',
  'status',
  'avbrottsorsak',
  'resultat',
  'resultat_detalj',
  'praktik_bransch',
  'praktik_erbjudande',
] as const;

/**
 * The template's columns: the required ones and, beside the outcome, `resultat_kod`, which a file may leave out
 * (files made before it existed still import): the outcome's detail code, as the code (introduction_job) or its
 * Swedish label (Introduktionsjobb), one of the category's.
 */
export const TEMPLATE_COLUMNS = [
  ...IMPORT_COLUMNS.slice(0, IMPORT_COLUMNS.indexOf('resultat') + 1),
  'resultat_kod',
  ...IMPORT_COLUMNS.slice(IMPORT_COLUMNS.indexOf('resultat') + 1),
] as const;

const DETAIL_LABELS = svLabels('outcomeDetail');
/** A detail code by its code or its Swedish label, case-insensitive. */
const DETAIL_CODE = new Map<string, OutcomeDetailCode>(
  OUTCOME_DETAIL_CODES.flatMap((c) => [
    [c, c],
    [DETAIL_LABELS[c].toLowerCase(), c],
  ]),
);

export interface ImportRow {
  line: number;
  group: number;
  groupStart: string;
  groupEnd: string;
  municipalityCode: string;
  firstName: string;
  lastName: string;
  personalNumber: string | null;
  gender: Gender;
  start: string;
  end: string | null;
  status: 'active' | 'completed' | 'left_early';
  leftReason: LeftReason | null;
  outcome: OutcomeCategory | null;
  outcomeDetailCode: OutcomeDetailCode | null;
  outcomeDetail: string;
  industry: Industry | null;
  ledToOffer: boolean;
}

const GENDER: Record<string, Gender> = { kvinna: 'woman', man: 'man', annat: 'other' };
const STATUS: Record<string, ImportRow['status']> = {
  pågående: 'active',
  fullföljd: 'completed',
  avbrott: 'left_early',
};
const REASON: Record<string, LeftReason> = {
  personliga: 'personal',
  flytt: 'moved',
  arbete: 'got_job',
  hälsa: 'health',
  föräldraledighet: 'parental_leave',
  'annan insats': 'other_effort',
  annat: 'other',
};
const OUTCOME: Record<string, OutcomeCategory> = {
  arbete: 'work',
  studier: 'studies',
  planering: 'plan',
  hälsa: 'health',
  annat: 'other',
  inget: 'none',
};

/** A CSV file's cells, row by row; a file that is not CSV is an error naming the body field. */
export function csvRecords(csv: string): { records: string[][]; errors: FieldError[] } {
  try {
    return {
      records: parse(csv.replace(/^\uFEFF/, ''), {
        delimiter: ';',
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      }),
      errors: [],
    };
  } catch (err) {
    return {
      records: [],
      errors: [
        {
          field: 'content',
          message: `the file is not valid CSV: ${err instanceof Error ? err.message : ''}`,
          code: 'file_not_csv',
        },
      ],
    };
  }
}

export function parseImport(
  csv: string,
  municipalityCodes: ReadonlySet<string>,
): { rows: ImportRow[]; errors: FieldError[] } {
  const { records, errors } = csvRecords(csv);
  return errors.length ? { rows: [], errors } : parseImportRecords(records, municipalityCodes);
}

/**
 * Every row checked, whichever file it came from (CSV or XLSX); errors name the row (as in a spreadsheet: the
 * header is row 1) and the column.
 */
export function parseImportRecords(
  records: string[][],
  municipalityCodes: ReadonlySet<string>,
  rowNumbers?: readonly number[],
): { rows: ImportRow[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const header = records[0]?.map((h) => h.trim().toLowerCase()) ?? [];
  const missing = IMPORT_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    return {
      rows: [],
      errors: [
        {
          field: 'row 1',
          message: `missing columns: ${missing.join(', ')}`,
          code: 'missing_columns',
          params: { columns: [...missing] },
        },
      ],
    };
  const rows: ImportRow[] = [];
  const groups = new Map<string, { start: string; end: string; line: number }>();
  records.slice(1).forEach((rec, i) => {
    const line = rowNumbers?.[i + 1] ?? i + 2;
    const get = (c: (typeof TEMPLATE_COLUMNS)[number]) => rec[header.indexOf(c)] ?? '';
    const bad = (c: string, message: string, coded: Coded) =>
      errors.push({ field: `row ${line}, ${c}`, message, ...coded });
    const oneOf = (allowed: readonly string[]): Coded => ({
      code: 'not_allowed',
      params: { allowed: [...allowed] },
    });
    const before = errors.length;
    const group = Number(get('grupp'));
    if (!Number.isInteger(group) || group < 1)
      bad('grupp', 'must be a group number (1, 2, …)', { code: 'invalid_group_number' });
    for (const c of ['gruppstart', 'gruppslut', 'inskrivning_start'] as const)
      if (!isIsoDate(get(c))) bad(c, 'must be a date YYYY-MM-DD', { code: 'invalid_date' });
    if (get('inskrivning_slut') && !isIsoDate(get('inskrivning_slut')))
      bad('inskrivning_slut', 'must be a date YYYY-MM-DD or empty', { code: 'invalid_date' });
    if (!municipalityCodes.has(get('kommunkod')))
      bad('kommunkod', `${get('kommunkod') || '(empty)'} is not a municipality of the programme`, {
        code: 'unknown_municipality_code',
        params: { value: get('kommunkod') },
      });
    if (!get('fornamn')) bad('fornamn', 'is required', { code: 'required' });
    if (!get('efternamn')) bad('efternamn', 'is required', { code: 'required' });
    const pn = get('personnummer') ? parsePersonalNumber(get('personnummer')) : null;
    if (get('personnummer') && !pn)
      bad('personnummer', 'is not a valid personnummer or samordningsnummer', {
        code: 'invalid_personal_number',
      });
    if (!GENDER[get('kon').toLowerCase()])
      bad('kon', 'must be kvinna, man or annat', oneOf(Object.keys(GENDER)));
    const status = STATUS[get('status').toLowerCase()];
    if (!status) bad('status', 'must be pågående, fullföljd or avbrott', oneOf(Object.keys(STATUS)));
    if (status && status !== 'active' && !get('inskrivning_slut'))
      bad('inskrivning_slut', 'is required unless the status is pågående', {
        code: 'end_required_unless_ongoing',
      });
    if (status === 'left_early' && !REASON[get('avbrottsorsak').toLowerCase()])
      bad('avbrottsorsak', `must be one of ${Object.keys(REASON).join(', ')}`, oneOf(Object.keys(REASON)));
    if (get('resultat') && !OUTCOME[get('resultat').toLowerCase()])
      bad(
        'resultat',
        `must be one of ${Object.keys(OUTCOME).join(', ')} or empty`,
        oneOf(Object.keys(OUTCOME)),
      );
    const category = OUTCOME[get('resultat').toLowerCase()];
    const detailCode = get('resultat_kod') ? DETAIL_CODE.get(get('resultat_kod').toLowerCase()) : null;
    if (get('resultat_kod') && !get('resultat'))
      bad('resultat', 'is required when resultat_kod is given', { code: 'required' });
    else if (get('resultat_kod') && category && (!detailCode || !detailCodeFits(category, detailCode)))
      bad('resultat_kod', `${get('resultat_kod')} is not a detail code of ${get('resultat')}`, {
        code: 'detail_code_not_in_category',
        params: { category, allowed: [...DETAIL_CODES_OF_CATEGORY[category]] },
      });
    if (get('praktik_bransch') && !(INDUSTRIES as readonly string[]).includes(get('praktik_bransch')))
      bad('praktik_bransch', `must be one of ${INDUSTRIES.join(', ')} or empty`, oneOf(INDUSTRIES));
    if (get('praktik_erbjudande') && !['ja', 'nej'].includes(get('praktik_erbjudande').toLowerCase()))
      bad('praktik_erbjudande', 'must be ja, nej or empty', oneOf(['ja', 'nej']));
    // A group is its municipality and its number: two towns may each have a "Grupp 4".
    if (Number.isInteger(group)) {
      const key = `${get('kommunkod')}:${group}`;
      const seen = groups.get(key);
      if (seen && (seen.start !== get('gruppstart') || seen.end !== get('gruppslut')))
        bad('gruppstart', `group ${group} has other dates on row ${seen.line}`, {
          code: 'group_dates_differ',
          params: { group, row: seen.line },
        });
      if (!seen) groups.set(key, { start: get('gruppstart'), end: get('gruppslut'), line });
    }
    if (errors.length > before) return;
    rows.push({
      line,
      group,
      groupStart: get('gruppstart'),
      groupEnd: get('gruppslut'),
      municipalityCode: get('kommunkod'),
      firstName: get('fornamn'),
      lastName: get('efternamn'),
      personalNumber: pn?.digits ?? null,
      gender: GENDER[get('kon').toLowerCase()],
      start: get('inskrivning_start'),
      end: get('inskrivning_slut') || null,
      status,
      leftReason: status === 'left_early' ? REASON[get('avbrottsorsak').toLowerCase()] : null,
      outcome: get('resultat') ? OUTCOME[get('resultat').toLowerCase()] : null,
      outcomeDetailCode: detailCode ?? null,
      outcomeDetail: get('resultat_detalj'),
      industry: (get('praktik_bransch') || null) as Industry | null,
      ledToOffer: get('praktik_erbjudande').toLowerCase() === 'ja',
    });
  });
  if (records.length < 2)
    errors.push({ field: 'row 2', message: 'the file has no rows to import', code: 'file_no_rows' });
  return { rows, errors };
}

// The example rows carry no personal numbers: a template gets copied, and a real-looking number with it.
export const TEMPLATE_CSV = `\uFEFF${TEMPLATE_COLUMNS.join(';')}\r\n1;2019-09-23;2019-12-20;1292;Amina;Exempel;;kvinna;2019-09-23;2019-12-20;fullföljd;;studier;vocational_training;barnskötarutbildning;pre-school/school;nej\r\n1;2019-09-23;2019-12-20;1292;Omar;Exempel;;man;2019-09-23;2019-10-04;avbrott;arbete;annat;left_for_job;timanställning;;\r\n`;
