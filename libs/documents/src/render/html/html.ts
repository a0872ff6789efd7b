import type { Block, Composition, Inline, NumberedNote, Part } from '../../compose/blocks.js';
import { composeChairSummary, composeSeriesReport } from '../../compose/composition.js';
import { noteText } from '../../compose/footnotes.js';
import type { ChairSummaryDocument, SeriesReportDocument } from '../../document-model.js';
import { LANGUAGE_TAG } from '../../house-style/dates.js';
import { BASE_CSS, escapeHtml, htmlDocument } from './escape.js';

/**
 * A complete, self-contained HTML document. Footnote marks are DPUB-ARIA note references
 * (`<sup><a role="doc-noteref">`) linked to a numbered list of notes at the end of each part, each
 * note linking back to its first reference. Every part is an <article> with its own lang and dir,
 * so a series report may hold summaries in several languages.
 */

class Ids {
  private used = new Map<string, number>();
  /** A document-unique id: `base`, then `base-2`, `base-3`… */
  next(base: string): string {
    const n = (this.used.get(base) ?? 0) + 1;
    this.used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }
}

function inline(content: readonly Inline[], part: Part, ids: Ids): string {
  return content
    .map((i) => {
      if (i.kind === 'text') return i.strong ? `<strong>${escapeHtml(i.text)}</strong>` : escapeHtml(i.text);
      const id = ids.next(`fnref-${i.number}`);
      return `<sup class="note-ref"><a href="#fn-${i.number}" id="${id}" role="doc-noteref" aria-label="${escapeHtml(part.labels.note(i.number))}">${i.number}</a></sup>`;
    })
    .join('');
}

function block(b: Block, part: Part, ids: Ids): string {
  switch (b.kind) {
    case 'draft':
      return `<p class="draft-banner" role="note"><strong>${escapeHtml(b.label)}</strong> ${escapeHtml(b.notice)}</p>`;
    case 'title':
      return `<h1>${escapeHtml(b.text)}</h1>`;
    case 'subtitle':
      return `<p class="subtitle">${escapeHtml(b.text)}</p>`;
    case 'status':
      return `<p class="status">${escapeHtml(b.text)}</p>`;
    case 'heading':
      return `<h${b.level + 1} id="${ids.next('section')}">${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p>${inline(b.content, part, ids)}</p>`;
    case 'list':
      return `<ul class="${b.role}">\n${b.items.map((item) => `<li>${inline(item, part, ids)}</li>`).join('\n')}\n</ul>`;
  }
}

function note(n: NumberedNote, part: Part): string {
  const link = n.url ? ` <a href="${escapeHtml(n.url)}">${escapeHtml(n.url)}</a>` : '';
  const back = `<a href="#fnref-${n.number}" role="doc-backlink" aria-label="${escapeHtml(part.labels.backToReference(n.number))}">↩</a>`;
  return `<li id="fn-${n.number}" value="${n.number}">${escapeHtml(noteText(n))}${link} ${back}</li>`;
}

/** `notesLevel`: the notes' heading sits under the part's title (h2 in a summary, h3 in a series report). */
function article(part: Part, index: number, ids: Ids, notesLevel: 2 | 3): string {
  const body = part.blocks.map((b) => block(b, part, ids));
  if (part.notes.length > 0) {
    const heading = ids.next('notes');
    body.push(
      `<section class="notes" role="doc-endnotes" aria-labelledby="${heading}">\n<h${notesLevel} id="${heading}">${escapeHtml(part.labels.notes)}</h${notesLevel}>\n` +
        `<ol start="${part.notes[0].number}">\n${part.notes.map((n) => note(n, part)).join('\n')}\n</ol>\n</section>`,
    );
  }
  const classes = [part.draft ? 'draft' : 'published', part.newPage ? 'new-page' : ''].filter(Boolean).join(' ');
  return `<article class="${classes}" lang="${LANGUAGE_TAG[part.language]}" dir="${part.dir}" id="${ids.next(`part-${index + 1}`)}">\n${body.join('\n')}\n</article>`;
}

function render(c: Composition): string {
  const ids = new Ids();
  const body = `<main>\n${c.parts.map((p, i) => article(p, i, ids, c.kind === 'series-report' ? 3 : 2)).join('\n')}\n</main>`;
  const title = c.draft ? `${c.labels.draft}: ${c.title}` : c.title;
  return htmlDocument({ lang: LANGUAGE_TAG[c.language], dir: c.dir, title, css: BASE_CSS, body });
}

export const renderChairSummaryHtml = (doc: ChairSummaryDocument): string => render(composeChairSummary(doc));
export const renderSeriesReportHtml = (report: SeriesReportDocument): string => render(composeSeriesReport(report));
