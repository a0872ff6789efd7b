import { describe, expect, it } from '@jest/globals';
import { CONSULTATION, ctx, given, meta, past, publishedSummary } from '../summary/summary.fixture.js';
import { decideSubmitSummary } from './submit-summary.decide.js';

const submit = { consultationId: CONSULTATION, meta: meta() };

describe('submit for review', () => {
  it('submits a draft with content, and again after changes were requested', () => {
    given(past.started(), past.section(), past.keyPoint())
      .when((s) => decideSubmitSummary(submit, s, ctx()))
      .then([{ type: 'ChairSummarySubmitted', data: { edition: 1 } }]);
    given(past.started(), past.section(), past.keyPoint(), past.submitted(), past.changesRequested())
      .when((s) => decideSubmitSummary(submit, s, ctx()))
      .then([{ type: 'ChairSummarySubmitted', data: { edition: 1 } }]);
  });

  it('ChathamHouseAttribution: a participant registered after the text was written is caught at submission', () => {
    given(past.started(), past.section(), past.keyPoint('k1', 'A paper by Li Wei framed the debate.'))
      .when((s) => decideSubmitSummary(submit, s, ctx(['Li Wei'])))
      .thenRefuses('ChathamHouseAttribution', 422, { spans: [expect.objectContaining({ keyPointId: 'k1', text: 'Li Wei' })] });
  });

  it('SummaryIsEmpty, SummaryLockedForReview, PublishedVersionIsImmutable, SummaryNotStarted', () => {
    given(past.started(), past.section()).when((s) => decideSubmitSummary(submit, s, ctx())).thenRefuses('SummaryIsEmpty', 422);
    given(past.started(), past.section(), past.keyPoint(), past.submitted()).when((s) => decideSubmitSummary(submit, s, ctx())).thenRefuses('SummaryLockedForReview', 409);
    given(...publishedSummary()).when((s) => decideSubmitSummary(submit, s, ctx())).thenRefuses('PublishedVersionIsImmutable', 409);
    given().when((s) => decideSubmitSummary(submit, s, ctx())).thenRefuses('SummaryNotStarted', 404);
  });
});
