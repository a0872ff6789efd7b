import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CommandMeta, EventRegistry, EventStore, type NewEvent, type Projection, ProjectionRunner, readModelHash, type StoredEvent } from '@convene/event-store';
import { createEmbeddedDatabase, createServerDatabase, hasServer, type TestDatabase } from '../../../../test/support/databases.js';
import { alice, announced, bob, cancelled, carol, scheduled, sessionAdded } from '../consultation/consultation.fixture.js';
import { schedulingFeature } from '../scheduling.feature.js';
import { CONSULTATIONS_TABLE, consultationsProjection } from './consultations.projection.js';
import { SERIES_TABLE, seriesProjection } from './series.projection.js';

const meta = (occurredAt: string): CommandMeta => ({ actor: 'tester', correlationId: randomUUID(), occurredAt });

let db: TestDatabase;
let store: EventStore;
beforeAll(async () => {
  db = hasServer() ? await createServerDatabase() : await createEmbeddedDatabase();
  store = new EventStore(db.pool, new EventRegistry().register(...schedulingFeature.events!));
});
afterAll(async () => db?.drop());

/** Two consultations of one series, interleaved the way a busy secretariat would write them. */
async function writeHistory(): Promise<{ seriesId: string; geneva: string; singapore: string }> {
  const seriesId = randomUUID();
  const geneva = randomUUID();
  const singapore = randomUUID();
  const append = (streamId: string, version: number, streamType: string, at: string, ...events: Array<{ type: string; data: object }>) =>
    store.append(streamId, events as NewEvent[], { expectedVersion: version, streamType, meta: meta(at) });
  const g = (o: object) => ({ ...o, consultationId: geneva, seriesId });
  const s = (o: object) => ({ ...o, consultationId: singapore, seriesId });
  await append(`series-${seriesId}`, 0, 'series', '2018-11-01T10:00:00Z', {
    type: 'SeriesPlanned',
    data: { seriesId, title: 'Cyber workshops', mandate: null, organiser: 'UNIDIR', partners: ['CSIS'], description: null },
  });
  await append(`series-${seriesId}`, 1, 'series', '2018-11-02T10:00:00Z', { type: 'ConsultationAddedToSeries', data: { seriesId, consultationId: geneva } });
  await append(`consultation-${geneva}`, 0, 'consultation', '2018-11-02T10:00:01Z', { type: 'ConsultationScheduled', data: g(scheduled().data) });
  await append(`series-${seriesId}`, 2, 'series', '2018-11-03T10:00:00Z', { type: 'ConsultationAddedToSeries', data: { seriesId, consultationId: singapore } });
  await append(
    `consultation-${singapore}`,
    0,
    'consultation',
    '2018-11-03T10:00:01Z',
    { type: 'ConsultationScheduled', data: s(scheduled({ venue: { city: 'Singapore', country: 'SGP' }, timeZone: 'Asia/Singapore', regionalOrganisation: 'ASEAN' }).data) },
    { type: 'SessionAdded', data: s(sessionAdded({ sessionId: 'sg-1', chair: carol }).data) },
  );
  await append(`consultation-${geneva}`, 1, 'consultation', '2018-11-04T09:00:00Z', { type: 'SessionAdded', data: g(sessionAdded({ chair: alice, speakers: [bob] }).data) });
  await append(`consultation-${geneva}`, 2, 'consultation', '2018-11-04T09:05:00Z', { type: 'SessionAdded', data: g(sessionAdded({ sessionId: 's-2', room: 'Room XXI' }).data) });
  await append(`consultation-${geneva}`, 3, 'consultation', '2018-11-05T12:00:00Z', { type: 'ConsultationAnnounced', data: announced(geneva).data });
  await append(`consultation-${geneva}`, 4, 'consultation', '2018-11-06T12:00:00Z', {
    type: 'SessionMoved',
    data: { consultationId: geneva, sessionId: 's-1', room: 'Room XX' },
  });
  await append(`consultation-${singapore}`, 2, 'consultation', '2018-11-07T12:00:00Z', { type: 'ConsultationCancelled', data: cancelled(singapore).data });
  return { seriesId, geneva, singapore };
}

const tables = [SERIES_TABLE, CONSULTATIONS_TABLE];
const contentHash = async (names: string[]) => (await readModelHash(db.pool, names)).split(',').map((part) => part.split(':')[1]);

/** Applies events to a projection's own copy of its tables, in the given batches, each in a transaction. */
async function applyInBatches(projection: Projection, suffix: string, batches: StoredEvent[][]): Promise<string[]> {
  const table = (base: string) => `"${base}__${suffix}"`;
  const client = await db.pool.connect();
  try {
    await projection.setup({ client, table });
    for (const batch of batches) {
      await client.query('BEGIN');
      await projection.apply({ client, table }, batch.filter((e) => projection.eventTypes!.includes(e.type)));
      await client.query('COMMIT');
    }
  } finally {
    client.release();
  }
  return projection.tables.map((t) => `${t}__${suffix}`);
}

/** Per-stream order kept, streams interleaved differently (as Kafka partitions deliver them). */
function perStreamOnly(events: StoredEvent[], pick: (streams: StoredEvent[][]) => number): StoredEvent[] {
  const byStream = new Map<string, StoredEvent[]>();
  for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
  const queues = [...byStream.values()];
  const out: StoredEvent[] = [];
  while (queues.some((q) => q.length > 0)) {
    const open = queues.filter((q) => q.length > 0);
    out.push(open[pick(open) % open.length].shift()!);
  }
  return out;
}

describe('scheduling projections', () => {
  it('build the series overview and the consultation details with their agenda from the log', async () => {
    const { seriesId, geneva, singapore } = await writeHistory();
    const runner = new ProjectionRunner(store, schedulingFeature.projections!);
    await runner.catchUp();
    const series = await db.pool.query(`SELECT version, title, doc FROM ${SERIES_TABLE} WHERE id = $1`, [seriesId]);
    expect(series.rows[0]).toMatchObject({ version: 3, title: 'Cyber workshops', doc: { series: { consultationIds: [geneva, singapore] } } });
    const { rows } = await db.pool.query(
      `SELECT id, version, status, announced, series_id, start_date::text, starts_at, doc FROM ${CONSULTATIONS_TABLE} WHERE series_id = $1 ORDER BY status`,
      [seriesId],
    );
    expect(rows.map((r) => [r.id, r.version, r.status, r.announced])).toEqual([
      [geneva, 5, 'announced', true],
      [singapore, 3, 'cancelled', false],
    ]);
    const genevaDoc = rows[0].doc;
    expect(rows[0].starts_at.toISOString()).toBe('2019-01-23T23:00:00.000Z');
    expect(genevaDoc.consultation.sessions.map((s: { sessionId: string; room: string; revision: number }) => [s.sessionId, s.room, s.revision])).toEqual([
      ['s-1', 'Room XX', 1],
      ['s-2', 'Room XXI', 0],
    ]);
    // Names were stored sealed and are read back decrypted into the read model.
    expect(genevaDoc.consultation.sessions[0].chair).toEqual(alice);
    expect(genevaDoc.sessionsChangedAt).toEqual({ 's-1': '2018-11-06T12:00:00Z', 's-2': '2018-11-04T09:05:00Z' });
    expect(rows[1].doc.consultation.sessions[0]).toMatchObject({ cancelled: { reason: 'Venue unavailable' }, revision: 1 });
  });

  it('end the same whether events come in global order, per-stream order only, in any batches, or twice', async () => {
    const events: StoredEvent[] = [];
    for await (const batch of store.stream()) events.push(...batch);
    const projections = [seriesProjection, consultationsProjection];

    const inOrder = (await Promise.all(projections.map((p) => applyInBatches(p, 'in_order', [events])))).flat();
    const reference = await contentHash(inOrder);

    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const shuffled = perStreamOnly(events, () => random());
    expect(shuffled.map((e) => e.globalPosition)).not.toEqual(events.map((e) => e.globalPosition));
    const batches: StoredEvent[][] = [];
    for (let i = 0; i < shuffled.length; i += 1 + (random() % 4)) batches.push(shuffled.slice(i, i + 1 + (random() % 4)));
    // Kafka delivers at least once: a batch may begin with what the previous one already held,
    // a batch may come twice, and an old one may come late.
    const redelivered = [...batches.flatMap((b, i) => (i === 0 ? [b, b] : [[...batches[i - 1].slice(-2), ...b]])), batches[0]];
    const reordered = (await Promise.all(projections.map((p) => applyInBatches(p, 'per_stream', redelivered)))).flat();
    expect(await contentHash(reordered)).toEqual(reference);

    // And the live runner's tables (global order, its own batches) agree as well.
    expect(await contentHash(tables)).toEqual(reference);
  });

  it('a rebuild from the first event ends in the same read model', async () => {
    const runner = new ProjectionRunner(store, schedulingFeature.projections!);
    await runner.catchUp();
    const before = await readModelHash(db.pool, tables);
    for (const p of schedulingFeature.projections!) await runner.rebuild(p.name);
    expect(await readModelHash(db.pool, tables)).toBe(before);
  });
});
