import { describe, expect, it } from '@jest/globals';
import type { DocumentModelError } from '../document-model.js';
import { englishSummary } from '../testing/sample-documents.js';
import type { Inline } from './blocks.js';
import { composeChairSummary } from './composition.js';

const marks = (content: readonly Inline[]) => content.filter((i) => i.kind === 'note').map((i) => [i.number, i.first]);
const rule = (name: string) => expect.objectContaining({ rule: name }) as unknown as DocumentModelError;

describe('Composition of a chair’s summary', () => {
  it('numbers footnotes by first reference across the document; later references repeat the number', () => {
    const c = composeChairSummary(englishSummary());
    const [part] = c.parts;
    const all = part.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.content] : b.kind === 'list' ? b.items : []));
    expect(all.map(marks).filter((m) => m.length > 0)).toEqual([
      [[1, true]],
      [[2, true]],
      [[2, false]],
      [[3, true]],
      [
        [3, false],
        [1, false],
      ],
    ]);
    expect(part.notes.map((n) => [n.number, n.symbol])).toEqual([
      [1, null],
      [2, 'A/70/174'],
      [3, 'A/RES/73/27'],
    ]);
  });

  it('orders the summary: title lines, introduction, programme, participation, sections, conclusions', () => {
    const [part] = composeChairSummary(englishSummary()).parts;
    expect(part.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual([
      'Introduction',
      'Programme',
      'Participation',
      'Applying agreed norms at the regional level',
      'Capacity building',
      'Chair’s concluding summary',
    ]);
    expect(part.blocks.slice(0, 5).map((b) => b.kind)).toEqual(['title', 'subtitle', 'subtitle', 'subtitle', 'status']);
    expect(part.draft).toBe(false);
  });

  it('opens a draft with the DRAFT block and says which version it is', () => {
    const [part] = composeChairSummary(englishSummary({ status: 'draft', edition: 2, version: 57, asOf: null, publishedAt: null })).parts;
    expect(part.blocks[0]).toEqual({ kind: 'draft', label: 'DRAFT', notice: 'Draft: not an agreed or published text' });
    expect(part.blocks.find((b) => b.kind === 'status')).toEqual({ kind: 'status', text: 'Edition 2, version 57' });
  });

  it('refuses a model it cannot render faithfully, naming the rule', () => {
    const doc = englishSummary();
    const [first, ...rest] = doc.footnotes;
    expect(() => composeChairSummary({ ...doc, footnotes: [first, first, ...rest] })).toThrow(rule('DuplicateFootnoteId'));
    expect(() => composeChairSummary({ ...doc, footnotes: rest })).toThrow(rule('UnknownFootnote'));
    expect(() => composeChairSummary({ ...doc, footnotes: [...doc.footnotes, { id: 'spare', symbol: 'A/1' }] })).toThrow(rule('UnreferencedFootnote'));
    expect(() => composeChairSummary({ ...doc, footnotes: [{ ...first, symbol: null, text: ' ' }, ...rest] })).toThrow(rule('EmptyFootnote'));
    expect(() => composeChairSummary({ ...doc, footnotes: [{ ...first, url: 'javascript:alert(1)' }, ...rest] })).toThrow(rule('UnsafeFootnoteUrl'));
  });
});
