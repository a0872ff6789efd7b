/**
 * given(events).when(decide).then(events) for the summary's decide functions, and builders of
 * the events and contexts the specs share. Test code only.
 */
import { expect } from '@jest/globals';
import { type CommandMeta, RuleViolation } from '@convene/event-store';
import type { Recorded, SummaryEvent } from './summary.events.js';
import { foldSummary, type SummaryState } from './summary.state.js';
import type { AttributionContext } from './summary.rules.js';

export const CONSULTATION = 'c-0001';
export const T0 = '2019-01-24T09:00:00.000Z';

export const meta = (actorRole: string = 'secretariat', actor = `${actorRole}-1`): CommandMeta => ({
  actor,
  actorRole,
  correlationId: 'corr-1',
  occurredAt: T0,
});

/** Attribution context with a readable stand-in for the hash. */
export const ctx = (people: string[] = []): AttributionContext => ({ people, hash: (text) => `hash:${text.trim()}` });

type Given = SummaryEvent | [SummaryEvent, Partial<Recorded>];

export function given(...history: Given[]) {
  const state: SummaryState = foldSummary(
    history.map((g, i) => {
      const [event, at] = Array.isArray(g) ? g : [g, {}];
      return { event, at: { version: i + 1, actor: 'secretariat-1', occurredAt: T0, ...at } };
    }),
  );
  return {
    state,
    when(decide: (state: SummaryState) => SummaryEvent[]) {
      let events: SummaryEvent[] | undefined;
      let error: unknown;
      try {
        events = decide(state);
      } catch (err) {
        error = err;
      }
      return {
        // unknown[]: expected events may hold asymmetric matchers (expect.objectContaining).
        then(expected: unknown[]) {
          if (error) throw error;
          expect(events).toEqual(expected);
        },
        thenRefuses(rule: string, status?: number, details?: Record<string, unknown>): RuleViolation {
          expect(error).toBeInstanceOf(RuleViolation);
          const violation = error as RuleViolation;
          expect(violation.rule).toBe(rule);
          if (status !== undefined) expect(violation.status).toBe(status);
          if (details) expect(violation.details).toMatchObject(details);
          return violation;
        },
      };
    },
  };
}

/** Builders of past events with plausible defaults. */
export const past = {
  started: (data: Partial<Extract<SummaryEvent, { type: 'ChairSummaryStarted' }>['data']> = {}): SummaryEvent => ({
    type: 'ChairSummaryStarted',
    data: { consultationId: CONSULTATION, chathamHouse: true, edition: 1, ...data },
  }),
  section: (sectionId = 's1', data: Partial<Extract<SummaryEvent, { type: 'ChairSummarySectionAdded' }>['data']> = {}): SummaryEvent => ({
    type: 'ChairSummarySectionAdded',
    data: { sectionId, kind: 'session', title: 'Session 1: Norms', text: '', sessionId: null, chathamHouse: null, ...data },
  }),
  keyPoint: (keyPointId = 'k1', text = 'Participants saw value in regional points of contact.', sectionId = 's1', position = 0): SummaryEvent => ({
    type: 'ChairSummaryKeyPointAdded',
    data: { keyPointId, sectionId, text, position },
  }),
  revised: (keyPointId: string, text: string, basedOnVersion: number): SummaryEvent => ({
    type: 'ChairSummaryKeyPointRevised',
    data: { keyPointId, text, basedOnVersion },
  }),
  withdrawn: (keyPointId: string, basedOnVersion: number): SummaryEvent => ({
    type: 'ChairSummaryKeyPointWithdrawn',
    data: { keyPointId, basedOnVersion },
  }),
  submitted: (edition = 1): SummaryEvent => ({ type: 'ChairSummarySubmitted', data: { edition } }),
  changesRequested: (comment = 'Shorten the introduction.', edition = 1): SummaryEvent => ({
    type: 'ChairSummaryChangesRequested',
    data: { edition, comment },
  }),
  approved: (approvedVersion: number, edition = 1): [SummaryEvent, Partial<Recorded>] => [
    { type: 'ChairSummaryApproved', data: { edition, approvedVersion } },
    { actor: 'chair-1' },
  ],
  published: (approvedVersion: number, edition = 1): SummaryEvent => ({ type: 'ChairSummaryPublished', data: { edition, approvedVersion } }),
  correction: (reason = 'A footnote cited the wrong symbol.', edition = 2): SummaryEvent => ({
    type: 'ChairSummaryCorrectionStarted',
    data: { edition, reason },
  }),
  waived: (text: string, waiverId = 'w1'): [SummaryEvent, Partial<Recorded>] => [
    { type: 'ChairSummaryAttributionWaived', data: { waiverId, textHash: `hash:${text.trim()}`, reason: 'Public statement', spans: 1 } },
    { actor: 'chair-1' },
  ],
};

/** A summary through its first publication: started, one section with one key point, submitted, approved, published. */
export const publishedSummary = (): Given[] => [past.started(), past.section(), past.keyPoint(), past.submitted(), past.approved(4), past.published(4)];
