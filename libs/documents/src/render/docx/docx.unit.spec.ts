import { describe, expect, it } from '@jest/globals';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { allKeyPoints, expectedNotes } from '../../testing/expectations.js';
import { arabicSummary, AWKWARD_TEXT, englishSummary, sampleSeries } from '../../testing/sample-documents.js';
import { renderChairSummaryDocx, renderSeriesReportDocx } from './docx.js';

/** The package unzipped, and its XML parts parsed. */
class Docx {
  private readonly files: Record<string, Uint8Array>;
  constructor(buffer: Buffer) {
    this.files = unzipSync(new Uint8Array(buffer));
  }
  has = (path: string) => path in this.files;
  text = (path: string) => strFromU8(this.files[path]);
  xml = (path: string) => new DOMParser().parseFromString(this.text(path), 'text/xml').documentElement!;
  /** Target of a relationship of a part (headers, hyperlinks). */
  target(part: string, id: string): string | undefined {
    const rels = this.xml(part.replace(/([^/]+)$/, '_rels/$1.rels'));
    return all(rels, 'Relationship').find((r) => r.getAttribute('Id') === id)?.getAttribute('Target') ?? undefined;
  }
}

const all = (el: Element, tag: string): Element[] => Array.from(el.getElementsByTagName(tag));
const child = (el: Element, tag: string): Element | undefined => all(el, tag)[0];
const styleOf = (p: Element) => child(p, 'w:pStyle')?.getAttribute('w:val') ?? 'Normal';
const isMark = (run: Element) => child(run, 'w:rStyle')?.getAttribute('w:val') === 'FootnoteReference' || child(run, 'w:footnoteReference') !== undefined;
/** The paragraph's text without footnote marks. */
const textOf = (p: Element) =>
  all(p, 'w:r')
    .filter((r) => !isMark(r))
    .map((r) => all(r, 'w:t').map((t) => t.textContent).join(''))
    .join('');
/** Footnote marks in document order: a real reference's id, or a repeated number. */
const marksOf = (body: Element) =>
  all(body, 'w:r')
    .filter(isMark)
    .map((r) => Number(child(r, 'w:footnoteReference')?.getAttribute('w:id') ?? child(r, 'w:t')?.textContent))
    .filter((n) => !Number.isNaN(n));
const paragraphs = (docx: Docx) => all(docx.xml('word/document.xml'), 'w:p');
const withStyle = (docx: Docx, style: string) => paragraphs(docx).filter((p) => styleOf(p) === style).map(textOf);

describe('DOCX: chair’s summary', () => {
  const doc = englishSummary();
  let docx: Docx;
  it('renders', async () => {
    docx = new Docx(await renderChairSummaryDocx(doc));
    expect(docx.has('word/document.xml')).toBe(true);
  });

  it('uses Word’s styles: Title, Subtitle, Heading 1 and List Bullet tied to a bullet list', () => {
    expect(withStyle(docx, 'Title')).toEqual([doc.title]);
    expect(withStyle(docx, 'Subtitle')).toEqual([doc.organiserLine, '20–21 September 2017, Singapore', 'Held on the margins of Singapore International Cyber Week']);
    expect(withStyle(docx, 'Heading1')).toEqual(['Introduction', 'Programme', 'Participation', ...doc.sections.map((s) => s.heading), 'Chair’s concluding summary']);
    expect(withStyle(docx, 'ListBullet')).toEqual([...doc.components.map((c) => `${c.title}, ${c.kind}, ${c.when}`), ...allKeyPoints(doc)]);
    expect(withStyle(docx, 'ListBullet')).toContain(AWKWARD_TEXT);

    const styles = docx.xml('word/styles.xml');
    const listBullet = all(styles, 'w:style').find((s) => s.getAttribute('w:styleId') === 'ListBullet')!;
    expect(child(listBullet, 'w:name')?.getAttribute('w:val')).toBe('List Bullet');
    const numId = child(listBullet, 'w:numId')!.getAttribute('w:val');
    const numbering = docx.xml('word/numbering.xml');
    const num = all(numbering, 'w:num').find((n) => n.getAttribute('w:numId') === numId)!;
    const abstractId = child(num, 'w:abstractNumId')!.getAttribute('w:val');
    const abstract = all(numbering, 'w:abstractNum').find((a) => a.getAttribute('w:abstractNumId') === abstractId)!;
    expect(child(abstract, 'w:numFmt')?.getAttribute('w:val')).toBe('bullet');
  });

  it('has real Word footnotes, referenced in the order of first reference, with their symbols, texts and links', () => {
    const { marks, notes } = expectedNotes(doc);
    expect(marksOf(docx.xml('word/document.xml'))).toEqual(marks);
    const footnotes = all(docx.xml('word/footnotes.xml'), 'w:footnote').filter((f) => Number(f.getAttribute('w:id')) > 0);
    expect(footnotes.map((f) => Number(f.getAttribute('w:id')))).toEqual(notes.map((n) => n.number));
    footnotes.forEach((f, i) => {
      const { footnote } = notes[i];
      const text = all(f, 'w:t').map((t) => t.textContent).join('');
      for (const part of [footnote.symbol, footnote.text]) if (part) expect(text).toContain(part);
      const link = child(f, 'w:hyperlink');
      expect(link && docx.target('word/footnotes.xml', link.getAttribute('r:id')!)).toBe(footnote.url ?? undefined);
    });
  });

  it('puts Word’s DRAFT watermark in the header and a banner on top of a draft only', async () => {
    expect(docx.text('word/header1.xml')).not.toContain('v:textpath');
    const draft = new Docx(await renderChairSummaryDocx(englishSummary({ status: 'draft' })));
    // The shape type has a text path of its own, without text: the watermark's shape holds the text.
    const texts = all(draft.xml('word/header1.xml'), 'v:textpath').map((t) => t.getAttribute('string')).filter(Boolean);
    expect(texts).toEqual(['DRAFT']);
    expect(withStyle(draft, 'DraftBanner')).toEqual(['DRAFT Draft: not an agreed or published text']);
  });
});

describe('DOCX: Arabic', () => {
  it('marks paragraphs right to left (w:bidi), Arabic runs w:rtl, and the complex-script language', async () => {
    const doc = arabicSummary();
    const docx = new Docx(await renderChairSummaryDocx(doc));
    const body = paragraphs(docx);
    expect(body.every((p) => child(p, 'w:bidi') !== undefined)).toBe(true);
    const title = body.find((p) => styleOf(p) === 'Title')!;
    expect(textOf(title)).toBe(doc.title);
    expect(child(title, 'w:rtl')).toBeDefined();
    expect(child(title, 'w:lang')?.getAttribute('w:bidi')).toBe('ar-SA');
    // The symbol inside Arabic text stays a left-to-right run.
    const intro = body.find((p) => textOf(p).includes('A/RES/73/266'))!;
    const symbolRun = all(intro, 'w:r').find((r) => all(r, 'w:t').some((t) => t.textContent?.includes('A/RES/73/266')))!;
    expect(child(symbolRun, 'w:rtl')).toBeUndefined();
    expect(withStyle(docx, 'ListBullet')).toEqual([...doc.components.map((c) => `${c.title}، ${c.kind}، ${c.when}`), ...allKeyPoints(doc)]);
  });
});

describe('DOCX: series report', () => {
  it('starts each consultation on a new page (a section each), numbers footnotes on, and watermarks draft parts only', async () => {
    const report = sampleSeries();
    const docx = new Docx(await renderSeriesReportDocx(report));
    const document = docx.xml('word/document.xml');
    const sections = all(document, 'w:sectPr');
    expect(sections).toHaveLength(1 + report.consultations.length);
    const watermarked = sections.map((s) => {
      const header = docx.target('word/document.xml', child(s, 'w:headerReference')!.getAttribute('r:id')!)!;
      return docx.text(`word/${header}`).includes('v:textpath');
    });
    expect(watermarked).toEqual([true, false, true]);
    const first = expectedNotes(report.consultations[0], 2);
    const second = expectedNotes(report.consultations[1], 2 + first.notes.length);
    expect(marksOf(document)).toEqual([1, ...first.marks, ...second.marks]);
    expect(withStyle(docx, 'Heading1')).toEqual(['Overview', ...report.consultations.map((c) => c.title)]);
  });
});
