import type { ChairSummarySectionAdded, Recorded, SectionKind, SummaryEvent } from './summary.events.js';

/**
 * The summary folded from its events. Plain JSON on purpose: the read-model projection stores it
 * and resumes folding from it, and history replays produce the same shape.
 */
export type SummaryStatus = 'draft' | 'submitted' | 'changes-requested' | 'approved' | 'published';

export interface KeyPoint {
  keyPointId: string;
  text: string;
  /** Stream version of the last change to this key point: what a reviser must have seen. */
  version: number;
}

/** A section as added (kind, title, text, session, own Chatham House setting: null follows the summary), with its key points. */
export type Section = ChairSummarySectionAdded['data'] & {
  version: number;
  keyPoints: KeyPoint[];
};

export interface Footnote {
  footnoteId: string;
  number: number;
  symbol: string | null;
  text: string | null;
  url: string | null;
  sectionId: string | null;
}

export interface SummaryContent {
  sections: Section[];
  footnotes: Footnote[];
}

/** A published edition: its content is frozen at publication and never changes afterwards. */
export interface Edition {
  edition: number;
  /** Stream version of the publication event. */
  version: number;
  publishedAt: string;
  publishedBy: string;
  approvedBy: string;
  approvedVersion: number;
  /** Why this edition corrects the previous one; null for the first. */
  correctionReason: string | null;
  content: SummaryContent;
}

export interface ChangeRequest {
  edition: number;
  comment: string;
  /** Actor id of the reviewer (not personal data: an account id). */
  by: string;
  at: string;
  version: number;
}

export interface SummaryState {
  started: boolean;
  consultationId: string | null;
  /** Stream version of the last event folded in (0: not started). */
  version: number;
  status: SummaryStatus;
  /** Edition being drafted, or the last one published. */
  edition: number;
  chathamHouse: boolean;
  content: SummaryContent;
  /** Hashes of texts the Chair exempted from the Chatham House attribution rule. */
  waivers: string[];
  approval: { by: string; at: string; version: number } | null;
  changeRequests: ChangeRequest[];
  correctionReason: string | null;
  editions: Edition[];
  /** Withdrawn key points and the version that withdrew them, to answer a late reviser with a conflict. */
  withdrawn: Record<string, number>;
  lastChange: { by: string; at: string } | null;
}

export const initialSummaryState = (): SummaryState => ({
  started: false,
  consultationId: null,
  version: 0,
  status: 'draft',
  edition: 0,
  chathamHouse: true,
  content: { sections: [], footnotes: [] },
  waivers: [],
  approval: null,
  changeRequests: [],
  correctionReason: null,
  editions: [],
  withdrawn: {},
  lastChange: null,
});

/** The Chatham House setting that applies to a section. */
export const sectionUnderChathamHouse = (state: SummaryState, section: Pick<Section, 'chathamHouse'>): boolean =>
  section.chathamHouse ?? state.chathamHouse;

export const findSection = (state: SummaryState, sectionId: string): Section | undefined =>
  state.content.sections.find((s) => s.sectionId === sectionId);

export function findKeyPoint(state: SummaryState, keyPointId: string): { section: Section; keyPoint: KeyPoint; index: number } | undefined {
  for (const section of state.content.sections) {
    const index = section.keyPoints.findIndex((k) => k.keyPointId === keyPointId);
    if (index >= 0) return { section, keyPoint: section.keyPoints[index], index };
  }
  return undefined;
}

// The introduction opens the document and the Chair's conclusions close it, whatever the order of writing.
const rank = (kind: SectionKind) => (kind === 'introduction' ? 0 : kind === 'conclusions' ? 2 : 1);

function placeSection(sections: Section[], section: Section): Section[] {
  const at = sections.findIndex((s) => rank(s.kind) > rank(section.kind));
  return at < 0 ? [...sections, section] : [...sections.slice(0, at), section, ...sections.slice(at)];
}

const insertAt = <T>(list: T[], item: T, position: number): T[] => {
  const p = Math.max(0, Math.min(position, list.length));
  return [...list.slice(0, p), item, ...list.slice(p)];
};

function mapSections(state: SummaryState, fn: (s: Section) => Section): SummaryState {
  return { ...state, content: { ...state.content, sections: state.content.sections.map(fn) } };
}

/** Folds one event. Never mutates: a published edition shares its content with the state it came from. */
export function evolve(state: SummaryState, event: SummaryEvent, at: Recorded): SummaryState {
  const next = applyEvent(state, event, at);
  return { ...next, version: at.version, lastChange: { by: at.actor, at: at.occurredAt } };
}

function applyEvent(state: SummaryState, event: SummaryEvent, at: Recorded): SummaryState {
  switch (event.type) {
    case 'ChairSummaryStarted':
      return {
        ...state,
        started: true,
        consultationId: event.data.consultationId,
        status: 'draft',
        edition: event.data.edition,
        chathamHouse: event.data.chathamHouse,
      };
    case 'ChairSummarySectionAdded': {
      const section: Section = { ...event.data, version: at.version, keyPoints: [] };
      return { ...state, content: { ...state.content, sections: placeSection(state.content.sections, section) } };
    }
    case 'ChairSummarySectionRevised': {
      const { sectionId, title, text, chathamHouse } = event.data;
      return mapSections(state, (s) => (s.sectionId === sectionId ? { ...s, title, text, chathamHouse, version: at.version } : s));
    }
    case 'ChairSummaryKeyPointAdded': {
      const { keyPointId, sectionId, text, position } = event.data;
      const keyPoint: KeyPoint = { keyPointId, text, version: at.version };
      return mapSections(state, (s) => (s.sectionId === sectionId ? { ...s, keyPoints: insertAt(s.keyPoints, keyPoint, position) } : s));
    }
    case 'ChairSummaryKeyPointRevised': {
      const { keyPointId, text } = event.data;
      return mapSections(state, (s) => ({
        ...s,
        keyPoints: s.keyPoints.map((k) => (k.keyPointId === keyPointId ? { ...k, text, version: at.version } : k)),
      }));
    }
    case 'ChairSummaryKeyPointMoved': {
      const found = findKeyPoint(state, event.data.keyPointId);
      if (!found) return state;
      const moved: KeyPoint = { ...found.keyPoint, version: at.version };
      const without = mapSections(state, (s) => ({ ...s, keyPoints: s.keyPoints.filter((k) => k.keyPointId !== moved.keyPointId) }));
      return mapSections(without, (s) =>
        s.sectionId === event.data.sectionId ? { ...s, keyPoints: insertAt(s.keyPoints, moved, event.data.position) } : s,
      );
    }
    case 'ChairSummaryKeyPointWithdrawn': {
      const { keyPointId } = event.data;
      const without = mapSections(state, (s) => ({ ...s, keyPoints: s.keyPoints.filter((k) => k.keyPointId !== keyPointId) }));
      return { ...without, withdrawn: { ...state.withdrawn, [keyPointId]: at.version } };
    }
    case 'ChairSummaryFootnoteAdded': {
      const footnote: Footnote = { ...event.data, number: state.content.footnotes.length + 1 };
      return { ...state, content: { ...state.content, footnotes: [...state.content.footnotes, footnote] } };
    }
    case 'ChairSummarySubmitted':
      return { ...state, status: 'submitted' };
    case 'ChairSummaryChangesRequested':
      return {
        ...state,
        status: 'changes-requested',
        approval: null,
        changeRequests: [
          ...state.changeRequests,
          { edition: event.data.edition, comment: event.data.comment, by: at.actor, at: at.occurredAt, version: at.version },
        ],
      };
    case 'ChairSummaryApproved':
      return { ...state, status: 'approved', approval: { by: at.actor, at: at.occurredAt, version: event.data.approvedVersion } };
    case 'ChairSummaryPublished': {
      const edition: Edition = {
        edition: event.data.edition,
        version: at.version,
        publishedAt: at.occurredAt,
        publishedBy: at.actor,
        approvedBy: state.approval?.by ?? 'unknown',
        approvedVersion: event.data.approvedVersion,
        correctionReason: state.correctionReason,
        content: state.content,
      };
      return { ...state, status: 'published', editions: [...state.editions, edition] };
    }
    case 'ChairSummaryCorrectionStarted':
      return {
        ...state,
        status: 'draft',
        edition: event.data.edition,
        correctionReason: event.data.reason,
        approval: null,
      };
    case 'ChairSummaryAttributionWaived':
      return state.waivers.includes(event.data.textHash) ? state : { ...state, waivers: [...state.waivers, event.data.textHash] };
  }
}

/** Folds a whole history. */
export function foldSummary(history: Iterable<{ event: SummaryEvent; at: Recorded }>, from: SummaryState = initialSummaryState()): SummaryState {
  let state = from;
  for (const { event, at } of history) state = evolve(state, event, at);
  return state;
}
