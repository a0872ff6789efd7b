import { describe, it } from '@jest/globals';
import { CONSULTATION, given, meta, past, publishedSummary } from '../summary/summary.fixture.js';
import { decideRequestChanges } from './request-changes.decide.js';

const request = { consultationId: CONSULTATION, comment: 'Merge the two points on capacity building.', meta: meta('chair') };

describe('request changes', () => {
  it('sends a submitted or approved summary back with a comment', () => {
    const submitted = [past.started(), past.section(), past.keyPoint(), past.submitted()];
    const expected = [{ type: 'ChairSummaryChangesRequested', data: { edition: 1, comment: request.comment } }];
    given(...submitted).when((s) => decideRequestChanges(request, s)).then(expected);
    given(...submitted, past.approved(4)).when((s) => decideRequestChanges(request, s)).then(expected);
  });

  it('SummaryNotUnderReview: a draft or a published edition', () => {
    given(past.started()).when((s) => decideRequestChanges(request, s)).thenRefuses('SummaryNotUnderReview', 409);
    given(...publishedSummary()).when((s) => decideRequestChanges(request, s)).thenRefuses('SummaryNotUnderReview', 409);
  });
});
