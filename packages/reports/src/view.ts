// What a screen needs to show the report's tables as the files print them: the chart data (charts.ts) and the
// cells' text, amounts in Swedish format (amounts.ts). '@stegvis/reports/view' is browser-safe: these modules
// import only types from the rest of the package, so the admin's bundle gets neither pdfkit, exceljs nor the
// suppression rules (view.spec.ts checks the compiled imports).
export * from './charts.js';
export * from './amounts.js';
