export * from './percent.js';
export * from './suppression.js';
export * from './programme-report.js';
export * from './swedish-labels.js';
export * from './report-tables.js';
export * from './csv.js';
export * from './xlsx.js';
export * from './pdf.js';
