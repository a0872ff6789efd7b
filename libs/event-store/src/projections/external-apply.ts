import type { EventStore } from '../event-store.js';
import type { StoredEvent } from '../types.js';
import { type Projection, projectionContext } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';

export interface ExternalApplyOptions {
  /** Event ids to record as handled without applying them (given up on: dead-lettered). */
  skip?: Iterable<string>;
}

export interface ExternalApplyResult {
  generation: number;
  /** Events handed to the projection's apply(). */
  applied: number;
  /** Events of other types: recorded, not applied. */
  ignored: number;
  /** Events dropped as already handled (recorded for this generation, or behind its checkpoint). */
  duplicates: number;
  skipped: number;
}

/** The generation being fed is gone or not there yet (a rebuild is switching over): try again. */
export class NoActiveGeneration extends Error {
  constructor(readonly projection: string) {
    super(`Projection ${projection} has no active generation`);
    this.name = 'NoActiveGeneration';
  }
}

/** How far one advance looks for the first event not yet handled; the next batch goes on from there. */
const ADVANCE_WINDOW = 5000;

/**
 * Moves the checkpoint over the longest run of the log, in cursor order, whose events are all
 * recorded for this generation, forgets those records (behind the checkpoint, the checkpoint
 * alone drops redeliveries), and counts what was applied; one statement, as it runs in every
 * batch's transaction.
 * - gap: the first event after the checkpoint not recorded; the ordered index is walked only up
 *   to it. Only rows below the snapshot horizon count, as in the cursor, so an event still being
 *   committed can never be jumped over.
 * - upto: the event just before the gap (every row before a visible row is visible), or, with no
 *   gap in the window, the window's last event.
 * The window is inlined where used (NOT MATERIALIZED): the gap search stops at the first gap
 * instead of reading the whole window.
 */
const ADVANCE_SQL = `
WITH win AS NOT MATERIALIZED (
  SELECT transaction_id AS tx, global_position AS pos FROM events
  WHERE (transaction_id, global_position) > ($3::xid8, $4::bigint)
    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY transaction_id, global_position
  LIMIT $5
),
gap AS MATERIALIZED (
  SELECT w.tx, w.pos FROM win w
  WHERE NOT EXISTS (
    SELECT 1 FROM projection_applied_events a WHERE a.projection = $1 AND a.generation = $2 AND a.global_position = w.pos)
  ORDER BY w.tx, w.pos
  LIMIT 1
),
upto AS MATERIALIZED (
  SELECT tx, pos FROM (
    -- The gap as two scalar subqueries: values the index condition can use, not a join filter.
    SELECT e.transaction_id AS tx, e.global_position AS pos FROM events e
    WHERE (e.transaction_id, e.global_position) > ($3::xid8, $4::bigint)
      AND (e.transaction_id, e.global_position) < ((SELECT tx FROM gap), (SELECT pos FROM gap))
    ORDER BY e.transaction_id DESC, e.global_position DESC
    LIMIT 1
  ) before_gap
  UNION ALL
  SELECT tx, pos FROM (SELECT w.tx, w.pos FROM win w ORDER BY w.tx DESC, w.pos DESC LIMIT 1) window_end
  WHERE NOT EXISTS (SELECT 1 FROM gap)
),
forgotten AS (
  DELETE FROM projection_applied_events a USING upto u
  WHERE a.projection = $1 AND a.generation = $2 AND (a.transaction_id, a.global_position) <= (u.tx, u.pos)
)
UPDATE projection_checkpoints c
SET transaction_id = coalesce((SELECT tx FROM upto), c.transaction_id),
    global_position = coalesce((SELECT pos FROM upto), c.global_position),
    events_applied = c.events_applied + $6,
    updated_at = now()
WHERE c.name = $1 AND c.generation = $2`;

/**
 * Applies batches that arrive from outside the store's cursor (the Kafka projector) to the very
 * same Projection objects the in-process runner uses, into their active generation. Each call is
 * one transaction that locks the generation's checkpoint row, drops events already handled (by
 * event id, or behind the checkpoint), applies the rest with the projection's apply(), records
 * their ids, and advances the checkpoint where the record has no gap. So a redelivered or
 * duplicated message has no second effect, two consumers of the same projection serialise on
 * the row, and read-your-writes (ProjectionRunner.waitForAppend) keeps working (ADR 0009).
 */
export class ExternalBatchApplier {
  private readonly projections = new Map<string, Projection>();

  constructor(
    private readonly store: EventStore,
    projections: Projection[],
  ) {
    for (const p of projections) {
      if (this.projections.has(p.name)) throw new Error(`Projection ${p.name} is registered twice`);
      this.projections.set(p.name, p);
    }
  }

  get names(): string[] {
    return [...this.projections.keys()];
  }

  /**
   * Makes sure every projection has an active generation of its current version, building new
   * ones from the store: Kafka keeps a bounded retention, the store keeps everything. Run it
   * before consuming. Serialised across processes, so two projectors starting together build once.
   * A rebuild while another projector is consuming can miss the events that projector applies
   * to the old generation in the last moment before the switch: stop projectors for rebuilds.
   */
  async prepare(onRebuilt?: (name: string, events: number) => void): Promise<void> {
    // The lock needs a connection of its own beside the rebuild's: not on a one-connection pool
    // (the embedded database), where no second process can run anyway.
    const lock = (this.store.pool.options.max ?? 10) > 1 ? await this.store.pool.connect() : undefined;
    try {
      await lock?.query(`SELECT pg_advisory_lock(hashtext('convene:external-projections:prepare'))`);
      for (const p of this.projections.values()) {
        const { rows } = await this.store.pool.query(
          `SELECT 1 FROM projection_checkpoints WHERE name = $1 AND status = 'active' AND version = $2`,
          [p.name, p.version],
        );
        if (rows.length > 0) continue;
        const { events } = await new ProjectionRunner(this.store, [p]).rebuild(p.name);
        onRebuilt?.(p.name, events);
      }
    } finally {
      await lock?.query(`SELECT pg_advisory_unlock(hashtext('convene:external-projections:prepare'))`).catch(() => {});
      lock?.release();
    }
  }

  /** Applies `events` (in the order given: the projection sees them so) to one projection. */
  async applyExternalBatch(projectionName: string, events: StoredEvent[], options: ExternalApplyOptions = {}): Promise<ExternalApplyResult> {
    const p = this.projections.get(projectionName);
    if (!p) throw new Error(`Unknown projection ${projectionName}; known: ${this.names.join(', ')}`);
    const skip = new Set(options.skip ?? []);
    const client = await this.store.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        `SELECT generation, transaction_id::text AS tx, global_position::text AS pos
         FROM projection_checkpoints WHERE name = $1 AND status = 'active' FOR UPDATE`,
        [p.name],
      );
      if (rows.length === 0) throw new NoActiveGeneration(p.name);
      const generation: number = rows[0].generation;
      const checkpoint = { tx: BigInt(rows[0].tx), pos: BigInt(rows[0].pos) };

      const unique = new Map<string, StoredEvent>();
      for (const e of events) {
        const behind = e.transactionId < checkpoint.tx || (e.transactionId === checkpoint.tx && e.globalPosition <= checkpoint.pos);
        if (!behind && !unique.has(e.metadata.eventId)) unique.set(e.metadata.eventId, e);
      }
      // Recording first tells, in the same round trip, which ids are new: the rest were handled.
      const { rows: inserted } = await client.query<{ event_id: string }>(
        `INSERT INTO projection_applied_events (projection, generation, event_id, transaction_id, global_position, outcome)
         SELECT $1, $2, id, tx::xid8, pos, outcome FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[]) AS t(id, tx, pos, outcome)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [
          p.name,
          generation,
          [...unique.keys()],
          [...unique.values()].map((e) => e.transactionId.toString()),
          [...unique.values()].map((e) => e.globalPosition.toString()),
          [...unique.values()].map((e) => (skip.has(e.metadata.eventId) ? 'skipped' : 'applied')),
        ],
      );
      const isNew = new Set(inserted.map((r) => r.event_id));
      const fresh = [...unique.values()].filter((e) => isNew.has(e.metadata.eventId));
      const relevant = fresh.filter((e) => !skip.has(e.metadata.eventId) && (!p.eventTypes || p.eventTypes.includes(e.type)));
      if (relevant.length > 0) await p.apply(projectionContext(client, p, generation), relevant);
      if (fresh.length > 0) {
        await client.query(ADVANCE_SQL, [p.name, generation, checkpoint.tx.toString(), checkpoint.pos.toString(), ADVANCE_WINDOW, relevant.length]);
      }
      await client.query('COMMIT');
      const skipped = fresh.filter((e) => skip.has(e.metadata.eventId)).length;
      return {
        generation,
        applied: relevant.length,
        ignored: fresh.length - relevant.length - skipped,
        duplicates: events.length - fresh.length,
        skipped,
      };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
}
