import type { Edition, Footnote, Section, SummaryState } from '../../summary/summary.state.js';
import { sectionUnderChathamHouse } from '../../summary/summary.state.js';

/**
 * What callers get. Staff (secretariat, Chair) see the working state with versions, review
 * comments and who did what; the public sees only a published edition, without account ids.
 */
export function staffView(state: SummaryState) {
  return {
    consultationId: state.consultationId,
    version: state.version,
    status: state.status,
    edition: state.edition,
    chathamHouse: state.chathamHouse,
    correctionReason: state.correctionReason,
    sections: state.content.sections.map((s) => ({ ...s, underChathamHouse: sectionUnderChathamHouse(state, s) })),
    footnotes: state.content.footnotes,
    approval: state.approval,
    changeRequests: state.changeRequests,
    editions: state.editions.map(editionSummary),
    waivers: state.waivers.length,
    lastChange: state.lastChange,
  };
}

const editionSummary = ({ edition, version, publishedAt, publishedBy, approvedBy, approvedVersion, correctionReason }: Edition) => ({
  edition,
  version,
  publishedAt,
  publishedBy,
  approvedBy,
  approvedVersion,
  correctionReason,
});

/** A published edition as anyone may read it. */
export const publicEdition = ({ edition, version, publishedAt, correctionReason }: Edition) => ({ edition, version, publishedAt, correctionReason });

const publicSection = ({ sectionId, kind, title, text, sessionId, keyPoints }: Section) => ({
  sectionId,
  kind,
  title,
  text,
  sessionId,
  keyPoints: keyPoints.map(({ keyPointId, text: t }) => ({ keyPointId, text: t })),
});

const publicFootnote = ({ number, symbol, text, url }: Footnote) => ({ number, symbol, text, url });

export function publicView(consultationId: string, edition: Edition, editions: Edition[]) {
  return {
    consultationId,
    status: 'published' as const,
    ...publicEdition(edition),
    sections: edition.content.sections.map(publicSection),
    footnotes: edition.content.footnotes.map(publicFootnote),
    editions: editions.map(publicEdition),
  };
}
