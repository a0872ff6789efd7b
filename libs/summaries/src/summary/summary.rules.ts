import { RuleViolation } from '@convene/event-store';
import { findAttributions, type OffendingSpan } from './chatham-house.js';
import { findKeyPoint, findSection, type KeyPoint, type Section, sectionUnderChathamHouse, type SummaryState } from './summary.state.js';

/**
 * The named rules of the Chair's summary and the checks several decide functions share.
 * Pure: what they need from outside (participants' names, the text hash) comes in the context.
 */

/** What the attribution check needs from outside the stream. */
export interface AttributionContext {
  /** Names of the consultation's people (see ConsultationPeople). */
  people: readonly string[];
  /** Hash binding a Chair's waiver to one exact text (see textHash). */
  hash(text: string): string;
}

export const summaryNotStarted = (consultationId: string) =>
  new RuleViolation('SummaryNotStarted', `No summary has been started for consultation ${consultationId}`, 404, { consultationId });

export function mustBeStarted(state: SummaryState, consultationId: string): void {
  if (!state.started) throw summaryNotStarted(consultationId);
}

/** Content changes only while a draft: review freezes it, publication makes it immutable. */
export function mustBeEditable(state: SummaryState, consultationId: string): void {
  mustBeStarted(state, consultationId);
  if (state.status === 'published') {
    throw new RuleViolation(
      'PublishedVersionIsImmutable',
      `Edition ${state.edition} is published and cannot change; issue a correction to start a new edition`,
      409,
      { edition: state.edition, version: state.version },
    );
  }
  if (state.status === 'submitted' || state.status === 'approved') {
    throw new RuleViolation(
      'SummaryLockedForReview',
      `The summary is ${state.status}; request changes before editing it`,
      409,
      { status: state.status, version: state.version },
    );
  }
}

/** Chair-only acts: the platform's @Allow('chair') guards the endpoint; this guards every other way in. */
export function mustBeChair(role: string | undefined, rule: string, act: string): void {
  if (role !== 'chair') throw new RuleViolation(rule, `Only the Chair may ${act}`, 403, { actingRole: role ?? null });
}

/**
 * The Chair of this consultation, not any Chair: the acting person must be one the agenda names
 * as chair, when it names one (a token's subject is the person id).
 */
export function mustBeThisConsultationsChair(meta: { actor: string; actorRole?: string }, chairs: readonly string[], rule: string, act: string): void {
  mustBeChair(meta.actorRole, rule, act);
  if (chairs.length > 0 && !chairs.includes(meta.actor)) {
    throw new RuleViolation('NotThisConsultationsChair', `Only the Chair of this consultation may ${act}`, 403, { actor: meta.actor });
  }
}

/** One text of the summary to check, and where it sits. */
export interface CheckedText {
  field: 'title' | 'text';
  text: string;
  sectionId?: string;
  keyPointId?: string;
  footnoteId?: string;
}

export type LocatedSpan = OffendingSpan & Omit<CheckedText, 'text'>;

/** The offending spans of the texts under the rule, leaving out texts the Chair waived. */
export function attributionFindings(state: SummaryState, ctx: AttributionContext, texts: CheckedText[]): LocatedSpan[] {
  return texts.flatMap(({ text, ...where }) => {
    if (text.length === 0) return [];
    const spans = findAttributions(text, ctx.people);
    if (spans.length === 0 || state.waivers.includes(ctx.hash(text))) return [];
    return spans.map((s) => ({ ...s, ...where }));
  });
}

export function chathamHouseAttribution(spans: LocatedSpan[]): RuleViolation {
  return new RuleViolation(
    'ChathamHouseAttribution',
    'Under the Chatham House rule the summary may not name participants or attribute statements to a named State or person; ' +
      'reword the spans, or ask the Chair for a waiver of this exact text',
    422,
    { spans },
  );
}

export function refuseAttributions(state: SummaryState, ctx: AttributionContext, texts: CheckedText[]): void {
  const spans = attributionFindings(state, ctx, texts);
  if (spans.length > 0) throw chathamHouseAttribution(spans);
}

/** A section named in a request body: 422, since the request, not the URL, points at nothing. */
export function existingSection(state: SummaryState, sectionId: string): Section {
  const section = findSection(state, sectionId);
  if (!section) throw new RuleViolation('SectionNotFound', `The summary has no section ${sectionId}`, 422, { sectionId });
  return section;
}

/**
 * The key point a reviser or withdrawer edited from `basedOnVersion`: if it changed (or was
 * withdrawn) since, the second of two concurrent editors learns what is there now instead of
 * overwriting it.
 */
export function keyPointAsSeen(state: SummaryState, keyPointId: string, basedOnVersion: number): { section: Section; keyPoint: KeyPoint } {
  if (basedOnVersion > state.version) {
    throw new RuleViolation('UnknownSummaryVersion', `The summary has no version ${basedOnVersion} yet`, 422, {
      basedOnVersion,
      currentVersion: state.version,
    });
  }
  const found = findKeyPoint(state, keyPointId);
  const withdrawnAt = state.withdrawn[keyPointId];
  if (!found && withdrawnAt !== undefined && withdrawnAt > basedOnVersion) {
    throw keyPointVersionConflict(keyPointId, basedOnVersion, withdrawnAt, null);
  }
  if (!found) throw new RuleViolation('KeyPointNotFound', `The summary has no key point ${keyPointId}`, 404, { keyPointId });
  if (found.keyPoint.version > basedOnVersion) {
    throw keyPointVersionConflict(keyPointId, basedOnVersion, found.keyPoint.version, found.keyPoint.text);
  }
  return found;
}

function keyPointVersionConflict(keyPointId: string, basedOnVersion: number, currentVersion: number, currentText: string | null) {
  return new RuleViolation(
    'KeyPointVersionConflict',
    currentText === null
      ? `Key point ${keyPointId} was withdrawn at version ${currentVersion}, after version ${basedOnVersion} you edited from`
      : `Key point ${keyPointId} was changed at version ${currentVersion}, after version ${basedOnVersion} you edited from`,
    409,
    { keyPointId, basedOnVersion, currentVersion, currentText, withdrawn: currentText === null },
  );
}

/** Every text of the summary that the Chatham House rule covers, where it sits. */
export function textsUnderRule(state: SummaryState): CheckedText[] {
  const sections = state.content.sections.filter((s) => sectionUnderChathamHouse(state, s));
  const covered = new Set(sections.map((s) => s.sectionId));
  return [
    ...sections.flatMap((s) => [
      { field: 'title' as const, text: s.title, sectionId: s.sectionId },
      { field: 'text' as const, text: s.text, sectionId: s.sectionId },
      ...s.keyPoints.map((k) => ({ field: 'text' as const, text: k.text, sectionId: s.sectionId, keyPointId: k.keyPointId })),
    ]),
    ...state.content.footnotes
      .filter((f) => f.text !== null && (f.sectionId === null ? state.chathamHouse : covered.has(f.sectionId)))
      .map((f) => ({ field: 'text' as const, text: f.text!, footnoteId: f.footnoteId })),
  ];
}
