import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REFERRAL_STATUSES, canTransition, referralStatusChanges } from './referrals.js';

describe('referral status changes outside a meeting', () => {
  it('offers, for each status, the changes of the one table that a person makes outside a meeting', () => {
    assert.deepEqual(Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, referralStatusChanges(s)])), {
      received: ['screened', 'withdrawn'],
      screened: ['wait_listed', 'withdrawn'],
      on_agenda: ['wait_listed', 'withdrawn'],
      accepted: ['withdrawn'],
      wait_listed: ['screened', 'withdrawn'],
      declined: [],
      withdrawn: ['received'],
    });
  });

  it('re-opens one step back only: a withdrawn referral is screened again, a wait-listed one waits again', () => {
    assert.equal(canTransition('withdrawn', 'received'), true);
    assert.equal(canTransition('withdrawn', 'screened'), false);
    assert.equal(canTransition('wait_listed', 'screened'), true);
    assert.equal(canTransition('screened', 'received'), false);
    assert.equal(canTransition('received', 'wait_listed'), false);
    assert.equal(canTransition('declined', 'received'), false);
  });
});
