import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractText } from 'unpdf';
import { chartOf, renderTablesPdf } from '../src/files.js';
import { computeProgressReport, SUPPRESSED_MARK, toReportTables } from '../src/index.js';
import { pixelsOfColour, renderPage } from './pdf-support.js';
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

  describe('a chart with nothing to draw says why', () => {
    // The same programme with no attendance recorded: no session held in any group.
    const unrecorded = referenceInput();
    for (const p of unrecorded.participants) p.attendance = { held: 0, present: 0 };
    const noAttendance = computeProgressReport(unrecorded, REFERENCE_PERIOD, {
      internshipGroups: REFERENCE_INTERNSHIP_GROUPS,
    });
    const attendanceOf = (r: typeof report) => toReportTables(r).filter((t) => t.id === 'attendance');
    /** The light track behind every bar (#e8ecf2). */
    const TRACK: [number, number, number] = [0xe8, 0xec, 0xf2];

    it('has no bars and a reason when no attendance is recorded, with or without suppression', () => {
      for (const options of [{}, { smallCellThreshold: 5 }]) {
        const table = toReportTables(noAttendance, options).find((t) => t.id === 'attendance')!;
        assert.deepEqual(chartOf(table), {
          caption: 'Diagram: närvaro per grupp',
          bars: [],
          absent: 'Ingen närvaro registrerad',
        });
      }
      assert.equal(chartOf(attendanceOf(report)[0])!.absent, null);
    });

    it('prints the reason under the caption instead of empty axes', async () => {
      const pdf = await renderTablesPdf('Delrapport', attendanceOf(noAttendance));
      const lines = (await extractText(new Uint8Array(pdf), { mergePages: true })).text.split('\n');
      const at = lines.indexOf('Diagram: närvaro per grupp');
      assert.deepEqual(lines.slice(at, at + 2), ['Diagram: närvaro per grupp', 'Ingen närvaro registrerad']);
      // Drawn, the recorded report has its tracks; the unrecorded one has none at all.
      assert.ok(
        pixelsOfColour(await renderPage(await renderTablesPdf('Delrapport', attendanceOf(report))), TRACK) >
          1000,
      );
      assert.equal(pixelsOfColour(await renderPage(pdf), TRACK), 0);
    });

    it('says so for an outcome chart with nobody enrolled, but draws one whose figures are hidden', () => {
      const outcomes = toReportTables(report).find((t) => t.id === 'outcomes')!;
      const pct = outcomes.columns.indexOf('Andel (%)');
      const nobody = {
        ...outcomes,
        rows: outcomes.rows.map((r) => r.map((c, i) => (i === 0 ? c : i === pct ? null : 0))),
      };
      assert.deepEqual(chartOf(nobody), {
        caption: 'Diagram: resultat, andel av inskrivna',
        bars: [],
        absent: 'Inga inskrivna deltagare under perioden',
      });
      const hidden = {
        ...outcomes,
        rows: outcomes.rows.map((r) => r.map((c, i) => (i === pct ? SUPPRESSED_MARK : c))),
      };
      assert.equal(chartOf(hidden)!.absent, null);
      assert.equal(chartOf(hidden)!.bars.length, outcomes.rows.length - 1);
    });
  });
});
