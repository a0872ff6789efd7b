import {
  type ChairSummaryDocument,
  directionOf,
  type KeyPoint,
  type Passage,
  passageText,
  type SeriesReportDocument,
  type UnLanguage,
} from '../document-model.js';
import { datesAndVenue, formatDateRange, formatDay, formatInstant } from '../house-style/dates.js';
import { LABELS } from '../house-style/labels.js';
import type { Block, Composition, Inline, Part } from './blocks.js';
import { FootnoteNumbering } from './footnotes.js';

const languageOf = (language: UnLanguage | undefined): UnLanguage => language ?? 'en';

/** "Edition 2, version 41, as of 3 March 2024, 10:05 UTC". */
function statusLine(doc: ChairSummaryDocument, language: UnLanguage): string {
  const labels = LABELS[language];
  const parts = [labels.edition(doc.edition)];
  if (doc.status !== 'published') parts.push(labels.version(doc.version));
  if (doc.status === 'published' && doc.publishedAt) parts.push(labels.published(formatDay(doc.publishedAt, language)));
  if (doc.asOf) parts.push(labels.asOf(formatInstant(doc.asOf, language)));
  return parts.join(labels.comma);
}

/**
 * The blocks of one summary. `nested`: inside a series report, where the summary's title is a
 * level-1 heading and its sections level-2 ones.
 */
function summaryPart(doc: ChairSummaryDocument, numbering: FootnoteNumbering, nested: boolean, where: string): Part {
  const language = languageOf(doc.language);
  const labels = LABELS[language];
  const draft = doc.status !== 'published';
  const level = nested ? 2 : 1;
  const blocks: Block[] = [];
  const paragraphs = (passages: readonly Passage[], at: string) => {
    passages.forEach((p, i) => blocks.push({ kind: 'paragraph', content: numbering.inline(passageText(p), `${at}, paragraph ${i + 1}`) }));
  };
  const keyPoints = (points: readonly KeyPoint[], at: string) => {
    if (points.length === 0) return;
    blocks.push({ kind: 'list', role: 'key-points', items: points.map((k, i) => numbering.inline(k, `${at}, key point ${i + 1}`)) });
  };

  numbering.beginPart(doc.footnotes, where);
  if (draft) blocks.push({ kind: 'draft', label: labels.draft, notice: labels.draftNotice });
  blocks.push(nested ? { kind: 'heading', level: 1, text: doc.title } : { kind: 'title', text: doc.title });
  if (doc.organiserLine) blocks.push({ kind: 'subtitle', text: doc.organiserLine });
  blocks.push({ kind: 'subtitle', text: datesAndVenue(doc.dates, doc.venue, language) });
  if (doc.hostMeeting) blocks.push({ kind: 'subtitle', text: labels.onTheMarginsOf(doc.hostMeeting) });
  blocks.push({ kind: 'status', text: statusLine(doc, language) });

  if (doc.introduction.length > 0) {
    blocks.push({ kind: 'heading', level, text: labels.introduction });
    paragraphs(doc.introduction, `${where}, introduction`);
  }
  if (doc.components.length > 0) {
    blocks.push({ kind: 'heading', level, text: labels.programme });
    const items = doc.components.map((c): Inline[] => [
      { kind: 'text', text: c.title, strong: true },
      { kind: 'text', text: `${labels.comma}${c.kind}${labels.comma}${c.when}` },
    ]);
    blocks.push({ kind: 'list', role: 'programme', items });
  }
  if (doc.participation.length > 0) {
    blocks.push({ kind: 'heading', level, text: labels.participation });
    paragraphs(doc.participation, `${where}, participation`);
  }
  doc.sections.forEach((section, i) => {
    const at = `${where}, section ${i + 1}`;
    blocks.push({ kind: 'heading', level, text: section.heading });
    paragraphs(section.paragraphs, at);
    keyPoints(section.keyPoints, at);
  });
  if (doc.conclusions.length > 0) {
    blocks.push({ kind: 'heading', level, text: labels.conclusions });
    keyPoints(doc.conclusions, `${where}, conclusions`);
  }
  const notes = numbering.endPart(where);
  return { language, dir: directionOf(language), labels, draft, newPage: nested, title: doc.title, blocks, notes };
}

/** A Chair's summary as one part. Throws DocumentModelError for a model it cannot render faithfully. */
export function composeChairSummary(doc: ChairSummaryDocument): Composition {
  const part = summaryPart(doc, new FootnoteNumbering(), false, 'Chair’s summary');
  return { kind: 'chair-summary', title: doc.title, language: part.language, dir: part.dir, labels: part.labels, draft: part.draft, parts: [part] };
}

/** The overview, then each summary on a new page; footnotes numbered across the whole report. */
export function composeSeriesReport(report: SeriesReportDocument): Composition {
  const language = languageOf(report.language);
  const labels = LABELS[language];
  const numbering = new FootnoteNumbering();
  const draft = report.consultations.some((c) => c.status !== 'published');
  const blocks: Block[] = [];
  const where = 'Series overview';
  numbering.beginPart(report.footnotes ?? [], where);
  if (draft) blocks.push({ kind: 'draft', label: labels.draft, notice: labels.draftNotice });
  blocks.push({ kind: 'title', text: report.title });
  if (report.organiserLine) blocks.push({ kind: 'subtitle', text: report.organiserLine });
  if (report.consultations.length > 0) {
    const starts = report.consultations.map((c) => c.dates.startDate).sort();
    const ends = report.consultations.map((c) => c.dates.endDate).sort();
    blocks.push({ kind: 'subtitle', text: formatDateRange(starts[0], ends[ends.length - 1], language) });
  }
  blocks.push({ kind: 'heading', level: 1, text: labels.overview });
  const sections: [string, readonly Passage[]][] = [
    [labels.mandate, report.overview.mandate],
    [labels.modalities, report.overview.modalities],
    [labels.objectives, report.overview.objectives],
    [labels.seriesParticipation, report.overview.participation],
  ];
  for (const [heading, passages] of sections) {
    if (passages.length === 0) continue;
    blocks.push({ kind: 'heading', level: 2, text: heading });
    passages.forEach((p, i) => blocks.push({ kind: 'paragraph', content: numbering.inline(passageText(p), `${where}, ${heading}, paragraph ${i + 1}`) }));
  }
  const overview: Part = {
    language,
    dir: directionOf(language),
    labels,
    draft,
    newPage: false,
    title: report.title,
    blocks,
    notes: numbering.endPart(where),
  };
  const summaries = report.consultations.map((c, i) => summaryPart(c, numbering, true, `Consultation ${i + 1} (${c.title})`));
  return { kind: 'series-report', title: report.title, language, dir: overview.dir, labels, draft, parts: [overview, ...summaries] };
}
