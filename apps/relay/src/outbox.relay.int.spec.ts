import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from '@jest/globals';
import { EventStore, type StoredEvent } from '@convene/event-store';
import { eventTopics, HEADERS, kafkaBusFeature, provisionTopics, relayStatus } from '@convene/kafka-bus';
import { createServerDatabase, type TestDatabase } from '../../../test/support/databases.js';
import {
  describeKafka,
  mockToolsAvailable,
  type PrivateMock,
  readTopics,
  type ReadMessage,
  startPrivateMock,
  testBusConfig,
  testKafka,
  uniqueName,
  waitFor,
} from '../../../test/support/kafka.js';
import { appendWorkload, workloadRegistry } from '../../../test/support/projections.js';
import { OutboxRelay } from './outbox.relay.js';

const relayLag = async (db: TestDatabase, name: string) => (await relayStatus(db.pool)).find((r) => r.name === name)?.lag ?? -1;

describeKafka('outbox relay (Kafka test peer)', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
  });

  async function world(brokers?: string) {
    const db = await createServerDatabase(kafkaBusFeature.migrations);
    cleanups.push(() => db.drop());
    const store = new EventStore(db.pool, workloadRegistry());
    const prefix = uniqueName('relay');
    // People go to the module topic of a feature that claims their stream type; things to convene.events.
    const config = testBusConfig(prefix, { brokers, features: [{ name: 'registration', streamTypes: ['person'] }] });
    const relay = new OutboxRelay({ store, config, name: prefix, databaseUrl: db.url, backoff: { initialMs: 100, maxMs: 1000 } });
    cleanups.push(() => relay.stop());
    return { db, store, config, relay, prefix };
  }

  it('publishes every event once, keyed by stream, in stream order, with the ids in headers and personal fields sealed', async () => {
    const { db, store, config, relay, prefix } = await world();
    // Half before the relay starts (catch-up), half while it runs (woken by NOTIFY).
    const before = await appendWorkload(store, { streams: 12, perStream: 5, people: 4, label: 'a' });
    await relay.start();
    const during = await appendWorkload(store, { streams: 12, perStream: 5, people: 4, label: 'b' });
    const total = before.events + during.events;
    await waitFor(async () => (await relayLag(db, prefix)) === 0, 30_000, async () => `relay lag ${await relayLag(db, prefix)}`);
    expect(['unsupported', 'done']).toContain(relay.provisioning?.status);

    const stored = new Map<string, StoredEvent>();
    for await (const batch of store.stream({ decrypt: false })) for (const e of batch) stored.set(e.metadata.eventId, e);
    expect(stored.size).toBe(total);

    const kafka = testKafka(config);
    const messages = await readTopics(kafka, eventTopics(config), (m) => m.length >= total);
    // At-least-once allows duplicates after a failure; a clean run has none.
    expect(messages).toHaveLength(total);
    expect(new Set(messages.map((m) => m.headers[HEADERS.eventId]))).toEqual(new Set(stored.keys()));

    const byKey = new Map<string, ReadMessage[]>();
    for (const m of messages) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
    for (const [key, list] of byKey) {
      expect(new Set(list.map((m) => `${m.topic}/${m.partition}`)).size).toBe(1);
      list.sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)));
      // In partition order the stream's versions are exactly 1..n.
      expect({ key, versions: list.map((m) => Number(m.headers[HEADERS.streamVersion])) }).toEqual({
        key,
        versions: list.map((_, i) => i + 1),
      });
    }

    for (const m of messages) {
      const e = stored.get(m.headers[HEADERS.eventId])!;
      expect(m.key).toBe(e.streamId);
      expect(m.topic).toBe(e.streamType === 'person' ? `${prefix}.convene.registration` : `${prefix}.convene.events`);
      expect(m.headers).toEqual(
        expect.objectContaining({
          [HEADERS.eventType]: e.type,
          [HEADERS.schemaVersion]: String(e.schemaVersion),
          [HEADERS.correlationId]: e.metadata.correlationId,
          [HEADERS.causationId]: e.metadata.causationId,
          [HEADERS.streamType]: e.streamType,
          [HEADERS.streamVersion]: String(e.version),
          [HEADERS.globalPosition]: e.globalPosition.toString(),
          [HEADERS.transactionId]: e.transactionId.toString(),
          [HEADERS.occurredAt]: e.metadata.occurredAt,
        }),
      );
      expect(JSON.parse(m.value)).toEqual({ data: e.data, metadata: e.metadata });
    }
    const person = messages.find((m) => m.headers[HEADERS.eventType] === 'PersonRegistered')!;
    expect(person.value).not.toContain('Name of');
    expect(person.value).not.toContain('@example.org');
    expect(JSON.parse(person.value).data.name).toEqual({ $pii: expect.any(String), sub: expect.any(String) });
    expect(relay.metrics).toMatchObject({ published: total, failures: 0, leader: true });
  });

  it('provisions topics softly: a broker that refuses admin calls is reported, not fatal', async () => {
    const config = testBusConfig(uniqueName('provision'));
    const result = await provisionTopics(testKafka(config), config);
    // The librdkafka mock answers createTopics with "unsupported version"; a real broker creates them.
    expect(['unsupported', 'done']).toContain(result.status);
    if (result.status === 'unsupported') expect(result.error).toMatch(/not support/i);
    expect(await provisionTopics(testKafka(config), { ...config, provisionTopics: false })).toMatchObject({ status: 'disabled' });
  });

  it('keeps only one relay of a name publishing: a second one stands by', async () => {
    const { db, store, config, relay, prefix } = await world();
    await relay.start();
    const second = new OutboxRelay({ store, config, name: prefix, databaseUrl: db.url });
    cleanups.push(() => second.stop());
    await second.start();
    const w = await appendWorkload(store, { streams: 3, perStream: 3 });
    await waitFor(async () => (await relayLag(db, prefix)) === 0, 30_000);
    expect(relay.metrics.published).toBe(w.events);
    expect(second.metrics).toMatchObject({ published: 0, leader: false });
    expect((await second.health()).role).toBe('standby');
  });

  (mockToolsAvailable() ? it : it.skip)(
    'the peer stopped for 30 s and started again: commands keep succeeding, the relay backs off and catches up, nothing is lost',
    async () => {
      const mock: PrivateMock = await startPrivateMock();
      cleanups.push(() => mock.dispose());
      const { db, store, config, relay, prefix } = await world(mock.brokers);
      await relay.start();
      const before = await appendWorkload(store, { streams: 6, perStream: 4, label: 'before' });
      await waitFor(async () => (await relayLag(db, prefix)) === 0, 30_000);
      expect(relay.metrics.published).toBe(before.events);

      await mock.stop();
      const downSince = Date.now();
      const during: string[] = [];
      // Appends go on while the peer is away; each one must succeed promptly.
      while (Date.now() - downSince < 30_000) {
        const started = Date.now();
        const w = await appendWorkload(store, { streams: 3, perStream: 2, label: `down${during.length}` });
        expect(Date.now() - started).toBeLessThan(2000);
        during.push(...w.streams);
        await sleep(3000);
      }
      expect(await relayLag(db, prefix)).toBeGreaterThan(0);
      expect(relay.metrics.failures).toBeGreaterThan(1);
      expect((await relay.health()).status).toBe('degraded');

      await mock.start();
      const restarted = Date.now();
      await waitFor(async () => (await relayLag(db, prefix)) === 0, 60_000, async () => `relay lag ${await relayLag(db, prefix)}`);
      const catchUpMs = Date.now() - restarted;
      expect(relay.metrics.consecutiveFailures).toBe(0);

      // The restarted peer starts empty: it must now hold every event appended while it was away.
      const missed = new Set<string>();
      for await (const batch of store.stream({ decrypt: false })) {
        for (const e of batch) if (during.includes(e.streamId)) missed.add(e.metadata.eventId);
      }
      const messages = await readTopics(testKafka(config), eventTopics(config), (m) =>
        [...missed].every((id) => m.some((x) => x.headers[HEADERS.eventId] === id)),
      );
      expect(messages.length).toBeGreaterThanOrEqual(missed.size);
      process.stderr.write(`  relay caught up ${missed.size} events ${catchUpMs} ms after the peer came back\n`);
    },
    180_000,
  );
});
