// The file writers: XLSX, PDF (with its charts and fonts) and DOCX. Kept apart from the rules (index.ts) because
// their libraries are large; the api loads this entry on the first download.
export * from './xlsx.js';
export * from './pdf.js';
export * from './docx.js';
export * from './pdf-chart.js';
export * from './pdf-fonts.js';
export * from './pdf-text.js';
export * from './paper-questionnaire.js';
