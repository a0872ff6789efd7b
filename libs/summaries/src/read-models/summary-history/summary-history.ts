import { Injectable } from '@nestjs/common';
import { EventStore, type StoredEvent } from '@convene/event-store';
import { summaryStreamId } from '../../summary/summary.events.js';
import { evolve, initialSummaryState, type SummaryState, type SummaryStatus } from '../../summary/summary.state.js';
import { asSummaryEvent, foldStored, recordedOf } from '../../summary/summary.stored.js';

/** One version of the summary: the event that made it, and the status and edition it left. */
export interface SummaryVersion {
  version: number;
  event: string;
  status: SummaryStatus;
  edition: number;
  actor: string;
  actorRole: string | null;
  at: string;
}

/**
 * The summary as it was: replayed from its stream (never from the read model), so that any past
 * version or instant reads exactly as the events say.
 */
@Injectable()
export class SummaryHistory {
  constructor(private readonly store: EventStore) {}

  private read(consultationId: string, options: { toVersion?: number; asOf?: Date } = {}): Promise<StoredEvent[]> {
    return this.store.readStream(summaryStreamId(consultationId), 1, options);
  }

  /** The state after `version` events, or as it stood at `asOf` (by the commands' occurredAt). */
  async at(consultationId: string, when: { version?: number; asOf?: Date }): Promise<SummaryState> {
    return foldStored(await this.read(consultationId, { toVersion: when.version, asOf: when.asOf }));
  }

  /** The states at several versions, from one read of the stream. */
  async statesAt(consultationId: string, versions: number[]): Promise<Map<number, SummaryState>> {
    const wanted = new Set(versions);
    const out = new Map<number, SummaryState>();
    let state = initialSummaryState();
    for (const e of await this.read(consultationId, { toVersion: Math.max(...versions) })) {
      state = evolve(state, asSummaryEvent(e), recordedOf(e));
      if (wanted.has(e.version)) out.set(e.version, state);
    }
    return out;
  }

  async versions(consultationId: string): Promise<SummaryVersion[]> {
    let state = initialSummaryState();
    return (await this.read(consultationId)).map((e) => {
      state = evolve(state, asSummaryEvent(e), recordedOf(e));
      return {
        version: e.version,
        event: e.type,
        status: state.status,
        edition: state.edition,
        actor: e.metadata.actor,
        actorRole: e.metadata.actorRole ?? null,
        at: e.metadata.occurredAt,
      };
    });
  }
}
