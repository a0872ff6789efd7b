import { describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@convene/event-store';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { fromMessage, HEADERS, MalformedEventMessage, toMessage } from './event-message.js';

const event: StoredEvent = {
  globalPosition: 12345678901234n,
  transactionId: 987654321n,
  streamId: 'consultation-1',
  streamType: 'consultation',
  version: 7,
  type: 'ConsultationScheduled',
  schemaVersion: 2,
  data: { title: 'Regional consultation', chair: { $pii: 'v1.abc', sub: 'person-1' } },
  metadata: {
    eventId: '6f1c2a43-7d0e-4c41-9a55-0b1a9bd0e1f2',
    correlationId: 'corr-1',
    causationId: 'cause-1',
    actor: 'alice',
    occurredAt: '2026-11-21T10:00:00.000Z',
  },
};

/** What a consumer receives: the produced message with an offset, headers as Buffers. */
const received = (m: ReturnType<typeof toMessage>): KafkaMessage =>
  ({
    key: Buffer.from(String(m.key)),
    value: Buffer.from(String(m.value)),
    headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))])),
    offset: '0',
    timestamp: '0',
    attributes: 0,
  }) as KafkaMessage;

describe('event <-> Kafka message', () => {
  it('keys by stream id, carries the ids in headers, and comes back as the same event', () => {
    const m = toMessage(event);
    expect(m.key).toBe('consultation-1');
    expect(m.headers).toMatchObject({
      [HEADERS.eventId]: event.metadata.eventId,
      [HEADERS.eventType]: 'ConsultationScheduled',
      [HEADERS.schemaVersion]: '2',
      [HEADERS.correlationId]: 'corr-1',
      [HEADERS.causationId]: 'cause-1',
      [HEADERS.streamVersion]: '7',
      [HEADERS.globalPosition]: '12345678901234',
      [HEADERS.transactionId]: '987654321',
    });
    expect(fromMessage(received(m))).toEqual(event);
  });

  it('leaves out the causation header of an event that has none', () => {
    const first = { ...event, metadata: { ...event.metadata, causationId: null } };
    const m = toMessage(first);
    expect(m.headers).not.toHaveProperty(HEADERS.causationId);
    expect(fromMessage(received(m))).toEqual(first);
  });

  it('refuses what is not a Convene event', () => {
    const m = received(toMessage(event));
    const altered = (over: { key?: null; value?: Buffer; headers?: IHeaders }) => fromMessage({ ...m, ...over } as KafkaMessage);
    expect(() => altered({ value: Buffer.from('not json') })).toThrow(MalformedEventMessage);
    expect(() => altered({ headers: { ...m.headers, [HEADERS.eventId]: undefined } })).toThrow(/event-id/);
    expect(() => altered({ headers: { ...m.headers, [HEADERS.eventId]: Buffer.from('other') } })).toThrow(/disagree/);
    expect(() => altered({ headers: { ...m.headers, [HEADERS.globalPosition]: Buffer.from('12x') } })).toThrow(/not a number/);
    expect(() => altered({ key: null })).toThrow(/stream id/);
  });
});
