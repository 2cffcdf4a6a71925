import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percent } from '../src/index.js';

describe('percent', () => {
  it('rounds exact halves up', () => {
    assert.deepEqual(percent(1, 8), { count: 1, of: 8, percent: 13 }); // 12.5
    assert.equal(percent(1, 200).percent, 1); // 0.5
    assert.equal(percent(3, 8).percent, 38); // 37.5
    assert.equal(percent(5, 8).percent, 63); // 62.5
    assert.equal(percent(1, 40).percent, 3); // 2.5
    assert.equal(percent(199, 200).percent, 100); // 99.5
  });

  it('rounds everything else to the nearest whole per cent', () => {
    assert.equal(percent(1, 400).percent, 0); // 0.25
    assert.equal(percent(3, 400).percent, 1); // 0.75
    assert.equal(percent(1, 16).percent, 6); // 6.25
    assert.equal(percent(7, 16).percent, 44); // 43.75
    assert.equal(percent(1, 3).percent, 33);
    assert.equal(percent(2, 3).percent, 67);
    assert.equal(percent(26, 51).percent, 51); // 50.98
    assert.equal(percent(28, 30).percent, 93); // 93.33
    assert.equal(percent(1140, 1313).percent, 87); // 86.82
    assert.equal(percent(0, 7).percent, 0);
    assert.equal(percent(35, 35).percent, 100);
  });

  it('has no per cent, but keeps both numbers, when the denominator is 0', () => {
    assert.deepEqual(percent(0, 0), { count: 0, of: 0, percent: null });
  });

  it('agrees with the definition of rounding half up for every share up to 400', () => {
    // p is right when p − ½ ≤ 100·n/d < p + ½, i.e. 2dp − d ≤ 200n < 2dp + d, checked in integers.
    for (let d = 1; d <= 400; d++) {
      for (let n = 0; n <= d; n++) {
        const p = percent(n, d).percent as number;
        assert.ok(2 * d * p - d <= 200 * n && 200 * n < 2 * d * p + d, `${n}/${d} gave ${p}`);
      }
    }
  });

  it('refuses negative, fractional and unsafe inputs', () => {
    assert.throws(() => percent(-1, 5), RangeError);
    assert.throws(() => percent(1, -5), RangeError);
    assert.throws(() => percent(1.5, 5), RangeError);
    assert.throws(() => percent(Number.NaN, 5), RangeError);
    assert.throws(() => percent(Number.MAX_SAFE_INTEGER, 1), RangeError);
  });
});
