import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from '@jest/globals';
import { NestFactory } from '@nestjs/core';
import { type Database, EventStore, type Projection, ProjectionRunner, readModelHash } from '@convene/event-store';
import { DemoSeeder } from '@convene/scheduling';
import { HEADERS, kafkaBusFeature, startHealthServer } from '@convene/kafka-bus';
import { AppModule } from '../../api/src/app.module.js';
import { features } from '../../api/src/features.js';
import { OutboxRelay } from '../../relay/src/outbox.relay.js';
import { createServerDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { describeKafka, readTopics, testBusConfig, testKafka, uniqueName, waitFor } from '../../../test/support/kafka.js';
import {
  appendWorkload,
  countingProjection,
  sequenceProjection,
  type Workload,
  workloadMeta,
  workloadProjections,
  workloadRegistry,
  workloadTables,
} from '../../../test/support/projections.js';
import { KafkaProjector, type KafkaProjectorOptions } from './kafka.projector.js';

/** The modules' own projections ride along: whatever they make of the workload must match too. */
const featureProjections = () => features.flatMap((f) => f.projections ?? []);
const featureTables = () => featureProjections().flatMap((p) => p.tables);

describeKafka('Kafka projector (Kafka test peer)', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
  });

  /** A database, store, relay and bus configuration of the test's own. */
  async function world(projections: Projection[]) {
    const db = await createServerDatabase([...kafkaBusFeature.migrations!, ...features.flatMap((f) => f.migrations ?? [])]);
    cleanups.push(() => db.drop());
    const registry = workloadRegistry().register(...features.flatMap((f) => f.events ?? []));
    const store = new EventStore(db.pool, registry);
    const prefix = uniqueName('projector');
    const config = testBusConfig(prefix);
    const relay = new OutboxRelay({ store, config, name: prefix, databaseUrl: db.url });
    cleanups.push(() => relay.stop());
    await relay.start();
    const projector = (over: Partial<KafkaProjectorOptions> = {}) => {
      const p = new KafkaProjector({ store, projections, config, retryDelayMs: 50, ...over });
      cleanups.push(() => p.stop());
      return p;
    };
    /** Resolves once every projection's checkpoint has passed the append (the read-your-writes check). */
    const caughtUp = async (w: Workload, timeoutMs = 60_000) => {
      const ok = await new ProjectionRunner(store, []).waitForAppend(w.last, timeoutMs);
      if (!ok) throw new Error(`projections did not reach the workload: ${JSON.stringify(await new ProjectionRunner(store, []).status())}`);
    };
    return { db, store, config, projector, caughtUp, prefix };
  }

  const counts = async (db: TestDatabase) =>
    new Map((await db.pool.query(`SELECT stream_id, n FROM thing_counts`)).rows.map((r) => [r.stream_id as string, r.n as number]));

  /** The same projections rebuilt from the store by the in-process runner, then hashed. */
  async function inProcessHash(db: TestDatabase, store: EventStore, projections: Projection[], tables: string[]) {
    const runner = new ProjectionRunner(store, projections);
    for (const p of projections) await runner.rebuild(p.name);
    return readModelHash(db.pool, tables);
  }

  it('ends in the same read models as the in-process path (same readModelHash)', async () => {
    const projections = [...workloadProjections(), ...featureProjections()];
    const tables = [...workloadTables, ...featureTables()];
    const { db, store, projector, caughtUp } = await world(projections);
    const p = projector();
    await p.start();
    const w = await appendWorkload(store, { streams: 20, perStream: 8, people: 6 });
    await caughtUp(w);
    const viaKafka = await readModelHash(db.pool, tables);

    const c = await counts(db);
    for (const id of w.streams) expect([id, c.get(id)]).toEqual([id, 8]);
    const seq = (await db.pool.query(`SELECT seq FROM stream_sequences WHERE stream_id = $1`, [w.streams[0]])).rows[0].seq;
    expect(seq.split(',').map(Number)).toEqual(Array.from({ length: seq.split(',').length }, (_, i) => i + 1));
    const people = (await db.pool.query(`SELECT name, email FROM people ORDER BY person_id`)).rows;
    expect(people).toHaveLength(6);
    expect(people[0].name).toMatch(/^Name of person-/); // opened with the store's cipher, not "[erased]" nor ciphertext
    expect(p.metrics).toMatchObject({ deadLettered: 0 });
    expect(p.metrics.applied).toBeGreaterThan(0);

    await p.stop();
    expect(await inProcessHash(db, store, projections, tables)).toBe(viaKafka);
  });

  it('feeds the demo series, loaded through the application, into the same read models as the in-process path', async () => {
    const db = await createServerDatabase([...kafkaBusFeature.migrations!, ...features.flatMap((f) => f.migrations ?? [])]);
    cleanups.push(() => db.drop());
    const database: Database = {
      kind: 'postgres',
      url: db.url,
      dataDir: await mkdtemp(path.join(tmpdir(), 'convene-kafka-demo-')),
      supportsListen: true,
      poolSize: 10,
      close: async () => {},
    };
    // The API as it runs with KAFKA_BROKERS set: commands append, the projector feeds the read models.
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ database, runProjections: false }), { logger: false });
    cleanups.push(() => app.close());
    const store = app.get(EventStore);
    const config = testBusConfig(uniqueName('demo'), { features });
    const relay = new OutboxRelay({ store, config, name: 'demo', databaseUrl: db.url });
    const projections = featureProjections();
    const projector = new KafkaProjector({ store, projections, config });
    cleanups.push(() => relay.stop(), () => projector.stop());
    await relay.start();
    await projector.start();

    // The seeder waits for read-your-writes through the checkpoints the projector moves.
    const seeded = await app.get(DemoSeeder).seed();
    expect(seeded.appended).toBeGreaterThan(0);
    const head = (await db.pool.query(`SELECT transaction_id::text AS tx, global_position::text AS pos FROM events ORDER BY 1 DESC, 2 DESC LIMIT 1`)).rows[0];
    expect(await new ProjectionRunner(store, []).waitForAppend({ transactionId: head.tx, positions: [head.pos] }, 60_000)).toBe(true);
    const tables = featureTables();
    let rows = 0;
    for (const t of tables) rows += (await db.pool.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n;
    expect(rows).toBeGreaterThan(0);
    const viaKafka = await readModelHash(db.pool, tables);
    expect(projector.metrics).toMatchObject({ deadLettered: 0 });
    expect(projector.metrics.applied).toBeGreaterThan(0);
    await projector.stop();
    expect(await inProcessHash(db, store, projections, tables)).toBe(viaKafka);
  }, 120_000);

  it('after a crash between the read-model commit and the offset commit, and after a clean restart, nothing is lost or applied twice', async () => {
    const projections = workloadProjections();
    const { db, store, config, projector, caughtUp } = await world(projections);
    let crashed: Promise<void> | undefined;
    const a = projector({
      // After the first batch's read-model transactions, before its offsets are committed.
      afterApply: () => {
        if (crashed) return;
        crashed = a.stop();
        throw new Error('simulated crash before the offset commit');
      },
    });
    await a.start();
    const w1 = await appendWorkload(store, { streams: 10, perStream: 6, label: 'w1' });
    await waitFor(() => crashed !== undefined, 30_000, () => JSON.stringify(a.metrics));
    await crashed;
    expect(a.metrics.applied).toBeGreaterThan(0);

    const w2 = await appendWorkload(store, { streams: 10, perStream: 6, people: 3, label: 'w2' });
    const b = projector();
    await b.start();
    await caughtUp(w2);
    await caughtUp(w1);
    // Nothing was committed before the crash: the group starts over, and what A applied is dropped.
    expect(b.metrics.duplicates).toBeGreaterThan(0);
    await b.stop();

    const w3 = await appendWorkload(store, { streams: 5, perStream: 6, label: 'w3' });
    const c = projector();
    await c.start();
    await caughtUp(w3);
    // A clean stop committed: it goes on from there instead of reading everything again.
    expect(c.metrics.messages).toBeLessThan(w1.events + w2.events);
    const counted = await counts(db);
    for (const id of [...w1.streams, ...w2.streams, ...w3.streams]) expect([id, counted.get(id)]).toEqual([id, 6]);
    const before = await readModelHash(db.pool, workloadTables);
    await c.stop();

    // A new group reads every message from the start: all of it is dropped, nothing changes.
    const again = projector({ groupId: `${config.consumer.groupId}-again` });
    await again.start();
    const total = w1.events + w2.events + w3.events;
    await waitFor(() => again.metrics.messages >= total, 60_000, () => JSON.stringify(again.metrics));
    expect(again.metrics.applied).toBe(0);
    expect(await readModelHash(db.pool, workloadTables)).toBe(before);
    await again.stop();
    expect(await inProcessHash(db, store, projections, workloadTables)).toBe(before);
  }, 120_000);

  it('splits the partitions between two instances of the group, which together apply everything once', async () => {
    const projections = workloadProjections();
    const { db, store, config, projector, caughtUp } = await world(projections);
    const a = projector();
    const b = projector();
    // One after the other, as a scale-out happens. (Two first joins at the same instant make the
    // test peer answer a SyncGroup with an error; kafkajs then restarts that member, which only
    // costs time. A real broker handles it.)
    await a.start();
    await waitFor(() => Object.keys(a.assignment).length > 0, 30_000);
    await b.start();
    const held = () => [a, b].map((p) => Object.entries(p.assignment).flatMap(([t, parts]) => parts.map((n) => `${t}/${n}`)));
    // The peer auto-creates each topic with 4 partitions.
    const partitions = 4 * (config.topics.length - 1);
    await waitFor(
      () => {
        const [ha, hb] = held();
        return ha.length > 0 && hb.length > 0 && new Set([...ha, ...hb]).size === partitions && ha.length + hb.length === partitions;
      },
      60_000,
      () => JSON.stringify(held()),
    );
    const w = await appendWorkload(store, { streams: 24, perStream: 5 });
    await caughtUp(w);
    expect(a.metrics.applied).toBeGreaterThan(0);
    expect(b.metrics.applied).toBeGreaterThan(0);
    const c = await counts(db);
    for (const id of w.streams) expect([id, c.get(id)]).toEqual([id, 5]);
  }, 120_000);

  it('sends a poison event to the dead-letter topic with the error and keeps going; /health and /metrics show it', async () => {
    const poisonous = countingProjection({ poisonWhen: (e) => e.data.poison === true });
    const projections = [poisonous, sequenceProjection()];
    const { db, store, config, projector, caughtUp } = await world(projections);
    const p = projector({ maxAttempts: 2 });
    await p.start();
    const health = await startHealthServer({ port: 0, host: '127.0.0.1', health: () => p.health(), metrics: () => p.metricSamples() });
    cleanups.push(() => health.close());

    const w1 = await appendWorkload(store, { streams: 5, perStream: 3, label: 'p1' });
    const bad = await store.append(w1.streams[0], [{ type: 'ThingHappened', data: { poison: true } }], {
      expectedVersion: 'any',
      streamType: 'thing',
      meta: workloadMeta(),
    });
    const w2 = await appendWorkload(store, { streams: 5, perStream: 3, label: 'p2' });
    await caughtUp(w2);
    await caughtUp({ ...w2, last: bad });

    expect(p.metrics.deadLettered).toBe(1);
    const [badEvent] = await store.readStream(w1.streams[0], 1, {}).then((es) => es.filter((e) => e.data.poison === true));
    const letters = await readTopics(testKafka(config), [config.deadLetterTopic], (m) => m.length >= 1);
    expect(letters).toHaveLength(1);
    expect(letters[0].key).toBe(w1.streams[0]);
    expect(letters[0].headers).toEqual(
      expect.objectContaining({
        [HEADERS.eventId]: badEvent.metadata.eventId,
        'dead-letter-projection': 'test.thing-counts',
        'dead-letter-error': expect.stringContaining('it says poison'),
        'dead-letter-source-topic': config.defaultTopic,
      }),
    );
    // The other projection took the event; the failing one took everything else.
    const c = await counts(db);
    expect(c.get(w1.streams[0])).toBe(3);
    for (const id of [...w1.streams.slice(1), ...w2.streams]) expect(c.get(id)).toBe(3);
    const seq = (await db.pool.query(`SELECT seq FROM stream_sequences WHERE stream_id = $1`, [w1.streams[0]])).rows[0].seq;
    expect(seq.split(',').length).toBe(bad.version);

    const body = (await (await fetch(`http://127.0.0.1:${health.port}/health`)).json()) as { projections: unknown[] };
    expect(body).toMatchObject({
      status: 'degraded',
      groupId: config.consumer.groupId,
      deadLetters: { count: 1, byProjection: { 'test.thing-counts': 1 }, last: { eventId: badEvent.metadata.eventId } },
      lag: { total: expect.any(Number) },
    });
    expect(body.projections).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'test.thing-counts', lag: 0 })]));
    const metrics = await (await fetch(`http://127.0.0.1:${health.port}/metrics`)).text();
    expect(metrics).toContain(`convene_projector_dead_letters_total{group="${config.consumer.groupId}"} 1`);
    expect(metrics).toMatch(/convene_projector_lag_messages\{group="[^"]+"\} \d+/);
  });
});
