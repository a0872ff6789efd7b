import { describe, expect, it } from '@jest/globals';
import type { Edition, SummaryContent, SummaryState } from '@convene/summaries';
import { chooseText } from './summary-text.js';
import { thrown } from '../testing/thrown.js';

const content = (text: string): SummaryContent => ({
  sections: [{ sectionId: 's1', kind: 'session', title: 'Session', text, sessionId: null, chathamHouse: null, version: 2, keyPoints: [] }],
  footnotes: [],
});

const edition = (n: number, version: number, text: string): Edition => ({
  edition: n,
  version,
  publishedAt: '2019-02-01T10:00:00.000Z',
  publishedBy: 'sec',
  approvedBy: 'chair',
  approvedVersion: version - 1,
  correctionReason: n > 1 ? 'A symbol was wrong.' : null,
  content: content(text),
});

function state(partial: Partial<SummaryState>): SummaryState {
  return {
    started: true,
    consultationId: 'c-1',
    version: 3,
    status: 'draft',
    edition: 1,
    chathamHouse: true,
    content: content('Working text.'),
    waivers: [],
    approval: null,
    changeRequests: [],
    correctionReason: null,
    editions: [],
    withdrawn: {},
    lastChange: null,
    ...partial,
  };
}

describe('which text a document shows', () => {
  it('the working state of a draft is a draft, at its version', () => {
    expect(chooseText('c-1', { kind: 'working' }, state({}), [])).toEqual({ status: 'draft', edition: 1, version: 3, publishedAt: null, content: content('Working text.') });
  });

  it('a working state that stands published is its last edition, not a draft', () => {
    const first = edition(1, 6, 'Published text.');
    const published = state({ status: 'published', version: 7, content: content('Published text.'), editions: [first] });
    expect(chooseText('c-1', { kind: 'working' }, published, [])).toEqual({ status: 'published', edition: 1, version: 6, publishedAt: first.publishedAt, content: first.content });
  });

  it('a correction in progress is a draft of the next edition; the published editions stay selectable', () => {
    const editions = [edition(1, 6, 'First.'), edition(2, 11, 'Second.')];
    const correcting = state({ status: 'draft', edition: 3, version: 12, editions });
    expect(chooseText('c-1', { kind: 'working' }, correcting, editions)).toMatchObject({ status: 'draft', edition: 3, version: 12 });
    expect(chooseText('c-1', { kind: 'published' }, null, editions)).toMatchObject({ status: 'published', edition: 2, version: 11, content: content('Second.') });
    expect(chooseText('c-1', { kind: 'edition', edition: 1 }, null, editions)).toMatchObject({ status: 'published', edition: 1, content: content('First.') });
  });

  it('names the rule when there is nothing to show', () => {
    expect(thrown(() => chooseText('c-1', { kind: 'working' }, null, []))).toMatchObject({ rule: 'SummaryNotStarted', status: 404 });
    expect(thrown(() => chooseText('c-1', { kind: 'published' }, state({}), []))).toMatchObject({ rule: 'PublishedSummaryNotFound', status: 404 });
    expect(thrown(() => chooseText('c-1', { kind: 'edition', edition: 3 }, null, [edition(1, 6, 'x')]))).toMatchObject({
      rule: 'SummaryEditionNotFound',
      status: 404,
      details: { consultationId: 'c-1', edition: 3, publishedEditions: [1] },
    });
  });
});
