import { describe, it } from '@jest/globals';
import { CONSULTATION, given, meta, past } from '../summary/summary.fixture.js';
import { decideWithdrawKeyPoint } from './withdraw-key-point.decide.js';

const withdraw = (basedOnVersion: number, keyPointId = 'k1') => ({ consultationId: CONSULTATION, keyPointId, basedOnVersion, meta: meta() });

describe('withdraw a key point', () => {
  it('withdraws a key point seen at its current version', () => {
    given(past.started(), past.section(), past.keyPoint('k1'))
      .when((s) => decideWithdrawKeyPoint(withdraw(3), s))
      .then([{ type: 'ChairSummaryKeyPointWithdrawn', data: { keyPointId: 'k1', basedOnVersion: 3 } }]);
  });

  it('KeyPointVersionConflict: a key point revised since is not withdrawn blindly', () => {
    given(past.started(), past.section(), past.keyPoint('k1'), past.revised('k1', 'Reworded meanwhile.', 3))
      .when((s) => decideWithdrawKeyPoint(withdraw(3), s))
      .thenRefuses('KeyPointVersionConflict', 409, { currentVersion: 4, currentText: 'Reworded meanwhile.' });
  });

  it('KeyPointNotFound once it is gone for the one who saw it go', () => {
    given(past.started(), past.section(), past.keyPoint('k1'), past.withdrawn('k1', 3))
      .when((s) => decideWithdrawKeyPoint(withdraw(4), s))
      .thenRefuses('KeyPointNotFound', 404);
  });

  it('SummaryLockedForReview while the Chair reviews it', () => {
    given(past.started(), past.section(), past.keyPoint('k1'), past.submitted())
      .when((s) => decideWithdrawKeyPoint(withdraw(3), s))
      .thenRefuses('SummaryLockedForReview', 409);
  });
});
