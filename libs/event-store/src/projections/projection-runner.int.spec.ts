import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createServerDatabase, hasServer, type TestDatabase, databaseVariants } from '../../../../test/support/databases.js';
import { meta } from '../event-store.contract.js';
import { EventStore } from '../event-store.js';
import type { StoredEvent } from '../types.js';
import { type Projection, sqlLiteral } from './projection.js';
import { ExternalBatchApplier } from './external-apply.js';
import { ProjectionRunner, type RunnerOptions } from './projection-runner.js';
import { readModelHash } from './read-model-hash.js';
import { countingProjection, plannedCountingProjection } from '../../../../test/support/projections.js';


describe.each(databaseVariants())('projection runner (%s)', (_label, open) => {
  let db: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    db = await open();
    store = new EventStore(db.pool);
  });
  afterAll(async () => db?.drop());

  const write = async (streams: number, perStream: number) => {
    const ids = Array.from({ length: streams }, () => `t-${randomUUID()}`);
    for (let v = 0; v < perStream; v++) {
      await Promise.all(ids.map((id) => store.append(id, [{ type: 'ThingHappened', data: { v } }, { type: 'Ignored', data: {} }], { expectedVersion: v * 2, streamType: 't', meta: meta() })));
    }
    return ids;
  };
  const rows = async () => (await db.pool.query(`SELECT stream_id, n, last_version FROM thing_counts ORDER BY stream_id`)).rows;

  it('follows live, survives a crash between write and checkpoint without a duplicate effect, and a rebuild ends in the same hash', async () => {
    const failOnce = { armed: true };
    const errors: unknown[] = [];
    const runner = new ProjectionRunner(store, [countingProjection({ failOnce })], { pollMs: 20, onError: (_n, e) => errors.push(e) });
    await runner.start();
    const ids = await write(20, 5);
    await runner.waitForCatchUp();
    expect(errors).toHaveLength(1);
    const live = await rows();
    expect(live.filter((r) => ids.includes(r.stream_id))).toHaveLength(20);
    for (const r of live.filter((r) => ids.includes(r.stream_id))) expect(r).toMatchObject({ n: 5, last_version: 9 });
    const liveHash = await readModelHash(db.pool, ['thing_counts']);

    let progress = 0;
    const result = await runner.rebuild('test.thing-counts', (done) => (progress = done));
    expect(result.events).toBeGreaterThanOrEqual(200);
    expect(progress).toBe(result.events);
    expect(await readModelHash(db.pool, ['thing_counts'])).toBe(liveHash);
    const status = await runner.status();
    expect(status).toEqual([expect.objectContaining({ name: 'test.thing-counts', generation: 2, status: 'active', lag: 0 })]);
    // The old generation's table is gone; the view points at the new one.
    const tables = await db.pool.query(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'thing_counts%' ORDER BY 1`);
    expect(tables.rows.map((r) => r.table_name)).toEqual(['thing_counts', 'thing_counts__g2']);
    await runner.stop();
  });

  it('builds a new version beside the live one and switches over', async () => {
    const v1 = new ProjectionRunner(store, [countingProjection()]);
    await v1.catchUp();
    const before = await readModelHash(db.pool, ['thing_counts']);
    const v2 = new ProjectionRunner(store, [countingProjection({ version: 2 })]);
    await v2.init();
    // The old generation still serves while the new one builds.
    expect(await readModelHash(db.pool, ['thing_counts'])).toBe(before);
    await v2.catchUp();
    const status = await v2.status();
    expect(status).toEqual([expect.objectContaining({ version: 2, status: 'active', lag: 0 })]);
    expect(await readModelHash(db.pool, ['thing_counts'])).toBe(before);
  });

  /** Two live runners of one projection, in batches of 7 and 5, through 30 streams of 4 relevant events. */
  const beside = async (a: Projection, b: Projection, onError?: RunnerOptions['onError']) => {
    const runners = [new ProjectionRunner(store, [a], { batchSize: 7, pollMs: 5, onError }), new ProjectionRunner(store, [b], { batchSize: 5, pollMs: 5 })];
    for (const r of runners) await r.start();
    const ids = await write(30, 4);
    for (const r of runners) await r.waitForCatchUp();
    for (const r of runners) await r.stop();
    return ids;
  };

  it('two runners on the same projection never apply a batch twice', async () => {
    const ids = await beside(countingProjection({ version: 2 }), countingProjection({ version: 2 }));
    const mine = (await rows()).filter((r) => ids.includes(r.stream_id));
    expect(mine).toHaveLength(30);
    for (const r of mine) expect(r).toMatchObject({ n: 4, last_version: 7 });
  });

  const plannedRows = async (ids: string[]) =>
    (await db.pool.query(`SELECT stream_id, n, last_version FROM planned_counts WHERE stream_id = ANY($1) ORDER BY stream_id`, [ids])).rows;

  it('sends a planned projection\'s read with the lock and its writes with the commit: exact under two runners and a failed write, and a rebuild agrees', async () => {
    const failOnce = { armed: true };
    const errors: unknown[] = [];
    const projections = [plannedCountingProjection({ failOnce }), plannedCountingProjection()];
    const applies = projections.map((p) => jest.spyOn(p, 'apply'));
    const ids = await beside(projections[0], projections[1], (_n, e) => errors.push(e));
    // The write ran, then its round trip failed: undone with the checkpoint, and done again once.
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/division by zero/) })]);
    const mine = await plannedRows(ids);
    expect(mine).toHaveLength(30);
    for (const r of mine) expect(r).toMatchObject({ n: 4, last_version: 7 });
    // Counts are set from what was read: a read before the lock, beside the other runner, would lose some.
    for (const spy of applies) expect(spy).not.toHaveBeenCalled();
    const live = await readModelHash(db.pool, ['planned_counts']);
    await new ProjectionRunner(store, [plannedCountingProjection()]).rebuild('test.planned-counts');
    expect(await readModelHash(db.pool, ['planned_counts'])).toBe(live);
  });

  it('leaves out of a planned projection\'s writes what the Kafka projector applied already', async () => {
    const projection = plannedCountingProjection({ version: 4 });
    const runner = new ProjectionRunner(store, [projection], { pollMs: 600_000 });
    await runner.catchUp();
    const id = `t-${randomUUID()}`;
    await store.append(id, [{ type: 'ThingHappened', data: {} }], { expectedVersion: 'no-stream', streamType: 't', meta: meta() });
    await store.append(id, [{ type: 'ThingHappened', data: {} }], { expectedVersion: 1, streamType: 't', meta: meta() });
    const [first] = await store.readStream(id);
    await new ExternalBatchApplier(store, [projection]).applyExternalBatch(projection.name, [first]);
    expect(await plannedRows([id])).toEqual([{ stream_id: id, n: 1, last_version: 1 }]);
    await runner.catchUp();
    expect(await plannedRows([id])).toEqual([{ stream_id: id, n: 2, last_version: 2 }]);
  });

  it('writes values as literals that read back the same, whatever standard_conforming_strings says', async () => {
    const values = [`it's`, 'back\\slash \\n and \\\'', "''", 'line\nbreak\ttab', 'Côte d’Ivoire — 中文 — العربية', '{"a":"\\"quoted\\""}', '$1 $$ $tag$', ''];
    const client = await db.pool.connect();
    try {
      for (const setting of ['on', 'off']) {
        await client.query(`SET standard_conforming_strings = ${setting}`);
        const { rows } = await client.query(`SELECT ${values.map((v, i) => `${sqlLiteral(v)} AS v${i}`).join(', ')}`);
        expect(Object.values(rows[0])).toEqual(values);
      }
    } finally {
      await client.query('RESET standard_conforming_strings');
      client.release();
    }
  });

  /** A projection of its own name that records what it was given (in the transaction, no tables). */
  const recording = (eventTypes: string[]) => {
    const applied: StoredEvent[] = [];
    const projection: Projection = {
      name: `test.recording-${randomUUID().slice(0, 8)}`,
      version: 1,
      tables: [],
      eventTypes,
      async setup() {},
      async apply(_ctx, events) {
        applied.push(...events);
      },
    };
    return { projection, applied };
  };
  const written = async (name: string) =>
    (await db.pool.query(`SELECT transaction_id::text AS tx, global_position::text AS pos FROM projection_checkpoints WHERE name = $1`, [name])).rows[0];
  const appendOne = (type: string) => store.append(`t-${randomUUID()}`, [{ type, data: {} }], { expectedVersion: 'no-stream', streamType: 't', meta: meta() });
  const endOf = (a: { transactionId: string; positions: string[] }) => ({ tx: a.transactionId, pos: a.positions[a.positions.length - 1] });

  it('passes over batches with nothing for a projection in memory, answers waiters and status from there, and writes the checkpoint at stop', async () => {
    const { projection, applied } = recording(['NeverAppended']);
    const runner = new ProjectionRunner(store, [projection], { pollMs: 20, skipPersistMs: 600_000 });
    await runner.start();
    await runner.waitForCatchUp();
    const atStart = await written(projection.name);
    const appended = await appendOne('Ignored');
    expect(await runner.waitForAppend(appended)).toBe(true);
    // Not written on every round...
    expect(await written(projection.name)).toEqual(atStart);
    // ...yet neither behind for status (health) nor for waiters.
    expect((await runner.status()).find((p) => p.name === projection.name)).toMatchObject({ lag: 0, transactionId: endOf(appended).tx, globalPosition: endOf(appended).pos });
    await runner.stop();
    expect(await written(projection.name)).toEqual(endOf(appended));
    expect(applied).toEqual([]);
  });

  it('applies a relevant batch after passed-over ones once, checked against the checkpoint as written', async () => {
    const { projection, applied } = recording(['ThingHappened']);
    const runner = new ProjectionRunner(store, [projection], { pollMs: 20, skipPersistMs: 600_000 });
    await runner.start();
    await runner.waitForCatchUp();
    const before = applied.length;
    const ignored = await appendOne('Ignored');
    expect(await runner.waitForAppend(ignored)).toBe(true);
    const relevant = await appendOne('ThingHappened');
    expect(await runner.waitForAppend(relevant)).toBe(true);
    expect(applied.slice(before).map((e) => e.streamId)).toEqual([relevant.streamId]);
    // The relevant batch's commit wrote the checkpoint past the passed-over events too.
    expect(await written(projection.name)).toEqual(endOf(relevant));
    await runner.stop();
  });

  it('looks again for an announced append only until it has read it', async () => {
    const { projection } = recording(['ThingHappened']);
    // A poll far beyond the test: what it reads after the append comes from the announcement alone.
    const runner = new ProjectionRunner(store, [projection], { pollMs: 600_000 });
    await runner.start();
    await runner.waitForCatchUp();
    const reads = jest.spyOn(store, 'readAllRevealed');
    try {
      const appended = await appendOne('ThingHappened');
      expect(await runner.waitForAppend(appended)).toBe(true);
      const afterRead = reads.mock.calls.length;
      await new Promise((r) => setTimeout(r, 300));
      // Looking again every 10 ms for 2 s after each append would make some 25 reads here.
      expect(reads.mock.calls.length - afterRead).toBeLessThan(5);
    } finally {
      reads.mockRestore();
      await runner.stop();
    }
  });

  it('stops at once when stop() comes while a round runs, instead of waiting for the next poll', async () => {
    const { projection } = recording(['ThingHappened']);
    const runner = new ProjectionRunner(store, [projection], { pollMs: 600_000 });
    await runner.start();
    await runner.waitForCatchUp();
    let entered!: () => void;
    const inRound = new Promise<void>((resolve) => (entered = resolve));
    let letGo!: () => void;
    const gate = new Promise<void>((resolve) => (letGo = resolve));
    const read = store.readAllRevealed.bind(store);
    const reads = jest.spyOn(store, 'readAllRevealed').mockImplementation(async (options) => {
      entered();
      await gate;
      return read(options);
    });
    const patience = new AbortController();
    try {
      // A round with nothing to read: an announcement of transaction 0, which every checkpoint is past.
      store.appended.emit('appended', '0');
      await inRound;
      const stopped = runner.stop();
      letGo();
      const outcome = await Promise.race([stopped.then(() => 'stopped'), sleep(10_000, 'still waiting for the poll', { signal: patience.signal }).catch(() => '')]);
      expect(outcome).toBe('stopped');
    } finally {
      patience.abort();
      reads.mockRestore();
    }
  });

  it('a runner started after a crash reads again only what was passed over, and applies nothing twice', async () => {
    const { projection, applied } = recording(['ThingHappened']);
    const first = new ProjectionRunner(store, [projection], { pollMs: 20, skipPersistMs: 600_000 });
    await first.start();
    await first.waitForCatchUp();
    const relevant = await appendOne('ThingHappened');
    expect(await first.waitForAppend(relevant)).toBe(true);
    const ignored = await appendOne('Ignored');
    expect(await first.waitForAppend(ignored)).toBe(true);
    // A crash: the runner is gone without stop(), its passed-over checkpoint never written.
    expect(await written(projection.name)).toEqual(endOf(relevant));
    const count = applied.length;
    const second = new ProjectionRunner(store, [projection], { pollMs: 20 });
    await second.start();
    await second.waitForCatchUp();
    expect(applied).toHaveLength(count);
    await second.stop();
    await first.stop();
  });
});

(hasServer() ? describe : describe.skip)('projection runner woken by LISTEN/NOTIFY (PostgreSQL server)', () => {
  let db: TestDatabase;
  afterAll(async () => db?.drop());

  it('follows appends of another process without waiting for the poll', async () => {
    db = await createServerDatabase();
    const mine = new EventStore(db.pool);
    // A poll interval far beyond the test's patience: only the notification can wake it.
    const runner = new ProjectionRunner(mine, [countingProjection()], { pollMs: 600_000, listenUrl: db.url });
    await runner.start();
    await runner.waitForCatchUp();
    const otherProcess = new EventStore(db.pool);
    const id = `n-${randomUUID()}`;
    await otherProcess.append(id, [{ type: 'ThingHappened', data: {} }], { expectedVersion: 'no-stream', streamType: 't', meta: meta() });
    const deadline = Date.now() + 5000;
    let row;
    while (!row && Date.now() < deadline) {
      row = (await db.pool.query(`SELECT n FROM thing_counts WHERE stream_id = $1`, [id])).rows[0];
      if (!row) await new Promise((r) => setTimeout(r, 20));
    }
    // The notification named the transaction: once read, the runner does not look again for it.
    const reads = jest.spyOn(mine, 'readAllRevealed');
    await new Promise((r) => setTimeout(r, 100));
    const settled = reads.mock.calls.length;
    await new Promise((r) => setTimeout(r, 300));
    const lookedAgain = reads.mock.calls.length - settled;
    reads.mockRestore();
    await runner.stop();
    expect(row).toEqual({ n: 1 });
    expect(lookedAgain).toBeLessThan(5);
  });
});

(hasServer() ? describe : describe.skip)('projection runner round trips (PostgreSQL server)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('takes two round trips for a planned projection\'s batch: its read goes with the lock, its writes with the commit', async () => {
    db = await createServerDatabase();
    const sent: string[] = [];
    // Every statement the runner's connections send, by text.
    class CountingClient extends pg.Client {
      override query(...args: unknown[]): never {
        const q = args[0] as string | { text: string };
        sent.push(typeof q === 'string' ? q : q.text);
        return (super.query as (...a: unknown[]) => never)(...args);
      }
    }
    pool = new pg.Pool({ connectionString: db.url, max: 4, Client: CountingClient });
    const store = new EventStore(pool);
    const projection = plannedCountingProjection();
    const runner = new ProjectionRunner(store, [projection], { pollMs: 600_000 });
    await runner.start();
    await runner.waitForCatchUp();
    const id = `t-${randomUUID()}`;
    sent.length = 0;
    const appended = await store.append(id, [{ type: 'ThingHappened', data: {} }], { expectedVersion: 'no-stream', streamType: 't', meta: meta() });
    expect(await runner.waitForAppend(appended)).toBe(true);
    const steps = sent.filter((text) => !/FROM events|^\s*WITH req AS/.test(text));
    await runner.stop();
    expect((await db.pool.query(`SELECT n, last_version FROM planned_counts WHERE stream_id = $1`, [id])).rows).toEqual([{ n: 1, last_version: 1 }]);
    expect(steps).toEqual([
      expect.stringMatching(/^BEGIN;[\s\S]*FOR UPDATE;[\s\S]*DELETE FROM projection_applied_events[\s\S]*SELECT stream_id, n, last_version/),
      expect.stringMatching(/^INSERT INTO "planned_counts__g1"[\s\S]*UPDATE projection_checkpoints[\s\S]*COMMIT$/),
    ]);
  });
});
