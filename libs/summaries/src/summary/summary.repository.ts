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
    const replay = await this.replayed(streamId, consultationId, meta);
    if (replay) return replay;
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

  /**
   * A retry (same Idempotency-Key, same request) of a command whose first attempt was committed
   * but whose answer was lost: the first attempt's outcome, as the stream stood right after it.
   * Deciding again instead would answer from a state that already has the change: 409
   * SummaryLockedForReview for a second "submit" that had in fact succeeded (crash proof,
   * test/proof/crash). A different request under the key falls through to the append, which refuses it.
   */
  private async replayed(streamId: string, consultationId: string, meta: CommandMeta): Promise<SummaryChange | null> {
    if (!meta.idempotency) return null;
    const prior = await this.store.findIdempotencyKey(meta.idempotency.key);
    if (!prior?.result || prior.requestHash !== meta.idempotency.requestHash || prior.result.streamId !== streamId) return null;
    const { version, positions } = prior.result;
    const stored = await this.store.readStream(streamId, 1, { toVersion: version });
    const events = stored.slice(stored.length - positions.length).map((e) => ({ type: e.type, data: e.data }) as SummaryEvent);
    return { consultationId, state: foldStored(stored), events, appended: { ...prior.result, replayed: true } };
  }
}
