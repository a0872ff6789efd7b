import PDFDocument from 'pdfkit';
import type { Block, Composition, Inline, NumberedNote, Part } from '../../compose/blocks.js';
import { composeChairSummary, composeSeriesReport } from '../../compose/composition.js';
import { noteText } from '../../compose/footnotes.js';
import type { ChairSummaryDocument, SeriesReportDocument } from '../../document-model.js';
import { LANGUAGE_TAG } from '../../house-style/dates.js';
import { hasArabic } from '../scripts.js';
import { type Face, fontKey, loadFont } from './fonts.js';
import { type FontMetrics, type Line, layoutParagraph, type Span, type SpanStyle } from './text-layout.js';

/**
 * PDF with a real text layer: embedded font subsets (see fonts.ts) and our own line layout
 * (text-layout.ts), so that Arabic is shaped and right to left and Chinese breaks between
 * ideographs. Footnotes sit at the foot of the page of their first reference, as in a UN document;
 * headings are PDF bookmarks; draft parts carry a DRAFT watermark on every page and a banner.
 */

/** A4 in points, with 2.5 cm margins. */
const PAGE = { width: 595.28, height: 841.89, top: 72, bottom: 72, side: 72 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.side;
const CONTENT_BOTTOM = PAGE.height - PAGE.bottom;

const BLACK = '#111111';
const GREY = '#444444';
const RED = '#b00020';
const LINK = '#1a4f9c';

interface BlockStyle {
  size: number;
  bold: boolean;
  color: string;
  /** Line pitch as a multiple of the size. */
  leading: number;
  before: number;
  after: number;
  align: 'start' | 'center';
}

const STYLE: Record<'title' | 'subtitle' | 'status' | 'heading1' | 'heading2' | 'body' | 'item' | 'note' | 'draft', BlockStyle> = {
  title: { size: 17, bold: true, color: BLACK, leading: 1.3, before: 0, after: 10, align: 'center' },
  subtitle: { size: 11, bold: false, color: GREY, leading: 1.4, before: 0, after: 2, align: 'center' },
  status: { size: 8.5, bold: false, color: GREY, leading: 1.4, before: 6, after: 16, align: 'center' },
  heading1: { size: 13, bold: true, color: BLACK, leading: 1.3, before: 16, after: 6, align: 'start' },
  heading2: { size: 11.5, bold: true, color: BLACK, leading: 1.3, before: 12, after: 5, align: 'start' },
  body: { size: 10.5, bold: false, color: BLACK, leading: 1.45, before: 0, after: 7, align: 'start' },
  item: { size: 10.5, bold: false, color: BLACK, leading: 1.45, before: 0, after: 4, align: 'start' },
  note: { size: 8.5, bold: false, color: BLACK, leading: 1.35, before: 0, after: 2, align: 'start' },
  draft: { size: 11, bold: true, color: RED, leading: 1.4, before: 0, after: 12, align: 'center' },
};
const ITEM_INDENT = 18;
/** Space above a page's footnotes, for the short rule. */
const NOTES_GAP = 10;

/** Per code point, per font: whether it has a glyph, and its advance in font units per 1000 em. */
const coverage = new Map<string, Map<number, boolean>>();
const advances = new Map<string, Map<number, number>>();
/**
 * pdfkit shapes each word once per document and keeps the result in the embedded font's layout
 * cache. The shaped words depend only on the font, so one cache per font serves every document; it
 * is emptied when it grows past a bound. (A field of pdfkit's embedded font, not a documented API.)
 */
const shapedWords = new Map<string, Record<string, unknown>>();
const SHAPED_WORDS_LIMIT = 50_000;

/** Font measurements for the layout, from the fonts registered in this document. */
class DocumentFonts implements FontMetrics {
  private readonly registered = new Set<string>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** Selects the face in the document, registering it on first use. */
  use(face: Face, bold: boolean, size: number): PDFKit.PDFDocument {
    const key = fontKey(face, bold);
    if (!this.registered.has(key)) {
      // pdfkit takes a parsed fontkit font as well as a file; the parsed font is shared by every document.
      this.doc.registerFont(key, loadFont(face, bold) as unknown as ArrayBuffer);
      this.registered.add(key);
      const embedded = (this.doc.font(key) as unknown as { _font: { layoutCache?: Record<string, unknown> } })._font;
      let words = shapedWords.get(key);
      if (!words || Object.keys(words).length > SHAPED_WORDS_LIMIT) shapedWords.set(key, (words = Object.create(null) as Record<string, unknown>));
      if (embedded.layoutCache) embedded.layoutCache = words;
    }
    return this.doc.font(key).fontSize(size);
  }

  covers(face: Face, bold: boolean, codePoint: number): boolean {
    const key = fontKey(face, bold);
    let known = coverage.get(key);
    if (!known) coverage.set(key, (known = new Map()));
    let covered = known.get(codePoint);
    if (covered === undefined) {
      covered = loadFont(face, bold).hasGlyphForCodePoint(codePoint);
      known.set(codePoint, covered);
    }
    return covered;
  }

  /**
   * Latin and Chinese text is measured glyph by glyph (kerning left out: a line comes out a
   * fraction of a point narrower than measured, never wider). Arabic needs its joining forms, so
   * it is measured shaped, by pdfkit.
   */
  width(text: string, face: Face, bold: boolean, size: number): number {
    if (face === 'arabic') return this.use(face, bold, size).widthOfString(text);
    const key = fontKey(face, bold);
    let known = advances.get(key);
    if (!known) advances.set(key, (known = new Map()));
    let units = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      let advance = known.get(cp);
      if (advance === undefined) {
        const font = loadFont(face, bold);
        advance = (font.glyphForCodePoint(cp).advanceWidth * 1000) / font.unitsPerEm;
        known.set(cp, advance);
      }
      units += advance;
    }
    return (units * size) / 1000;
  }

  ascent(face: Face, bold: boolean, size: number): number {
    const font = loadFont(face, bold);
    return (font.ascent / font.unitsPerEm) * size;
  }
}

const spanStyle = (style: BlockStyle, overrides: Partial<SpanStyle> = {}): SpanStyle => ({ size: style.size, bold: style.bold, color: style.color, ...overrides });

/** Footnote marks: smaller, raised, a comma between marks side by side. */
function spans(content: readonly Inline[], style: BlockStyle): Span[] {
  const mark = spanStyle(style, { size: style.size * 0.62, rise: style.size * 0.36 });
  const out: Span[] = [];
  content.forEach((item, i) => {
    if (item.kind === 'text') out.push({ text: item.text, style: spanStyle(style, { bold: style.bold || !!item.strong }) });
    else {
      if (content[i - 1]?.kind === 'note') out.push({ text: ',', style: mark });
      out.push({ text: String(item.number), style: mark, firstNote: item.first ? item.number : undefined });
    }
  });
  return out;
}

interface PlacedNote {
  lines: Line[];
  height: number;
}

class PdfWriter {
  private readonly fonts: DocumentFonts;
  private part!: Part;
  private y = PAGE.top;
  private pages = 0;
  private pageHasContent = false;
  private pageNotes: PlacedNote[] = [];
  private notesHeight = 0;
  private readonly notesByNumber = new Map<number, NumberedNote>();
  private outlineLevel1?: PDFKit.PDFOutline;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.fonts = new DocumentFonts(doc);
  }

  write(c: Composition): void {
    for (const part of c.parts) {
      this.part = part;
      for (const note of part.notes) this.notesByNumber.set(note.number, note);
      if (this.pages === 0 || (part.newPage && this.pageHasContent)) this.newPage();
      for (const block of part.blocks) this.block(block);
    }
    this.finishPage();
  }

  private block(b: Block): void {
    switch (b.kind) {
      case 'draft':
        return this.draftBanner(b.label, b.notice);
      case 'title':
        this.outlineLevel1 = this.doc.outline.addItem(b.text);
        return this.paragraph([{ text: b.text, style: spanStyle(STYLE.title) }], STYLE.title);
      case 'subtitle':
        return this.paragraph([{ text: b.text, style: spanStyle(STYLE.subtitle) }], STYLE.subtitle);
      case 'status':
        return this.paragraph([{ text: b.text, style: spanStyle(STYLE.status) }], STYLE.status);
      case 'heading': {
        const style = b.level === 1 ? STYLE.heading1 : STYLE.heading2;
        if (b.level === 1) this.outlineLevel1 = this.doc.outline.addItem(b.text);
        else (this.outlineLevel1 ?? this.doc.outline).addItem(b.text);
        // Keep a heading with the first lines of what follows it.
        return this.paragraph([{ text: b.text, style: spanStyle(style) }], style, { keepWithNext: 3 * STYLE.body.size * STYLE.body.leading });
      }
      case 'paragraph':
        return this.paragraph(spans(b.content, STYLE.body), STYLE.body);
      case 'list':
        for (const item of b.items) this.paragraph(spans(item, STYLE.item), STYLE.item, { bullet: true });
        return;
    }
  }

  private paragraph(content: Span[], style: BlockStyle, options: { bullet?: boolean; keepWithNext?: number } = {}): void {
    const indent = options.bullet ? ITEM_INDENT : 0;
    const width = CONTENT_WIDTH - indent;
    const lines = layoutParagraph(content, { width, dir: this.part.dir }, this.fonts);
    const pitch = style.size * style.leading;
    if (this.pageHasContent) this.y += style.before;
    lines.forEach((line, i) => {
      const notes = line.notes.map((n) => this.layoutNote(n));
      // The first notes of a page bring the space for the rule above them.
      const notesHeight = () => notes.reduce((h, n) => h + n.height, 0) + (notes.length > 0 && this.pageNotes.length === 0 ? NOTES_GAP : 0);
      const needed = pitch + (i === 0 ? (options.keepWithNext ?? 0) : 0);
      if (this.y + needed > CONTENT_BOTTOM - this.notesHeight - notesHeight() && this.pageHasContent) this.newPage();
      const rtl = this.part.dir === 'rtl';
      const left =
        style.align === 'center' ? PAGE.side + (CONTENT_WIDTH - line.width) / 2 : rtl ? PAGE.side + width - line.width : PAGE.side + indent;
      const baseline = this.y + style.size * 1.05;
      if (options.bullet && i === 0) {
        const bullet = layoutParagraph([{ text: '•', style: spanStyle(style) }], { width, dir: 'ltr' }, this.fonts)[0];
        this.drawLine(bullet, rtl ? PAGE.side + CONTENT_WIDTH - bullet.width - 4 : PAGE.side + 4, baseline);
      }
      this.drawLine(line, left, baseline);
      this.y += pitch;
      this.pageHasContent = true;
      this.notesHeight += notesHeight();
      for (const note of notes) this.pageNotes.push(note);
    });
    this.y += style.after;
  }

  private drawLine(line: Line, left: number, baseline: number): void {
    for (const run of line.runs) {
      const ascent = this.fonts.ascent(run.face, run.style.bold, run.style.size);
      this.fonts.use(run.face, run.style.bold, run.style.size).fillColor(run.style.color);
      // pdfkit's options: `features: []` lays the run out as one string (right to left for Arabic);
      // `textWidth` saves it measuring again; the baseline is placed from the top of the ascent.
      const options = {
        lineBreak: false,
        link: run.style.link,
        underline: false,
        textWidth: run.width,
        ...(run.shapeWhole ? { features: [] } : {}),
      } as PDFKit.Mixins.TextOptions;
      this.doc.text(run.text, left + run.x, baseline - (run.style.rise ?? 0) - ascent, options);
    }
  }

  private layoutNote(number: number): PlacedNote {
    const note = this.notesByNumber.get(number)!;
    const style = STYLE.note;
    const content: Span[] = [
      { text: String(number), style: spanStyle(style, { size: style.size * 0.75, rise: style.size * 0.3 }) },
      { text: ` ${noteText(note)}`, style: spanStyle(style) },
    ];
    if (note.url) content.push({ text: ' ', style: spanStyle(style) }, { text: note.url, style: spanStyle(style, { color: LINK, link: note.url }) });
    const lines = layoutParagraph(content, { width: CONTENT_WIDTH, dir: this.part.dir }, this.fonts);
    return { lines, height: lines.length * style.size * style.leading + style.after };
  }

  private draftBanner(label: string, notice: string): void {
    const style = STYLE.draft;
    const lines = layoutParagraph(
      [
        { text: `${label} `, style: spanStyle(style) },
        { text: notice, style: spanStyle(style, { bold: false }) },
      ],
      { width: CONTENT_WIDTH - 20, dir: this.part.dir },
      this.fonts,
    );
    const pitch = style.size * style.leading;
    const height = lines.length * pitch + 12;
    this.doc.save().lineWidth(1.5).strokeColor(RED).rect(PAGE.side, this.y, CONTENT_WIDTH, height).stroke().restore();
    lines.forEach((line, i) => this.drawLine(line, PAGE.side + (CONTENT_WIDTH - line.width) / 2, this.y + 6 + i * pitch + style.size * 1.05));
    this.y += height + style.after;
    this.pageHasContent = true;
  }

  /** Draws the page's footnotes above the bottom margin, under a short rule. */
  private finishPage(): void {
    if (this.pageNotes.length === 0) return;
    let y = CONTENT_BOTTOM - this.notesHeight + NOTES_GAP;
    const ruleX = this.part.dir === 'rtl' ? PAGE.side + CONTENT_WIDTH - 144 : PAGE.side;
    this.doc.save().lineWidth(0.5).strokeColor(GREY).moveTo(ruleX, y - 6).lineTo(ruleX + 144, y - 6).stroke().restore();
    const style = STYLE.note;
    for (const note of this.pageNotes) {
      for (const line of note.lines) {
        const left = this.part.dir === 'rtl' ? PAGE.side + CONTENT_WIDTH - line.width : PAGE.side;
        this.drawLine(line, left, y + style.size * 1.05);
        y += style.size * style.leading;
      }
      y += style.after;
    }
    this.pageNotes = [];
    this.notesHeight = 0;
  }

  private newPage(): void {
    this.finishPage();
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.pages++;
    this.y = PAGE.top;
    this.pageHasContent = false;
    if (this.part.draft) this.watermark();
    const number = layoutParagraph([{ text: String(this.pages), style: spanStyle(STYLE.status) }], { width: CONTENT_WIDTH, dir: 'ltr' }, this.fonts)[0];
    this.drawLine(number, (PAGE.width - number.width) / 2, PAGE.height - 40);
  }

  /** The part's DRAFT label across the page, faint, under the text. */
  private watermark(): void {
    const style: SpanStyle = { size: 96, bold: true, color: RED };
    const line = layoutParagraph([{ text: this.part.labels.draft, style }], { width: 2 * PAGE.width, dir: this.part.dir }, this.fonts)[0];
    const [cx, cy] = [PAGE.width / 2, PAGE.height / 2];
    this.doc.save().fillOpacity(0.1).rotate(-45, { origin: [cx, cy] });
    this.drawLine(line, cx - line.width / 2, cy + style.size * 0.35);
    this.doc.restore();
  }
}

/**
 * A PDF's text layer maps each glyph to its characters (ToUnicode), and text extractors (pdf.js,
 * Poppler) read right-to-left text glyph by glyph in display order and then reverse it. A ligature
 * of several Arabic letters (lam-alef, and the font's other ligatures) would come out with its
 * letters reversed ("غري" for "غير"), so its characters are stored in display order. pdfkit has no
 * option for it: this reaches into the embedded fonts' map before pdfkit writes them at the end.
 */
function reverseRightToLeftLigatures(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies: Record<string, { unicode?: number[][] }> })._fontFamilies;
  for (const key of [fontKey('arabic', false), fontKey('arabic', true)]) {
    const unicode = families[key]?.unicode;
    if (!unicode) continue;
    unicode.forEach((codePoints, gid) => {
      if (codePoints.length > 1 && hasArabic(String.fromCodePoint(...codePoints))) unicode[gid] = [...codePoints].reverse();
    });
  }
}

function render(c: Composition): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    lang: LANGUAGE_TAG[c.language],
    displayTitle: true,
    info: { Title: c.draft ? `${c.labels.draft}: ${c.title}` : c.title, Creator: 'Convene', Subject: c.kind === 'series-report' ? c.labels.seriesReport : c.labels.chairSummary },
    // No standard font: every glyph comes from the embedded fonts (and Helvetica's metrics are not loaded).
    font: null,
  } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  new PdfWriter(doc).write(c);
  reverseRightToLeftLigatures(doc);
  doc.end();
  return done;
}

export const renderChairSummaryPdf = (doc: ChairSummaryDocument): Promise<Buffer> => render(composeChairSummary(doc));
export const renderSeriesReportPdf = (report: SeriesReportDocument): Promise<Buffer> => render(composeSeriesReport(report));
