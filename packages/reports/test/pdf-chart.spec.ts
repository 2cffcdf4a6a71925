import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { chartOf, renderTablesPdf } from '../src/files.js';
import { computeProgressReport, SUPPRESSED_MARK, toReportTables } from '../src/index.js';
import { REFERENCE_INTERNSHIP_GROUPS, REFERENCE_PERIOD, referenceInput } from './reference-programme.js';

const report = computeProgressReport(referenceInput(), REFERENCE_PERIOD, {
  internshipGroups: REFERENCE_INTERNSHIP_GROUPS,
});

describe('charts in the PDF', () => {
  it('draws each bar from its own table row: same label, same per cent, no total row', () => {
    const outcomes = toReportTables(report).find((t) => t.id === 'outcomes')!;
    const chart = chartOf(outcomes)!;
    const pct = outcomes.columns.indexOf('Andel (%)');
    const rows = outcomes.rows.filter((r) => r[0] !== 'Totalt');
    assert.deepEqual(
      chart.bars.map((b) => [b.label, b.percent]),
      rows.map((r) => [r[0], r[pct]]),
    );
    assert.equal(chart.bars.length, outcomes.rows.length - 1);
  });

  it('shows a suppressed figure as the mark, with no bar', () => {
    const small = toReportTables(report, { smallCellThreshold: 5 }).find((t) => t.id === 'outcomes')!;
    const bars = chartOf(small)!.bars.filter((b) => b.shown === SUPPRESSED_MARK);
    assert.ok(bars.length > 0, 'some outcome counts of the reference programme are below 5');
    assert.ok(bars.every((b) => b.percent === null));
  });

  it('prints the charts with their captions and figures in the report PDF', async () => {
    const tables = toReportTables(report);
    const pdf = await renderTablesPdf('Delrapport', tables);
    const dir = mkdtempSync(join(tmpdir(), 'chart-'));
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-']).toString('utf8');
    for (const caption of ['Diagram: resultat, andel av inskrivna', 'Diagram: närvaro per grupp'])
      assert.ok(text.includes(caption), caption);
    const attendance = chartOf(tables.find((t) => t.id === 'attendance')!)!;
    for (const b of attendance.bars)
      assert.match(text, new RegExp(`${b.label}\\s+${b.shown.replace(' ', '\\s')}`));
  });
});
