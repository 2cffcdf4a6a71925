import type { FieldError } from './problem.js';

/**
 * What the historical import would do with one row of the file (docs/import.md): a new participant, a new
 * enrolment of a participant the programme already holds, a row already imported before, or a row with errors.
 */
export const IMPORT_ROW_FATES = ['new_participant', 'new_enrolment', 'already_imported', 'error'] as const;
export type ImportRowFate = (typeof IMPORT_ROW_FATES)[number];

/** What an import wrote, or (in a dry run) would write. */
export interface ImportCounts {
  groups: number;
  enrolments: number;
  outcomes: number;
  internships: number;
}

/** One data row of the file as the dry run read it: where it is, whom it names, and its fate. */
export interface ImportDryRunRow {
  /** The row's number as the file shows it (the header is row 1). */
  row: number;
  group: string;
  firstName: string;
  lastName: string;
  enrolmentStart: string;
  fate: ImportRowFate;
}

/**
 * The dry run: every check of the import, nothing stored. `fileHash` (SHA-256 of the file as sent) goes with the
 * confirming upload, so that what is stored is the file that was checked.
 */
export interface ImportDryRunResponse {
  fileHash: string;
  rows: ImportDryRunRow[];
  errors: FieldError[];
  /** What confirming would write; all zero while the file has errors. */
  counts: ImportCounts;
}
