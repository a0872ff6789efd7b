import type { Block, Composition, Inline, NumberedNote, Part } from '../../compose/blocks.js';
import { composeChairSummary, composeSeriesReport } from '../../compose/composition.js';
import { noteText } from '../../compose/footnotes.js';
import type { ChairSummaryDocument, SeriesReportDocument } from '../../document-model.js';

/**
 * CommonMark with GitHub's footnote syntax (`[^3]` and `[^3]: …`). Numbers are ours (order of
 * first reference), which is also the order GitHub numbers them in. Markdown has no way to say
 * "right to left", so Arabic documents read correctly only where the viewer detects direction.
 */

/** Backslash-escapes every ASCII punctuation that CommonMark or GFM could read as markup. */
const INLINE_MARKUP = /[\\`*_[\]<>!|~&{}]/g;

/**
 * A bare URL would become a GFM autolink literal, in which backslash escapes are not undone: it is
 * written as a CommonMark autolink (`<https://…>`) instead, whose text is the URL as it is. Trailing
 * sentence punctuation stays outside, as a reader would expect.
 */
const BARE_URL = /https?:\/\/[^\s<>]*[^\s<>.,;:!?'")\]]/g;

const escapeInline = (text: string) => text.replace(INLINE_MARKUP, (c) => `\\${c}`);

/** Caller text as literal Markdown: whitespace folded to single spaces, markup characters escaped. */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let out = '';
  let last = 0;
  for (const m of flat.matchAll(BARE_URL)) {
    out += `${escapeInline(flat.slice(last, m.index))}<${m[0]}>`;
    last = m.index + m[0].length;
  }
  out += escapeInline(flat.slice(last));
  // What would open a block at the start of a line: heading, quote, list, thematic break, setext underline.
  return out.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function inline(content: readonly Inline[]): string {
  return content.map((i) => (i.kind === 'note' ? `[^${i.number}]` : i.strong ? `**${escapeMarkdown(i.text)}**` : escapeMarkdown(i.text))).join('');
}

/** The URL as an autolink: the composition let through only http(s) URLs without spaces, quotes or angle brackets. */
const noteLine = (n: NumberedNote) => `[^${n.number}]: ${escapeMarkdown(noteText(n))}${n.url ? ` <${n.url}>` : ''}`;

function block(b: Block): string {
  switch (b.kind) {
    case 'draft':
      return `> **${escapeMarkdown(b.label)}**: ${escapeMarkdown(b.notice)}`;
    case 'title':
      return `# ${escapeMarkdown(b.text)}`;
    case 'subtitle':
      return `*${escapeMarkdown(b.text)}*`;
    case 'status':
      return escapeMarkdown(b.text);
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return inline(b.content);
    case 'list':
      return b.items.map((item) => `- ${inline(item)}`).join('\n');
  }
}

function part(p: Part): string {
  const blocks = p.blocks.map(block);
  if (p.notes.length > 0) blocks.push(p.notes.map(noteLine).join('\n'));
  return blocks.join('\n\n');
}

function render(c: Composition): string {
  // A thematic break between the parts of a series report, where paged formats start a new page.
  return `${c.parts.map(part).join('\n\n---\n\n')}\n`;
}

export const renderChairSummaryMarkdown = (doc: ChairSummaryDocument): string => render(composeChairSummary(doc));
export const renderSeriesReportMarkdown = (report: SeriesReportDocument): string => render(composeSeriesReport(report));
