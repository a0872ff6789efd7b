import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  type ISectionOptions,
  TextRun,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { Block, Composition, Inline, NumberedNote, Part } from '../../compose/blocks.js';
import { composeChairSummary, composeSeriesReport } from '../../compose/composition.js';
import { noteText } from '../../compose/footnotes.js';
import type { ChairSummaryDocument, SeriesReportDocument, UnLanguage } from '../../document-model.js';
import { scriptRuns } from '../scripts.js';

/**
 * Word documents built on Word's own styles, so that the navigation pane, a table of contents and
 * the secretariat's templates work on them: Title, Subtitle, Heading 1/2, List Bullet (a style tied
 * to a bullet list definition, as Word's is), real footnotes (Word numbers them by position, which
 * is our order of first reference), and Word's own DRAFT watermark in the header of draft parts.
 */

const KEY_POINTS = 'key-points';
/** A4 in twentieths of a point, and 2.5 cm margins (1418 twips). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1418;

/** Word's language of a run: Latin-script text, East Asian text and complex-script (Arabic) text each have their own. */
const WORD_LANGUAGE: Record<UnLanguage, { value?: string; eastAsia?: string; bidirectional?: string }> = {
  en: { value: 'en-GB' },
  fr: { value: 'fr-FR' },
  es: { value: 'es-ES' },
  ru: { value: 'ru-RU' },
  zh: { value: 'en-GB', eastAsia: 'zh-CN' },
  ar: { value: 'en-GB', bidirectional: 'ar-SA' },
};

const STYLES = {
  default: {
    document: {
      run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' }, size: 22 },
      paragraph: { spacing: { after: 120, line: 264 } },
    },
  },
  paragraphStyles: [
    { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 32, bold: true, boldComplexScript: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 22, italics: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 60 } } },
    { id: 'Heading1', name: 'heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28, bold: true, boldComplexScript: true }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 0 } },
    { id: 'Heading2', name: 'heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 24, bold: true, boldComplexScript: true }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 1 } },
    { id: 'ListBullet', name: 'List Bullet', basedOn: 'Normal', quickFormat: true, paragraph: { numbering: { reference: KEY_POINTS, level: 0 } } },
    { id: 'DocumentStatus', name: 'Document Status', basedOn: 'Normal', next: 'Normal', run: { size: 18, color: '444444' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } } },
    {
      id: 'DraftBanner',
      name: 'Draft Banner',
      basedOn: 'Normal',
      next: 'Normal',
      run: { bold: true, boldComplexScript: true, color: 'B00020' },
      paragraph: { alignment: AlignmentType.CENTER, border: { top: { style: BorderStyle.SINGLE, size: 12, color: 'B00020' }, bottom: { style: BorderStyle.SINGLE, size: 12, color: 'B00020' } } },
    },
  ],
};

const NUMBERING = {
  config: [
    {
      reference: KEY_POINTS,
      levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START, style: { paragraph: { indent: { start: 567, hanging: 283 } } } }],
    },
  ],
};

/** Text runs, split where the script changes so that Arabic runs are marked right-to-left (w:rtl), as Word does. */
function textRuns(text: string, part: Part, options: { bold?: boolean; style?: string } = {}): TextRun[] {
  return scriptRuns(text).map((r) => new TextRun({ text: r.text, bold: options.bold, boldComplexScript: options.bold, style: options.style, rightToLeft: r.rtl || undefined, language: WORD_LANGUAGE[part.language] }));
}

function inline(content: readonly Inline[], part: Part): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  content.forEach((item, i) => {
    if (item.kind === 'text') {
      children.push(...textRuns(item.text, part, { bold: item.strong }));
      return;
    }
    // Marks side by side would read as one number ("1" "2" as 12): a superscript comma between them.
    if (content[i - 1]?.kind === 'note') children.push(new TextRun({ text: ',', style: 'FootnoteReference' }));
    // Word's footnote hangs from its first reference; a later reference repeats the number, in the same style.
    children.push(item.first ? new FootnoteReferenceRun(item.number) : new TextRun({ text: String(item.number), style: 'FootnoteReference' }));
  });
  return children;
}

function paragraphs(block: Block, part: Part): Paragraph[] {
  // Left out, not written as false, where it does not apply: Word writes it only on right-to-left paragraphs.
  const bidirectional = part.dir === 'rtl' || undefined;
  switch (block.kind) {
    case 'draft':
      return [new Paragraph({ style: 'DraftBanner', bidirectional, children: [...textRuns(block.label, part), ...textRuns(` ${block.notice}`, part)] })];
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, bidirectional, children: textRuns(block.text, part) })];
    case 'subtitle':
      return [new Paragraph({ style: 'Subtitle', bidirectional, children: textRuns(block.text, part) })];
    case 'status':
      return [new Paragraph({ style: 'DocumentStatus', bidirectional, children: textRuns(block.text, part) })];
    case 'heading':
      return [new Paragraph({ heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, bidirectional, children: textRuns(block.text, part) })];
    case 'paragraph':
      return [new Paragraph({ bidirectional, children: inline(block.content, part) })];
    case 'list':
      return block.items.map((item) => new Paragraph({ style: 'ListBullet', bidirectional, children: inline(item, part) }));
  }
}

function footnote(note: NumberedNote, part: Part): { children: Paragraph[] } {
  const children: ParagraphChild[] = textRuns(noteText(note), part);
  if (note.url) children.push(new TextRun(' '), new ExternalHyperlink({ link: note.url, children: [new TextRun({ text: note.url, style: 'Hyperlink' })] }));
  return { children: [new Paragraph({ style: 'FootnoteText', bidirectional: part.dir === 'rtl' || undefined, children })] };
}

function section(part: Part): ISectionOptions {
  // Every section names its header: a section without one inherits the previous section's, watermark included.
  const header = new Header({ children: [new Paragraph({ children: part.draft ? [new TextWatermark({ text: part.labels.draft, color: 'C00000', opacity: 0.3 })] : [] })] });
  const footer = new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] });
  return {
    properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
    headers: { default: header },
    footers: { default: footer },
    children: part.blocks.flatMap((b) => paragraphs(b, part)),
  };
}

function render(c: Composition): Promise<Buffer> {
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const part of c.parts) for (const note of part.notes) footnotes[note.number] = footnote(note, part);
  const doc = new Document({
    creator: 'Convene',
    title: c.draft ? `${c.labels.draft}: ${c.title}` : c.title,
    description: c.kind === 'series-report' ? c.labels.seriesReport : c.labels.chairSummary,
    styles: STYLES,
    numbering: NUMBERING,
    footnotes,
    // A new docx section starts on a new page, which is what a series report's parts need.
    sections: c.parts.map(section),
  });
  return Packer.toBuffer(doc);
}

export const renderChairSummaryDocx = (doc: ChairSummaryDocument): Promise<Buffer> => render(composeChairSummary(doc));
export const renderSeriesReportDocx = (report: SeriesReportDocument): Promise<Buffer> => render(composeSeriesReport(report));
