import { describe, it } from '@jest/globals';
import { CONSULTATION, given, meta, past, publishedSummary } from '../summary/summary.fixture.js';
import { decideApproveSummary } from './approve-summary.decide.js';

const approve = (role = 'chair') => ({ consultationId: CONSULTATION, meta: meta(role) });
const submitted = () => [past.started(), past.section(), past.keyPoint(), past.submitted()];

describe('approve', () => {
  it('the Chair approves the submitted version', () => {
    given(...submitted())
      .when((s) => decideApproveSummary(approve(), s))
      .then([{ type: 'ChairSummaryApproved', data: { edition: 1, approvedVersion: 4 } }]);
  });

  it('OnlyChairMayApprove: the secretariat cannot approve', () => {
    given(...submitted()).when((s) => decideApproveSummary(approve('secretariat'), s)).thenRefuses('OnlyChairMayApprove', 403);
  });

  it('OnlySubmittedSummaryCanBeApproved: not a draft, not twice, not a published edition', () => {
    given(past.started(), past.section(), past.keyPoint()).when((s) => decideApproveSummary(approve(), s)).thenRefuses('OnlySubmittedSummaryCanBeApproved', 409);
    given(...submitted(), past.approved(4)).when((s) => decideApproveSummary(approve(), s)).thenRefuses('OnlySubmittedSummaryCanBeApproved', 409);
    given(...publishedSummary()).when((s) => decideApproveSummary(approve(), s)).thenRefuses('OnlySubmittedSummaryCanBeApproved', 409);
  });

  it('SummaryNotStarted', () => {
    given().when((s) => decideApproveSummary(approve(), s)).thenRefuses('SummaryNotStarted', 404);
  });
});
