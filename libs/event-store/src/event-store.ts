import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { statement } from './database/database.js';
import { ConcurrencyConflict, IdempotencyKeyReused } from './errors.js';
import { EventRegistry } from './event-registry.js';
import { keysOfRows, PersonalDataCipher, subjectKeysColumn } from './personal-data.js';
import {
  type AppendOptions,
  type AppendResult,
  type Checkpoint,
  type CommandMeta,
  type EventMetadata,
  type ExpectedVersion,
  type NewEvent,
  type StoredEvent,
  type StreamAppend,
  START,
} from './types.js';

/** One stream's append, sealed and encoded for the group statement. */
interface EncodedAppend {
  streamId: string;
  streamType: string;
  expected: number; // -1 any, 0 no stream, n exact
  types: string[];
  schemaVersions: number[];
  datas: string[];
  metadatas: string[];
}

/** One append waiting for the next group commit. */
interface PendingAppend extends EncodedAppend {
  resolve(r: AppendResult): void;
  reject(e: unknown): void;
}

const ANY = -1;
const encodeExpected = (e: ExpectedVersion): number => {
  if (e === 'any') return ANY;
  if (e === 'no-stream') return 0;
  if (!Number.isInteger(e) || e < 0) throw new RangeError(`Invalid expected version ${e}`);
  return e;
};
const metadataOf = (meta: CommandMeta): EventMetadata => ({
  eventId: randomUUID(),
  correlationId: meta.correlationId,
  causationId: meta.causationId ?? null,
  actor: meta.actor,
  ...(meta.actorRole ? { actorRole: meta.actorRole } : {}),
  occurredAt: meta.occurredAt,
  ...(meta.idempotency ? { idempotencyKey: meta.idempotency.key } : {}),
});
/** The newest transaction of some committed appends, as the announcement names it (decimal xid8). */
const latestTransaction = (results: AppendResult[]): string =>
  results.map((r) => BigInt(r.transactionId)).reduce((a, b) => (b > a ? b : a)).toString();

const describeExpected = (n: number) => (n === ANY ? 'any' : n === 0 ? 'no-stream' : String(n));

/**
 * All appends of one group commit in a single statement: each stream's version row is moved by
 * compare-and-set (or created), and events are inserted only for the streams that won. Every
 * append in the group succeeds or conflicts on its own (docs/adr/0003).
 */
const GROUP_APPEND_SQL = `
WITH req AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) AS r(stream_id, stream_type, expected, n)
),
locked AS (
  SELECT s.stream_id FROM streams s JOIN req r USING (stream_id) ORDER BY s.stream_id FOR UPDATE OF s
),
bumped AS (
  UPDATE streams s SET version = s.version + r.n
  FROM req r JOIN locked l USING (stream_id)
  WHERE s.stream_id = r.stream_id AND (r.expected = -1 OR s.version = r.expected)
  RETURNING s.stream_id, s.version - r.n AS base
),
created AS (
  INSERT INTO streams (stream_id, stream_type, version)
  SELECT r.stream_id, r.stream_type, r.n FROM req r WHERE r.expected IN (-1, 0)
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING stream_id, 0 AS base
),
granted AS (SELECT * FROM bumped UNION ALL SELECT * FROM created),
ev AS (
  SELECT * FROM unnest($5::text[], $6::int[], $7::text[], $8::int[], $9::text[], $10::text[])
    WITH ORDINALITY AS e(stream_id, idx, event_type, schema_version, data, metadata, ord)
)
INSERT INTO events (stream_id, stream_type, version, event_type, schema_version, data, metadata)
SELECT e.stream_id, r.stream_type, g.base + e.idx, e.event_type, e.schema_version, e.data::jsonb, e.metadata::jsonb
FROM ev e JOIN granted g USING (stream_id) JOIN req r USING (stream_id)
ORDER BY e.ord
RETURNING stream_id, version, global_position::text AS position, transaction_id::text AS tx`;

export interface EventStoreOptions {
  /** Appends gathered into one statement at most. */
  maxGroupSize?: number;
  /** Group commits in flight at once from this process. */
  maxConcurrentGroups?: number;
}

type RawRow = {
  position_text: string;
  tx_text: string;
  stream_id: string;
  stream_type: string;
  version: number;
  event_type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
};

// Aliased apart from the column names: ORDER BY resolves a bare name to an output column
// first, and ordering the cursor by the text of a position would read 100 before 99.
const SELECT_COLUMNS = `global_position::text AS position_text, transaction_id::text AS tx_text, stream_id, stream_type,
  version, event_type, schema_version, data, metadata`;

export interface ReadAllOptions {
  after?: Checkpoint;
  limit?: number;
  /** Only these event types (the checkpoint still only moves over what was returned). */
  eventTypes?: string[];
  /** false: leave personal fields sealed (the Kafka relay publishes them encrypted). */
  decrypt?: boolean;
  /** Only events appended up to this instant (metadata.occurredAt is the command's; this uses it). */
  asOf?: Date;
}

export class EventStore {
  readonly registry: EventRegistry;
  readonly cipher: PersonalDataCipher;
  /**
   * Fires after a commit that appended events, with the newest transaction id (decimal): a wake-up
   * for readers, never a data feed.
   */
  readonly appended = new EventEmitter();
  private queue: PendingAppend[] = [];
  private inFlightGroups = 0;
  private readonly busyStreams = new Set<string>();
  private readonly maxGroupSize: number;
  private readonly maxConcurrentGroups: number;
  private pumpScheduled = false;

  constructor(
    readonly pool: pg.Pool,
    registry: EventRegistry = new EventRegistry(),
    options: EventStoreOptions = {},
  ) {
    this.registry = registry;
    this.cipher = new PersonalDataCipher(registry);
    this.maxGroupSize = options.maxGroupSize ?? 256;
    this.maxConcurrentGroups = options.maxConcurrentGroups ?? 4;
    this.appended.setMaxListeners(100);
  }

  /**
   * Appends events to one stream if it is at the expected version. Throws ConcurrencyConflict
   * otherwise. With meta.idempotency, a repeat of the same request returns the first result.
   */
  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const [encoded] = await this.encode([{ streamId, events, streamType: options.streamType, expectedVersion: options.expectedVersion }], options.meta);
    if (options.meta.idempotency) return this.appendInTransaction([encoded], options.meta.idempotency);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ ...encoded, resolve, reject });
      this.schedulePump();
    });
  }

  /**
   * Appends to several streams in one transaction: every stream at its expected version, or
   * nothing at all (ConcurrencyConflict names the first stream that had moved on). For a command
   * whose decision changes two streams, so that a crash between them cannot leave half of it.
   * Events take their positions in the order given. The result, and what a repeat with the same
   * Idempotency-Key returns, is the last stream's: list the command's subject last.
   */
  async appendAtomically(appends: StreamAppend[], meta: CommandMeta): Promise<AppendResult> {
    if (appends.length === 0) throw new RangeError('appendAtomically needs at least one stream');
    if (new Set(appends.map((a) => a.streamId)).size !== appends.length) throw new RangeError('appendAtomically takes each stream once');
    return this.appendInTransaction(await this.encode(appends, meta), meta.idempotency);
  }

  /** Seals the personal fields of all the appends' events at once (one read of their keys) and encodes each append. */
  private async encode(appends: StreamAppend[], meta: CommandMeta): Promise<EncodedAppend[]> {
    if (appends.some((a) => a.events.length === 0)) throw new RangeError('append needs at least one event');
    const expected = appends.map((a) => encodeExpected(a.expectedVersion));
    const sealed = await this.cipher.seal(this.pool, appends.flatMap((a) => a.events));
    let next = 0;
    return appends.map((a, i) => ({
      streamId: a.streamId,
      streamType: a.streamType,
      expected: expected[i],
      types: a.events.map((e) => e.type),
      schemaVersions: a.events.map((e) => this.registry.schemaVersionOf(e.type)),
      datas: sealed.slice(next, (next += a.events.length)).map((d) => JSON.stringify(d)),
      metadatas: a.events.map((e) => JSON.stringify(metadataOf(e.meta ?? meta))),
    }));
  }

  /**
   * Pumps once the current turn of the event loop is over, so that the appends made in it (the
   * callers a finished group just released, a burst of requests) form one group rather than a
   * group of one each.
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** Starts group commits while there is work, capacity, and streams not already in flight. */
  private pump(): void {
    while (this.inFlightGroups < this.maxConcurrentGroups && this.queue.length > 0) {
      const group: PendingAppend[] = [];
      const rest: PendingAppend[] = [];
      const inGroup = new Set<string>();
      for (const p of this.queue) {
        if (group.length < this.maxGroupSize && !this.busyStreams.has(p.streamId) && !inGroup.has(p.streamId)) {
          group.push(p);
          inGroup.add(p.streamId);
        } else rest.push(p);
      }
      if (group.length === 0) return;
      this.queue = rest;
      for (const id of inGroup) this.busyStreams.add(id);
      this.inFlightGroups++;
      void this.commitGroup(group).finally(() => {
        this.inFlightGroups--;
        for (const id of inGroup) this.busyStreams.delete(id);
        this.schedulePump();
      });
    }
  }

  private async commitGroup(group: PendingAppend[]): Promise<void> {
    let results: Array<AppendResult | undefined>;
    try {
      results = await this.withDeadlockRetry(() => this.runGroupStatement(this.pool, group));
    } catch (err) {
      // A statement error (not a conflict) fails the whole group and appends nothing: retry each
      // append alone, so that one bad append cannot fail its neighbours.
      if (group.length > 1) await Promise.all(group.map((p) => this.commitGroup([p])));
      else group[0].reject(err);
      return;
    }
    group.forEach((p, i) => results[i] && p.resolve(results[i]));
    const committed = results.filter((r): r is AppendResult => r !== undefined);
    if (committed.length > 0) this.appended.emit('appended', latestTransaction(committed));
    const lost = group.filter((_, i) => !results[i]);
    // 'any' loses only to a concurrent creation of the same stream: simply go again.
    this.queue.push(...lost.filter((p) => p.expected === ANY));
    const conflicts = lost.filter((p) => p.expected !== ANY);
    if (conflicts.length === 0) return;
    // Conflicts are reported with the stream's actual version, read after the fact.
    const versions = await this.currentVersions(conflicts.map((p) => p.streamId)).catch(() => new Map<string, number>());
    for (const p of conflicts) {
      p.reject(new ConcurrencyConflict(p.streamId, describeExpected(p.expected), versions.get(p.streamId) ?? -1));
    }
  }

  private async runGroupStatement(db: Pick<pg.Pool, 'query'>, group: EncodedAppend[]): Promise<Array<AppendResult | undefined>> {
    const evStream: string[] = [];
    const evIdx: number[] = [];
    const evType: string[] = [];
    const evSchema: number[] = [];
    const evData: string[] = [];
    const evMeta: string[] = [];
    for (const p of group) {
      p.types.forEach((t, i) => {
        evStream.push(p.streamId);
        evIdx.push(i + 1);
        evType.push(t);
        evSchema.push(p.schemaVersions[i]);
        evData.push(p.datas[i]);
        evMeta.push(p.metadatas[i]);
      });
    }
    const { rows } = await db.query<{ stream_id: string; version: number; position: string; tx: string }>(
      statement(db, GROUP_APPEND_SQL, [
        group.map((p) => p.streamId),
        group.map((p) => p.streamType),
        group.map((p) => p.expected),
        group.map((p) => p.types.length),
        evStream,
        evIdx,
        evType,
        evSchema,
        evData,
        evMeta,
      ]),
    );
    const byStream = new Map<string, { version: number; positions: string[]; tx: string }>();
    for (const r of rows) {
      const acc = byStream.get(r.stream_id) ?? { version: 0, positions: [], tx: r.tx };
      acc.version = Math.max(acc.version, r.version);
      acc.positions.push(r.position);
      byStream.set(r.stream_id, acc);
    }
    return group.map((p) => {
      const r = byStream.get(p.streamId);
      return r ? { streamId: p.streamId, version: r.version, positions: r.positions, transactionId: r.tx, replayed: false } : undefined;
    });
  }

  /** Deadlocks between group commits of different processes are resolved by trying again. */
  private async withDeadlockRetry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if ((err as { code?: string }).code !== '40P01' || attempt >= 5) throw err;
      }
    }
  }

  /**
   * One transaction for the appends given: with an Idempotency-Key it first claims the key (a
   * concurrent request with the same key waits on the key's row), and a repeat returns the stored
   * result. Every stream must win its compare-and-set, or the whole transaction is rolled back.
   */
  private async appendInTransaction(
    appends: EncodedAppend[],
    idem: { key: string; requestHash: string } | undefined,
  ): Promise<AppendResult> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (idem) {
        const claimed = await client.query(
          `INSERT INTO idempotency_keys (key, request_hash) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`,
          [idem.key, idem.requestHash],
        );
        if (claimed.rowCount === 0) {
          await client.query('ROLLBACK');
          // Read on the same connection: a pool may have only this one (embedded database).
          const prior = await this.findIdempotencyKey(idem.key, client);
          if (!prior || prior.requestHash !== idem.requestHash || !prior.result) throw new IdempotencyKeyReused(idem.key);
          return { ...prior.result, replayed: true };
        }
      }
      const results = await this.runGroupStatement(client, appends);
      const lost = appends.findIndex((_, i) => !results[i]);
      if (lost >= 0) {
        await client.query('ROLLBACK');
        const p = appends[lost];
        const actual = (await this.currentVersions([p.streamId], client)).get(p.streamId) ?? 0;
        throw new ConcurrencyConflict(p.streamId, describeExpected(p.expected), actual);
      }
      const result = results.at(-1)!;
      if (idem) await client.query(`UPDATE idempotency_keys SET result = $2 WHERE key = $1`, [idem.key, JSON.stringify(result)]);
      await client.query('COMMIT');
      this.appended.emit('appended', latestTransaction(results as AppendResult[]));
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async findIdempotencyKey(
    key: string,
    db: Pick<pg.Pool, 'query'> = this.pool,
  ): Promise<{ requestHash: string; result: AppendResult | null; response: unknown | null } | null> {
    const { rows } = await db.query(`SELECT request_hash, result, response FROM idempotency_keys WHERE key = $1`, [key]);
    if (rows.length === 0) return null;
    return { requestHash: rows[0].request_hash, result: rows[0].result, response: rows[0].response };
  }

  /** Records the HTTP response given for an idempotent command, so that a replay repeats it. */
  async saveIdempotentResponse(key: string, requestHash: string, response: unknown): Promise<void> {
    await this.pool.query(
      `INSERT INTO idempotency_keys (key, request_hash, response) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET response = excluded.response WHERE idempotency_keys.request_hash = excluded.request_hash`,
      [key, requestHash, JSON.stringify(response)],
    );
  }

  async currentVersions(streamIds: string[], db: Pick<pg.Pool, 'query'> = this.pool): Promise<Map<string, number>> {
    const { rows } = await db.query<{ stream_id: string; version: number }>(
      `SELECT stream_id, version FROM streams WHERE stream_id = ANY($1::text[])`,
      [streamIds],
    );
    return new Map(rows.map((r) => [r.stream_id, r.version]));
  }

  /** Current version of a stream; 0 when it does not exist. */
  async streamVersion(streamId: string): Promise<number> {
    return (await this.currentVersions([streamId])).get(streamId) ?? 0;
  }

  /** The stream's events from `fromVersion` on, in version order. */
  async readStream(
    streamId: string,
    fromVersion = 1,
    options: { asOf?: Date; toVersion?: number; /** false: leave personal fields sealed. */ decrypt?: boolean } = {},
  ): Promise<StoredEvent[]> {
    const params: unknown[] = [streamId, fromVersion];
    let extra = '';
    if (options.toVersion !== undefined) {
      params.push(options.toVersion);
      extra += ` AND version <= $${params.length}`;
    }
    if (options.asOf) {
      params.push(options.asOf.toISOString());
      extra += ` AND (metadata->>'occurredAt')::timestamptz <= $${params.length}::timestamptz`;
    }
    const { rows } = await this.pool.query<RawRow>(
      statement(this.pool, `SELECT ${SELECT_COLUMNS} FROM events WHERE stream_id = $1 AND version >= $2${extra} ORDER BY version`, params),
    );
    return this.toStored(rows, options.decrypt ?? true);
  }

  /**
   * The global cursor: events strictly after `after`, in (transaction id, position) order, only
   * from transactions older than every transaction still running. An event committed out of
   * order is therefore read after its transaction ends, never skipped and never read twice.
   */
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.toStored(await this.cursorRows(options), options.decrypt ?? true);
  }

  /**
   * The cursor's read (readAll) with the sealed fields of the events of the given types opened
   * and upcast (all types when omitted), the others left sealed and as stored. One round trip:
   * the keys are read with the events (subjectKeysColumn). For a reader that fetches a batch for
   * several consumers and decrypts only what some consumer needs.
   */
  async readAllRevealed(options: { after?: Checkpoint; limit?: number; types?: ReadonlySet<string> }): Promise<StoredEvent[]> {
    const wanted = (type: string) => !options.types || options.types.has(type);
    const rows = await this.cursorRows(options, this.registry.personalTypes().filter(wanted));
    await this.cipher.open(keysOfRows(rows), rows.filter((r) => wanted(r.event_type)).map((r) => ({ type: r.event_type, data: r.data })));
    return this.stored(rows, wanted);
  }

  /** The cursor's rows (see readAll); with `keysOfTypes`, the subject keys of those types' events too. */
  private async cursorRows(options: ReadAllOptions, keysOfTypes?: string[]): Promise<Array<RawRow & { subject_keys?: Array<[string, string | null]> | null }>> {
    const after = options.after ?? START;
    const params: unknown[] = [after.transactionId.toString(), after.globalPosition.toString(), options.limit ?? 1000];
    let keys = '';
    if (keysOfTypes) {
      params.push(keysOfTypes);
      keys = `, ${subjectKeysColumn(`$${params.length}`)}`;
    }
    let filter = '';
    if (options.eventTypes) {
      params.push(options.eventTypes);
      filter += ` AND event_type = ANY($${params.length}::text[])`;
    }
    if (options.asOf) {
      params.push(options.asOf.toISOString());
      filter += ` AND (metadata->>'occurredAt')::timestamptz <= $${params.length}::timestamptz`;
    }
    const { rows } = await this.pool.query(
      statement(
        this.pool,
        `SELECT ${SELECT_COLUMNS}${keys} FROM events
         WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
           AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())${filter}
         ORDER BY events.transaction_id, events.global_position
         LIMIT $3`,
        params,
      ),
    );
    return rows;
  }

  /** Async iteration over the whole log from a checkpoint, in batches. */
  async *stream(options: ReadAllOptions & { batchSize?: number } = {}): AsyncGenerator<StoredEvent[]> {
    const read = (after: Checkpoint) => {
      const batch = this.readAll({ ...options, after, limit: options.batchSize ?? 5000 });
      batch.catch(() => {}); // awaited below, or dropped when the caller stops early
      return batch;
    };
    // The next batch is read while the caller works on this one.
    let next = read(options.after ?? START);
    for (;;) {
      const batch = await next;
      if (batch.length === 0) return;
      const last = batch[batch.length - 1];
      next = read({ transactionId: last.transactionId, globalPosition: last.globalPosition });
      yield batch;
    }
  }

  /** Destroys a data subject's key: their personal fields read as "[erased]" from now on. */
  async forgetSubject(subjectId: string): Promise<void> {
    await this.cipher.forget(this.pool, subjectId);
  }

  /** Highest global position written so far (0 when empty). */
  async headPosition(): Promise<bigint> {
    const { rows } = await this.pool.query(`SELECT coalesce(max(global_position), 0)::text AS head FROM events`);
    return BigInt(rows[0].head);
  }

  private async toStored(rows: RawRow[], decrypt: boolean): Promise<StoredEvent[]> {
    if (decrypt) await this.cipher.open(this.pool, rows.map((r) => ({ type: r.event_type, data: r.data })));
    return this.stored(rows, () => decrypt);
  }

  /** Rows as events; those whose fields were opened are upcast, the others keep their stored shape. */
  private stored(rows: RawRow[], opened: (type: string) => boolean): StoredEvent[] {
    return rows.map((r) => {
      // Upcast after opening: sealed fields are bound to the path they were written at.
      const { schemaVersion, data } = opened(r.event_type)
        ? this.registry.upcast(r.event_type, r.schema_version, r.data)
        : { schemaVersion: r.schema_version, data: r.data };
      return {
        globalPosition: BigInt(r.position_text),
        transactionId: BigInt(r.tx_text),
        streamId: r.stream_id,
        streamType: r.stream_type,
        version: r.version,
        type: r.event_type,
        schemaVersion,
        data,
        metadata: r.metadata,
      };
    });
  }
}
