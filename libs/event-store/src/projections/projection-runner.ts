import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { EventStore } from '../event-store.js';
import { type Checkpoint, START, type StoredEvent } from '../types.js';
import { type Projection, type ProjectionContext, physicalName, projectionContext, quoteIdent } from './projection.js';

type Status = 'building' | 'active' | 'retired';

const samePosition = (a: Checkpoint, b: Checkpoint) => a.transactionId === b.transactionId && a.globalPosition === b.globalPosition;
/** Cursor order: by transaction id, then global position. */
const atOrAfter = (c: Checkpoint, target: Checkpoint) =>
  c.transactionId > target.transactionId || (c.transactionId === target.transactionId && c.globalPosition >= target.globalPosition);

/** One generation of one projection being advanced. */
interface Track {
  projection: Projection;
  generation: number;
  version: number;
  status: Status;
  /** Where this runner has read the generation to: applied, or passed over as irrelevant to it. */
  checkpoint: Checkpoint;
  /**
   * The checkpoint as last written or read in projection_checkpoints. The live loop passes over
   * batches with nothing for the projection without writing each time (SKIP_PERSIST_MS), so this
   * may be behind `checkpoint`, with only events the projection ignores in between.
   */
  persisted: Checkpoint;
  persistedAt: number;
  applied: bigint;
}

/** A batch read for a track: where it was read from, and the persisted checkpoint its compare-and-set expects. */
interface ReadAhead {
  after: Checkpoint;
  batch: StoredEvent[];
  /** Defaults to `after`: a track that writes every checkpoint has it persisted where it reads from. */
  expected?: Checkpoint;
}

/**
 * How long the live loop may pass over batches with nothing for a projection before it writes the
 * checkpoint (RunnerOptions.skipPersistMs). Until then a crash only makes it read those events
 * again, and ignore them again; status() and waiters use the checkpoint in memory. Saves a write
 * per such projection per round.
 */
const SKIP_PERSIST_MS = 1000;

/** A position as the runner's queries return it (`transaction_id::text AS tx, global_position::text AS pos`). */
const checkpointOf = (row: { tx: string; pos: string }): Checkpoint => ({ transactionId: BigInt(row.tx), globalPosition: BigInt(row.pos) });
const literal = (c: Checkpoint) => ({ tx: `'${c.transactionId.toString()}'::xid8`, pos: `${c.globalPosition.toString()}::bigint` });

export interface ProjectionStatus {
  name: string;
  generation: number;
  version: number;
  status: Status;
  transactionId: string;
  globalPosition: string;
  eventsApplied: string;
  /** Events in the store after this checkpoint. */
  lag: number;
  lastError?: string;
}

export interface RunnerOptions {
  batchSize?: number;
  /** Poll interval when no wake-up arrives (always used on the embedded database). */
  pollMs?: number;
  /** Connection string for LISTEN convene_events; omit where LISTEN does not work. */
  listenUrl?: string;
  /** Called with each failure of a batch (the runner retries with back-off). */
  onError?: (projection: string, error: unknown) => void;
  /** How long the live loop keeps a passed-over checkpoint in memory only (default SKIP_PERSIST_MS). */
  skipPersistMs?: number;
}

/**
 * Feeds projections from the store through the never-skip cursor. Each batch is applied in one
 * transaction that also moves the checkpoint by compare-and-set, so that a crash between the
 * write and the checkpoint leaves no effect, and two runners never apply a batch twice.
 */
/** How long after an announced append an empty read is retried every APPEND_RECHECK_MS (or at the next announcement). */
const APPEND_VISIBILITY_WINDOW_MS = 2000;
const APPEND_RECHECK_MS = 10;

/** How soon an idle runner looks again while a read-your-writes waiter is still behind. */
const WAITER_POLL_MS = 20;

export class ProjectionRunner {
  private readonly projections = new Map<string, Projection>();
  private tracks: Track[] = [];
  private running = false;
  /** Stopped for good (shutdown): waiters return at once instead of asking a closing pool. */
  private stopped = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private listener?: pg.Client;
  private readonly errors = new Map<string, string>();
  private readonly batchSize: number;
  private readonly pollMs: number;
  /** An append was announced: in process, or by NOTIFY with its transaction id (or none, by an older trigger). */
  private readonly onAppended = (transactionId?: string) => {
    const now = Date.now();
    this.appendSeenAt = now;
    if (transactionId && /^\d+$/.test(transactionId)) {
      const tx = BigInt(transactionId);
      if (this.announcedTx === undefined || tx > this.announcedTx) this.announcedTx = tx;
    } else {
      this.unplacedAppendSeenAt = now;
    }
    this.woken = true;
    this.wake?.();
  };
  private readonly onNotification = (n: pg.Notification) => this.onAppended(n.payload);
  /** An append was announced since the current round began: look again before waiting. */
  private woken = false;
  /** When an append was last announced (in process or by NOTIFY). */
  private appendSeenAt = 0;
  /** The newest transaction announced; once every active generation has read up to it, no need to look again. */
  private announcedTx?: bigint;
  /** When an append was last announced without its transaction id. */
  private unplacedAppendSeenAt = 0;
  /**
   * Read-your-writes waiters of this running runner, each released once every active generation
   * has passed its target: after each round that moved a checkpoint, one pass over them all (not
   * a wake-up, a timer and a listener per waiter per round).
   */
  private readonly waiters = new Set<{ target: Checkpoint; release: (reached: boolean) => void }>();

  constructor(
    private readonly store: EventStore,
    projections: Projection[],
    private readonly options: RunnerOptions = {},
  ) {
    for (const p of projections) this.register(p);
    this.batchSize = options.batchSize ?? 1000;
    this.pollMs = options.pollMs ?? 250;
  }

  register(p: Projection): void {
    if (this.projections.has(p.name)) throw new Error(`Projection ${p.name} is registered twice`);
    this.projections.set(p.name, p);
  }

  get names(): string[] {
    return [...this.projections.keys()];
  }

  private get pool() {
    return this.store.pool;
  }

  /** Makes sure every projection has a generation to advance; creates tables and views. */
  async init(): Promise<void> {
    this.tracks = [];
    for (const p of this.projections.values()) this.tracks.push(...(await this.tracksFor(p)));
  }

  private async tracksFor(p: Projection): Promise<Track[]> {
    const { rows } = await this.pool.query(
      `SELECT generation, version, status, transaction_id::text AS tx, global_position::text AS pos, events_applied::text AS applied
       FROM projection_checkpoints WHERE name = $1 AND status <> 'retired' ORDER BY generation`,
      [p.name],
    );
    const tracks: Track[] = rows.map((r) => ({
      projection: p,
      generation: r.generation,
      version: r.version,
      status: r.status,
      checkpoint: checkpointOf(r),
      persisted: checkpointOf(r),
      persistedAt: Date.now(),
      applied: BigInt(r.applied),
    }));
    const current = tracks.filter((t) => t.version === p.version);
    // An active generation of an older version keeps serving (stale) until the new one is built.
    if (current.length === 0) current.push(await this.newGeneration(p, tracks.length === 0 ? 'active' : 'building'));
    return current;
  }

  private async newGeneration(p: Projection, status: Status): Promise<Track> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`projection:${p.name}`]);
      const { rows } = await client.query(
        `SELECT coalesce(max(generation), 0) + 1 AS g FROM projection_checkpoints WHERE name = $1`,
        [p.name],
      );
      const generation: number = rows[0].g;
      await client.query(`INSERT INTO projection_checkpoints (name, generation, version, status) VALUES ($1, $2, $3, $4)`, [
        p.name,
        generation,
        p.version,
        status,
      ]);
      const ctx = this.context(client, p, generation);
      await p.setup(ctx);
      if (status === 'active') await this.pointViews(client, p, generation);
      await client.query('COMMIT');
      return { projection: p, generation, version: p.version, status, checkpoint: START, persisted: START, persistedAt: Date.now(), applied: 0n };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  private context(client: pg.PoolClient, p: Projection, generation: number): ProjectionContext {
    return projectionContext(client, p, generation);
  }

  private async pointViews(client: pg.PoolClient, p: Projection, generation: number): Promise<void> {
    for (const base of p.tables) {
      await client.query(`DROP VIEW IF EXISTS ${quoteIdent(base)}`);
      await client.query(`CREATE VIEW ${quoteIdent(base)} AS SELECT * FROM ${quoteIdent(physicalName(base, generation))}`);
    }
  }

  /** Applies one batch to a track. Returns how many events were read (0: caught up). */
  private async step(track: Track, readAhead?: ReadAhead): Promise<number> {
    // Compare-and-set against the checkpoint persisted when this batch was read, not the live
    // fields, which a concurrent step of the same track (the live loop beside a rebuild) may have
    // moved meanwhile.
    const from = readAhead?.after ?? track.checkpoint;
    const expected = readAhead ? (readAhead.expected ?? readAhead.after) : track.persisted;
    const batch = readAhead?.batch ?? (await this.store.readAll({ after: from, limit: this.batchSize }));
    if (batch.length === 0) {
      if (track.status === 'building') await this.switchOver(track);
      return 0;
    }
    const p = track.projection;
    const relevant = p.eventTypes ? batch.filter((e) => p.eventTypes!.includes(e.type)) : batch;
    const last = batch[batch.length - 1];
    const next: Checkpoint = { transactionId: last.transactionId, globalPosition: last.globalPosition };
    if (relevant.length === 0) return this.skipOver(track, expected, next, batch.length);
    const client = await this.pool.connect();
    try {
      // One round trip (simple protocol, so the values are literals: a projection name, a
      // generation and two positions): the transaction, the checkpoint's row lock, and what the
      // Kafka projector already applied to this generation (external-apply.ts), not to be
      // applied twice should both feed it; behind the checkpoint its record is no longer needed.
      // Each statement takes its own snapshot, so the DELETE sees what a concurrent external
      // apply committed before the lock was granted, and a plan's read what was committed
      // before the lock too. A plan reads for every relevant event, a superset of what it writes.
      const name = client.escapeLiteral(p.name);
      const generation = Number(track.generation).toFixed(0);
      const upTo = literal(next);
      const ctx = this.context(client, p, track.generation);
      const planRead = p.plan?.read?.(ctx, relevant);
      const [, locked, external, read] = (await client.query(
        `BEGIN;
         SELECT transaction_id::text AS tx, global_position::text AS pos, events_applied::text AS applied
         FROM projection_checkpoints WHERE name = ${name} AND generation = ${generation} FOR UPDATE;
         DELETE FROM projection_applied_events WHERE projection = ${name} AND generation = ${generation}
         AND (transaction_id, global_position) <= (${upTo.tx}, ${upTo.pos}) RETURNING event_id${planRead ? `;\n${planRead}` : ''}`,
      )) as unknown as pg.QueryResult[];
      if (locked.rows.length === 0) throw new Error(`Checkpoint of ${p.name} generation ${track.generation} vanished`);
      const stored = checkpointOf(locked.rows[0]);
      if (!samePosition(stored, expected)) {
        // Another runner moved it: take its position and read again from there.
        await client.query('ROLLBACK');
        this.adopt(track, stored, BigInt(locked.rows[0].applied));
        return batch.length;
      }
      const done = new Set(external.rows.map((r: { event_id: string }) => r.event_id));
      const todo = done.size > 0 ? relevant.filter((e) => !done.has(e.metadata.eventId)) : relevant;
      // A plan's writes go with the checkpoint's update and the commit; apply() runs its own statements first.
      let writes = '';
      if (todo.length > 0 && p.plan) writes = p.plan.write(ctx, todo, read?.rows ?? []) ?? '';
      else if (todo.length > 0) await p.apply(ctx, todo);
      // The lock is held and the position checked: the update and the commit go together.
      await client.query(
        `${writes ? `${writes};\n` : ''}UPDATE projection_checkpoints SET transaction_id = ${upTo.tx}, global_position = ${upTo.pos},
         events_applied = events_applied + ${todo.length}, updated_at = now()
         WHERE name = ${name} AND generation = ${generation};
         COMMIT`,
      );
      track.checkpoint = next;
      track.persisted = next;
      track.persistedAt = Date.now();
      track.applied += BigInt(todo.length);
      this.errors.delete(p.name);
      return batch.length;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** Takes the position another runner wrote, as both read and persisted. */
  private adopt(track: Track, stored: Checkpoint, applied: bigint): void {
    track.checkpoint = stored;
    track.persisted = stored;
    track.persistedAt = Date.now();
    track.applied = applied;
  }

  /**
   * A batch with nothing for the projection only moves its checkpoint. The live loop moves an
   * active generation's in memory, and writes it at most every SKIP_PERSIST_MS; otherwise one
   * compare-and-set statement (nothing else changes, and the Kafka projector records only
   * events the projection applies).
   */
  private async skipOver(track: Track, expected: Checkpoint, next: Checkpoint, read: number): Promise<number> {
    if (this.running && track.status === 'active') {
      track.checkpoint = next;
      if (Date.now() - track.persistedAt < (this.options.skipPersistMs ?? SKIP_PERSIST_MS)) return read;
    }
    await this.persistSkip(track, expected, next);
    return read;
  }

  /** Writes a passed-over checkpoint by compare-and-set; if another runner moved it, takes its position. */
  private async persistSkip(track: Track, expected: Checkpoint, next: Checkpoint): Promise<void> {
    const p = track.projection;
    const { rowCount } = await this.pool.query(
      `UPDATE projection_checkpoints SET transaction_id = $3::xid8, global_position = $4, updated_at = now()
       WHERE name = $1 AND generation = $2 AND transaction_id = $5::xid8 AND global_position = $6`,
      [p.name, track.generation, next.transactionId.toString(), next.globalPosition.toString(), expected.transactionId.toString(), expected.globalPosition.toString()],
    );
    if (rowCount === 1) {
      track.checkpoint = next;
      track.persisted = next;
      track.persistedAt = Date.now();
      this.errors.delete(p.name);
      return;
    }
    // Another runner moved it: take its position and read again from there.
    const { rows } = await this.pool.query(
      `SELECT transaction_id::text AS tx, global_position::text AS pos, events_applied::text AS applied
       FROM projection_checkpoints WHERE name = $1 AND generation = $2`,
      [p.name, track.generation],
    );
    if (rows.length === 0) throw new Error(`Checkpoint of ${p.name} generation ${track.generation} vanished`);
    this.adopt(track, checkpointOf(rows[0]), BigInt(rows[0].applied));
  }

  /** Writes the checkpoints the live loop moved in memory only (at stop). */
  private async persistSkipped(): Promise<void> {
    for (const track of this.tracks) {
      if (samePosition(track.checkpoint, track.persisted)) continue;
      await this.persistSkip(track, track.persisted, track.checkpoint).catch(() => {});
    }
  }

  /** A building generation has caught up: point the views at it and retire the old one. */
  private async switchOver(track: Track): Promise<void> {
    const p = track.projection;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`projection:${p.name}`]);
      const { rows: mine } = await client.query(
        `SELECT status FROM projection_checkpoints WHERE name = $1 AND generation = $2`,
        [p.name, track.generation],
      );
      if (mine[0]?.status !== 'building') {
        // Another step (this runner's live loop, or another process) switched over already.
        await client.query('ROLLBACK');
        track.status = mine[0]?.status ?? 'retired';
        this.tracks = this.tracks.filter((t) => t === track || t.projection !== p);
        return;
      }
      const { rows: old } = await client.query(
        `UPDATE projection_checkpoints SET status = 'retired', updated_at = now()
         WHERE name = $1 AND status = 'active' AND generation <> $2 RETURNING generation`,
        [p.name, track.generation],
      );
      await client.query(
        `UPDATE projection_checkpoints SET status = 'active', updated_at = now() WHERE name = $1 AND generation = $2`,
        [p.name, track.generation],
      );
      await this.pointViews(client, p, track.generation);
      for (const { generation } of old) {
        for (const base of p.tables) await client.query(`DROP TABLE IF EXISTS ${quoteIdent(physicalName(base, generation))}`);
      }
      await client.query('COMMIT');
      track.status = 'active';
      this.tracks = this.tracks.filter((t) => t === track || t.projection !== p);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** Advances every projection until it has read everything committed so far. */
  async catchUp(): Promise<void> {
    if (this.tracks.length === 0) await this.init();
    for (const track of [...this.tracks]) while ((await this.step(track)) > 0);
  }

  /**
   * Replays a projection from zero into a new generation while the current one keeps serving,
   * then switches over. `onProgress(done, total)` is called after each batch.
   */
  async rebuild(name: string, onProgress?: (done: number, total: number) => void): Promise<{ events: number; ms: number }> {
    const p = this.projections.get(name);
    if (!p) throw new Error(`Unknown projection ${name}; known: ${this.names.join(', ')}`);
    const started = performance.now();
    const { rows } = await this.pool.query(`SELECT count(*)::int AS n FROM events`);
    const total: number = rows[0].n;
    // Abandon a half-built generation left by an interrupted rebuild.
    await this.pool.query(`UPDATE projection_checkpoints SET status = 'retired' WHERE name = $1 AND status = 'building'`, [name]);
    const track = await this.newGeneration(p, 'building');
    this.tracks = this.tracks.filter((t) => t.projection !== p || t.status === 'active');
    this.tracks.push(track);
    let done = 0;
    // The next batch is read while the current one is applied: a read does not wait for a commit.
    const read = (after: Checkpoint) => {
      const batch = this.store.readAll({ after, limit: this.batchSize });
      batch.catch(() => {}); // awaited below, or dropped when the step fails
      return { after, batch };
    };
    let ahead = read(track.checkpoint);
    for (;;) {
      const { after, batch: pending } = ahead;
      const batch = await pending;
      const last = batch[batch.length - 1];
      if (last) ahead = read({ transactionId: last.transactionId, globalPosition: last.globalPosition });
      const n = await this.step(track, { after, batch });
      if (n === 0) break;
      // Another runner moved the checkpoint: what was read ahead starts in the wrong place.
      if (!samePosition(track.checkpoint, ahead.after)) ahead = read(track.checkpoint);
      done += n;
      onProgress?.(Math.min(done, total), total);
    }
    return { events: done, ms: performance.now() - started };
  }

  /** Follows the store live: catch up, then wait for a wake-up (append, NOTIFY or poll). */
  async start(): Promise<void> {
    if (this.running) return;
    await this.init();
    this.running = true;
    // What this process appends, it projects a few milliseconds later: no need to decrypt what it sealed.
    this.store.cipher.openRecentlySealedFromMemory();
    this.store.appended.on('appended', this.onAppended);
    if (this.options.listenUrl) {
      this.listener = new pg.Client({ connectionString: this.options.listenUrl });
      this.listener.on('notification', this.onNotification);
      this.listener.on('error', () => {}); // the poll still runs
      await this.listener.connect();
      await this.listener.query('LISTEN convene_events');
    }
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    let backoff = 100;
    while (this.running) {
      this.woken = false;
      const { progressed, failed } = await this.round();
      // Also after a round that moved nothing here: another runner may have moved the checkpoints.
      this.releaseWaiters();
      if (failed) {
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 30_000);
        continue;
      }
      backoff = 100;
      // An append announced while the round ran may not have been in its read. A stop() during
      // the round found no idle wait to cut short: it must not start one.
      if (progressed || this.woken || !this.running) continue;
      // An announced append may not be readable yet: the cursor waits for every older transaction
      // on the server to end. Look again shortly rather than wait for the next poll; someone
      // waiting for a write this runner cannot see yet (another process's) also gets a short poll.
      await this.idle(this.awaitingAppend() ? APPEND_RECHECK_MS : this.waiters.size > 0 ? WAITER_POLL_MS : this.pollMs);
    }
  }

  /**
   * Whether an announced append may still be unread, so that the runner looks again shortly: for
   * APPEND_VISIBILITY_WINDOW_MS after the announcement, and only while some active generation has
   * not yet read up to the announced transaction (the cursor never passes a transaction it has
   * not read: once a checkpoint is beyond it, it was read). An announcement without a
   * transaction id keeps looking for the whole window.
   */
  private awaitingAppend(): boolean {
    const now = Date.now();
    if (now - this.appendSeenAt >= APPEND_VISIBILITY_WINDOW_MS) return false;
    if (now - this.unplacedAppendSeenAt < APPEND_VISIBILITY_WINDOW_MS) return true;
    const tx = this.announcedTx;
    return tx !== undefined && this.tracks.some((t) => t.status === 'active' && t.checkpoint.transactionId < tx);
  }

  /** Waits until the time is up or an append is announced, whichever comes first. */
  private async idle(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
  }

  /**
   * One step of every track. Tracks at the same checkpoint (all of them, once caught up) share
   * one read of the log, decrypted only for the event types one of them applies, and apply it in
   * parallel, each in its own transaction: a round costs one read, not one per projection.
   */
  private async round(): Promise<{ progressed: boolean; failed: boolean }> {
    const groups = new Map<string, Track[]>();
    for (const t of this.tracks) {
      const key = `${t.checkpoint.transactionId}:${t.checkpoint.globalPosition}`;
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
    let failed = false;
    const fail = (track: Track, err: unknown) => {
      failed = true;
      this.errors.set(track.projection.name, err instanceof Error ? err.message : String(err));
      this.options.onError?.(track.projection.name, err);
    };
    const progressed = await Promise.all(
      [...groups.values()].map(async (tracks) => {
        let batch: StoredEvent[];
        const after = tracks[0].checkpoint;
        // Tracks at one read position may have different persisted ones (skips not yet written).
        const expected = new Map(tracks.map((t) => [t, t.persisted]));
        try {
          const types = tracks.every((t) => t.projection.eventTypes) ? new Set(tracks.flatMap((t) => t.projection.eventTypes!)) : undefined;
          batch = await this.store.readAllRevealed({ after, limit: this.batchSize, types });
        } catch (err) {
          for (const t of tracks) fail(t, err);
          return false;
        }
        const steps = await Promise.all(
          tracks.map(async (t) => {
            try {
              return (await this.step(t, { after, batch, expected: expected.get(t) })) > 0;
            } catch (err) {
              fail(t, err);
              return false;
            }
          }),
        );
        return steps.some(Boolean);
      }),
    );
    return { progressed: progressed.some(Boolean), failed };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.running = false;
    this.store.appended.off('appended', this.onAppended);
    // The commands are committed either way: their callers get their answers, not an error.
    for (const w of this.waiters) w.release(false);
    this.wake?.();
    await this.loop;
    await this.persistSkipped();
    await this.listener?.end().catch(() => {});
    this.listener = undefined;
  }

  /**
   * Each generation's checkpoint and how many events it is behind: as written, or as this
   * runner has it in memory where that is further (passed-over batches not yet written).
   */
  async status(): Promise<ProjectionStatus[]> {
    const ahead = this.tracks.filter((t) => !samePosition(t.checkpoint, t.persisted));
    const { rows } = await this.pool.query(
      `WITH mem AS (
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::bigint[]) AS m(name, generation, tx, pos)),
       at AS (
         SELECT c.*, CASE WHEN ahead THEN m.tx::xid8 ELSE c.transaction_id END AS at_tx, CASE WHEN ahead THEN m.pos ELSE c.global_position END AS at_pos
         FROM projection_checkpoints c LEFT JOIN mem m ON m.name = c.name AND m.generation = c.generation
         CROSS JOIN LATERAL (SELECT coalesce((m.tx::xid8, m.pos) > (c.transaction_id, c.global_position), false) AS ahead) a
         WHERE c.status <> 'retired')
       SELECT name, generation, version, status, at_tx::text AS tx, at_pos::text AS pos, events_applied::text AS applied,
              (SELECT count(*) FROM events e WHERE (e.transaction_id, e.global_position) > (at.at_tx, at.at_pos))::int AS lag
       FROM at ORDER BY name, generation`,
      [
        ahead.map((t) => t.projection.name),
        ahead.map((t) => t.generation),
        ahead.map((t) => t.checkpoint.transactionId.toString()),
        ahead.map((t) => t.checkpoint.globalPosition.toString()),
      ],
    );
    return rows.map((r) => ({
      name: r.name,
      generation: r.generation,
      version: r.version,
      status: r.status,
      transactionId: r.tx,
      globalPosition: r.pos,
      eventsApplied: r.applied,
      lag: r.lag,
      ...(this.errors.has(r.name) ? { lastError: this.errors.get(r.name) } : {}),
    }));
  }

  /**
   * Read-your-writes: resolves once every active projection has passed the given append (or the
   * timeout passed; then it resolves false and the caller's reads may still be behind).
   */
  async waitForAppend(result: { transactionId: string; positions: string[] }, timeoutMs = 2000): Promise<boolean> {
    const target: Checkpoint = {
      transactionId: BigInt(result.transactionId),
      globalPosition: BigInt(result.positions[result.positions.length - 1]),
    };
    // The command is committed either way: at shutdown its caller gets its answer, not an error.
    if (this.stopped) return false;
    if (this.running) {
      if (!this.activeBehind(target)) return true;
      return new Promise<boolean>((resolve) => {
        const waiter = {
          target,
          release: (reached: boolean) => {
            clearTimeout(timer);
            this.waiters.delete(waiter);
            resolve(reached);
          },
        };
        const timer = setTimeout(() => waiter.release(false), timeoutMs);
        this.waiters.add(waiter);
        this.wake?.();
      });
    }
    // Another process (the Kafka projector) runs the projections: ask the checkpoints table.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.stopped) return false;
      if (!(await this.behind(target))) return true;
      if (Date.now() > deadline) return false;
      await sleep(20);
    }
  }

  /** After a round: releases every waiter whose target all active generations have passed. */
  private releaseWaiters(): void {
    for (const w of this.waiters) if (!this.activeBehind(w.target)) w.release(true);
  }

  /** Whether one of this runner's active generations has not yet reached the target. */
  private activeBehind(target: Checkpoint): boolean {
    return this.tracks.some((t) => t.status === 'active' && !atOrAfter(t.checkpoint, target));
  }

  /** Whether some active generation has not yet passed the target position. */
  private async behind(target: Checkpoint): Promise<boolean> {
    if (this.running) return this.activeBehind(target);
    // Another process runs the projections: ask the checkpoints table.
    const { rows } = await this.pool.query(
      `SELECT count(*)::int AS n FROM projection_checkpoints
       WHERE status = 'active' AND (transaction_id, global_position) < ($1::xid8, $2::bigint)`,
      [target.transactionId.toString(), target.globalPosition.toString()],
    );
    return rows[0].n > 0;
  }

  /** Resolves once every projection has applied everything committed before the call. */
  async waitForCatchUp(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const { rows } = await this.pool.query(
      `SELECT transaction_id::text AS tx, global_position::text AS pos FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    if (rows.length === 0) return;
    const target = checkpointOf(rows[0]);
    while (this.activeBehind(target)) {
      if (Date.now() > deadline) throw new Error('Projections did not catch up in time');
      if (!this.running) await this.catchUp();
      else await sleep(10);
    }
  }
}

export type { StoredEvent };
