/**
 * Public types of the event store. Domain modules depend on these only.
 */

/** Who did it, why, and when: travels with every command into every event's metadata. */
export interface CommandMeta {
  /** Subject of the acting user ("anonymous" for public endpoints). */
  actor: string;
  /** Role the actor acted in (secretariat, chair, focal-point, participant, public). */
  actorRole?: string;
  correlationId: string;
  causationId?: string;
  /** ISO-8601 instant the command was accepted; the domain never reads the clock itself. */
  occurredAt: string;
  /** Present when the HTTP request carried an Idempotency-Key. */
  idempotency?: { key: string; requestHash: string };
}

export interface EventMetadata {
  eventId: string;
  correlationId: string;
  causationId: string | null;
  actor: string;
  actorRole?: string;
  occurredAt: string;
  [extra: string]: unknown;
}

/** An event as the domain produces it. */
export interface NewEvent<T extends string = string, D = Record<string, unknown>> {
  type: T;
  data: D;
  /**
   * The command this event records, when one append records several commands (a batch decided
   * together on one stream); otherwise the append's meta applies.
   */
  meta?: CommandMeta;
}

/** An event as read back from the store (upcasted, personal fields decrypted or "[erased]"). */
export interface StoredEvent<T extends string = string, D = Record<string, unknown>> {
  globalPosition: bigint;
  transactionId: bigint;
  streamId: string;
  streamType: string;
  version: number;
  type: T;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata;
}

/** Exact version (0 = the stream must not exist yet), 'no-stream', or 'any'. */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  streamType: string;
  meta: CommandMeta;
}

/** One stream's part of an append that changes several streams at once (EventStore.appendAtomically). */
export interface StreamAppend {
  streamId: string;
  streamType: string;
  events: NewEvent[];
  expectedVersion: ExpectedVersion;
}

export interface AppendResult {
  streamId: string;
  /** Version of the stream after the append. */
  version: number;
  /** Global positions of the appended events, as decimal strings. */
  positions: string[];
  /** Transaction id of the append, as a decimal string: with positions, the cursor position to wait for. */
  transactionId: string;
  /** true when an Idempotency-Key replay returned the first result and appended nothing. */
  replayed: boolean;
}

/** A cursor position: (transaction id, global position); read strictly after it. */
export interface Checkpoint {
  transactionId: bigint;
  globalPosition: bigint;
}

export const START: Checkpoint = { transactionId: 0n, globalPosition: 0n };

/** Fixed marker that replaces a personal field once its subject was forgotten. */
export const ERASED = '[erased]';
