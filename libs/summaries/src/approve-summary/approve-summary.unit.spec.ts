import { describe, it } from '@jest/globals';
import { CONSULTATION, given, meta, past, publishedSummary } from '../summary/summary.fixture.js';
import { decideApproveSummary } from './approve-summary.decide.js';

/** The agenda names chair-1 (the fixture's chair actor) as the consultation's Chair. */
const approve = (role = 'chair', chairs: string[] = ['chair-1'], actor?: string) => ({ consultationId: CONSULTATION, meta: meta(role, actor), chairs });
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

  it("NotThisConsultationsChair: a Chair of another consultation cannot approve this one", () => {
    given(...submitted()).when((s) => decideApproveSummary(approve('chair', ['chair-1'], 'chair-of-elsewhere'), s)).thenRefuses('NotThisConsultationsChair', 403);
  });

  it('with no Chair named on the agenda, any Chair may approve', () => {
    given(...submitted())
      .when((s) => decideApproveSummary(approve('chair', [], 'chair-of-elsewhere'), s))
      .then([{ type: 'ChairSummaryApproved', data: { edition: 1, approvedVersion: 4 } }]);
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
