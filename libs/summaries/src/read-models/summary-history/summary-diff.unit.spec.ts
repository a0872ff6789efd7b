import { describe, expect, it } from '@jest/globals';
import { given, past } from '../../summary/summary.fixture.js';
import { diffContent, textChanges } from './summary-diff.js';

describe('diff between two versions of a summary', () => {
  it('gives word-level changes that rebuild both texts', () => {
    const changes = textChanges('States should share points of contact.', 'States should publish and share national points of contact.');
    expect(changes.filter((c) => c.op !== 'insert').map((c) => c.text).join('')).toBe('States should share points of contact.');
    expect(changes.filter((c) => c.op !== 'delete').map((c) => c.text).join('')).toBe('States should publish and share national points of contact.');
    expect(changes.filter((c) => c.op === 'insert').map((c) => c.text.trim())).toEqual(['publish and', 'national']);
  });

  it('lists sections and key points added, removed, reworded and moved', () => {
    const before = given(past.started(), past.section('s1'), past.keyPoint('k1', 'One.'), past.keyPoint('k2', 'Two.', 's1', 1), past.keyPoint('k3', 'Three.', 's1', 2));
    const after = given(
      past.started(),
      past.section('s1'),
      past.keyPoint('k1', 'One.'),
      past.keyPoint('k2', 'Two.', 's1', 1),
      past.keyPoint('k3', 'Three.', 's1', 2),
      past.revised('k1', 'One, reworded.', 5),
      past.withdrawn('k3', 6),
      { type: 'ChairSummaryKeyPointMoved', data: { keyPointId: 'k2', sectionId: 's1', position: 0, basedOnVersion: 7 } },
      past.section('s2', { title: 'Session 2', text: 'New.' }),
      { type: 'ChairSummaryFootnoteAdded', data: { footnoteId: 'f1', symbol: 'A/70/174', text: null, url: null, sectionId: null } },
    );
    const diff = diffContent(before.state.content, after.state.content);
    expect(diff.sections.added).toEqual([{ sectionId: 's2', kind: 'session', title: 'Session 2', text: 'New.' }]);
    expect(diff.sections.removed).toEqual([]);
    expect(diff.keyPoints.removed).toEqual([{ keyPointId: 'k3', sectionId: 's1', position: 2, text: 'Three.' }]);
    expect(diff.keyPoints.changed).toEqual([
      {
        keyPointId: 'k2',
        sectionId: 's1',
        moved: { from: { sectionId: 's1', position: 1 }, to: { sectionId: 's1', position: 0 } },
      },
      {
        keyPointId: 'k1',
        sectionId: 's1',
        text: [
          { op: 'equal', text: 'One' },
          { op: 'insert', text: ', reworded' },
          { op: 'equal', text: '.' },
        ],
        moved: { from: { sectionId: 's1', position: 0 }, to: { sectionId: 's1', position: 1 } },
      },
    ]);
    expect(diff.footnotes.added).toEqual([expect.objectContaining({ footnoteId: 'f1', number: 1 })]);
  });
});
