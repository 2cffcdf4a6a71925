import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractText } from 'unpdf';
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

  it('prints each chart under its caption: one line per bar, its label then its figure, in table order', async () => {
    const tables = toReportTables(report);
    const pdf = await renderTablesPdf('Delrapport', tables);
    const lines = (await extractText(new Uint8Array(pdf), { mergePages: true })).text.split('\n');
    const charts: [string, 'outcomes' | 'attendance'][] = [
      ['Diagram: resultat, andel av inskrivna', 'outcomes'],
      ['Diagram: närvaro per grupp', 'attendance'],
    ];
    for (const [caption, id] of charts) {
      const at = lines.indexOf(caption);
      assert.ok(at >= 0, caption);
      const bars = chartOf(tables.find((t) => t.id === id)!)!.bars;
      assert.deepEqual(
        lines.slice(at + 1, at + 1 + bars.length),
        bars.map((b) => `${b.label} ${b.shown}`),
        caption,
      );
    }
  });
});
