/**
 * The never-skip cursor under real concurrency. Only a PostgreSQL server interleaves
 * transactions; on the embedded PGlite these races cannot happen (they run in the contract).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServerDatabase, hasServer, type TestDatabase } from '../../../test/support/databases.js';
import { meta } from './event-store.contract.js';
import { EventStore } from './event-store.js';
import { type Checkpoint, START, type StoredEvent } from './types.js';

const suite = hasServer() ? describe : describe.skip;

async function eventually<T>(fn: () => Promise<T>, ok: (t: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await fn();
    if (ok(r) || Date.now() > deadline) return r;
    await new Promise((res) => setTimeout(res, 50));
  }
}

suite('global cursor on the PostgreSQL server', () => {
  let db: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    db = await createServerDatabase();
    store = new EventStore(db.pool);
  });
  afterAll(async () => db?.drop());

  const drain = async (after: Checkpoint): Promise<{ events: StoredEvent[]; next: Checkpoint }> => {
    const events: StoredEvent[] = [];
    let next = after;
    for await (const batch of store.stream({ after, batchSize: 500 })) {
      events.push(...batch);
      const last = batch[batch.length - 1];
      next = { transactionId: last.transactionId, globalPosition: last.globalPosition };
    }
    return { events, next };
  };

  it('does not skip an event committed out of order, nor read one twice', async () => {
    const start = (await drain(START)).next;
    const a = await db.pool.connect();
    const streamA = `race-a-${randomUUID()}`;
    const streamB = `race-b-${randomUUID()}`;
    try {
      // A takes the lower global position and stays open.
      await a.query('BEGIN');
      await a.query(
        `INSERT INTO events (stream_id, stream_type, version, event_type, data, metadata)
         VALUES ($1, 'race', 1, 'ThingHappened', '{"n":"A"}', '{}') RETURNING global_position`,
        [streamA],
      );
      // B commits a higher position.
      await store.append(streamB, [{ type: 'ThingHappened', data: { n: 'B' } }], { expectedVersion: 'no-stream', streamType: 'race', meta: meta() });
      const positions = await db.pool.query(`SELECT stream_id, global_position FROM events WHERE stream_id = ANY($1) ORDER BY 2`, [[streamA, streamB]]);
      expect(positions.rows.map((r) => r.stream_id)).toEqual([streamB]); // A is invisible

      // The cursor reads while A is open: it must not pass B's position in a way that loses A.
      const first = await drain(start);
      expect(first.events.map((e) => e.data.n)).toEqual([]); // B waits behind A's open transaction

      await a.query('COMMIT');
      // A transaction open elsewhere on the server (any database) holds the horizon back too:
      // the events then come a little later, never out of order and never lost.
      const second = await eventually(() => drain(first.next), (r) => r.events.length >= 2);
      expect(second.events.map((e) => e.data.n)).toEqual(['A', 'B']);
      const third = await drain(second.next);
      expect(third.events).toEqual([]);
    } finally {
      await a.query('ROLLBACK').catch(() => {});
      a.release();
    }
  });

  it('yields each of 10,000 events from 50 concurrent writers over 500 streams exactly once, in stream order', async () => {
    const start = (await drain(START)).next;
    const prefix = `load-${randomUUID()}`;
    const streams = Array.from({ length: 500 }, (_, i) => `${prefix}-${i}`);
    const seen: StoredEvent[] = [];
    // A reader follows live while the writers write.
    const reader = (async () => {
      let after = start;
      const deadline = Date.now() + 90_000;
      while (seen.length < 10_000 && Date.now() < deadline) {
        const batch = await store.readAll({ after, limit: 700 });
        if (batch.length === 0) {
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        seen.push(...batch.filter((e) => e.streamId.startsWith(prefix)));
        const last = batch[batch.length - 1];
        after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
      }
    })();
    // Each writer is its own store (as separate processes would be) and owns 10 streams.
    await Promise.all(
      Array.from({ length: 50 }, async (_, w) => {
        const writer = new EventStore(db.pool);
        const mine = streams.slice(w * 10, w * 10 + 10);
        for (let v = 0; v < 20; v++) {
          await Promise.all(
            mine.map((s) => writer.append(s, [{ type: 'ThingHappened', data: { v: v + 1 } }], { expectedVersion: v, streamType: 'load', meta: meta() })),
          );
        }
      }),
    );
    await reader;
    // Nothing more arrives once every write is read: no event is yielded twice.
    const last = seen[seen.length - 1];
    expect(await store.readAll({ after: { transactionId: last.transactionId, globalPosition: last.globalPosition }, limit: 10 })).toEqual(
      [],
    );
    expect(seen).toHaveLength(10_000);
    expect(new Set(seen.map((e) => e.globalPosition)).size).toBe(10_000);
    const perStream = new Map<string, number[]>();
    for (const e of seen) perStream.set(e.streamId, [...(perStream.get(e.streamId) ?? []), e.version]);
    expect(perStream.size).toBe(500);
    const expected = Array.from({ length: 20 }, (_, i) => i + 1);
    for (const versions of perStream.values()) expect(versions).toEqual(expected);
  }, 120_000);
});
