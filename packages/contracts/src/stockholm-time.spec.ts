import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatStockholm,
  formatStockholmSeconds,
  stockholmDate,
  stockholmDateAndTime,
  stockholmLocalToUtc,
  stockholmOffsetMinutes,
  stockholmToday,
} from './stockholm-time.js';

// The package's test script runs this file under the machine's zone, TZ=UTC and TZ=America/New_York: none of
// these values may depend on where the tests run.
describe('stockholmLocalToUtc', () => {
  it('a round opening 08:00 Swedish time opens at 08:00 in winter and in summer (2027: 28 March, 31 October)', () => {
    assert.equal(stockholmLocalToUtc('2027-03-27', '08:00'), '2027-03-27T07:00:00.000Z');
    assert.equal(stockholmLocalToUtc('2027-03-28', '08:00'), '2027-03-28T06:00:00.000Z');
    assert.equal(stockholmLocalToUtc('2027-03-29', '08:00'), '2027-03-29T06:00:00.000Z');
    assert.equal(stockholmLocalToUtc('2027-10-30', '08:00'), '2027-10-30T06:00:00.000Z');
    assert.equal(stockholmLocalToUtc('2027-10-31', '08:00'), '2027-10-31T07:00:00.000Z');
    assert.equal(stockholmLocalToUtc('2027-11-01', '08:00'), '2027-11-01T07:00:00.000Z');
  });

  it('the minutes around the spring switch: 01:59 winter time, 03:00 summer time', () => {
    assert.equal(stockholmLocalToUtc('2027-03-28', '01:59'), '2027-03-28T00:59:00.000Z');
    assert.equal(stockholmLocalToUtc('2027-03-28', '03:00'), '2027-03-28T01:00:00.000Z');
  });

  it('the skipped 02:30 of the spring switch day means 03:30 summer time', () => {
    assert.equal(stockholmLocalToUtc('2027-03-28', '02:30'), '2027-03-28T01:30:00.000Z');
    assert.equal(stockholmLocalToUtc('2027-03-28', '02:00'), '2027-03-28T01:00:00.000Z');
    assert.equal(formatStockholm('2027-03-28T01:30:00.000Z'), '2027-03-28 03:30');
  });

  it('the repeated 02:30 of the autumn switch day is the first one, still summer time', () => {
    assert.equal(stockholmLocalToUtc('2027-10-31', '02:30'), '2027-10-31T00:30:00.000Z');
    assert.equal(stockholmLocalToUtc('2027-10-31', '01:59'), '2027-10-30T23:59:00.000Z');
    assert.equal(stockholmLocalToUtc('2027-10-31', '03:00'), '2027-10-31T02:00:00.000Z');
    // Both instants read back as 02:30: the second one cannot be typed, only shown.
    assert.equal(formatStockholm('2027-10-31T00:30:00Z'), '2027-10-31 02:30');
    assert.equal(formatStockholm('2027-10-31T01:30:00Z'), '2027-10-31 02:30');
  });

  it('a Swedish time just after midnight is the evening before in UTC', () => {
    assert.equal(stockholmLocalToUtc('2027-01-01', '00:30'), '2026-12-31T23:30:00.000Z');
    assert.equal(stockholmLocalToUtc('2027-07-01', '00:30:15'), '2027-06-30T22:30:15.000Z');
  });

  it('refuses what is not a date and a time', () => {
    assert.throws(() => stockholmLocalToUtc('2027-02-29', '08:00'), RangeError);
    assert.throws(() => stockholmLocalToUtc('2027-03-29', '24:00'), RangeError);
    assert.throws(() => stockholmLocalToUtc('2027-03-29', '8:00'), RangeError);
    assert.throws(() => stockholmLocalToUtc('29/03/2027', '08:00'), RangeError);
  });
});

describe('formatStockholm', () => {
  it('shows an instant as Swedish date and time, both sides of each switch', () => {
    assert.equal(formatStockholm('2027-03-29T06:00:00Z'), '2027-03-29 08:00');
    assert.equal(formatStockholm('2027-03-27T07:00:00.000Z'), '2027-03-27 08:00');
    assert.equal(formatStockholm(new Date('2027-03-28T00:59:00Z')), '2027-03-28 01:59');
    assert.equal(formatStockholm(Date.parse('2027-03-28T01:00:00Z')), '2027-03-28 03:00');
    assert.equal(formatStockholm('2027-10-31T02:00:00Z'), '2027-10-31 03:00');
    assert.equal(formatStockholm('2027-06-15T22:00:00+00:00'), '2027-06-16 00:00');
    assert.equal(formatStockholmSeconds('2027-12-31T23:59:59.900Z'), '2028-01-01 00:59:59');
  });

  it('round-trips every typed time of a normal day', () => {
    for (const time of ['00:00', '07:59', '12:00', '23:59'])
      assert.equal(formatStockholm(stockholmLocalToUtc('2027-03-29', time)), `2027-03-29 ${time}`);
    assert.deepEqual(stockholmDateAndTime(stockholmLocalToUtc('2027-10-31', '08:00')), {
      date: '2027-10-31',
      time: '08:00',
    });
  });

  it('refuses a date-time without an offset, which the machine would read in its own zone', () => {
    assert.throws(() => formatStockholm('2027-03-29T08:00'), RangeError);
    assert.throws(() => formatStockholm('not a date Z'), RangeError);
  });
});

describe('stockholmDate', () => {
  it('is the Swedish calendar day, not the UTC one', () => {
    assert.equal(stockholmDate('2027-03-28T22:30:00Z'), '2027-03-29');
    assert.equal(stockholmDate('2027-03-28T21:59:59Z'), '2027-03-28');
    assert.equal(stockholmDate('2027-01-31T23:00:00Z'), '2027-02-01');
    assert.equal(stockholmDate('2027-01-31T22:59:00Z'), '2027-01-31');
    assert.equal(stockholmToday(new Date('2026-12-31T23:15:00Z')), '2027-01-01');
  });

  it('knows the offset: one hour in winter, two in summer', () => {
    assert.equal(stockholmOffsetMinutes('2027-03-28T00:59:00Z'), 60);
    assert.equal(stockholmOffsetMinutes('2027-03-28T01:00:00Z'), 120);
    assert.equal(stockholmOffsetMinutes('2027-10-31T00:59:00Z'), 120);
    assert.equal(stockholmOffsetMinutes('2027-10-31T01:00:00Z'), 60);
  });
});
