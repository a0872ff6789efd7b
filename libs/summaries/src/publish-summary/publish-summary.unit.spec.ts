import { describe, expect, it } from '@jest/globals';
import { CONSULTATION, given, meta, past, publishedSummary } from '../summary/summary.fixture.js';
import { decidePublishSummary } from './publish-summary.decide.js';

const publish = { consultationId: CONSULTATION, meta: meta() };
const submitted = () => [past.started(), past.section(), past.keyPoint(), past.submitted()];

describe('publish', () => {
  it('publishes the approved version as edition 1, whose content is then frozen in the state', () => {
    const g = given(...submitted(), past.approved(4));
    g.when((s) => decidePublishSummary(publish, s)).then([{ type: 'ChairSummaryPublished', data: { edition: 1, approvedVersion: 4 } }]);
    const after = given(...submitted(), past.approved(4), past.published(4)).state;
    expect(after.editions).toEqual([
      expect.objectContaining({ edition: 1, version: 6, approvedBy: 'chair-1', approvedVersion: 4, correctionReason: null, content: after.content }),
    ]);
  });

  it('OnlyApprovedVersionCanBePublished: not a draft, not a submitted one, not twice', () => {
    given(past.started(), past.section(), past.keyPoint()).when((s) => decidePublishSummary(publish, s)).thenRefuses('OnlyApprovedVersionCanBePublished', 409);
    given(...submitted()).when((s) => decidePublishSummary(publish, s)).thenRefuses('OnlyApprovedVersionCanBePublished', 409);
    given(...submitted(), past.approved(4), past.changesRequested()).when((s) => decidePublishSummary(publish, s)).thenRefuses('OnlyApprovedVersionCanBePublished', 409);
    given(...publishedSummary()).when((s) => decidePublishSummary(publish, s)).thenRefuses('OnlyApprovedVersionCanBePublished', 409, { status: 'published' });
  });
});
