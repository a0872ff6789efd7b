import { describe, expect, it } from '@jest/globals';
import { type HTMLElement, parse } from 'node-html-parser';
import { parse as parseStrictly } from 'parse5';
import { allKeyPoints, expectedNotes } from '../../testing/expectations.js';
import { arabicSummary, AWKWARD_TEXT, chineseSummary, englishSummary, sampleSeries } from '../../testing/sample-documents.js';
import { renderChairSummaryHtml, renderSeriesReportHtml } from './html.js';

/** The WHATWG parser's complaints about a document: none for valid HTML. */
function parseErrors(html: string): string[] {
  const errors: string[] = [];
  parseStrictly(html, { onParseError: (e) => errors.push(`${e.code} at line ${e.startLine}`) });
  return errors;
}

const withoutMarks = (el: HTMLElement) => {
  const clone = parse(el.outerHTML);
  clone.querySelectorAll('sup').forEach((s) => s.remove());
  return clone.textContent;
};

/** Checks what every document must hold: unique ids, marks linked to notes and back. */
function checkLinks(dom: HTMLElement): void {
  const ids = dom.querySelectorAll('[id]').map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const a of dom.querySelectorAll('a[role=doc-noteref], a[role=doc-backlink]')) {
    expect(ids).toContain(a.getAttribute('href')!.slice(1));
  }
}

describe('HTML: chair’s summary', () => {
  const doc = englishSummary();
  const html = renderChairSummaryHtml(doc);
  const dom = parse(html);

  it('is a complete document the HTML parser accepts without an error, in the document’s language', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(parseErrors(html)).toEqual([]);
    const root = dom.querySelector('html')!;
    expect([root.getAttribute('lang'), root.getAttribute('dir')]).toEqual(['en', 'ltr']);
    expect(dom.querySelector('head > title')?.textContent).toBe(doc.title);
    expect(dom.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
  });

  it('shows the title, dates and venue, headings and every key point, escaping the caller’s text', () => {
    expect(dom.querySelector('h1')?.textContent).toBe(doc.title);
    expect(dom.querySelectorAll('.subtitle').map((p) => p.textContent)).toContain('20–21 September 2017, Singapore');
    expect(dom.querySelectorAll('h2').map((h) => h.textContent)).toEqual([
      'Introduction',
      'Programme',
      'Participation',
      ...doc.sections.map((s) => s.heading),
      'Chair’s concluding summary',
      'Notes',
    ]);
    expect(dom.querySelectorAll('ul.key-points li').map(withoutMarks)).toEqual(allKeyPoints(doc));
    expect(dom.querySelectorAll('ul.key-points li').map(withoutMarks)).toContain(AWKWARD_TEXT);
    expect(dom.querySelectorAll('script')).toHaveLength(0);
    expect(dom.querySelectorAll('ul.programme li').map((li) => li.textContent)).toEqual(doc.components.map((c) => `${c.title}, ${c.kind}, ${c.when}`));
  });

  it('links numbered <sup> marks to the numbered notes and back', () => {
    const { marks, notes } = expectedNotes(doc);
    expect(dom.querySelectorAll('sup.note-ref a').map((a) => Number(a.textContent))).toEqual(marks);
    expect(dom.querySelectorAll('sup.note-ref a').map((a) => a.getAttribute('href'))).toEqual(marks.map((n) => `#fn-${n}`));
    const items = dom.querySelectorAll('section.notes ol li');
    expect(items.map((li) => li.id)).toEqual(notes.map((n) => `fn-${n.number}`));
    items.forEach((li, i) => {
      const { footnote } = notes[i];
      for (const part of [footnote.symbol, footnote.text]) if (part) expect(li.textContent).toContain(part);
      if (footnote.url) expect(li.querySelector('a:not([role])')?.getAttribute('href')).toBe(footnote.url);
      expect(li.querySelector('a[role=doc-backlink]')?.getAttribute('href')).toBe(`#fnref-${notes[i].number}`);
    });
    checkLinks(dom);
  });

  it('carries a DRAFT banner only while unpublished', () => {
    expect(dom.querySelector('.draft-banner')).toBeNull();
    const draft = parse(renderChairSummaryHtml(englishSummary({ status: 'draft' })));
    expect(draft.querySelector('.draft-banner')?.textContent).toContain('DRAFT');
    expect(draft.querySelector('title')?.textContent).toBe(`DRAFT: ${doc.title}`);
  });
});

describe('HTML: other languages', () => {
  it('writes an Arabic summary right to left, with Arabic labels and its draft banner', () => {
    const doc = arabicSummary();
    const html = renderChairSummaryHtml(doc);
    expect(parseErrors(html)).toEqual([]);
    const dom = parse(html);
    expect([dom.querySelector('html')?.getAttribute('lang'), dom.querySelector('html')?.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect(dom.querySelector('.draft-banner')?.textContent).toContain('مسودة');
    expect(dom.querySelectorAll('.subtitle')[1].textContent).toBe('24 يناير 2019، جنيف');
    expect(dom.querySelectorAll('ul.key-points li').map(withoutMarks)).toEqual(allKeyPoints(doc));
  });

  it('writes a Chinese summary with Chinese dates', () => {
    const dom = parse(renderChairSummaryHtml(chineseSummary()));
    expect(dom.querySelector('html')?.getAttribute('lang')).toBe('zh-Hans');
    expect(dom.querySelectorAll('.subtitle').map((p) => p.textContent)).toContain('2018年6月11日至12日，华盛顿');
  });
});

describe('HTML: series report', () => {
  const report = sampleSeries();
  const html = renderSeriesReportHtml(report);
  const dom = parse(html);

  it('holds the overview and one article per consultation, each of the later on a new printed page', () => {
    expect(parseErrors(html)).toEqual([]);
    const articles = dom.querySelectorAll('article');
    expect(articles).toHaveLength(1 + report.consultations.length);
    expect(articles.slice(1).every((a) => a.classList.contains('new-page'))).toBe(true);
    expect(articles.slice(1).map((a) => a.querySelector('h2')?.textContent)).toEqual(report.consultations.map((c) => c.title));
    expect(articles.map((a) => a.querySelector('.draft-banner') !== null)).toEqual([true, false, true]);
  });

  it('numbers footnotes on across the parts, with ids unique in the whole report', () => {
    const first = expectedNotes(report.consultations[0], 2);
    const second = expectedNotes(report.consultations[1], 2 + first.notes.length);
    expect(dom.querySelectorAll('sup.note-ref a').map((a) => Number(a.textContent))).toEqual([1, ...first.marks, ...second.marks]);
    expect(dom.querySelectorAll('section.notes ol').map((ol) => ol.getAttribute('start'))).toEqual(['1', '2', String(2 + first.notes.length)]);
    checkLinks(dom);
  });
});
