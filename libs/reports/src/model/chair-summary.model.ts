import {
  type ChairSummaryDocument,
  type ConsultationComponent,
  type Footnote as DocumentFootnote,
  formatDateRange,
  type KeyPoint as DocumentKeyPoint,
  type NotedText,
  type SummarySection,
} from '@convene/documents';
import type { ParticipationFigures } from '@convene/registration';
import type { Consultation, Series, SessionKind, SessionState } from '@convene/scheduling';
import type { Section } from '@convene/summaries';
import { participationParagraphs } from './participation-paragraph.js';
import type { SummaryText } from './summary-text.js';

/** Everything a Chair's summary is made of, from the read models or folded as of a past moment. */
export interface ChairSummaryInputs {
  consultation: Consultation;
  series: Series | null;
  text: SummaryText;
  /** null: not counted (no roster to count from). */
  figures: ParticipationFigures | null;
  /** ISO 8601 instant of an as-of document; null for the current state. */
  asOf: string | null;
}

/** Names the documents need from reference data. */
export interface ReportNames {
  countryName(code: string): string;
  organisationName(code: string): string;
}

const SESSION_KINDS: Record<SessionKind, string> = {
  opening: 'Opening',
  briefing: 'Briefing',
  'closed-consultation': 'Closed consultation',
  'multi-stakeholder': 'Multi-stakeholder session',
  keynote: 'Keynote',
  panel: 'Panel',
  closing: 'Closing',
};

/** "Panel", "Closed consultation", "Briefing (closed)". */
export function sessionKindText(session: Pick<SessionState, 'kind' | 'access'>): string {
  const kind = SESSION_KINDS[session.kind] ?? session.kind;
  return session.access === 'closed' && session.kind !== 'closed-consultation' ? `${kind} (closed)` : kind;
}

const day = (local: string) => formatDateRange(local.slice(0, 10), local.slice(0, 10));
const time = (local: string) => local.slice(11, 16);

/** "20 September 2017, 09:00–09:30", at the venue's wall-clock time; a session past midnight names both days. */
export function sessionWhen(s: Pick<SessionState, 'startLocal' | 'endLocal'>): string {
  const sameDay = s.startLocal.slice(0, 10) === s.endLocal.slice(0, 10);
  return sameDay ? `${day(s.startLocal)}, ${time(s.startLocal)}–${time(s.endLocal)}` : `${day(s.startLocal)}, ${time(s.startLocal)}–${day(s.endLocal)}, ${time(s.endLocal)}`;
}

/** The programme: sessions in time order; a cancelled session did not take place and is not listed. */
export function components(consultation: Consultation): ConsultationComponent[] {
  return [...consultation.sessions]
    .filter((s) => !s.cancelled)
    .sort((a, b) => Date.parse(a.startUtc) - Date.parse(b.startUtc) || a.title.localeCompare(b.title))
    .map((s) => ({ title: s.title, kind: sessionKindText(s), when: sessionWhen(s) }));
}

/** "UNIDIR–CSIS International Security Cyber Workshop Series": organisers and series. */
export const organiserLine = (series: Series | null): string | null => (series ? `${[series.organiser, ...series.partners].join('–')} ${series.title}` : null);

/** A section's text as paragraphs: blank lines separate them. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

/** Passages under construction: footnote references are added once every passage exists. */
interface Slot {
  text: string;
  footnoteIds: string[];
}

const slot = (text: string): Slot => ({ text, footnoteIds: [] });
const noted = (s: Slot): NotedText => (s.footnoteIds.length > 0 ? { text: s.text, footnoteIds: s.footnoteIds } : { text: s.text });

interface SectionSlots {
  section: Section;
  paragraphs: Slot[];
  keyPoints: Slot[];
  /** true: its paragraphs are the document's introduction. */
  introduction: boolean;
}

/**
 * A Chair's summary document from the consultation, its series, the summary's text and the
 * participation figures. Pure: the read-model path and the as-of path give it the same shapes.
 *
 * - The introduction's text opens the document; an introduction with key points stays a section
 *   of its own, so that nothing the Chair approved is dropped.
 * - Sections follow in the summary's order, the Chair's conclusions last, each under its own
 *   title with its text and key points (the model's `conclusions` list has no room for the lead-in
 *   paragraph and the notes of the conclusions, so they are the last section).
 * - A footnote is referenced at the end of its section's text (or its last key point when the
 *   section has no text); a footnote of no section at the end of the introduction, else of the
 *   first passage. The renderers number them in order of first reference. A footnote with nowhere
 *   to go (an empty draft) is left out rather than shown unreferenced.
 */
export function chairSummaryDocument(inputs: ChairSummaryInputs, names: ReportNames): ChairSummaryDocument {
  const { consultation: c, text } = inputs;
  const slots: SectionSlots[] = text.content.sections.map((section) => ({
    section,
    paragraphs: paragraphsOf(section.text).map(slot),
    keyPoints: section.keyPoints.map((k) => slot(k.text)),
    introduction: section.kind === 'introduction' && section.keyPoints.length === 0,
  }));
  const last = (s: SectionSlots): Slot | undefined => s.paragraphs.at(-1) ?? s.keyPoints.at(-1);
  const introduction = slots.filter((s) => s.introduction);
  const documentAnchor = introduction.flatMap((s) => s.paragraphs).at(-1) ?? slots.flatMap((s) => [...s.paragraphs, ...s.keyPoints])[0];

  const footnotes: DocumentFootnote[] = [];
  for (const f of [...text.content.footnotes].sort((a, b) => a.number - b.number)) {
    const own = f.sectionId === null ? undefined : slots.find((s) => s.section.sectionId === f.sectionId);
    const anchor = (own && last(own)) ?? documentAnchor;
    if (!anchor) continue;
    anchor.footnoteIds.push(f.footnoteId);
    footnotes.push({ id: f.footnoteId, symbol: f.symbol, text: f.text, url: f.url });
  }

  const sections: SummarySection[] = slots
    .filter((s) => !s.introduction)
    .map((s) => ({ heading: s.section.title, paragraphs: s.paragraphs.map(noted), keyPoints: s.keyPoints.map((k): DocumentKeyPoint => noted(k)) }));

  return {
    title: `${c.title}: Chair’s summary`,
    organiserLine: organiserLine(inputs.series),
    dates: { startDate: c.startDate, endDate: c.endDate },
    venue: { city: c.venue.city, country: names.countryName(c.venue.country) },
    hostMeeting: c.hostMeeting,
    language: 'en',
    status: text.status,
    edition: text.edition,
    version: text.version,
    asOf: inputs.asOf,
    publishedAt: text.publishedAt,
    components: components(c),
    introduction: introduction.flatMap((s) => s.paragraphs.map(noted)),
    participation: inputs.figures ? participationParagraphs(inputs.figures) : [],
    sections,
    conclusions: [],
    footnotes,
  };
}
