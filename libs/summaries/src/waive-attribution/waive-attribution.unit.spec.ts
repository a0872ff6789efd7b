import { describe, it } from '@jest/globals';
import { CONSULTATION, ctx, given, meta, past } from '../summary/summary.fixture.js';
import type { WaiveAttributionDecision } from './waive-attribution.command.js';
import { decideWaiveAttribution } from './waive-attribution.decide.js';

const TEXT = 'Singapore stressed, as in its published national statement, that norms need implementation.';
const waive = (over: Partial<WaiveAttributionDecision> = {}): WaiveAttributionDecision => ({
  consultationId: CONSULTATION,
  waiverId: 'w1',
  text: TEXT,
  reason: 'The statement is public.',
  meta: meta('chair'),
  chairs: ['chair-1'],
  ...over,
});

describe('waive the attribution rule for a text', () => {
  it('the Chair waives it for this exact text, recorded by its hash', () => {
    given(past.started())
      .when((s) => decideWaiveAttribution(waive(), s, ctx()))
      .then([{ type: 'ChairSummaryAttributionWaived', data: { waiverId: 'w1', textHash: `hash:${TEXT}`, reason: 'The statement is public.', spans: 1 } }]);
  });

  it('a second waiver of the same text changes nothing', () => {
    given(past.started(), past.waived(TEXT)).when((s) => decideWaiveAttribution(waive({ waiverId: 'w2' }), s, ctx())).then([]);
  });

  it('NotThisConsultationsChair: only the Chair the agenda names', () => {
    given(past.started()).when((s) => decideWaiveAttribution(waive({ meta: meta('chair', 'another-chair') }), s, ctx())).thenRefuses('NotThisConsultationsChair', 403);
  });

  it('OnlyChairMayWaive: the secretariat cannot', () => {
    given(past.started()).when((s) => decideWaiveAttribution(waive({ meta: meta('secretariat') }), s, ctx())).thenRefuses('OnlyChairMayWaive', 403);
  });

  it('NothingToWaive: a text that breaks no rule', () => {
    given(past.started())
      .when((s) => decideWaiveAttribution(waive({ text: 'Participants stressed implementation.' }), s, ctx()))
      .thenRefuses('NothingToWaive', 422);
  });

  it('SummaryNotStarted', () => {
    given().when((s) => decideWaiveAttribution(waive(), s, ctx())).thenRefuses('SummaryNotStarted', 404);
  });
});
