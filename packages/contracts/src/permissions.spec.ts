import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIONS, AGGREGATE_ONLY_ROLES, type Action, can } from './permissions.js';
import { ROLES } from './roles.js';

describe('can', () => {
  it('keeps personal data of participants to programme staff', () => {
    assert.deepEqual(
      ROLES.filter((r) => can(r, 'participant.read')),
      ['staff'],
    );
    assert.equal(can('evaluator', 'participant.read'), false);
    assert.equal(can('admin', 'participant.read'), false);
    assert.equal(can('analysis_member', 'participant.health'), false);
  });

  it('gives user management to the admin alone', () => {
    assert.equal(can('admin', 'user.manage'), true);
    assert.deepEqual(
      ROLES.filter((r) => can(r, 'user.manage')),
      ['admin'],
    );
  });

  it('lets the analysis group work the referral queue but not read reports', () => {
    assert.equal(can('analysis_member', 'referral.create'), true);
    assert.equal(can('analysis_member', 'meeting.manage'), true);
    assert.equal(can('analysis_member', 'report.read'), false);
    assert.deepEqual(
      ROLES.filter((r) => can(r, 'report.read')),
      ['admin', 'staff', 'steering', 'evaluator'],
    );
  });

  it('refuses everything to nobody signed in', () => {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      assert.equal(can(null, action), false, action);
      assert.equal(can(undefined, action), false, action);
    }
  });

  it('shows suppressed figures to exactly the roles that read figures but no personal data', () => {
    assert.deepEqual(AGGREGATE_ONLY_ROLES, ['admin', 'steering', 'evaluator']);
    for (const r of AGGREGATE_ONLY_ROLES) {
      assert.equal(can(r, 'report.read'), true, r);
      assert.equal(can(r, 'participant.read'), false, r);
    }
  });
});
