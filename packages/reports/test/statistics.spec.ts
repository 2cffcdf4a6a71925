import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { targetGroupTable } from '../src/index.js';

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
