import { describe, expect, it } from '@jest/globals';
import { scriptOf } from '../scripts.js';
import type { Face } from './fonts.js';
import { type FontMetrics, layoutParagraph, type Span } from './text-layout.js';

/** Every character one point wide at size 10; Latin covers all but Arabic and Han, the others their script and ASCII. */
const metrics: FontMetrics = {
  covers: (face: Face, _bold: boolean, cp: number) => (face === 'latin' ? scriptOf(cp) === 'other' : scriptOf(cp) === face || cp < 0x80),
  width: (text: string, _face: Face, _bold: boolean, size: number) => (Array.from(text).length * size) / 10,
};
const style = { size: 10, bold: false, color: '#000' };
const plain = (text: string): Span[] => [{ text, style }];
const lines = (text: string, width: number, dir: 'ltr' | 'rtl' = 'ltr') =>
  layoutParagraph(plain(text), { width, dir }, metrics).map((l) => l.runs.map((r) => r.text).join(''));

describe('PDF text layout: line breaking', () => {
  it('fills lines greedily at spaces, leaving the space out of the line', () => {
    expect(lines('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
    expect(lines('  folded    white\nspace ', 100)).toEqual(['folded white space']);
  });

  it('breaks Chinese between ideographs, but not before closing punctuation', () => {
    expect(lines('一二三四五六', 4)).toEqual(['一二三四', '五六']);
    expect(lines('一二三，四五', 3)).toEqual(['一二', '三，四', '五']);
  });

  it('cuts a word wider than the line between characters', () => {
    expect(lines('https://undocs.org/A', 8)).toEqual(['https://', 'undocs.o', 'rg/A']);
  });
});

describe('PDF text layout: fonts and direction', () => {
  it('gives each script its face, and spaces and digits the face around them', () => {
    const [line] = layoutParagraph(plain('Talks 中文 2019 ابج 12'), { width: 100, dir: 'ltr' }, metrics);
    expect(line.runs.map((r) => [r.face, r.text])).toEqual([
      ['latin', 'Talks '],
      ['cjk', '中文 2019 '],
      // "ابج 12" in a left-to-right paragraph displays as a right-to-left unit: the number on its left.
      ['arabic', '12'],
      ['arabic', 'ابج '],
    ]);
  });

  it('orders a right-to-left line for display: numbers and Latin symbols left to right inside it', () => {
    const [line] = layoutParagraph(plain('ابج 123 دهو A/RES/73/266 زحط'), { width: 100, dir: 'rtl' }, metrics);
    // Arabic runs are handed over in logical order, to be shaped and reversed as a whole by fontkit.
    expect(line.runs.map((r) => [r.text, r.shapeWhole])).toEqual([
      ['زحط', true],
      [' ', false],
      ['A/RES/73/266', false],
      [' دهو ', true],
      ['123', false],
      ['ابج ', true],
    ]);
    expect(line.runs.map((r) => r.x)).toEqual([0, 3, 4, 16, 21, 24]);
  });

  it('mirrors brackets in right-to-left text', () => {
    const [line] = layoutParagraph(plain('(ابج)'), { width: 100, dir: 'rtl' }, metrics);
    expect(line.runs.map((r) => r.text)).toEqual([')ابج(']);
  });

  it('reports the footnotes first referenced on each line', () => {
    const spans: Span[] = [
      { text: 'aaaa bbbb', style },
      { text: '1', style: { ...style, size: 6, rise: 4 }, firstNote: 1 },
      { text: ' cccc dddd', style },
      { text: '2', style: { ...style, size: 6 } },
    ];
    expect(layoutParagraph(spans, { width: 10, dir: 'ltr' }, metrics).map((l) => l.notes)).toEqual([[1], []]);
  });
});
