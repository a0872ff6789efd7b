import { Injectable } from '@nestjs/common';
import {
  type AppendResult,
  type CommandMeta,
  ConcurrencyConflict,
  EventStore,
  IdempotencyKeyReused,
  type NewEvent,
  type StoredEvent,
} from '@convene/event-store';
import { CONSULTATION_STREAM_TYPE, type ConsultationEvent, consultationStreamId } from '../consultation/consultation.events.js';
import { type Consultation, type ConsultationState, evolveConsultation, initialConsultationState } from '../consultation/consultation.state.js';
import { seriesStreamId, type SeriesEvent } from '../series/series.events.js';
import { evolveSeries, initialSeriesState, type SeriesState } from '../series/series.state.js';
import type { CommandOutcome, SchedulingCommand } from './scheduling-command.js';

export interface Loaded<S> {
  streamId: string;
  state: S;
  /** 0 when the stream does not exist. */
  version: number;
}

/** Attempts of a command without If-Match that keeps losing the race for its stream. */
const MAX_ATTEMPTS = 5;

const asDomainEvent = <E>(e: StoredEvent) => ({ type: e.type, data: e.data }) as E;

/**
 * Loading and appending for the handlers: fold a stream, check the caller's expected version,
 * append at the version the decision was made on. The decisions themselves are elsewhere.
 */
@Injectable()
export class SchedulingStreams {
  constructor(private readonly store: EventStore) {}

  async loadSeries(seriesId: string): Promise<Loaded<SeriesState>> {
    return this.load(seriesStreamId(seriesId), initialSeriesState(), (s, e: SeriesEvent) => evolveSeries(s, e));
  }

  async loadConsultation(consultationId: string): Promise<Loaded<ConsultationState>> {
    return this.load(consultationStreamId(consultationId), initialConsultationState(), (s, e: ConsultationEvent) => evolveConsultation(s, e));
  }

  /**
   * The other consultations of the consultation's series, as their streams are now. Read without
   * a lock: a change committed to a sibling between this read and our append is not seen (see
   * docs/adr/0010); the consultation's own stream is guarded by its expected version.
   */
  async siblingsOf(consultation: Consultation): Promise<Consultation[]> {
    const { state: series } = await this.loadSeries(consultation.seriesId);
    const ids = (series?.consultationIds ?? []).filter((id) => id !== consultation.consultationId);
    const loaded = await Promise.all(ids.map((id) => this.loadConsultation(id)));
    // A consultation the series lists but whose own stream was never written is simply not there.
    return loaded.map((l) => l.state).filter((s): s is Consultation => s !== null);
  }

  /**
   * A command that carries an Idempotency-Key already used for the same request answers with the
   * first result, before anything is decided again (a retry after the response was lost).
   */
  async replayed(meta: CommandMeta, id: string): Promise<CommandOutcome | null> {
    if (!meta.idempotency) return null;
    const prior = await this.store.findIdempotencyKey(meta.idempotency.key);
    if (!prior) return null;
    if (prior.requestHash !== meta.idempotency.requestHash) throw new IdempotencyKeyReused(meta.idempotency.key);
    if (!prior.result) return null;
    return { id, streamId: prior.result.streamId, version: prior.result.version, appended: { ...prior.result, replayed: true } };
  }

  /** If-Match: the caller decided on a version of the resource; refuse when the stream has moved on. */
  requireExpectedVersion(loaded: Loaded<unknown>, expected: number | undefined): void {
    if (expected !== undefined && expected !== loaded.version) throw new ConcurrencyConflict(loaded.streamId, String(expected), loaded.version);
  }

  /** Appends at the version the decision was made on (0: the stream must not exist yet). */
  async append(streamId: string, streamType: string, events: Array<ConsultationEvent | SeriesEvent>, version: number, meta: CommandMeta): Promise<AppendResult> {
    // Domain event types are closed records; the store takes any JSON object as data.
    return this.store.append(streamId, events as unknown as NewEvent[], { expectedVersion: version, streamType, meta });
  }

  /** Appends to several streams in one transaction, each at the version its decision was made on; answers with the last. */
  async appendAtomically(
    appends: Array<{ streamId: string; streamType: string; events: Array<ConsultationEvent | SeriesEvent>; version: number }>,
    meta: CommandMeta,
  ): Promise<AppendResult> {
    return this.store.appendAtomically(
      appends.map((a) => ({ streamId: a.streamId, streamType: a.streamType, events: a.events as unknown as NewEvent[], expectedVersion: a.version })),
      meta,
    );
  }

  /**
   * Without If-Match the caller asked for the change on whatever is current: when another
   * command got in between our read and our append, decide again on the new state (the rules
   * are checked again too). With If-Match, the conflict is the caller's to see (412).
   */
  async retryingConflicts<T>(expectedVersion: number | undefined, attempt: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt();
      } catch (err) {
        if (!(err instanceof ConcurrencyConflict) || expectedVersion !== undefined || tries >= MAX_ATTEMPTS) throw err;
      }
    }
  }

  /**
   * The whole life of a command on one consultation: replay check, load, If-Match, decide, append.
   * With `siblings`, the decision also sees the other consultations of the series.
   */
  async changeConsultation<I extends { consultationId: string }>(
    command: SchedulingCommand<I>,
    decide: (state: ConsultationState, siblings: Consultation[]) => ConsultationEvent[],
    options: { siblings?: boolean } = {},
  ): Promise<CommandOutcome> {
    const { input, meta, expectedVersion } = command;
    const replay = await this.replayed(meta, input.consultationId);
    if (replay) return replay;
    return this.retryingConflicts(expectedVersion, () => this.decideAndAppend(command, decide, options));
  }

  private async decideAndAppend<I extends { consultationId: string }>(
    { input, meta, expectedVersion }: SchedulingCommand<I>,
    decide: (state: ConsultationState, siblings: Consultation[]) => ConsultationEvent[],
    options: { siblings?: boolean },
  ): Promise<CommandOutcome> {
    const loaded = await this.loadConsultation(input.consultationId);
    this.requireExpectedVersion(loaded, expectedVersion);
    const siblings = options.siblings && loaded.state ? await this.siblingsOf(loaded.state) : [];
    const events = decide(loaded.state, siblings);
    const outcome = { id: input.consultationId, streamId: loaded.streamId, version: loaded.version, appended: null };
    if (events.length === 0) return outcome;
    const appended = await this.append(loaded.streamId, CONSULTATION_STREAM_TYPE, events, loaded.version, meta);
    return { ...outcome, version: appended.version, appended };
  }

  private async load<S, E>(streamId: string, initial: S, evolve: (state: S, event: E) => S): Promise<Loaded<S>> {
    const events = await this.store.readStream(streamId);
    const state = events.reduce((s, e) => evolve(s, asDomainEvent<E>(e)), initial);
    return { streamId, state, version: events.at(-1)?.version ?? 0 };
  }
}
