import { describe, expect, it } from '@jest/globals';
import { CONSULTATION, given, meta, past, publishedSummary } from '../summary/summary.fixture.js';
import { decideIssueCorrection } from './issue-correction.decide.js';

const correct = { consultationId: CONSULTATION, reason: 'Footnote 1 cited A/70/174 instead of A/68/98*.', meta: meta() };

describe('issue a correction', () => {
  it('opens edition 2 as a draft with its reason; edition 1 stays as published', () => {
    given(...publishedSummary())
      .when((s) => decideIssueCorrection(correct, s))
      .then([{ type: 'ChairSummaryCorrectionStarted', data: { edition: 2, reason: correct.reason } }]);
    const g = given(...publishedSummary(), past.correction(correct.reason), past.revised('k1', 'Corrected wording.', 7));
    expect(g.state).toMatchObject({ status: 'draft', edition: 2, correctionReason: correct.reason });
    expect(g.state.editions[0].content.sections[0].keyPoints[0].text).not.toBe('Corrected wording.');
    expect(g.state.content.sections[0].keyPoints[0].text).toBe('Corrected wording.');
  });

  it('the corrected edition goes through review and is published as edition 2 with its reason', () => {
    const g = given(...publishedSummary(), past.correction(correct.reason), past.revised('k1', 'Corrected.', 7), past.submitted(2), past.approved(9, 2), past.published(9, 2));
    expect(g.state.editions.map((e) => [e.edition, e.correctionReason])).toEqual([
      [1, null],
      [2, correct.reason],
    ]);
  });

  it('OnlyPublishedSummaryCanBeCorrected: a draft is just edited', () => {
    given(past.started()).when((s) => decideIssueCorrection(correct, s)).thenRefuses('OnlyPublishedSummaryCanBeCorrected', 409);
    given(...publishedSummary(), past.correction()).when((s) => decideIssueCorrection(correct, s)).thenRefuses('OnlyPublishedSummaryCanBeCorrected', 409);
  });
});
