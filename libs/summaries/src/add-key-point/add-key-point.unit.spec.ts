import { describe, it } from '@jest/globals';
import { CONSULTATION, ctx, given, meta, past, publishedSummary } from '../summary/summary.fixture.js';
import type { AddKeyPointInput } from './add-key-point.command.js';
import { decideAddKeyPoint } from './add-key-point.decide.js';

const add = (over: Partial<AddKeyPointInput> = {}): AddKeyPointInput => ({
  consultationId: CONSULTATION,
  keyPointId: 'k2',
  sectionId: 's1',
  text: 'Regional forums can put the existing norms into practice.',
  meta: meta(),
  ...over,
});

describe('add a key point', () => {
  it('adds it at the end of its section, or where asked', () => {
    const g = given(past.started(), past.section(), past.keyPoint('k1'));
    g.when((s) => decideAddKeyPoint(add(), s, ctx())).then([
      { type: 'ChairSummaryKeyPointAdded', data: { keyPointId: 'k2', sectionId: 's1', text: add().text, position: 1 } },
    ]);
    g.when((s) => decideAddKeyPoint(add({ position: 0 }), s, ctx())).then([
      { type: 'ChairSummaryKeyPointAdded', data: { keyPointId: 'k2', sectionId: 's1', text: add().text, position: 0 } },
    ]);
  });

  it('ChathamHouseAttribution: refuses a key point attributing a view to a State, with its span', () => {
    given(past.started(), past.section())
      .when((s) => decideAddKeyPoint(add({ text: 'The representative of Japan stressed resilience.' }), s, ctx()))
      .thenRefuses('ChathamHouseAttribution', 422, {
        spans: [
          {
            field: 'text',
            sectionId: 's1',
            keyPointId: 'k2',
            start: 0,
            end: 36,
            text: 'The representative of Japan stressed',
            reason: 'attributes a statement to a named State (Japan)',
          },
        ],
      });
  });

  it('a retry with the same id and text changes nothing; another text under that id is refused (KeyPointIdTaken)', () => {
    const g = given(past.started(), past.section(), past.keyPoint('k2', add().text));
    g.when((s) => decideAddKeyPoint(add(), s, ctx())).then([]);
    g.when((s) => decideAddKeyPoint(add({ text: 'Other.' }), s, ctx())).thenRefuses('KeyPointIdTaken', 409);
  });

  it('SectionNotFound, SummaryNotStarted, PublishedVersionIsImmutable', () => {
    given(past.started()).when((s) => decideAddKeyPoint(add(), s, ctx())).thenRefuses('SectionNotFound', 422);
    given().when((s) => decideAddKeyPoint(add(), s, ctx())).thenRefuses('SummaryNotStarted', 404);
    given(...publishedSummary()).when((s) => decideAddKeyPoint(add(), s, ctx())).thenRefuses('PublishedVersionIsImmutable', 409);
  });
});
