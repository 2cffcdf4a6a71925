import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { chartOf } from '../src/view.js';

/** The compiled ES modules the admin's bundler reads ('@stegvis/reports/view' → dist/esm/view.js). */
const ESM = join(__dirname, '../../dist/esm');

/** Every module `entry` loads, following its relative imports; and the packages it imports. */
function graph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(join(ESM, file), 'utf8');
    for (const m of code.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^;]*?from\s*'([^']+)'|import\s*\(\s*'([^']+)'\s*\)/g,
    )) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

describe("'@stegvis/reports/view', the admin's part", () => {
  it('loads only the chart data and the cell text: no pdfkit, exceljs, docx or suppression rules', () => {
    assert.deepEqual(graph('view.js'), { files: ['amounts.js', 'charts.js', 'view.js'], packages: [] });
  });

  it('marks a hidden figure as hidden (no bar), an empty one as no figure', () => {
    const chart = chartOf({
      id: 'attendance',
      columns: ['Grupp', 'Närvaro (%)'],
      rows: [
        ['Grupp 1', 87],
        ['Grupp 2', '..'],
        ['Grupp 3', null],
        ['Totalt', 80],
      ],
    });
    assert.deepEqual(chart, {
      caption: 'Diagram: närvaro per grupp',
      absent: null,
      bars: [
        { label: 'Grupp 1', percent: 87, shown: '87 %', hidden: false },
        { label: 'Grupp 2', percent: null, shown: '..', hidden: true },
        { label: 'Grupp 3', percent: null, shown: '–', hidden: false },
      ],
    });
  });
});
