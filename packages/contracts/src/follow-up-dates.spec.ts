import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addCalendarMonths, followUpDueDate, followUpWindowStart } from './follow-up-dates.js';

describe('follow-up dates', () => {
  it('fall due 3, 6 and 12 months after the outcome date, the window opening a month before', () => {
    assert.deepEqual(
      ([3, 6, 12] as const).map((m) => [
        followUpWindowStart('2030-05-10', m),
        followUpDueDate('2030-05-10', m),
      ]),
      [
        ['2030-07-10', '2030-08-10'],
        ['2030-10-10', '2030-11-10'],
        ['2031-04-10', '2031-05-10'],
      ],
    );
  });

  it('a day the month lacks becomes its last day, across a year and a leap year', () => {
    assert.equal(addCalendarMonths('2030-11-30', 3), '2031-02-28');
    assert.equal(addCalendarMonths('2031-11-30', 3), '2032-02-29');
    assert.equal(addCalendarMonths('2030-08-31', 6), '2031-02-28');
    assert.equal(addCalendarMonths('2030-12-15', 12), '2031-12-15');
  });
});
