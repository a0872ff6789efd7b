import type { StoredEvent } from '@convene/event-store';
import type { Recorded, SummaryEvent } from './summary.events.js';
import { evolve, initialSummaryState, type SummaryState } from './summary.state.js';

/** From the store's envelope to what evolve takes: the event, and who recorded it when at which version. */
export const recordedOf = (e: StoredEvent): Recorded => ({
  version: e.version,
  actor: e.metadata.actor,
  occurredAt: e.metadata.occurredAt,
});

export const asSummaryEvent = (e: StoredEvent): SummaryEvent => ({ type: e.type, data: e.data }) as SummaryEvent;

/**
 * Folds stored events onto a state. Events at or below the state's version are skipped, so a
 * batch delivered twice (a Kafka redelivery, a replay) cannot apply anything twice.
 */
export function foldStored(events: Iterable<StoredEvent>, from: SummaryState = initialSummaryState()): SummaryState {
  let state = from;
  for (const e of events) if (e.version > state.version) state = evolve(state, asSummaryEvent(e), recordedOf(e));
  return state;
}
