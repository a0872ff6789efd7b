import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventRegistry, EventStore, ProjectionRunner, readModelHash } from '@convene/event-store';
import { type TestDatabase, databaseVariants } from '../../../../../test/support/databases.js';
import { summariesFeature } from '../../summaries.feature.js';
import { meta, past, publishedSummary } from '../../summary/summary.fixture.js';
import type { Recorded, SummaryEvent } from '../../summary/summary.events.js';
import type { SummaryState } from '../../summary/summary.state.js';
import { foldStored } from '../../summary/summary.stored.js';
import { CHAIR_SUMMARIES, CHAIR_SUMMARY_EDITIONS, chairSummariesProjection } from './chair-summaries.projection.js';


describe.each(databaseVariants())('chair-summaries projection (%s)', (_label, open) => {
  let db: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    db = await open();
    store = new EventStore(db.pool, new EventRegistry().register(...summariesFeature.events!));
  });
  afterAll(async () => db?.drop());

  /** Appends a history one event per append, as commands would, with each event's actor. */
  async function write(history: Array<SummaryEvent | [SummaryEvent, Partial<Recorded>]>): Promise<string> {
    const consultationId = randomUUID();
    for (const [i, g] of history.entries()) {
      const [event, at] = Array.isArray(g) ? g : [g, {}];
      const data = event.type === 'ChairSummaryStarted' ? { ...event.data, consultationId } : event.data;
      await store.append(`summary-${consultationId}`, [{ type: event.type, data }], {
        expectedVersion: i,
        streamType: 'chair-summary',
        meta: meta(at.actor?.startsWith('chair') ? 'chair' : 'secretariat', at.actor),
      });
    }
    return consultationId;
  }

  const rowOf = async (id: string) =>
    (await db.pool.query(`SELECT version, status, edition, published_edition, state FROM ${CHAIR_SUMMARIES} WHERE consultation_id = $1`, [id])).rows[0];

  it('keeps each summary as its stream folds it, and every published edition frozen; a rebuild ends in the same tables', async () => {
    const correction = [past.correction(), past.revised('k1', 'Corrected wording.', 7), past.submitted(2), past.approved(9, 2), past.published(9, 2)];
    const corrected = await write([...publishedSummary(), ...correction]);
    const draft = await write([past.started(), past.section(), past.keyPoint(), past.keyPoint('k2', 'Two.', 's1', 1), past.withdrawn('k1', 4)]);
    const published = await write(publishedSummary());
    // Small batches: a summary's events are split over several batches, and a batch holds several summaries.
    const runner = new ProjectionRunner(store, [chairSummariesProjection], { batchSize: 4 });
    await runner.catchUp();

    for (const id of [corrected, draft, published]) {
      const row = await rowOf(id);
      const replayed = foldStored(await store.readStream(`summary-${id}`));
      expect(row.state as SummaryState).toEqual(JSON.parse(JSON.stringify(replayed)));
      expect(row).toMatchObject({ version: replayed.version, status: replayed.status, edition: replayed.edition });
    }
    expect(await rowOf(draft)).toMatchObject({ status: 'draft', published_edition: null });
    expect(await rowOf(corrected)).toMatchObject({ status: 'published', edition: 2, published_edition: 2 });

    const editions = await db.pool.query(
      `SELECT edition, version, approved_by, correction_reason, content FROM ${CHAIR_SUMMARY_EDITIONS} WHERE consultation_id = $1 ORDER BY edition`,
      [corrected],
    );
    expect(editions.rows.map((r) => [r.edition, r.version, r.approved_by, r.correction_reason])).toEqual([
      [1, 6, 'chair-1', null],
      [2, 11, 'chair-1', 'A footnote cited the wrong symbol.'],
    ]);
    expect(editions.rows[0].content.sections[0].keyPoints[0].text).not.toBe('Corrected wording.');
    expect(editions.rows[1].content.sections[0].keyPoints[0].text).toBe('Corrected wording.');

    const live = await readModelHash(db.pool, [CHAIR_SUMMARIES, CHAIR_SUMMARY_EDITIONS]);
    await runner.rebuild(chairSummariesProjection.name);
    expect(await readModelHash(db.pool, [CHAIR_SUMMARIES, CHAIR_SUMMARY_EDITIONS])).toBe(live);
  });

  it('a batch delivered again (as Kafka may) changes nothing', async () => {
    const id = await write(publishedSummary());
    const runner = new ProjectionRunner(store, [chairSummariesProjection]);
    await runner.catchUp();
    const before = await readModelHash(db.pool, [CHAIR_SUMMARIES, CHAIR_SUMMARY_EDITIONS]);
    const { rows } = await db.pool.query(`SELECT generation FROM projection_checkpoints WHERE name = $1 AND status = 'active'`, [
      chairSummariesProjection.name,
    ]);
    // Read before taking a connection: the embedded database has only one.
    const again = await store.readStream(`summary-${id}`);
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await chairSummariesProjection.apply({ client, table: (base) => `"${base}__g${rows[0].generation}"` }, again);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await readModelHash(db.pool, [CHAIR_SUMMARIES, CHAIR_SUMMARY_EDITIONS])).toBe(before);
  });
});
