import { RuleViolation } from '@convene/event-store';
import type { Edition, SummaryContent, SummaryState } from '@convene/summaries';

/** The text of a summary a document shows, and what it is: a published edition or a draft. */
export interface SummaryText {
  status: 'draft' | 'published';
  /** The edition being drafted, or the published one. */
  edition: number;
  /** Stream version of the text: the publication event's for an edition, the last event's for a draft. */
  version: number;
  /** ISO 8601 instant of publication; null for a draft. */
  publishedAt: string | null;
  content: SummaryContent;
}

/**
 * Which text: the working state as it is (drafting and review; staff only), the latest published
 * edition, or one published edition by number.
 */
export type TextChoice = { kind: 'working' } | { kind: 'published' } | { kind: 'edition'; edition: number };

// The public cannot tell an unpublished summary from a missing one: a draft's existence is not theirs to know.
export const publishedSummaryNotFound = (consultationId: string) =>
  new RuleViolation('PublishedSummaryNotFound', `Consultation ${consultationId} has no published summary`, 404, { consultationId });

export const summaryNotStarted = (consultationId: string) =>
  new RuleViolation('SummaryNotStarted', `No summary was started for consultation ${consultationId}`, 404, { consultationId });

export const editionNotFound = (consultationId: string, edition: number, editions: readonly Edition[]) =>
  new RuleViolation('SummaryEditionNotFound', `The summary has no published edition ${edition}`, 404, {
    consultationId,
    edition,
    publishedEditions: editions.map((e) => e.edition),
  });

/** Instants as the editions table gives them back (milliseconds, Z), whichever side they came from. */
const instant = (iso: string) => new Date(iso).toISOString();

export const editionText = (e: Edition): SummaryText => ({
  status: 'published',
  edition: e.edition,
  version: e.version,
  publishedAt: instant(e.publishedAt),
  content: e.content,
});

/**
 * The text a document shows. `working` is the summary's state; while it stands published (no
 * correction begun), that is its last edition, not a draft. `editions` are the published ones,
 * oldest first.
 */
export function chooseText(consultationId: string, choice: TextChoice, working: SummaryState | null, editions: readonly Edition[]): SummaryText {
  switch (choice.kind) {
    case 'working': {
      if (!working?.started) throw summaryNotStarted(consultationId);
      const last = working.editions.at(-1);
      if (working.status === 'published' && last) return editionText(last);
      return { status: 'draft', edition: working.edition, version: working.version, publishedAt: null, content: working.content };
    }
    case 'published': {
      const last = editions.at(-1);
      if (!last) throw publishedSummaryNotFound(consultationId);
      return editionText(last);
    }
    case 'edition': {
      const found = editions.find((e) => e.edition === choice.edition);
      if (!found) throw editionNotFound(consultationId, choice.edition, editions);
      return editionText(found);
    }
  }
}
