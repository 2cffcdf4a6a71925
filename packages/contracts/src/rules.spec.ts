import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIsoDate } from './dates.js';
import { ratio, wholePercent } from './percent.js';

describe('wholePercent', () => {
  it('rounds half up in integer arithmetic', () => {
    assert.equal(wholePercent(1, 8), 13); // 12.5
    assert.equal(wholePercent(26, 51), 51); // 50.98
    assert.equal(wholePercent(28, 30), 93); // 93.33
    assert.equal(wholePercent(1, 200), 1); // 0.5
    assert.equal(wholePercent(1, 3), 33);
    assert.equal(wholePercent(2, 3), 67);
    assert.equal(wholePercent(35, 35), 100);
    assert.equal(wholePercent(0, 7), 0);
  });

  it('has no percentage for an empty denominator', () => {
    assert.equal(wholePercent(0, 0), null);
    assert.deepEqual(ratio(0, 0), { count: 0, of: 0, percent: null });
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar days only', () => {
    assert.equal(isIsoDate('2020-02-29'), true);
    assert.equal(isIsoDate('2021-02-29'), false);
    assert.equal(isIsoDate('2021-13-01'), false);
    assert.equal(isIsoDate('2021-1-01'), false);
    assert.equal(isIsoDate('20210101'), false);
  });
});

import { checkPassword, passwordProblem, passwordUserInputs } from './password.js';

describe('passwordProblem', () => {
  it('refuses short, common and e-mail-based passwords', () => {
    assert.equal(passwordProblem('kort-lösen'), 'too_short');
    assert.equal(passwordProblem('Password1234'), 'too_common');
    assert.equal(passwordProblem('aaaaaaaaaaaaaa'), 'too_common');
    assert.equal(passwordProblem('sara.persson-2026!', 'sara.persson@kommun.se'), 'contains_email');
    assert.equal(passwordProblem('korrekt häst batteri häftklammer', 'sara@kommun.se'), null);
  });

  it('refuses what zxcvbn scores below 3, with its warning key, and counts the name and e-mail as known words', () => {
    assert.deepEqual(checkPassword('qwerty1234567'), { problem: 'too_weak', warning: 'similarToCommon' });
    assert.deepEqual(checkPassword('Persson12345678'), { problem: 'too_weak', warning: 'similarToCommon' });
    assert.equal(checkPassword('Fotboll1234567'), null);
    assert.deepEqual(checkPassword('Fotboll1234567', { name: 'Fotboll Andersson' }), {
      problem: 'too_weak',
      warning: 'userInputs',
    });
    assert.deepEqual(passwordUserInputs({ email: 'sara.persson@kommun.se', name: 'Sara Persson' }), [
      'sara.persson@kommun.se',
      'Sara Persson',
      'sara',
      'persson',
      'kommun',
    ]);
  });
});
