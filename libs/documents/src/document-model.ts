/**
 * The typed models the renderers take. They hold display text that the caller has already written
 * (in the document's language) and facts (dates, counts); the renderers add only the house style:
 * labels, date formats, footnote numbers, the DRAFT mark. Building a model from the read models is
 * the caller's job, so this library knows nothing of events, tables or HTTP.
 */

/** The six official languages of the United Nations, as ISO 639-1 codes. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

/** Calendar dates as `YYYY-MM-DD`, both inclusive, in the venue's calendar. */
export interface DateRange {
  readonly startDate: string;
  readonly endDate: string;
}

export interface Venue {
  readonly city: string;
  /** The country's name in the document's language. */
  readonly country: string;
}

/** A text that may carry footnote references, shown after the text (after its final punctuation). */
export interface NotedText {
  readonly text: string;
  /** Ids of entries of the document's `footnotes`, in the order their marks are shown. */
  readonly footnoteIds?: readonly string[];
}

/** A paragraph: plain text, or text with footnote references. */
export type Passage = string | NotedText;

export type KeyPoint = NotedText;

/**
 * A footnote: a UN document symbol (A/RES/73/266), a note, or both, and an optional link. Footnotes
 * are numbered by the renderers, in order of first reference across the whole document; a footnote
 * that nothing references is a model error, not a silent omission.
 */
export interface Footnote {
  readonly id: string;
  readonly symbol?: string | null;
  readonly text?: string | null;
  /** http or https only: the HTML and DOCX renderers turn it into a link. */
  readonly url?: string | null;
}

/** A session of the consultation, as listed in the programme. */
export interface ConsultationComponent {
  readonly title: string;
  /** Display text of the session's format ("Closed session", "Panel"), in the document's language. */
  readonly kind: string;
  /** Local date and time range as display text ("17 June 2019, 09:30–11:00"). */
  readonly when: string;
}

export interface SummarySection {
  readonly heading: string;
  readonly paragraphs: readonly Passage[];
  readonly keyPoints: readonly KeyPoint[];
}

export type DocumentStatus = 'draft' | 'published';

/** A Chair's summary of one consultation, as of one version of its stream. */
export interface ChairSummaryDocument {
  readonly title: string;
  /** Organisers and series ("UNIDIR–CSIS International Security Cyber Workshop Series"), or null. */
  readonly organiserLine: string | null;
  readonly dates: DateRange;
  readonly venue: Venue;
  /** The meeting the consultation was held alongside, or null. */
  readonly hostMeeting: string | null;
  /** Defaults to English. */
  readonly language?: UnLanguage;
  /** Anything but `published` carries a visible DRAFT mark in every format. */
  readonly status: DocumentStatus;
  /** Edition being drafted, or the published one (a correction is a new edition). */
  readonly edition: number;
  /** Stream version the document was built from, so that it can be rebuilt exactly. */
  readonly version: number;
  /** ISO 8601 instant of an as-of view of the past, or null for the current state. */
  readonly asOf: string | null;
  /** ISO 8601 instant of publication of this edition, or null while it is a draft. */
  readonly publishedAt: string | null;
  readonly components: readonly ConsultationComponent[];
  readonly introduction: readonly Passage[];
  /** Already written by the caller (totals, stakeholder groups, the regional coverage sentence). */
  readonly participation: readonly string[];
  readonly sections: readonly SummarySection[];
  /** The Chair's concluding key points. */
  readonly conclusions: readonly KeyPoint[];
  readonly footnotes: readonly Footnote[];
}

export interface SeriesOverview {
  readonly mandate: readonly Passage[];
  readonly modalities: readonly Passage[];
  readonly objectives: readonly Passage[];
  readonly participation: readonly Passage[];
}

/**
 * A series report: the overview, then every consultation's summary, each on a new page in DOCX and
 * PDF. Footnotes are numbered across the whole report (as Word numbers them); each part keeps its
 * own footnote ids.
 */
export interface SeriesReportDocument {
  readonly title: string;
  readonly organiserLine: string | null;
  /** Language of the overview; each summary keeps its own. Defaults to English. */
  readonly language?: UnLanguage;
  readonly overview: SeriesOverview;
  /** Footnotes referenced by the overview. */
  readonly footnotes?: readonly Footnote[];
  readonly consultations: readonly ChairSummaryDocument[];
}

export const GENDERS = ['woman', 'man', 'non-binary', 'not-stated'] as const;
export type Gender = (typeof GENDERS)[number];

export interface Tally {
  /** Display text in the report's language: a stakeholder group, a region, a State. */
  readonly label: string;
  readonly count: number;
}

export interface RegionalCoverage {
  readonly organisation: string;
  /** Names of the member States represented, and of those not represented. */
  readonly represented: readonly string[];
  readonly notRepresented: readonly string[];
  /** "9 of the 10 ASEAN Member States were represented; Brunei Darussalam was not." */
  readonly sentence: string;
}

/** Figures of one consultation's participation, for the participation report (HTML, CSV). */
export interface ParticipationReport {
  readonly language?: UnLanguage;
  readonly consultation: { readonly title: string; readonly dates: DateRange; readonly venue: Venue | null };
  /** ISO 8601 instant of an as-of view, or null for the current figures. */
  readonly asOf: string | null;
  readonly totals: { readonly participants: number; readonly states: number };
  readonly byStakeholderGroup: readonly Tally[];
  readonly byGender: Readonly<Record<Gender, number>>;
  readonly byRegion: readonly Tally[];
  readonly byState: readonly Tally[];
  readonly regionalCoverage: readonly RegionalCoverage[];
}

/** A model the renderers cannot render faithfully; `rule` names what is wrong. */
export class DocumentModelError extends Error {
  constructor(
    readonly rule:
      | 'InvalidDate'
      | 'DateRangeReversed'
      | 'DuplicateFootnoteId'
      | 'UnknownFootnote'
      | 'UnreferencedFootnote'
      | 'EmptyFootnote'
      | 'UnsafeFootnoteUrl'
      | 'UnsupportedLanguage',
    message: string,
  ) {
    super(message);
    this.name = 'DocumentModelError';
  }
}

export const isUnLanguage = (value: unknown): value is UnLanguage => (UN_LANGUAGES as readonly unknown[]).includes(value);

/** The writing direction of a UN language. */
export const directionOf = (language: UnLanguage): 'ltr' | 'rtl' => (language === 'ar' ? 'rtl' : 'ltr');

export const passageText = (p: Passage): NotedText => (typeof p === 'string' ? { text: p } : p);
