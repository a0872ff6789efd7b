import { Injectable } from '@nestjs/common';
import { type AppendResult, type CommandMeta, ConcurrencyConflict, EventStore } from '@convene/event-store';
import { SUMMARY_STREAM_TYPE, type SummaryEvent, summaryStreamId } from './summary.events.js';
import { evolve, type SummaryState } from './summary.state.js';
import { foldStored } from './summary.stored.js';

/** What a command changed; ids of created things are added by the handlers. */
export interface SummaryChange {
  consultationId: string;
  state: SummaryState;
  /** The events appended (none when the command changed nothing). */
  events: SummaryEvent[];
  /** null when nothing was appended. */
  appended: AppendResult | null;
}

// Enough for a busy drafting session; past it the caller gets the conflict (409/412) to retry.
const MAX_ATTEMPTS = 5;

/**
 * Loads a summary stream, decides, appends: the only way handlers touch the store
 * (Marten's GetAndUpdate).
 */
@Injectable()
export class SummaryRepository {
  constructor(private readonly store: EventStore) {}

  async load(consultationId: string, options: { toVersion?: number; asOf?: Date } = {}): Promise<SummaryState> {
    return foldStored(await this.store.readStream(summaryStreamId(consultationId), 1, options));
  }

  /**
   * With `expectedVersion` (If-Match), the stream must be exactly there. Without it, a conflict
   * with another append reloads and decides again: the decide functions check what really
   * matters (a key point's own version), so a change elsewhere in the summary is no conflict.
   */
  async update(
    consultationId: string,
    meta: CommandMeta,
    decide: (state: SummaryState) => SummaryEvent[],
    options: { expectedVersion?: number } = {},
  ): Promise<SummaryChange> {
    const streamId = summaryStreamId(consultationId);
    for (let attempt = 1; ; attempt++) {
      const state = await this.load(consultationId);
      const events = decide(state);
      if (events.length === 0) return { consultationId, state, events, appended: null };
      const expected = options.expectedVersion ?? (state.version === 0 ? 'no-stream' : state.version);
      try {
        const appended = await this.store.append(streamId, events, { expectedVersion: expected, streamType: SUMMARY_STREAM_TYPE, meta });
        const after = events.reduce(
          (s, e, i) => evolve(s, e, { version: state.version + i + 1, actor: meta.actor, occurredAt: meta.occurredAt }),
          state,
        );
        // An idempotent replay appended nothing now: the state after it is what the stream holds.
        return { consultationId, state: appended.replayed ? await this.load(consultationId) : after, events, appended };
      } catch (err) {
        const retry = err instanceof ConcurrencyConflict && options.expectedVersion === undefined && attempt < MAX_ATTEMPTS;
        if (!retry) throw err;
      }
    }
  }
}
