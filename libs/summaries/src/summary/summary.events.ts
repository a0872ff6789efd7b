/**
 * The facts of one consultation's Chair's summary, stream "summary-<consultationId>".
 * The `type` strings are part of the stored log: never rename them; evolve a shape with an upcaster.
 * Who did it and when travel in each event's metadata (actor, occurredAt), not in the data.
 */

export const SUMMARY_STREAM_TYPE = 'chair-summary';
export const summaryStreamId = (consultationId: string) => `summary-${consultationId}`;

/** introduction: context, mandate, modalities; session/theme: one per session or theme; conclusions: the Chair's concluding key points. */
export const SECTION_KINDS = ['introduction', 'session', 'theme', 'conclusions'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export type ChairSummaryStarted = {
  type: 'ChairSummaryStarted';
  data: { consultationId: string; chathamHouse: boolean; edition: number };
};
export type ChairSummarySectionAdded = {
  type: 'ChairSummarySectionAdded';
  data: {
    sectionId: string;
    kind: SectionKind;
    title: string;
    text: string;
    sessionId: string | null;
    /** null: the section follows the summary's setting. */
    chathamHouse: boolean | null;
  };
};
export type ChairSummarySectionRevised = {
  type: 'ChairSummarySectionRevised';
  data: { sectionId: string; title: string; text: string; chathamHouse: boolean | null };
};
export type ChairSummaryKeyPointAdded = {
  type: 'ChairSummaryKeyPointAdded';
  data: { keyPointId: string; sectionId: string; text: string; position: number };
};
export type ChairSummaryKeyPointRevised = {
  type: 'ChairSummaryKeyPointRevised';
  /** basedOnVersion: the version the author edited from, kept to show it was not a blind overwrite. */
  data: { keyPointId: string; text: string; basedOnVersion: number };
};
export type ChairSummaryKeyPointMoved = {
  type: 'ChairSummaryKeyPointMoved';
  data: { keyPointId: string; sectionId: string; position: number; basedOnVersion: number };
};
export type ChairSummaryKeyPointWithdrawn = {
  type: 'ChairSummaryKeyPointWithdrawn';
  data: { keyPointId: string; basedOnVersion: number };
};
export type ChairSummaryFootnoteAdded = {
  type: 'ChairSummaryFootnoteAdded';
  data: { footnoteId: string; symbol: string | null; text: string | null; url: string | null; sectionId: string | null };
};
export type ChairSummarySubmitted = { type: 'ChairSummarySubmitted'; data: { edition: number } };
export type ChairSummaryChangesRequested = {
  type: 'ChairSummaryChangesRequested';
  data: { edition: number; comment: string };
};
export type ChairSummaryApproved = {
  type: 'ChairSummaryApproved';
  /** approvedVersion: the stream version whose content the Chair approved. */
  data: { edition: number; approvedVersion: number };
};
export type ChairSummaryPublished = {
  type: 'ChairSummaryPublished';
  data: { edition: number; approvedVersion: number };
};
export type ChairSummaryCorrectionStarted = {
  type: 'ChairSummaryCorrectionStarted';
  /** edition: the new edition being drafted; the published ones stay as they are. */
  data: { edition: number; reason: string };
};
export type ChairSummaryAttributionWaived = {
  type: 'ChairSummaryAttributionWaived';
  /** Bound to the hash of one exact text: any other wording needs a waiver of its own. */
  data: { waiverId: string; textHash: string; reason: string; spans: number };
};

export type SummaryEvent =
  | ChairSummaryStarted
  | ChairSummarySectionAdded
  | ChairSummarySectionRevised
  | ChairSummaryKeyPointAdded
  | ChairSummaryKeyPointRevised
  | ChairSummaryKeyPointMoved
  | ChairSummaryKeyPointWithdrawn
  | ChairSummaryFootnoteAdded
  | ChairSummarySubmitted
  | ChairSummaryChangesRequested
  | ChairSummaryApproved
  | ChairSummaryPublished
  | ChairSummaryCorrectionStarted
  | ChairSummaryAttributionWaived;

export type SummaryEventType = SummaryEvent['type'];

export const SUMMARY_EVENT_TYPES: readonly SummaryEventType[] = [
  'ChairSummaryStarted',
  'ChairSummarySectionAdded',
  'ChairSummarySectionRevised',
  'ChairSummaryKeyPointAdded',
  'ChairSummaryKeyPointRevised',
  'ChairSummaryKeyPointMoved',
  'ChairSummaryKeyPointWithdrawn',
  'ChairSummaryFootnoteAdded',
  'ChairSummarySubmitted',
  'ChairSummaryChangesRequested',
  'ChairSummaryApproved',
  'ChairSummaryPublished',
  'ChairSummaryCorrectionStarted',
  'ChairSummaryAttributionWaived',
];

/** Where and by whom an event was recorded: what evolve needs beyond the event's data. */
export interface Recorded {
  version: number;
  actor: string;
  occurredAt: string;
}
