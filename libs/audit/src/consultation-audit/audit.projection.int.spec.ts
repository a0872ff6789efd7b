import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CommandMeta, EventRegistry, EventStore, type NewEvent, ProjectionRunner, readModelHash, type StoredEvent } from '@convene/event-store';
import { registrationFeature } from '@convene/registration';
import { schedulingFeature } from '@convene/scheduling';
import { summariesFeature } from '@convene/summaries';
import { createEmbeddedDatabase, createServerDatabase, hasServer, type TestDatabase } from '../../../../test/support/databases.js';
import { AUDIT_TABLE, auditProjection } from './audit.projection.js';

let db: TestDatabase;
let store: EventStore;
beforeAll(async () => {
  db = hasServer() ? await createServerDatabase() : await createEmbeddedDatabase();
  const features = [schedulingFeature, registrationFeature, summariesFeature];
  store = new EventStore(db.pool, new EventRegistry().register(...features.flatMap((f) => f.events ?? [])));
});
afterAll(async () => db?.drop());

const meta = (actor: string, actorRole: string, at: string): CommandMeta => ({ actor, actorRole, correlationId: randomUUID(), occurredAt: at });
const append = (streamId: string, expectedVersion: number, streamType: string, m: CommandMeta, ...events: Array<{ type: string; data: object }>) =>
  store.append(streamId, events as NewEvent[], { expectedVersion, streamType, meta: m });

/** A consultation's life across its three streams and its series, with a second consultation interleaved. */
async function writeHistory() {
  const seriesId = randomUUID();
  const [geneva, other] = [randomUUID(), randomUUID()];
  const registrationId = randomUUID();
  const sec = (at: string) => meta('sec-amara', 'secretariat', at);
  await append(`series-${seriesId}`, 0, 'series', sec('2031-01-01T09:00:00Z'), {
    type: 'SeriesPlanned',
    data: { seriesId, title: 'Cyber workshops', mandate: null, organiser: 'UNIDIR', partners: [], description: null },
  });
  await append(`series-${seriesId}`, 1, 'series', sec('2031-01-01T09:01:00Z'), { type: 'ConsultationAddedToSeries', data: { seriesId, consultationId: geneva } });
  await append(`consultation-${geneva}`, 0, 'consultation', sec('2031-01-01T09:02:00Z'), { type: 'ConsultationAnnounced', data: { consultationId: geneva } });
  await append(`consultation-${other}`, 0, 'consultation', sec('2031-01-01T09:03:00Z'), { type: 'ConsultationAnnounced', data: { consultationId: other } });
  await append(`registrations-${geneva}`, 0, 'registration-book', meta('anonymous', 'public', '2031-01-02T10:00:00Z'), {
    type: 'ParticipantRegistered',
    data: {
      consultationId: geneva,
      registrationId,
      personId: randomUUID(),
      person: { givenName: 'Amina', familyName: 'Diallo', email: 'amina.diallo@example.org' },
      accessNeeds: 'step-free access',
    },
  });
  await append(`registrations-${geneva}`, 1, 'registration-book', sec('2031-01-03T10:00:00Z'), { type: 'RegistrationConfirmed', data: { consultationId: geneva, registrationId } });
  await append(`summary-${geneva}`, 0, 'chair-summary', sec('2031-01-04T10:00:00Z'), { type: 'ChairSummaryStarted', data: { consultationId: geneva, chathamHouse: true, edition: 1 } });
  await append(
    `summary-${geneva}`,
    1,
    'chair-summary',
    meta('chair-lindqvist', 'chair', '2031-01-05T10:00:00Z'),
    { type: 'ChairSummaryKeyPointAdded', data: { keyPointId: 'kp-1', sectionId: 'session-1', text: 'Ms Diallo noted the norms.', position: 0 } },
  );
  return { geneva, other, registrationId, seriesId };
}

describe('the audit projection', () => {
  it('lists every event of a consultation with its actor, from all its streams, and nothing of their data', async () => {
    const { geneva, other, registrationId, seriesId } = await writeHistory();
    await new ProjectionRunner(store, [auditProjection]).catchUp();
    const { rows } = await db.pool.query(
      `SELECT event_type, stream_id, version, actor, actor_role, refs FROM ${AUDIT_TABLE} WHERE consultation_id = $1 ORDER BY global_position`,
      [geneva],
    );
    expect(rows).toEqual([
      { event_type: 'ConsultationAddedToSeries', stream_id: `series-${seriesId}`, version: 2, actor: 'sec-amara', actor_role: 'secretariat', refs: { seriesId } },
      { event_type: 'ConsultationAnnounced', stream_id: `consultation-${geneva}`, version: 1, actor: 'sec-amara', actor_role: 'secretariat', refs: {} },
      { event_type: 'ParticipantRegistered', stream_id: `registrations-${geneva}`, version: 1, actor: 'anonymous', actor_role: 'public', refs: { registrationId } },
      { event_type: 'RegistrationConfirmed', stream_id: `registrations-${geneva}`, version: 2, actor: 'sec-amara', actor_role: 'secretariat', refs: { registrationId } },
      { event_type: 'ChairSummaryStarted', stream_id: `summary-${geneva}`, version: 1, actor: 'sec-amara', actor_role: 'secretariat', refs: {} },
      { event_type: 'ChairSummaryKeyPointAdded', stream_id: `summary-${geneva}`, version: 2, actor: 'chair-lindqvist', actor_role: 'chair', refs: { keyPointId: 'kp-1', sectionId: 'session-1' } },
    ]);
    const others = await db.pool.query(`SELECT event_type FROM ${AUDIT_TABLE} WHERE consultation_id = $1`, [other]);
    expect(others.rows).toEqual([{ event_type: 'ConsultationAnnounced' }]);
    const everything = await db.pool.query(`SELECT string_agg(a::text, E'\\n') AS text FROM ${AUDIT_TABLE} a`);
    expect(everything.rows[0].text).not.toMatch(/Amina|Diallo|amina|step-free|norms/);
  });

  it('ends the same whether events come in order, per stream only, in any batches or twice (Kafka)', async () => {
    const events: StoredEvent[] = [];
    for await (const batch of store.stream()) events.push(...batch);
    const table = (base: string) => `"${base}__redelivered"`;
    const client = await db.pool.connect();
    try {
      await auditProjection.setup({ client, table });
      // Streams in reverse order of first appearance, each in its own order; the first half twice.
      const byStream = new Map<string, StoredEvent[]>();
      for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
      const reordered = [...byStream.values()].reverse().flat();
      for (const batch of [reordered.slice(0, 5), reordered.slice(0, 5), reordered.slice(3), reordered]) {
        await auditProjection.apply({ client, table }, batch);
      }
    } finally {
      client.release();
    }
    const hash = async (t: string) => (await readModelHash(db.pool, [t])).split(':')[1];
    expect(await hash(`${AUDIT_TABLE}__redelivered`)).toBe(await hash(AUDIT_TABLE));
  });
});
