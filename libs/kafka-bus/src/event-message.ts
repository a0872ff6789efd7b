import type { EventStore, StoredEvent } from '@convene/event-store';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

/**
 * Header names of an event on Kafka. The ids travel as headers so that routers, the dead-letter
 * tooling and other systems can read them without parsing the value.
 */
export const HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
  /** Absent when the event had no causation (the first of a chain). */
  causationId: 'causation-id',
  streamType: 'stream-type',
  streamVersion: 'stream-version',
  globalPosition: 'global-position',
  transactionId: 'transaction-id',
  occurredAt: 'occurred-at',
  contentType: 'content-type',
} as const;

/** The message value: the event's data (personal fields sealed, never plaintext) and metadata. */
interface EventValue {
  data: Record<string, unknown>;
  metadata: StoredEvent['metadata'];
}

/** A message that is not a Convene event (no event id, bad JSON): it can only be dead-lettered. */
export class MalformedEventMessage extends Error {
  constructor(reason: string) {
    super(`Not a Convene event message: ${reason}`);
    this.name = 'MalformedEventMessage';
  }
}

/** Key = stream id, so that a stream's events share a partition and keep their order. */
export function toMessage(e: StoredEvent): Message {
  const headers: IHeaders = {
    [HEADERS.eventId]: e.metadata.eventId,
    [HEADERS.eventType]: e.type,
    [HEADERS.schemaVersion]: String(e.schemaVersion),
    [HEADERS.correlationId]: e.metadata.correlationId,
    [HEADERS.streamType]: e.streamType,
    [HEADERS.streamVersion]: String(e.version),
    [HEADERS.globalPosition]: e.globalPosition.toString(),
    [HEADERS.transactionId]: e.transactionId.toString(),
    [HEADERS.occurredAt]: e.metadata.occurredAt,
    [HEADERS.contentType]: 'application/json',
  };
  if (e.metadata.causationId) headers[HEADERS.causationId] = e.metadata.causationId;
  const value: EventValue = { data: e.data, metadata: e.metadata };
  return { key: e.streamId, value: JSON.stringify(value), headers };
}

export const headerText = (headers: IHeaders | undefined, name: string): string | undefined => {
  const v = headers?.[name];
  const one = Array.isArray(v) ? v[0] : v;
  return one === undefined ? undefined : one.toString();
};

/** The event as it was read from the store with `decrypt: false` (sealed, not upcast). */
export function fromMessage(message: KafkaMessage): StoredEvent {
  const h = (name: string) => {
    const v = headerText(message.headers, name);
    if (v === undefined || v === '') throw new MalformedEventMessage(`header ${name} missing`);
    return v;
  };
  let value: EventValue;
  try {
    value = JSON.parse(message.value?.toString() ?? '') as EventValue;
  } catch (err) {
    throw new MalformedEventMessage(`value is not JSON (${(err as Error).message})`);
  }
  if (!value || typeof value.data !== 'object' || typeof value.metadata !== 'object') {
    throw new MalformedEventMessage('value lacks data or metadata');
  }
  const int = (name: string) => {
    const text = h(name);
    if (!/^\d+$/.test(text)) throw new MalformedEventMessage(`header ${name} is not a number`);
    return BigInt(text);
  };
  const eventId = h(HEADERS.eventId);
  if (value.metadata.eventId !== eventId) throw new MalformedEventMessage('event-id header and metadata disagree');
  const streamId = message.key?.toString();
  if (!streamId) throw new MalformedEventMessage('no key (stream id)');
  return {
    globalPosition: int(HEADERS.globalPosition),
    transactionId: int(HEADERS.transactionId),
    streamId,
    streamType: h(HEADERS.streamType),
    version: Number(int(HEADERS.streamVersion)),
    type: h(HEADERS.eventType),
    schemaVersion: Number(int(HEADERS.schemaVersion)),
    data: value.data,
    metadata: value.metadata,
  };
}

/**
 * Opens sealed personal fields with the store's cipher (a forgotten subject reads "[erased]"),
 * then upcasts, in that order: a sealed field is bound to the path it was written at.
 * What EventStore.readAll does with `decrypt: true`, for events that came through Kafka.
 */
export async function openEvents(store: EventStore, events: StoredEvent[]): Promise<StoredEvent[]> {
  const copies = events.map((e) => ({ ...e, data: structuredClone(e.data) }));
  await store.cipher.open(store.pool, copies);
  return copies.map((e) => ({ ...e, ...store.registry.upcast(e.type, e.schemaVersion, e.data) }));
}
