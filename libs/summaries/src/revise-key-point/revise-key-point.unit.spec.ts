import { describe, it } from '@jest/globals';
import { CONSULTATION, ctx, given, meta, past, publishedSummary } from '../summary/summary.fixture.js';
import type { ReviseKeyPointInput } from './revise-key-point.command.js';
import { decideReviseKeyPoint } from './revise-key-point.decide.js';

const revise = (over: Partial<ReviseKeyPointInput> = {}): ReviseKeyPointInput => ({
  consultationId: CONSULTATION,
  keyPointId: 'k1',
  text: 'Points of contact should be listed in a regional directory.',
  basedOnVersion: 3,
  meta: meta(),
  ...over,
});

// Versions: 1 started, 2 section s1, 3 key point k1, 4 key point k2, 5 section s2.
const history = () => [past.started(), past.section('s1'), past.keyPoint('k1'), past.keyPoint('k2', 'Second point.', 's1', 1), past.section('s2', { title: 'Session 2' })];

describe('revise or move a key point', () => {
  it('rewords a key point seen at its current version', () => {
    given(...history())
      .when((s) => decideReviseKeyPoint(revise(), s, ctx()))
      .then([{ type: 'ChairSummaryKeyPointRevised', data: { keyPointId: 'k1', text: revise().text, basedOnVersion: 3 } }]);
  });

  it('a change elsewhere in the summary since is no conflict', () => {
    given(...history(), past.revised('k2', 'Second point, reworded.', 5))
      .when((s) => decideReviseKeyPoint(revise({ basedOnVersion: 4 }), s, ctx()))
      .then([{ type: 'ChairSummaryKeyPointRevised', data: { keyPointId: 'k1', text: revise().text, basedOnVersion: 4 } }]);
  });

  it('KeyPointVersionConflict: the second of two editors from the same version gets the current version and text', () => {
    given(...history(), past.revised('k1', 'The first editor’s wording.', 5))
      .when((s) => decideReviseKeyPoint(revise({ basedOnVersion: 5 }), s, ctx()))
      .thenRefuses('KeyPointVersionConflict', 409, {
        keyPointId: 'k1',
        basedOnVersion: 5,
        currentVersion: 6,
        currentText: 'The first editor’s wording.',
        withdrawn: false,
      });
  });

  it('KeyPointVersionConflict: a key point withdrawn since cannot be revised', () => {
    given(...history(), past.withdrawn('k1', 5))
      .when((s) => decideReviseKeyPoint(revise({ basedOnVersion: 5 }), s, ctx()))
      .thenRefuses('KeyPointVersionConflict', 409, { currentVersion: 6, currentText: null, withdrawn: true });
  });

  it('reorders within its section and moves to another one', () => {
    const g = given(...history());
    g.when((s) => decideReviseKeyPoint(revise({ text: undefined, position: 1, basedOnVersion: 5 }), s, ctx())).then([
      { type: 'ChairSummaryKeyPointMoved', data: { keyPointId: 'k1', sectionId: 's1', position: 1, basedOnVersion: 5 } },
    ]);
    g.when((s) => decideReviseKeyPoint(revise({ text: undefined, sectionId: 's2', basedOnVersion: 5 }), s, ctx())).then([
      { type: 'ChairSummaryKeyPointMoved', data: { keyPointId: 'k1', sectionId: 's2', position: 0, basedOnVersion: 5 } },
    ]);
    g.when((s) => decideReviseKeyPoint(revise({ text: undefined, position: 0, basedOnVersion: 5 }), s, ctx())).then([]);
  });

  it('ChathamHouseAttribution: a rewording must keep to the rule', () => {
    given(...history())
      .when((s) => decideReviseKeyPoint(revise({ text: 'Mr Tanaka said points of contact work.' }), s, ctx()))
      .thenRefuses('ChathamHouseAttribution', 422, {
        spans: [{ field: 'text', sectionId: 's1', keyPointId: 'k1', start: 0, end: 14, text: 'Mr Tanaka said', reason: 'attributes a statement to a named person (Mr Tanaka)' }],
      });
  });

  it('KeyPointNotFound, UnknownSummaryVersion, PublishedVersionIsImmutable', () => {
    given(...history()).when((s) => decideReviseKeyPoint(revise({ keyPointId: 'nope' }), s, ctx())).thenRefuses('KeyPointNotFound', 404);
    given(...history()).when((s) => decideReviseKeyPoint(revise({ basedOnVersion: 99 }), s, ctx())).thenRefuses('UnknownSummaryVersion', 422);
    given(...publishedSummary()).when((s) => decideReviseKeyPoint(revise(), s, ctx())).thenRefuses('PublishedVersionIsImmutable', 409);
  });
});
