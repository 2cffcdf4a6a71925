import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_SMALL_CELL_THRESHOLD,
  MIN_SMALL_CELL_THRESHOLD,
  protectBreakdown,
  suppressCells,
  suppressMatrix,
  type SuppressedCell,
} from '../src/index.js';

const counts = (cells: readonly SuppressedCell[]) => cells.map((c) => c.count);
const reasons = (cells: readonly SuppressedCell[]) => cells.map((c) => c.suppressed);

describe('small-cell threshold', () => {
  it('is 5 by default and never below 3', () => {
    assert.equal(DEFAULT_SMALL_CELL_THRESHOLD, 5);
    assert.equal(MIN_SMALL_CELL_THRESHOLD, 3);
    assert.throws(() => suppressCells([1, 9], 2), RangeError);
    assert.throws(() => suppressCells([1, 9], 0), RangeError);
    assert.throws(() => suppressCells([1, 9], 4.5), RangeError);
    assert.throws(() => suppressMatrix([[1, 9]], 2), RangeError);
    assert.deepEqual(counts(suppressCells([2, 9], 3)), [null, null]);
  });

  it('refuses counts that are not whole numbers ≥ 0', () => {
    assert.throws(() => suppressCells([-1, 9]), RangeError);
    assert.throws(() => suppressCells([1.5, 9]), RangeError);
  });
});

describe('suppressCells', () => {
  it('hides counts from 1 to k − 1 and keeps 0 and k', () => {
    assert.deepEqual(counts(suppressCells([0, 5, 6, 12])), [0, 5, 6, 12]);
    assert.deepEqual(counts(suppressCells([4, 0, 12, 20], 5, { totalShown: false })), [null, 0, 12, 20]);
  });

  it('hides the next-smallest cell when a single hidden cell could be worked out from the total', () => {
    const cells = suppressCells([12, 3, 20, 7]);
    assert.deepEqual(counts(cells), [12, null, 20, null]);
    assert.deepEqual(reasons(cells), [null, 'small', null, 'complementary']);
  });

  it('needs no complementary cell when the total is not shown', () => {
    assert.deepEqual(counts(suppressCells([12, 3, 20, 7], 5, { totalShown: false })), [12, null, 20, 7]);
  });

  it('keeps going while the hidden cells add up to less than k', () => {
    // Two hidden cells summing to 2 would both have to be 1.
    assert.deepEqual(counts(suppressCells([1, 1, 10])), [null, null, null]);
    // 2 + 3 = 5 leaves four possibilities: enough.
    assert.deepEqual(counts(suppressCells([2, 3, 30])), [null, null, 30]);
    assert.deepEqual(counts(suppressCells([2, 3, 4, 30], 3)), [null, null, 4, 30]);
    // Five hidden cells summing to 5 would all be 1: hidden cells are never 0.
    assert.deepEqual(counts(suppressCells([1, 1, 1, 1, 1, 20])), [null, null, null, null, null, null]);
    assert.deepEqual(counts(suppressCells([1, 1, 1, 1, 2, 20])), [null, null, null, null, null, 20]);
  });

  it('never hides a zero, and takes the leftmost cell on a tie', () => {
    assert.deepEqual(counts(suppressCells([4, 0, 6, 6])), [null, 0, null, 6]);
    // Nothing left to hide: the total (3) is a small cell itself and is hidden where it is printed.
    assert.deepEqual(counts(suppressCells([3, 0, 0])), [null, 0, 0]);
  });

  it('leaves a breakdown without small cells alone', () => {
    assert.deepEqual(reasons(suppressCells([15, 11, 9, 0])), [null, null, null, null]);
  });

  it('completes a breakdown in which cells are already hidden', () => {
    assert.deepEqual(protectBreakdown([15, 11, 0], [true, false, false]), [true, true, false]);
    assert.deepEqual(protectBreakdown([15, 11, 0], [true, true, false]), [true, true, false]);
  });

  it('meets its promise on every breakdown of up to four cells of 0–9', () => {
    for (let n = 0; n < 10_000; n++) {
      const cells = [n % 10, Math.floor(n / 10) % 10, Math.floor(n / 100) % 10, Math.floor(n / 1000)];
      const out = suppressCells(cells);
      const hidden = cells.filter((_, i) => out[i]?.count === null);
      const shown = cells.filter((_, i) => out[i]?.count !== null);
      assert.ok(
        shown.every((c) => c === 0 || c >= 5),
        `${cells}: a small cell is shown`,
      );
      const hiddenSum = hidden.reduce((a, b) => a + b, 0);
      const protectedByTotal =
        hidden.length === 0 || (hidden.length >= 2 && hiddenSum >= 5 && hiddenSum > hidden.length);
      // When nothing is left to hide, the total is below k and is hidden where it is printed.
      const totalIsSmall = shown.every((c) => c === 0) && cells.reduce((a, b) => a + b, 0) < 5;
      assert.ok(protectedByTotal || totalIsSmall, `${cells}: hidden cells can be worked out`);
    }
  });
});

describe('suppressMatrix', () => {
  const grid = (m: ReturnType<typeof suppressMatrix>) => [
    ...m.cells.map((row, i) => [...counts(row), m.rowTotals[i]?.count ?? null]),
    [...counts(m.columnTotals), m.total.count],
  ];

  it('suppresses cells and margins so that no margin betrays a small cell', () => {
    // Nästa Steg's outcomes by gender: work, studies, plan, health, other, none, no outcome yet | enrolled.
    const m = suppressMatrix([
      [7, 8, 5, 2, 1, 0, 7],
      [4, 7, 4, 0, 1, 0, 5],
      [0, 0, 0, 0, 0, 0, 0],
    ]);
    assert.deepEqual(grid(m), [
      [null, 8, null, null, null, 0, 7, 30],
      [null, 7, null, 0, null, 0, 5, 21],
      [0, 0, 0, 0, 0, 0, 0, 0],
      // health 2 and other 2 are small; plan (9) keeps them from being worked out from 51.
      [11, 15, null, null, null, 0, 12, 51],
    ]);
    assert.equal(m.cells[0]?.[3]?.suppressed, 'small');
    assert.equal(m.cells[0]?.[0]?.suppressed, 'complementary');
  });

  it('hides a column total rather than a whole row when that is enough', () => {
    // Groups × (completed, left early, active): group 1's 10 completers are not hidden, since a row of
    // [10, 0, 0] with 10 enrolled would give it back; the completed total is hidden instead.
    const m = suppressMatrix([
      [10, 0, 0],
      [10, 0, 0],
      [10, 0, 0],
      [7, 2, 0],
      [0, 0, 12],
    ]);
    assert.deepEqual(grid(m), [
      [10, 0, 0, 10],
      [10, 0, 0, 10],
      [10, 0, 0, 10],
      [null, null, 0, 9],
      [0, 0, 12, 12],
      [null, null, 12, 51],
    ]);
  });

  it('keeps row totals another table has settled, and protects the cells around them', () => {
    // Groups × (with an internship, without, did not stay), the group sizes published by the enrolled table.
    const rows = [
      [9, 1, 0],
      [10, 0, 0],
      [9, 1, 0],
      [4, 3, 2],
      [0, 0, 12],
    ];
    const m = suppressMatrix(rows, 5, { rowTotals: [true, true, true, true, true], total: true });
    assert.deepEqual(grid(m), [
      [null, null, 0, 10],
      [10, 0, 0, 10],
      [null, null, 0, 10],
      [null, null, null, 9],
      // Group 5's 12 cannot hide anything: its row would give it back.
      [0, 0, 12, 12],
      [32, null, null, 51],
    ]);
    // Left to itself, the same table would hide two group sizes instead.
    assert.deepEqual(counts(suppressMatrix(rows, 5).rowTotals), [10, 10, 10, null, null]);
    // A total settled as hidden stays hidden.
    assert.deepEqual(counts(suppressMatrix([[10, 10]], 5, { rowTotals: [false] }).rowTotals), [null]);
    assert.throws(() => suppressMatrix(rows, 5, { rowTotals: [true] }), RangeError);
  });

  it('hides a small grand total and every small margin', () => {
    const m = suppressMatrix([
      [1, 2],
      [0, 1],
    ]);
    assert.deepEqual(grid(m), [
      [null, null, null],
      [0, null, null],
      [null, null, null],
    ]);
    assert.equal(m.total.suppressed, 'small');
  });

  it('refuses ragged tables and thresholds below 3', () => {
    assert.throws(() => suppressMatrix([[1, 2], [3]]), RangeError);
    assert.throws(() => suppressMatrix([[1, 9]], 2), RangeError);
  });

  it('never lets a reader pin down a hidden cell through bounds (tables that once leaked)', () => {
    // a + b = 8, c + d = 8, a + d = 14 with every hidden cell ≥ 1 forces d = 7 unless more is hidden.
    assertNothingPinned(
      [
        [0, 7, 1],
        [1, 7, 7],
      ],
      5,
    );
    assertNothingPinned(
      [
        [5, 7, 0],
        [1, 1, 1],
      ],
      3,
    );
    assertNothingPinned(
      [
        [1, 6, 0],
        [8, 7, 1],
      ],
      3,
    );
    assertNothingPinned(
      [
        [1, 7, 0],
        [6, 4, 1],
      ],
      3,
    );
    assertNothingPinned(
      [
        [1, 1, 1],
        [0, 3, 3],
      ],
      3,
    );
  });

  it('never lets a reader pin down a hidden cell, on random small tables', () => {
    let seed = 20210501;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let checked = 0;
    while (checked < 150) {
      const rows = [0, 1].map(() => [0, 1, 2].map(() => Math.floor(random() * 9)));
      if (assertNothingPinned(rows, random() < 0.5 ? 3 : 5)) checked++;
    }
  });
});

/**
 * The reader knows every shown figure and that hidden cells are at least 1. Tries every assignment of 1…12 to
 * the hidden inner cells of a 2 × 3 table that matches what is shown, and asserts that every hidden cell and
 * margin could still have two values. Returns whether the table was small enough to check.
 */
function assertNothingPinned(rows: number[][], k: number): boolean {
  const m = suppressMatrix(rows, k);
  const all = [...m.cells.flat(), ...m.rowTotals, ...m.columnTotals, m.total];
  assert.ok(
    all.every((c) => c.count === null || c.count === 0 || c.count >= k),
    `${JSON.stringify(rows)}: a small count is shown`,
  );
  const hidden = rows.flatMap((row, i) =>
    row.flatMap((_, j) => (m.cells[i]?.[j]?.count === null ? [[i, j] as const] : [])),
  );
  if (hidden.length === 0 || hidden.length > 4) return false;
  const seen = new Map<string, Set<number>>();
  const note = (name: string, v: number) => seen.set(name, (seen.get(name) ?? new Set()).add(v));
  const fits = (c: SuppressedCell | undefined, v: number) => (c?.count === null ? v > 0 : c?.count === v);
  const values = hidden.map(() => 1);
  for (;;) {
    const g = rows.map((r) => [...r]);
    hidden.forEach(([i, j], q) => ((g[i] as number[])[j] = values[q] as number));
    const rowSums = g.map((r) => r.reduce((a, b) => a + b, 0));
    const columnSums = [0, 1, 2].map((j) => g.reduce((a, r) => a + (r[j] as number), 0));
    const grand = rowSums.reduce((a, b) => a + b, 0);
    if (
      rowSums.every((v, i) => fits(m.rowTotals[i], v)) &&
      columnSums.every((v, j) => fits(m.columnTotals[j], v)) &&
      fits(m.total, grand)
    ) {
      hidden.forEach(([i, j], q) => note(`cell ${i},${j}`, values[q] as number));
      rowSums.forEach((v, i) => m.rowTotals[i]?.count === null && note(`row ${i}`, v));
      columnSums.forEach((v, j) => m.columnTotals[j]?.count === null && note(`column ${j}`, v));
    }
    let q = 0;
    while (q < values.length && (values[q] = (values[q] as number) + 1) > 12) values[q++] = 1;
    if (q === values.length) break;
  }
  for (const [name, options] of seen)
    assert.ok(options.size >= 2, `${JSON.stringify(rows)} k=${k}: ${name} can only be ${[...options]}`);
  return true;
}
