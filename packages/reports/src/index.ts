// The rules and tables. The file writers (XLSX, PDF, DOCX) are '@stegvis/reports/files', so that a process which
// only computes figures does not load exceljs, pdfkit and docx.
export * from './percent.js';
export * from './suppression.js';
export * from './programme-report.js';
export * from './report-counts.js';
export * from './swedish-labels.js';
export * from './report-tables.js';
export * from './csv.js';
export * from './statistics.js';
export * from './economy.js';
export * from './amounts.js';
export * from './charts.js';
export * from './disclosure-model.js';
export * from './disclosure.js';
