import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type TestDatabase, databaseVariants } from '../../../../test/support/databases.js';
import { meta } from '../event-store.contract.js';
import { EventStore } from '../event-store.js';
import type { StoredEvent } from '../types.js';
import { ExternalBatchApplier, NoActiveGeneration } from './external-apply.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';

/** Per stream: the versions in the order applied, so a double or a reordering shows. */
function sequences(name: string): Projection {
  return {
    name,
    version: 1,
    tables: [`${name.replace(/\W/g, '_')}`],
    eventTypes: ['Tick'],
    async setup({ client, table }) {
      await client.query(`CREATE TABLE ${table(this.tables[0])} (stream_id text PRIMARY KEY, seq text NOT NULL)`);
    },
    async apply({ client, table }, events) {
      const t = table(this.tables[0]);
      const per = new Map<string, number[]>();
      for (const e of events) per.set(e.streamId, [...(per.get(e.streamId) ?? []), e.version]);
      await client.query(
        `INSERT INTO ${t} (stream_id, seq) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (stream_id) DO UPDATE SET seq = ${t}.seq || ',' || excluded.seq`,
        [[...per.keys()], [...per.values()].map((v) => v.join(','))],
      );
    },
  };
}


describe.each(databaseVariants())('external batches into projections (%s)', (_label, open) => {
  let db: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    db = await open();
    store = new EventStore(db.pool);
  });
  afterAll(async () => db?.drop());

  /**
   * Streams of `n` Ticks each, plus an Other, appended one event per transaction; resolves once the
   * cursor can see them (a transaction open elsewhere on the server holds its horizon back).
   */
  const append = async (streams: string[], n: number) => {
    for (let v = 0; v < n; v++) {
      for (const id of streams) await store.append(id, [{ type: 'Tick', data: { v } }], { expectedVersion: 'any', streamType: 'x', meta: meta() });
    }
    const last = await store.append(`other-${randomUUID()}`, [{ type: 'Other', data: {} }], { expectedVersion: 'no-stream', streamType: 'x', meta: meta() });
    for (let visible = false; !visible; ) {
      const { rows } = await db.pool.query(
        `SELECT count(*)::int AS n FROM events WHERE global_position = $1 AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())`,
        [last.positions[0]],
      );
      visible = rows[0].n === 1;
      if (!visible) await new Promise((r) => setTimeout(r, 10));
    }
  };
  const readAfter = async (after = { transactionId: 0n, globalPosition: 0n }) => {
    const all: StoredEvent[] = [];
    for await (const b of store.stream({ after })) all.push(...b);
    return all;
  };
  const checkpoint = async (name: string) =>
    (
      await db.pool.query(
        `SELECT transaction_id::text AS tx, global_position::text AS pos, events_applied::int AS applied FROM projection_checkpoints WHERE name = $1 AND status = 'active'`,
        [name],
      )
    ).rows[0];
  const recorded = async (name: string) =>
    (await db.pool.query(`SELECT count(*)::int AS n FROM projection_applied_events WHERE projection = $1`, [name])).rows[0].n;
  const seqOf = async (p: Projection, id: string) =>
    (await db.pool.query(`SELECT seq FROM ${p.tables[0]} WHERE stream_id = $1`, [id])).rows[0]?.seq;

  it('drops redelivered events, waits at a gap, then moves the checkpoint over everything and forgets the record', async () => {
    const p = sequences(`ext.gap-${randomUUID().slice(0, 6)}`);
    const applier = new ExternalBatchApplier(store, [p]);
    await expect(applier.applyExternalBatch(p.name, [])).rejects.toBeInstanceOf(NoActiveGeneration);
    await applier.prepare();
    const start = await checkpoint(p.name);
    const ids = [`g-${randomUUID()}`, `g-${randomUUID()}`];
    await append(ids, 12); // more than 9 positions: a checkpoint ordered as text would stop at 9
    const events = await readAfter({ transactionId: BigInt(start.tx), globalPosition: BigInt(start.pos) });
    const first = events.filter((e) => e.streamId === ids[0] || e.type === 'Other');
    const second = events.filter((e) => e.streamId === ids[1]);

    // Partition of stream 1 first: everything is applied, but the log has a gap at stream 0.
    expect(await applier.applyExternalBatch(p.name, second)).toMatchObject({ applied: 12, duplicates: 0 });
    expect(await checkpoint(p.name)).toMatchObject({ tx: start.tx, pos: start.pos });
    expect(await recorded(p.name)).toBe(12);
    // The same messages again (a redelivery): no effect.
    expect(await applier.applyExternalBatch(p.name, [...second, second[0]])).toMatchObject({ applied: 0, duplicates: 13 });

    expect(await applier.applyExternalBatch(p.name, first)).toMatchObject({ applied: 12, ignored: 1, duplicates: 0 });
    const last = events[events.length - 1];
    expect(await checkpoint(p.name)).toMatchObject({ tx: last.transactionId.toString(), pos: last.globalPosition.toString(), applied: 24 });
    expect(await recorded(p.name)).toBe(0);
    // Behind the checkpoint, the checkpoint alone drops them.
    expect(await applier.applyExternalBatch(p.name, events)).toMatchObject({ applied: 0, duplicates: events.length });
    const expected = Array.from({ length: 12 }, (_, i) => i + 1).join(',');
    expect(await seqOf(p, ids[0])).toBe(expected);
    expect(await seqOf(p, ids[1])).toBe(expected);
    // Read-your-writes works for the external path as for the in-process one.
    expect(await new ProjectionRunner(store, []).waitForAppend({ transactionId: last.transactionId.toString(), positions: [last.globalPosition.toString()] }, 100)).toBe(true);
  });

  it('records a skipped (dead-lettered) event as handled without applying it', async () => {
    const p = sequences(`ext.skip-${randomUUID().slice(0, 6)}`);
    const applier = new ExternalBatchApplier(store, [p]);
    await applier.prepare();
    const start = await checkpoint(p.name);
    const id = `s-${randomUUID()}`;
    await append([id], 3);
    const events = (await readAfter({ transactionId: BigInt(start.tx), globalPosition: BigInt(start.pos) })).filter((e) => e.streamId === id);
    expect(await applier.applyExternalBatch(p.name, events, { skip: [events[1].metadata.eventId] })).toMatchObject({ applied: 2, skipped: 1 });
    expect(await seqOf(p, id)).toBe('1,3');
  });

  it('never applies an event twice when the in-process runner and the external path feed the same generation', async () => {
    const p = sequences(`ext.both-${randomUUID().slice(0, 6)}`);
    const applier = new ExternalBatchApplier(store, [p]);
    await applier.prepare();
    const start = await checkpoint(p.name);
    const ids = [`b-${randomUUID()}`, `b-${randomUUID()}`];
    await append(ids, 5);
    const events = await readAfter({ transactionId: BigInt(start.tx), globalPosition: BigInt(start.pos) });
    // Kafka got one stream's partition through first (a gap holds the checkpoint back) ...
    await applier.applyExternalBatch(p.name, events.filter((e) => e.streamId === ids[1]));
    // ... then the in-process runner catches up from the checkpoint, skipping what Kafka applied.
    await new ProjectionRunner(store, [p]).catchUp();
    expect(await recorded(p.name)).toBe(0);
    expect(await applier.applyExternalBatch(p.name, events)).toMatchObject({ applied: 0 });
    expect(await seqOf(p, ids[0])).toBe('1,2,3,4,5');
    expect(await seqOf(p, ids[1])).toBe('1,2,3,4,5');
  });

  it('builds a new projection from the store first, then takes over from its checkpoint (handover from the in-process path)', async () => {
    const ids = [`h-${randomUUID()}`];
    await append(ids, 4);
    const p = sequences(`ext.handover-${randomUUID().slice(0, 6)}`);
    const built: string[] = [];
    const applier = new ExternalBatchApplier(store, [p]);
    await applier.prepare((name) => built.push(name));
    expect(built).toEqual([p.name]);
    expect(await seqOf(p, ids[0])).toBe('1,2,3,4');
    await applier.prepare((name) => built.push(name));
    expect(built).toHaveLength(1);

    await append(ids, 2);
    // Kafka re-delivers the whole topic: what the store build covered is dropped, the rest applied.
    const all = (await readAfter()).filter((e) => e.streamId === ids[0]);
    expect(await applier.applyExternalBatch(p.name, all)).toMatchObject({ applied: 2, duplicates: 4 });
    expect(await seqOf(p, ids[0])).toBe('1,2,3,4,5,6');
  });
});
