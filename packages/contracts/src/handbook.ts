/**
 * The method handbook: teaching material per method template, module, week and lecture theme, shared by every
 * programme of the association. It holds no personal data, so every staff member reads it.
 */
import type { ProblemNotice } from './problem-codes.js';

/** Modules of the method, as the template's phases are named. */
export const HANDBOOK_MODULES = ['mapping', 'lectures', 'internship', 'follow_up', 'other'] as const;
export type HandbookModule = (typeof HANDBOOK_MODULES)[number];

export interface HandbookLink {
  title: string;
  url: string;
}

export interface HandbookEntryRequest {
  title: string;
  /** Markdown; rendered without scripts, styles or event handlers. */
  body: string;
  module: HandbookModule;
  /** Week of the module, 1-based; null for material that fits any week. */
  week: number | null;
  /** The lecture theme it serves, as in the template (e.g. "CV-träning"); sessions of this theme show it. */
  theme: string;
  /** Only for one method template; null for every template. */
  templateId: string | null;
  /** What makes this alternative different, e.g. "Lättläst svenska", "Digitalt pass". */
  alternative: string;
  /** When to use this alternative rather than another of the same theme. */
  whenToUse: string;
  links: HandbookLink[];
}

export interface HandbookEntryUpdate extends HandbookEntryRequest {
  /** The version you read; a stale one is refused with 409 so nobody overwrites a colleague's change. */
  version: number;
}

export interface HandbookFileResponse {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

/** Text that looks like personal data (`personal_number_in_text`); `message` is the Swedish text. */
export type HandbookWarning = ProblemNotice<'personal_number_in_text'> & {
  field: string;
};

export interface HandbookEntryResponse extends HandbookEntryRequest {
  id: string;
  /** The Markdown body as safe HTML. */
  bodyHtml: string;
  version: number;
  files: HandbookFileResponse[];
  updatedAt: string;
  updatedBy: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  /** Not reviewed within the configured time. */
  stale: boolean;
  /** E.g. text that looks like a personal number: saved, but the editor is told at once. */
  warnings: HandbookWarning[];
}

export interface HandbookVersionResponse {
  version: number;
  title: string;
  body: string;
  alternative: string;
  whenToUse: string;
  links: HandbookLink[];
  changedAt: string;
  changedBy: string;
}

export interface HandbookSearchHit {
  id: string;
  title: string;
  module: HandbookModule;
  week: number | null;
  theme: string;
  alternative: string;
  /** Matching text with the hits between « and ». */
  excerpt: string;
}

export interface SessionMaterialResponse {
  sessionId: string;
  theme: string;
  /** Every alternative for the session's theme. */
  entries: HandbookEntryResponse[];
  /** The alternative the presenter chose, if any. */
  chosenEntryId: string | null;
}

/** File types allowed in the handbook, as recognised from their content. */
export const HANDBOOK_FILE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'video/mp4',
  'video/webm',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.text',
] as const;
export type HandbookFileType = (typeof HANDBOOK_FILE_TYPES)[number];
