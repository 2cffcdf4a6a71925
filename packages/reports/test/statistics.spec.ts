import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { economyTable, targetGroupTable } from '../src/index.js';

describe('target-group statistics', () => {
  it('shows each municipality at two dates with the change, as the seed report does', () => {
    const t = targetGroupTable(
      '2019-09',
      '2021-03',
      [
        { municipality: 'Klippan', openlyUnemployed: 131, inProgramme: 188 },
        { municipality: 'Perstorp', openlyUnemployed: 110, inProgramme: 210 },
      ],
      [
        { municipality: 'Perstorp', openlyUnemployed: 101, inProgramme: 217 },
        { municipality: 'Klippan', openlyUnemployed: 172, inProgramme: 161 },
      ],
    );
    assert.deepEqual(t.rows, [
      ['Klippan', 131, 172, '+41', 188, 161, '-27', 319, 333, '+14'],
      ['Perstorp', 110, 101, '-9', 210, 217, '+7', 320, 318, '-2'],
    ]);
  });
});

describe('economy', () => {
  it('sums invoiced tertials, what remains and the deviation of the forecast', () => {
    const t = economyTable([
      {
        municipality: 'Ängelholm',
        year: 2020,
        approved: 1_200_000,
        invoiced: [300_000, 250_000, 310_000],
        forecast: 1_150_000,
      },
      {
        municipality: 'Klippan',
        year: 2020,
        approved: 400_000,
        invoiced: [100_000, 90_000, 0],
        forecast: 380_000,
      },
    ]);
    assert.deepEqual(t.rows, [
      ['Ängelholm', 2020, 1_200_000, 300_000, 250_000, 310_000, 860_000, 340_000, 1_150_000, 50_000],
      ['Klippan', 2020, 400_000, 100_000, 90_000, 0, 190_000, 210_000, 380_000, 20_000],
      ['Totalt', null, 1_600_000, 400_000, 340_000, 310_000, 1_050_000, 550_000, 1_530_000, 70_000],
    ]);
  });
});
