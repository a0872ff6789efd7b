import { beforeAll, describe, expect, it } from '@jest/globals';
import { extractText, getDocumentProxy } from 'unpdf';
import { allKeyPoints, expectedNotes } from '../../testing/expectations.js';
import { arabicSummary, chineseSummary, englishSummary, sampleSeries } from '../../testing/sample-documents.js';
import { noteText } from '../../compose/footnotes.js';
import { renderChairSummaryPdf, renderSeriesReportPdf } from './pdf.js';

type Proxy = Awaited<ReturnType<typeof getDocumentProxy>>;

interface Extracted {
  proxy: Proxy;
  /** Each page's text as pdf.js extracts it. */
  pages: string[];
  /** All the text, whitespace removed: lines break anywhere, so texts are compared without it. */
  squeezed: string;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

async function extract(pdf: Buffer): Promise<Extracted> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(proxy, { mergePages: false });
  return { proxy, pages: text, squeezed: squeeze(text.join('\n')) };
}

/** Names of the embedded fonts (subset prefix removed), and whether any is a standard font that is not embedded. */
function embeddedFonts(pdf: Buffer): { names: string[]; fontFiles: number } {
  const raw = pdf.toString('latin1');
  const names = [...raw.matchAll(/\/BaseFont \/[A-Z]{6}\+([A-Za-z0-9-]+)/g)].map((m) => m[1]);
  return { names: [...new Set(names)].sort(), fontFiles: (raw.match(/\/FontFile2/g) ?? []).length };
}

describe('PDF: chair’s summary', () => {
  const doc = englishSummary();
  let pdf: Buffer;
  let out: Extracted;
  beforeAll(async () => {
    pdf = await renderChairSummaryPdf(doc);
    out = await extract(pdf);
  });

  it('is a PDF with a text layer holding the title, headings, every key point and every footnote', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    for (const text of [doc.title, '20–21 September 2017, Singapore', ...doc.sections.map((s) => s.heading), 'Chair’s concluding summary']) {
      expect(out.squeezed).toContain(squeeze(text));
    }
    for (const keyPoint of allKeyPoints(doc)) expect(out.squeezed).toContain(squeeze(keyPoint));
    for (const { number, footnote } of expectedNotes(doc).notes) {
      expect(out.squeezed).toContain(squeeze(`${number} ${noteText({ symbol: footnote.symbol ?? null, text: footnote.text ?? null })}`));
    }
  });

  it('embeds its fonts rather than relying on the reader’s', () => {
    const fonts = embeddedFonts(pdf);
    expect(fonts.names).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    expect(fonts.fontFiles).toBe(2);
    expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('has bookmarks for the title and the headings, and the document’s title and language', async () => {
    const outline = await out.proxy.getOutline();
    expect(outline.map((o) => o.title)).toEqual([doc.title, 'Introduction', 'Programme', 'Participation', ...doc.sections.map((s) => s.heading), 'Chair’s concluding summary']);
    const { info } = (await out.proxy.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Title).toBe(doc.title);
    expect(info.Language).toBe('en');
  });

  it('puts a footnote at the foot of the page of its first reference', () => {
    const { notes } = expectedNotes(doc);
    const first = notes[0];
    const page = out.pages.findIndex((p) => squeeze(p).includes(squeeze(doc.introduction.map((i) => (typeof i === 'string' ? i : i.text))[0])));
    expect(squeeze(out.pages[page])).toContain(squeeze(`${first.number} ${first.footnote.text}`));
  });

  it('marks every page of a draft with DRAFT, and no page of a published summary', async () => {
    expect(out.squeezed).not.toContain('DRAFT');
    const draft = await extract(await renderChairSummaryPdf(englishSummary({ status: 'draft', sections: [...doc.sections, ...doc.sections, ...doc.sections] })));
    expect(draft.pages.length).toBeGreaterThan(1);
    for (const page of draft.pages) expect(page).toContain('DRAFT');
  });
});

describe('PDF: Arabic and Chinese', () => {
  it('sets Arabic right to left in an Arabic font, and its text extracts letter for letter', async () => {
    const doc = arabicSummary();
    const pdf = await renderChairSummaryPdf(doc);
    expect(embeddedFonts(pdf).names).toEqual(expect.arrayContaining(['IBMPlexSansArabic-Bold', 'IBMPlexSansArabic-Regular']));
    const out = await extract(pdf);
    for (const text of [doc.title, doc.sections[0].heading, ...allKeyPoints(doc), 'مقدمة', 'مسودة']) expect(out.squeezed).toContain(squeeze(text));

    // Right to left: the heading ends at the right margin (A4 less 72 pt), the bullet sits right of its item.
    const page = await out.proxy.getPage(1);
    const items = (await page.getTextContent()).items as { str: string; transform: number[]; width: number; dir: string }[];
    const heading = items.find((i) => i.str === 'مقدمة')!;
    expect(heading.dir).toBe('rtl');
    expect(heading.transform[4] + heading.width).toBeCloseTo(595.28 - 72, 0);
  });

  it('sets Chinese in a Chinese font, and its text extracts', async () => {
    const doc = chineseSummary();
    const pdf = await renderChairSummaryPdf(doc);
    expect(embeddedFonts(pdf).names).toEqual(expect.arrayContaining(['NotoSansSC-Regular']));
    const out = await extract(pdf);
    for (const text of [doc.title, '2018年6月11日至12日，华盛顿', ...allKeyPoints(doc), '导言']) expect(out.squeezed).toContain(squeeze(text));
  });
});

describe('PDF: series report', () => {
  it('starts each consultation on a new page and numbers the footnotes across the report', async () => {
    const report = sampleSeries();
    const out = await extract(await renderSeriesReportPdf(report));
    const startPages = report.consultations.map((c) => out.pages.findIndex((p) => squeeze(p).includes(squeeze(c.title))));
    for (const [i, page] of startPages.entries()) {
      // The page opens (after the watermark and the page number) with the consultation: its banner or its title.
      const opening = squeeze(out.pages[page]).replace(/^(DRAFT)?\d+/, '');
      const banner = report.consultations[i].status === 'draft' ? squeeze('DRAFT Draft: not an agreed or published text') : '';
      expect(opening.startsWith(banner + squeeze(report.consultations[i].title))).toBe(true);
    }
    expect(startPages[1]).toBeGreaterThan(startPages[0]);
    const first = expectedNotes(report.consultations[0], 2);
    const second = expectedNotes(report.consultations[1], 2 + first.notes.length);
    const lastNote = second.notes[second.notes.length - 1];
    expect(squeeze(out.pages.slice(startPages[1]).join(''))).toContain(squeeze(`${lastNote.number} ${noteText({ symbol: lastNote.footnote.symbol ?? null, text: lastNote.footnote.text ?? null })}`));
  });
});
