/**
 * Projections and a workload for comparing the ways read models are fed (in process, Kafka).
 * They are written like real ones: set-based, one statement per table per batch.
 */
import { randomUUID } from 'node:crypto';
import { applyPlan, type CommandMeta, EventRegistry, type EventStore, type Projection, type ProjectionPlan, sqlLiteral, type StoredEvent } from '@convene/event-store';

export const workloadRegistry = () =>
  new EventRegistry().register(
    { type: 'ThingHappened' },
    { type: 'Ignored' },
    { type: 'PersonRegistered', personal: [{ subject: 'personId', fields: ['email', 'name'] }] },
  );

export const workloadMeta = (): CommandMeta => ({
  actor: 'tester',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt: new Date().toISOString(),
});

/** A table of counts per stream, as the counting projections keep. */
const countsTable =
  (base: string): Projection['setup'] =>
  async ({ client, table }) => {
    await client.query(`CREATE TABLE ${table(base)} (stream_id text PRIMARY KEY, n int NOT NULL, last_version int NOT NULL)`);
  };

/**
 * Per stream: how many ThingHappened, and the last version seen. `failOnce` throws once after
 * writing (a crash between the read-model write and the checkpoint); `poisonWhen` always throws.
 */
export function countingProjection(
  options: { poisonWhen?: (e: StoredEvent) => boolean; version?: number; failOnce?: { armed: boolean } } = {},
): Projection {
  return {
    name: 'test.thing-counts',
    version: options.version ?? 1,
    tables: ['thing_counts'],
    eventTypes: ['ThingHappened'],
    setup: countsTable('thing_counts'),
    async apply({ client, table }, events) {
      const poison = options.poisonWhen && events.find(options.poisonWhen);
      if (poison) throw new Error(`cannot count event ${poison.metadata.eventId}: it says poison`);
      const per = new Map<string, { n: number; last: number }>();
      for (const e of events) {
        const c = per.get(e.streamId) ?? { n: 0, last: 0 };
        per.set(e.streamId, { n: c.n + 1, last: Math.max(c.last, e.version) });
      }
      await client.query(
        `INSERT INTO ${table('thing_counts')} (stream_id, n, last_version)
         SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
         ON CONFLICT (stream_id) DO UPDATE SET n = ${table('thing_counts')}.n + excluded.n, last_version = excluded.last_version`,
        [[...per.keys()], [...per.values()].map((c) => c.n), [...per.values()].map((c) => c.last)],
      );
      if (options.failOnce?.armed) {
        options.failOnce.armed = false;
        throw new Error('crash between the read-model write and the checkpoint');
      }
    },
  };
}

/**
 * countingProjection's table as a plan (ProjectionPlan): it reads the rows of the batch's streams
 * and writes their new counts, so that a read not made under the checkpoint's lock, or a write
 * applied twice, shows in the counts. `failOnce` makes the write's round trip fail after the
 * upsert ran (a division by zero behind it), which the transaction must undo.
 */
export function plannedCountingProjection(options: { failOnce?: { armed: boolean }; version?: number } = {}): Projection & { plan: ProjectionPlan } {
  const plan: ProjectionPlan = {
    read: ({ table }, events) =>
      `SELECT stream_id, n, last_version FROM ${table('planned_counts')} WHERE stream_id = ANY(ARRAY[${[...new Set(events.map((e) => e.streamId))].map(sqlLiteral).join(', ')}]::text[])`,
    write({ table }, events, rows) {
      const per = new Map(rows.map((r) => [r.stream_id as string, { n: r.n as number, last: r.last_version as number }]));
      for (const e of events) {
        const c = per.get(e.streamId) ?? { n: 0, last: 0 };
        per.set(e.streamId, { n: c.n + 1, last: Math.max(c.last, e.version) });
      }
      const values = [...per].map(([id, c]) => `(${sqlLiteral(id)}, ${c.n}, ${c.last})`).join(', ');
      const fail = options.failOnce?.armed ? ((options.failOnce.armed = false), '; SELECT 1 / 0') : '';
      return `INSERT INTO ${table('planned_counts')} (stream_id, n, last_version) VALUES ${values}
        ON CONFLICT (stream_id) DO UPDATE SET n = excluded.n, last_version = excluded.last_version${fail}`;
    },
  };
  return {
    name: 'test.planned-counts',
    version: options.version ?? 1,
    tables: ['planned_counts'],
    eventTypes: ['ThingHappened'],
    setup: countsTable('planned_counts'),
    apply: applyPlan(plan),
    plan,
  };
}

/** Per stream, the versions in the order applied: any reordering within a stream shows. */
export function sequenceProjection(): Projection {
  return {
    name: 'test.stream-sequences',
    version: 1,
    tables: ['stream_sequences'],
    async setup({ client, table }) {
      await client.query(`CREATE TABLE ${table('stream_sequences')} (stream_id text PRIMARY KEY, seq text NOT NULL)`);
    },
    async apply({ client, table }, events) {
      const per = new Map<string, number[]>();
      for (const e of events) per.set(e.streamId, [...(per.get(e.streamId) ?? []), e.version]);
      await client.query(
        `INSERT INTO ${table('stream_sequences')} (stream_id, seq) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (stream_id) DO UPDATE SET seq = ${table('stream_sequences')}.seq || ',' || excluded.seq`,
        [[...per.keys()], [...per.values()].map((v) => v.join(','))],
      );
    },
  };
}

/** People with their (decrypted) names: the Kafka path must open the sealed fields itself. */
export function peopleProjection(): Projection {
  return {
    name: 'test.people',
    version: 1,
    tables: ['people'],
    eventTypes: ['PersonRegistered'],
    async setup({ client, table }) {
      await client.query(`CREATE TABLE ${table('people')} (person_id text PRIMARY KEY, name text NOT NULL, email text NOT NULL)`);
    },
    async apply({ client, table }, events) {
      const rows = new Map(events.map((e) => [String(e.data.personId), e.data]));
      await client.query(
        `INSERT INTO ${table('people')} (person_id, name, email) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
         ON CONFLICT (person_id) DO UPDATE SET name = excluded.name, email = excluded.email`,
        [[...rows.keys()], [...rows.values()].map((d) => String(d.name)), [...rows.values()].map((d) => String(d.email))],
      );
    },
  };
}

export const workloadProjections = () => [countingProjection(), sequenceProjection(), peopleProjection()];
export const workloadTables = ['thing_counts', 'stream_sequences', 'people'];

export interface Workload {
  streams: string[];
  people: string[];
  events: number;
  /** The last append: wait for the projections to pass it. */
  last: { transactionId: string; positions: string[] };
}

/**
 * `streams` streams of `perStream` ThingHappened (plus an Ignored every third), appended
 * concurrently so that streams interleave in the log, and one PersonRegistered per person.
 */
export async function appendWorkload(store: EventStore, options: { streams: number; perStream: number; people?: number; label?: string }): Promise<Workload> {
  const label = options.label ?? randomUUID().slice(0, 8);
  const streams = Array.from({ length: options.streams }, (_, i) => `thing-${label}-${i}`);
  const people = Array.from({ length: options.people ?? 0 }, (_, i) => `person-${label}-${i}`);
  let events = 0;
  let last: Workload['last'] = { transactionId: '0', positions: ['0'] };
  const keep = (r: { transactionId: string; positions: string[] }) => {
    const newer = (a: Workload['last'], b: Workload['last']) =>
      BigInt(b.transactionId) > BigInt(a.transactionId) ||
      (BigInt(b.transactionId) === BigInt(a.transactionId) && BigInt(b.positions.at(-1)!) > BigInt(a.positions.at(-1)!));
    if (newer(last, r)) last = r;
  };
  const versions = new Map<string, number>();
  for (let v = 0; v < options.perStream; v++) {
    const results = await Promise.all(
      streams.map((id) => {
        const batch = [{ type: 'ThingHappened', data: { v } }, ...(v % 3 === 2 ? [{ type: 'Ignored', data: {} }] : [])];
        const expectedVersion = versions.get(id) ?? 0;
        versions.set(id, expectedVersion + batch.length);
        events += batch.length;
        return store.append(id, batch, { expectedVersion, streamType: 'thing', meta: workloadMeta() });
      }),
    );
    results.forEach(keep);
  }
  for (const personId of people) {
    keep(
      await store.append(
        personId,
        [{ type: 'PersonRegistered', data: { personId, name: `Name of ${personId}`, email: `${personId}@example.org` } }],
        { expectedVersion: 'no-stream', streamType: 'person', meta: workloadMeta() },
      ),
    );
    events++;
  }
  return { streams, people, events, last };
}
