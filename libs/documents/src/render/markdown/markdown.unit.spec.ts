import { describe, expect, it } from '@jest/globals';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { type HTMLElement, parse } from 'node-html-parser';
import { allKeyPoints, expectedNotes } from '../../testing/expectations.js';
import { AWKWARD_TEXT, englishSummary, sampleSeries } from '../../testing/sample-documents.js';
import { escapeMarkdown, renderChairSummaryMarkdown, renderSeriesReportMarkdown } from './markdown.js';

/** Parses the Markdown back the way GitHub does (CommonMark + GFM footnotes) into a DOM. */
const parseMarkdown = (md: string): HTMLElement => parse(micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }));

/** Level-2 headings but the one GFM adds over the footnotes. */
const headings = (dom: HTMLElement) => dom.querySelectorAll('h2:not(#footnote-label)').map((h) => h.textContent);

/** Text of an element without footnote marks and back links. */
function plainText(el: HTMLElement): string {
  const clone = parse(el.outerHTML);
  clone.querySelectorAll('sup, a[data-footnote-backref]').forEach((n) => n.remove());
  return clone.textContent.trim();
}

describe('Markdown: chair’s summary', () => {
  const doc = englishSummary();
  const md = renderChairSummaryMarkdown(doc);
  const dom = parseMarkdown(md);

  it('has the title, the house-style dates and venue, the host meeting and the section headings', () => {
    expect(dom.querySelector('h1')?.textContent).toBe(doc.title);
    const subtitles = dom.querySelectorAll('em').map((e) => e.textContent);
    expect(subtitles).toEqual([doc.organiserLine, '20–21 September 2017, Singapore', 'Held on the margins of Singapore International Cyber Week']);
    expect(headings(dom)).toEqual([
      'Introduction',
      'Programme',
      'Participation',
      ...doc.sections.map((s) => s.heading),
      'Chair’s concluding summary',
    ]);
  });

  it('lists every key point and every session, with markup characters kept as text', () => {
    const items = dom.querySelectorAll('li').filter((li) => !li.id.startsWith('user-content-fn-'));
    const texts = items.map(plainText);
    for (const k of allKeyPoints(doc)) expect(texts).toContain(k);
    expect(texts).toContain('Opening session, Plenary, 20 September 2017, 09:00–09:45');
    expect(texts).toContain(AWKWARD_TEXT);
    expect(dom.querySelector('script')).toBeNull();
  });

  it('numbers footnote marks by first reference, as GFM does, with one definition per footnote', () => {
    const { marks, notes } = expectedNotes(doc);
    expect(dom.querySelectorAll('a[data-footnote-ref]').map((a) => Number(a.textContent))).toEqual(marks);
    const definitions = dom.querySelectorAll('section[data-footnotes] li');
    expect(definitions).toHaveLength(notes.length);
    definitions.forEach((li, i) => {
      const { footnote } = notes[i];
      if (footnote.symbol) expect(plainText(li)).toContain(footnote.symbol);
      if (footnote.text) expect(plainText(li)).toContain(footnote.text);
      if (footnote.url) expect(li.querySelector(`a[href="${footnote.url}"]`)).not.toBeNull();
    });
  });

  it('marks a draft with a banner and says which version it shows; a published summary has none', () => {
    expect(dom.querySelector('blockquote')).toBeNull();
    expect(md).toContain('Edition 1, published 16 October 2017');
    const draft = parseMarkdown(renderChairSummaryMarkdown(englishSummary({ status: 'draft', edition: 2, version: 57, asOf: '2017-10-01T12:30:00Z' })));
    expect(draft.querySelector('blockquote')?.textContent).toContain('DRAFT');
    expect(draft.textContent).toContain('Edition 2, version 57, as of 1 October 2017, 12:30 UTC');
  });
});

describe('Markdown: escaping', () => {
  it.each([
    AWKWARD_TEXT,
    '1. not a list',
    '2) nor this',
    '- nor a bullet',
    '+ nor this',
    '# not a heading',
    '> not a quote',
    '=== not an underline',
    'An &amp; entity and &copy; stay as typed',
    'Trailing backslash \\',
    '![not an image](http://x)',
    '<https://not.an.autolink>',
    'See https://undocs.org/A/RES/73/266_(2018)*final*, or https://example.org/a_b.',
  ])('round-trips %s', (text) => {
    expect(parseMarkdown(escapeMarkdown(text)).textContent.trim()).toBe(text);
  });
});

describe('Markdown: series report', () => {
  const report = sampleSeries();
  const dom = parseMarkdown(renderSeriesReportMarkdown(report));

  it('has the overview, then each summary after a break, with footnotes numbered across the report', () => {
    expect(dom.querySelector('h1')?.textContent).toBe(report.title);
    expect(headings(dom)).toEqual(['Overview', ...report.consultations.map((c) => c.title)]);
    expect(dom.querySelectorAll('hr')).toHaveLength(report.consultations.length);
    const first = expectedNotes(report.consultations[0], 2);
    const second = expectedNotes(report.consultations[1], 2 + first.notes.length);
    expect(dom.querySelectorAll('a[data-footnote-ref]').map((a) => Number(a.textContent))).toEqual([1, ...first.marks, ...second.marks]);
    // Only the second consultation is a draft.
    expect(dom.querySelectorAll('blockquote')).toHaveLength(2);
  });
});
