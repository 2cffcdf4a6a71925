/* eslint-disable @typescript-eslint/no-require-imports -- loading on first use needs the synchronous require */
/**
 * A library loaded on first use instead of at start. The api serves surveys, lists and forms far more often than it
 * writes files; exceljs, pdfkit, docx, date-holidays, nodemailer and the Markdown sanitiser together held about a
 * third of its memory at rest while most processes never needed them. `require` keeps this synchronous (and works
 * the same under Jest); `typeof import(...)` below keeps each library's types.
 */
export function lazy<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}

// The libraries loaded this way, in one place.
export const reportFiles = lazy(
  () => require('@stegvis/reports/files') as typeof import('@stegvis/reports/files'),
);
export const pdfkit = lazy(() => require('pdfkit') as typeof import('pdfkit'));
export const docx = lazy(() => require('docx') as typeof import('docx'));
export const exceljs = lazy(() => require('exceljs') as typeof import('exceljs'));
export const nodemailer = lazy(() => require('nodemailer') as typeof import('nodemailer'));
// Its CommonJS entry exports the class itself; the typings describe the ES module's default.
export const dateHolidays = lazy(
  () => require('date-holidays') as (typeof import('date-holidays'))['default'],
);
export const sanitizeHtml = lazy(() => require('sanitize-html') as typeof import('sanitize-html'));
