/**
 * The store's contract, run against the PostgreSQL server and against the embedded PGlite
 * (event-store.postgres.int.spec.ts, event-store.pglite.int.spec.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestDatabase } from '../../../test/support/databases.js';
import { ConcurrencyConflict, IdempotencyKeyReused, SubjectErased } from './errors.js';
import { EventRegistry } from './event-registry.js';
import { EventStore } from './event-store.js';
import { ERASED, type CommandMeta, START } from './types.js';

export const meta = (over: Partial<CommandMeta> = {}): CommandMeta => ({
  actor: 'alice',
  correlationId: randomUUID(),
  occurredAt: new Date().toISOString(),
  ...over,
});

export const testRegistry = () =>
  new EventRegistry().register(
    { type: 'ThingHappened' },
    { type: 'PersonRegistered', personal: [{ subject: 'personId', fields: ['email', 'name'] }] },
    { type: 'PanelFormed', personal: [{ subject: 'speakers.*.personId', fields: ['speakers.*.name'] }] },
    {
      type: 'VenueChosen',
      schemaVersion: 3,
      upcasters: {
        1: (d) => ({ ...d, city: d.place, place: undefined }),
        2: (d) => ({ ...d, country: d.country ?? 'unknown' }),
      },
    },
  );

export function storeContract(label: string, open: () => Promise<TestDatabase>) {
  describe(`event store contract (${label})`, () => {
    let db: TestDatabase;
    let store: EventStore;
    beforeAll(async () => {
      db = await open();
      store = new EventStore(db.pool, testRegistry());
    });
    afterAll(async () => db?.drop());

    const sid = (p = 's') => `${p}-${randomUUID()}`;
    const ev = (n: number) => ({ type: 'ThingHappened', data: { n } });

    it('appends to a new stream with no-stream and reads it back in version order', async () => {
      const id = sid();
      const r = await store.append(id, [ev(1), ev(2)], { expectedVersion: 'no-stream', streamType: 'thing', meta: meta() });
      expect(r.version).toBe(2);
      expect(r.positions).toHaveLength(2);
      const events = await store.readStream(id);
      expect(events.map((e) => [e.version, e.type, e.data.n])).toEqual([
        [1, 'ThingHappened', 1],
        [2, 'ThingHappened', 2],
      ]);
      expect(events[0].metadata).toMatchObject({ actor: 'alice', causationId: null });
      expect(events[0].metadata.eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(events[0].streamType).toBe('thing');
      expect(events[0].transactionId).toBeGreaterThan(0n);
    });

    it('appends at an exact expected version and refuses a stale one with the actual version', async () => {
      const id = sid();
      await store.append(id, [ev(1)], { expectedVersion: 0, streamType: 'thing', meta: meta() });
      await store.append(id, [ev(2)], { expectedVersion: 1, streamType: 'thing', meta: meta() });
      const err = await store.append(id, [ev(3)], { expectedVersion: 1, streamType: 'thing', meta: meta() }).catch((e) => e);
      expect(err).toBeInstanceOf(ConcurrencyConflict);
      expect(err).toMatchObject({ rule: 'ExpectedVersionMismatch', actual: 2, status: 409 });
      const ahead = await store.append(id, [ev(3)], { expectedVersion: 5, streamType: 'thing', meta: meta() }).catch((e) => e);
      expect(ahead).toBeInstanceOf(ConcurrencyConflict);
      expect((await store.readStream(id)).map((e) => e.version)).toEqual([1, 2]);
    });

    it('refuses no-stream for an existing stream and an exact version for a missing one', async () => {
      const id = sid();
      await store.append(id, [ev(1)], { expectedVersion: 'no-stream', streamType: 'thing', meta: meta() });
      await expect(store.append(id, [ev(2)], { expectedVersion: 'no-stream', streamType: 'thing', meta: meta() })).rejects.toBeInstanceOf(
        ConcurrencyConflict,
      );
      await expect(store.append(sid(), [ev(1)], { expectedVersion: 3, streamType: 'thing', meta: meta() })).rejects.toBeInstanceOf(
        ConcurrencyConflict,
      );
    });

    it("appends with 'any' whatever the version", async () => {
      const id = sid();
      await store.append(id, [ev(1)], { expectedVersion: 'any', streamType: 'thing', meta: meta() });
      const r = await store.append(id, [ev(2), ev(3)], { expectedVersion: 'any', streamType: 'thing', meta: meta() });
      expect(r.version).toBe(3);
    });

    it('lets exactly one of N concurrent appends at the same expected version win', async () => {
      const id = sid();
      await store.append(id, [ev(0)], { expectedVersion: 'no-stream', streamType: 'thing', meta: meta() });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => store.append(id, [ev(i)], { expectedVersion: 1, streamType: 'thing', meta: meta() })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(rejected.every((r) => r.reason instanceof ConcurrencyConflict)).toBe(true);
      expect(await store.streamVersion(id)).toBe(2);
    });

    it('lets exactly one of N concurrent appends win across separate store instances (separate processes)', async () => {
      const id = sid();
      const stores = Array.from({ length: 4 }, () => new EventStore(db.pool, testRegistry()));
      const results = await Promise.allSettled(
        stores.flatMap((s) => [0, 1, 2].map((i) => s.append(id, [ev(i)], { expectedVersion: 'no-stream', streamType: 'thing', meta: meta() }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await store.streamVersion(id)).toBe(1);
    });

    it('never lets the log be rewritten', async () => {
      const id = sid();
      await store.append(id, [ev(1)], { expectedVersion: 'no-stream', streamType: 'thing', meta: meta() });
      await expect(db.pool.query(`UPDATE events SET data = '{}' WHERE stream_id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(db.pool.query(`DELETE FROM events WHERE stream_id = $1`, [id])).rejects.toThrow(/append-only/);
    });

    it('replays an idempotent append: same key and request give the first result and append nothing', async () => {
      const id = sid();
      const key = randomUUID();
      const m = meta({ idempotency: { key, requestHash: 'h1' } });
      const first = await store.append(id, [ev(1)], { expectedVersion: 'no-stream', streamType: 'thing', meta: m });
      const again = await store.append(id, [ev(1)], { expectedVersion: 'no-stream', streamType: 'thing', meta: m });
      expect(again).toEqual({ ...first, replayed: true });
      expect(await store.readStream(id)).toHaveLength(1);
      const other = await store
        .append(id, [ev(2)], { expectedVersion: 1, streamType: 'thing', meta: meta({ idempotency: { key, requestHash: 'h2' } }) })
        .catch((e) => e);
      expect(other).toBeInstanceOf(IdempotencyKeyReused);
      expect(other.status).toBe(422);
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('appends once for concurrent requests with the same idempotency key', async () => {
      const id = sid();
      const m = meta({ idempotency: { key: randomUUID(), requestHash: 'h' } });
      const rs = await Promise.all(
        Array.from({ length: 5 }, () => store.append(id, [ev(1)], { expectedVersion: 'any', streamType: 'thing', meta: m })),
      );
      expect(new Set(rs.map((r) => r.positions[0])).size).toBe(1);
      expect(rs.filter((r) => !r.replayed)).toHaveLength(1);
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('does not keep a claimed idempotency key when the append conflicted', async () => {
      const id = sid();
      await store.append(id, [ev(1)], { expectedVersion: 'no-stream', streamType: 'thing', meta: meta() });
      const m = meta({ idempotency: { key: randomUUID(), requestHash: 'h' } });
      await expect(store.append(id, [ev(2)], { expectedVersion: 'no-stream', streamType: 'thing', meta: m })).rejects.toBeInstanceOf(
        ConcurrencyConflict,
      );
      const r = await store.append(id, [ev(2)], { expectedVersion: 1, streamType: 'thing', meta: m });
      expect(r).toMatchObject({ version: 2, replayed: false });
    });

    describe('appendAtomically: several streams, all or nothing', () => {
      it('appends to every stream in one transaction, in the order given, and answers with the last', async () => {
        const [a, b] = [sid('a'), sid('b')];
        await store.append(a, [ev(0)], { expectedVersion: 'no-stream', streamType: 'thing', meta: meta() });
        const r = await store.appendAtomically(
          [
            { streamId: a, streamType: 'thing', events: [ev(1)], expectedVersion: 1 },
            { streamId: b, streamType: 'thing', events: [ev(2), ev(3)], expectedVersion: 'no-stream' },
          ],
          meta(),
        );
        expect(r).toMatchObject({ streamId: b, version: 2, replayed: false });
        const [[ea], eb] = [await store.readStream(a, 2), await store.readStream(b)];
        expect(eb.map((e) => e.data.n)).toEqual([2, 3]);
        expect(new Set([ea.transactionId, ...eb.map((e) => e.transactionId)]).size).toBe(1);
        expect(ea.globalPosition).toBeLessThan(eb[0].globalPosition);
      });

      it('appends nothing to any stream when one of them has moved on', async () => {
        const [a, b] = [sid('a'), sid('b')];
        await store.append(b, [ev(0)], { expectedVersion: 'no-stream', streamType: 'thing', meta: meta() });
        const key = randomUUID();
        const err = await store
          .appendAtomically(
            [
              { streamId: a, streamType: 'thing', events: [ev(1)], expectedVersion: 'no-stream' },
              { streamId: b, streamType: 'thing', events: [ev(2)], expectedVersion: 'no-stream' },
            ],
            meta({ idempotency: { key, requestHash: 'h' } }),
          )
          .catch((e) => e);
        expect(err).toBeInstanceOf(ConcurrencyConflict);
        expect(err.message).toContain(b);
        expect(await store.readStream(a)).toHaveLength(0);
        expect(await store.streamVersion(a)).toBe(0);
        expect(await store.readStream(b)).toHaveLength(1);
        expect(await store.findIdempotencyKey(key)).toBeNull();
      });

      it('replays with the same Idempotency-Key: the first result, nothing appended again', async () => {
        const [a, b] = [sid('a'), sid('b')];
        const m = meta({ idempotency: { key: randomUUID(), requestHash: 'h' } });
        const appends = [
          { streamId: a, streamType: 'thing', events: [ev(1)], expectedVersion: 'no-stream' as const },
          { streamId: b, streamType: 'thing', events: [ev(2)], expectedVersion: 'no-stream' as const },
        ];
        const results = await Promise.all([0, 1, 2].map(() => store.appendAtomically(appends, m)));
        const first = results.filter((r) => !r.replayed);
        expect(first).toHaveLength(1);
        for (const r of results.filter((x) => x.replayed)) expect(r).toEqual({ ...first[0], replayed: true });
        expect(await store.readStream(a)).toHaveLength(1);
        expect(await store.readStream(b)).toHaveLength(1);
      });

      it('refuses a stream named twice and an empty list', async () => {
        const a = sid('a');
        const one = { streamId: a, streamType: 'thing', events: [ev(1)], expectedVersion: 'no-stream' as const };
        await expect(store.appendAtomically([one, one], meta())).rejects.toBeInstanceOf(RangeError);
        await expect(store.appendAtomically([], meta())).rejects.toBeInstanceOf(RangeError);
        expect(await store.streamVersion(a)).toBe(0);
      });
    });

    it('upcasts old schema versions on read', async () => {
      const id = sid();
      // Written as schema version 1, as an old release would have.
      await db.pool.query(
        `INSERT INTO events (stream_id, stream_type, version, event_type, schema_version, data, metadata)
         VALUES ($1, 'venue', 1, 'VenueChosen', 1, '{"place":"Addis Ababa"}', '{"eventId":"x"}')`,
        [id],
      );
      const [e] = await store.readStream(id);
      expect(e.schemaVersion).toBe(3);
      expect(e.data).toEqual({ city: 'Addis Ababa', country: 'unknown' });
    });

    it('encrypts personal fields per subject and erases them by forgetting the key', async () => {
      const id = sid();
      const personId = randomUUID();
      const speakerA = randomUUID();
      const speakerB = randomUUID();
      await store.append(
        id,
        [
          { type: 'PersonRegistered', data: { personId, email: 'amina.diallo@example.org', name: 'Amina Diallo', group: 'civil-society' } },
          { type: 'PanelFormed', data: { speakers: [{ personId: speakerA, name: 'Kwame Mensah' }, { personId: speakerB, name: 'Li Wei' }] } },
        ],
        { expectedVersion: 'no-stream', streamType: 'person', meta: meta() },
      );
      const raw = await db.pool.query(`SELECT data::text AS d FROM events WHERE stream_id = $1`, [id]);
      const rawText = raw.rows.map((r) => r.d).join();
      for (const secret of ['amina.diallo', 'Amina Diallo', 'Kwame Mensah', 'Li Wei']) expect(rawText).not.toContain(secret);
      expect(rawText).toContain('civil-society');

      // Subjects first seen in one append each get a key of their own, of AES-256's length.
      const made = await db.pool.query<{ key: Buffer }>(`SELECT key FROM subject_keys WHERE subject_id = ANY($1::text[])`, [[personId, speakerA, speakerB]]);
      expect(made.rows.map((r) => r.key.length)).toEqual([32, 32, 32]);
      expect(new Set(made.rows.map((r) => r.key.toString('hex'))).size).toBe(3);

      let [reg, panel] = await store.readStream(id);
      expect(reg.data).toMatchObject({ email: 'amina.diallo@example.org', name: 'Amina Diallo' });
      expect(panel.data).toEqual({ speakers: [{ personId: speakerA, name: 'Kwame Mensah' }, { personId: speakerB, name: 'Li Wei' }] });

      await store.forgetSubject(personId);
      await store.forgetSubject(speakerA);
      [reg, panel] = await store.readStream(id);
      expect(reg.data).toEqual({ personId, email: ERASED, name: ERASED, group: 'civil-society' });
      expect(panel.data).toEqual({ speakers: [{ personId: speakerA, name: ERASED }, { personId: speakerB, name: 'Li Wei' }] });
      // The events, their order and their count are intact.
      expect((await store.readStream(id)).map((e) => e.version)).toEqual([1, 2]);
      const keys = await db.pool.query(`SELECT key FROM subject_keys WHERE subject_id = $1`, [personId]);
      expect(keys.rows[0].key).toBeNull();
      // New personal data for a forgotten subject is refused.
      await expect(
        store.append(id, [{ type: 'PersonRegistered', data: { personId, email: 'again@example.org', name: 'A' } }], {
          expectedVersion: 2,
          streamType: 'person',
          meta: meta(),
        }),
      ).rejects.toBeInstanceOf(SubjectErased);
    });

    it('opens what it sealed itself from memory, once, for the same field only, and never for an erased subject', async () => {
      // As the API's in-process runner does: the store that seals is the one that projects.
      const remembering = new EventStore(db.pool, testRegistry());
      remembering.cipher.openRecentlySealedFromMemory();
      const register = (id: string, personId: string, name: string) =>
        remembering.append(id, [{ type: 'PersonRegistered', data: { personId, email: `${personId}@example.org`, name } }], {
          expectedVersion: 'no-stream',
          streamType: 'person',
          meta: meta(),
        });

      // The key is replaced behind the store's back, so only memory can still open the fields.
      const hana = { id: sid(), personId: randomUUID() };
      await register(hana.id, hana.personId, 'Hana Sato');
      const replaceKey = (key: Buffer) => db.pool.query(`UPDATE subject_keys SET key = $2 WHERE subject_id = $1`, [hana.personId, key]);
      const { rows: [{ key: hanasKey }] } = await db.pool.query<{ key: Buffer }>(`SELECT key FROM subject_keys WHERE subject_id = $1`, [hana.personId]);
      await replaceKey(randomBytes(32));
      const [fromMemory] = await remembering.readStream(hana.id);
      expect(fromMemory.data).toEqual({ personId: hana.personId, email: `${hana.personId}@example.org`, name: 'Hana Sato' });
      // Taken by that first open: the next one decrypts, and the replaced key fails it, as it fails a store that never sealed them.
      await expect(remembering.readStream(hana.id)).rejects.toThrow();
      await expect(store.readStream(hana.id)).rejects.toThrow();
      await replaceKey(hanasKey); // the cursor tests below read every stream

      // A sealed value copied into another field's place is not opened from memory: decryption refuses it.
      const omar = { id: sid(), personId: randomUUID() };
      await register(omar.id, omar.personId, 'Omar Haddad');
      const copied = sid();
      await db.pool.query(
        `INSERT INTO events (stream_id, stream_type, version, event_type, schema_version, data, metadata)
         SELECT $2, 'person', 1, event_type, schema_version, jsonb_build_object('personId', data->'personId', 'name', data->'email'), metadata
         FROM events WHERE stream_id = $1`,
        [omar.id, copied],
      );
      await expect(remembering.readStream(copied)).rejects.toThrow();
      await remembering.forgetSubject(omar.personId); // the copy reads as erased from now on

      // Erased by this store, or by another process: "[erased]", whatever memory holds.
      const ines = { id: sid(), personId: randomUUID() };
      const kofi = { id: sid(), personId: randomUUID() };
      await register(ines.id, ines.personId, 'Inés Romero');
      await register(kofi.id, kofi.personId, 'Kofi Asante');
      await remembering.forgetSubject(ines.personId);
      await store.forgetSubject(kofi.personId);
      for (const { id, personId } of [ines, kofi]) {
        expect((await remembering.readStream(id))[0].data).toEqual({ personId, email: ERASED, name: ERASED });
      }
    });

    it('reads the cursor with the keys it needs in one statement: as readAll, opened for the types asked only, erased subjects erased', async () => {
      const { rows: [last] } = await db.pool.query(`SELECT transaction_id::text AS tx, global_position::text AS pos FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`);
      const after = last ? { transactionId: BigInt(last.tx), globalPosition: BigInt(last.pos) } : START;
      const [amal, speakerA, speakerB, erased] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const id = sid();
      await store.append(
        id,
        [
          { type: 'PersonRegistered', data: { personId: amal, email: 'amal@example.org', name: 'Amal Nasser' } },
          { type: 'PanelFormed', data: { speakers: [{ personId: speakerA, name: 'Ana Lima' }, { personId: speakerB, name: 'Jonas Berg' }] } },
          ev(1),
          { type: 'PersonRegistered', data: { personId: erased, email: 'gone@example.org', name: 'Gone' } },
        ],
        { expectedVersion: 'no-stream', streamType: 'person', meta: meta() },
      );
      // Erased by another process: this store's memory of it plays no part.
      await new EventStore(db.pool, testRegistry()).forgetSubject(erased);

      const all = await store.readAllRevealed({ after });
      expect(all).toEqual(await store.readAll({ after }));
      expect(all.map((e) => e.data)).toEqual([
        { personId: amal, email: 'amal@example.org', name: 'Amal Nasser' },
        { speakers: [{ personId: speakerA, name: 'Ana Lima' }, { personId: speakerB, name: 'Jonas Berg' }] },
        { n: 1 },
        { personId: erased, email: ERASED, name: ERASED },
      ]);

      const types = new Set(['PanelFormed', 'ThingHappened']);
      const some = await store.readAllRevealed({ after, types });
      const sealed = await store.readAll({ after, decrypt: false });
      expect(some.filter((e) => e.type === 'PersonRegistered')).toEqual(sealed.filter((e) => e.type === 'PersonRegistered'));
      expect(some[0].data.name).toEqual({ $pii: expect.stringMatching(/^v1\./), sub: amal });
      expect(some[1].data).toEqual({ speakers: [{ personId: speakerA, name: 'Ana Lima' }, { personId: speakerB, name: 'Jonas Berg' }] });
    });

    it('orders the cursor numerically within a transaction (positions 99 before 100)', async () => {
      const id = sid('wide');
      const from = await store.headPosition();
      const r = await store.append(id, Array.from({ length: 150 }, (_, i) => ev(i)), { expectedVersion: 'no-stream', streamType: 'thing', meta: meta() });
      const read: bigint[] = [];
      let after = START;
      // The cursor holds back events while an older transaction anywhere on the server is open
      // (the gap rule): an empty batch may only mean "not yet", so look again until a deadline.
      const deadline = Date.now() + 10_000;
      while (read.length < r.positions.length && Date.now() < deadline) {
        const batch = await store.readAll({ after, limit: 7 });
        if (batch.length === 0) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        read.push(...batch.filter((e) => e.streamId === id).map((e) => e.globalPosition));
        after = { transactionId: batch[batch.length - 1].transactionId, globalPosition: batch[batch.length - 1].globalPosition };
      }
      expect(read.map(String)).toEqual(r.positions);
      expect(BigInt(r.positions[0])).toBeGreaterThan(from);
    });

    it('the global cursor yields every event once, in stream order, in batches', async () => {
      const ids = Array.from({ length: 10 }, () => sid('cur'));
      await Promise.all(
        ids.map(async (id) => {
          for (let v = 0; v < 5; v++) await store.append(id, [ev(v)], { expectedVersion: v, streamType: 'thing', meta: meta() });
        }),
      );
      const seen = new Map<string, number[]>();
      const positions = new Set<bigint>();
      for await (const batch of store.stream({ after: START, batchSize: 7 })) {
        for (const e of batch) {
          expect(positions.has(e.globalPosition)).toBe(false);
          positions.add(e.globalPosition);
          if (ids.includes(e.streamId)) seen.set(e.streamId, [...(seen.get(e.streamId) ?? []), e.version]);
        }
      }
      for (const id of ids) expect(seen.get(id)).toEqual([1, 2, 3, 4, 5]);
    });
  });
}
