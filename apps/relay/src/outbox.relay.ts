import { type Checkpoint, type EventStore, START, type StoredEvent } from '@convene/event-store';
import {
  type BusLogger,
  createKafka,
  type HealthReport,
  type KafkaBusConfig,
  type MetricSample,
  provisionTopics,
  type ProvisionResult,
  relayStatus,
  silentLogger,
  toMessage,
  topicFor,
} from '@convene/kafka-bus';
import kafkajs, { type Kafka, type Message, type Producer } from 'kafkajs';
import pg from 'pg';

const { Partitioners } = kafkajs;

export interface OutboxRelayOptions {
  store: EventStore;
  config: KafkaBusConfig;
  /** Defaults to a client made from the config. */
  kafka?: Kafka;
  /** One checkpoint and one publishing instance per name. */
  name?: string;
  batchSize?: number;
  /** Poll interval: the fallback when no NOTIFY arrives (always used without databaseUrl). */
  pollMs?: number;
  /**
   * Connection string for the relay's own session: LISTEN convene_events for prompt wake-ups,
   * and the advisory lock that lets only one relay of a name publish (others stand by).
   * Omit on the embedded database, which has neither across processes.
   */
  databaseUrl?: string;
  /**
   * How long to gather events before a send that is not full, as Kafka's own producer lingers
   * (linger.ms, 5 ms by default since Kafka 4.0): fewer, larger record batches. Consumers fetch
   * record batches, and the test peer returns one per partition per fetch, so without it a
   * consumer there falls behind at 1,000 events/s. Default 10 ms.
   */
  lingerMs?: number;
  /** Back-off between failed publications: doubles from initialMs up to maxMs. */
  backoff?: { initialMs?: number; maxMs?: number };
  /** Where a relay with no checkpoint yet starts: the first event (default) or the current end. */
  startAt?: 'beginning' | 'end';
  logger?: BusLogger;
}

export interface RelayMetrics {
  published: number;
  batches: number;
  failures: number;
  consecutiveFailures: number;
  leader: boolean;
  lastError?: string;
  lastErrorAt?: string;
  lastPublishedAt?: string;
}

/**
 * Publishes the event store to Kafka (ADR 0009). It reads the log with the projections' never-skip
 * cursor, sealed (`decrypt: false`: Kafka carries ids and ciphertext, never personal data in
 * clear), and sends each batch through an idempotent producer with one request in flight and
 * acks from all in-sync replicas, keyed by stream id so that each stream keeps its order. Its
 * checkpoint moves only after the broker acknowledged the whole batch: a crash or a broker outage
 * re-publishes (at-least-once; consumers drop duplicates by event id), never skips. The store
 * does not depend on Kafka: commands keep succeeding while the broker is down, and the relay
 * backs off and catches up.
 */
export class OutboxRelay {
  readonly name: string;
  readonly metrics: RelayMetrics = { published: 0, batches: 0, failures: 0, consecutiveFailures: 0, leader: false };
  provisioning?: ProvisionResult;
  private readonly kafka: Kafka;
  private readonly logger: BusLogger;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly lingerMs: number;
  private readonly initialBackoff: number;
  private readonly maxBackoff: number;
  private checkpoint: Checkpoint = START;
  private producer?: Producer;
  private session?: pg.Client;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(private readonly options: OutboxRelayOptions) {
    this.name = options.name ?? 'default';
    this.logger = options.logger ?? silentLogger;
    this.kafka = options.kafka ?? createKafka(options.config, this.logger);
    this.batchSize = options.batchSize ?? 1000;
    this.pollMs = options.pollMs ?? (options.databaseUrl ? 250 : 100);
    this.lingerMs = options.lingerMs ?? 10;
    this.initialBackoff = options.backoff?.initialMs ?? 250;
    this.maxBackoff = options.backoff?.maxMs ?? 5000;
  }

  private get pool() {
    return this.options.store.pool;
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.ensureCheckpoint();
    this.provisioning = await provisionTopics(this.kafka, this.options.config, this.logger);
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.dropProducer();
    await this.dropSession();
  }

  /** The checkpoint as this process knows it. */
  get position(): Checkpoint {
    return this.checkpoint;
  }

  private async ensureCheckpoint(): Promise<void> {
    const startAtEnd = this.options.startAt === 'end';
    // 'end' takes the last event below the snapshot horizon: anything still being committed has
    // a later transaction id and is therefore still ahead of the cursor.
    await this.pool.query(
      `INSERT INTO relay_checkpoints (name, transaction_id, global_position)
       SELECT $1, coalesce(e.transaction_id, '0'::xid8), coalesce(e.global_position, 0)
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (
         SELECT transaction_id, global_position FROM events
         WHERE $2 AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY transaction_id DESC, global_position DESC LIMIT 1) e ON true
       ON CONFLICT (name) DO NOTHING`,
      [this.name, startAtEnd],
    );
    await this.loadCheckpoint();
  }

  private async loadCheckpoint(): Promise<void> {
    const { rows } = await this.pool.query(
      `SELECT transaction_id::text AS tx, global_position::text AS pos FROM relay_checkpoints WHERE name = $1`,
      [this.name],
    );
    this.checkpoint = { transactionId: BigInt(rows[0].tx), globalPosition: BigInt(rows[0].pos) };
  }

  private async run(): Promise<void> {
    let backoff = this.initialBackoff;
    while (this.running) {
      if (!(await this.lead())) {
        await this.pause(5000);
        continue;
      }
      let batch: StoredEvent[];
      try {
        batch = await this.options.store.readAll({ after: this.checkpoint, limit: this.batchSize, decrypt: false });
      } catch (err) {
        this.failed(err, 'reading the event store failed');
        await this.pause(backoff);
        backoff = Math.min(backoff * 2, this.maxBackoff);
        continue;
      }
      if (batch.length === 0) {
        await this.pause(this.pollMs);
        await this.linger();
        continue;
      }
      try {
        await this.publish(batch);
        await this.advance(batch);
        backoff = this.initialBackoff;
        this.metrics.consecutiveFailures = 0;
        if (batch.length < this.batchSize) await this.linger();
      } catch (err) {
        this.failed(err, 'publishing to Kafka failed: backing off, the checkpoint stays');
        // An idempotent kafkajs producer can be left unusable by a failed send (out-of-order
        // sequence after the broker lost its producer state, tulios/kafkajs#598): start afresh.
        await this.dropProducer();
        await this.pause(backoff);
        backoff = Math.min(backoff * 2, this.maxBackoff);
      }
    }
  }

  private failed(err: unknown, message: string): void {
    const error = err instanceof Error ? err.message : String(err);
    this.metrics.failures++;
    this.metrics.consecutiveFailures++;
    this.metrics.lastError = error;
    this.metrics.lastErrorAt = new Date().toISOString();
    // The first failure of a run loudly, the retries quietly: an outage must not flood the log.
    if (this.metrics.consecutiveFailures === 1) this.logger.warn({ relay: this.name, error }, message);
    else this.logger.debug({ relay: this.name, error, attempt: this.metrics.consecutiveFailures }, message);
  }

  private async publish(batch: StoredEvent[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const e of batch) {
      const topic = topicFor(this.options.config, e.streamType);
      const list = byTopic.get(topic) ?? [];
      list.push(toMessage(e));
      byTopic.set(topic, list);
    }
    const producer = await this.ensureProducer();
    // One request per broker at a time and a new batch only after the last was acknowledged:
    // messages of a key reach its partition in log order.
    await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    this.metrics.published += batch.length;
    this.metrics.batches++;
    this.metrics.lastPublishedAt = new Date().toISOString();
  }

  /** Moves the checkpoint over a batch the broker acknowledged, by compare-and-set. */
  private async advance(batch: StoredEvent[]): Promise<void> {
    const last = batch[batch.length - 1];
    const { rowCount } = await this.pool.query(
      `UPDATE relay_checkpoints SET transaction_id = $2::xid8, global_position = $3, events_published = events_published + $4, updated_at = now()
       WHERE name = $1 AND transaction_id = $5::xid8 AND global_position = $6`,
      [
        this.name,
        last.transactionId.toString(),
        last.globalPosition.toString(),
        batch.length,
        this.checkpoint.transactionId.toString(),
        this.checkpoint.globalPosition.toString(),
      ],
    );
    if (rowCount === 0) {
      // Moved by someone else (an operator, or a relay of the same name without databaseUrl):
      // follow it rather than move it back.
      this.logger.warn({ relay: this.name }, 'relay checkpoint moved by another process: following it');
      await this.loadCheckpoint();
      return;
    }
    this.checkpoint = { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }

  private async ensureProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // Murmur2, as the Java client: other producers of these topics place keys the same way.
      createPartitioner: Partitioners.DefaultPartitioner,
      // Few quick retries inside kafkajs; longer outages are the relay loop's back-off, which
      // keeps the checkpoint and starts a fresh producer.
      retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 2000 },
    });
    try {
      await producer.connect();
    } catch (err) {
      await producer.disconnect().catch(() => {});
      throw err;
    }
    this.producer = producer;
    return producer;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => {});
  }

  /**
   * Whether this process may publish. With databaseUrl, a session of its own holds an advisory
   * lock per relay name (released by the server if the process dies) and LISTENs for appends.
   */
  private async lead(): Promise<boolean> {
    if (!this.options.databaseUrl) return (this.metrics.leader = true);
    if (this.session) return this.metrics.leader;
    const session = new pg.Client({ connectionString: this.options.databaseUrl, application_name: `convene-relay:${this.name}` });
    session.on('error', (err) => {
      this.logger.warn({ relay: this.name, error: err.message }, 'relay session lost: publishing paused until it is back');
      void this.dropSession();
    });
    session.on('notification', () => this.wake?.());
    try {
      await session.connect();
      const { rows } = await session.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS mine`, [`convene:relay:${this.name}`]);
      if (!rows[0].mine) {
        await session.end().catch(() => {});
        if (this.metrics.leader !== false) this.logger.info({ relay: this.name }, 'another relay of this name publishes: standing by');
        return (this.metrics.leader = false);
      }
      await session.query('LISTEN convene_events');
      this.session = session;
      // Whoever published before us may have moved the checkpoint.
      await this.loadCheckpoint();
      this.logger.info({ relay: this.name, checkpoint: `${this.checkpoint.transactionId}/${this.checkpoint.globalPosition}` }, 'relay publishing');
      return (this.metrics.leader = true);
    } catch (err) {
      await session.end().catch(() => {});
      this.failed(err, 'relay could not open its database session');
      return (this.metrics.leader = false);
    }
  }

  private async dropSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.metrics.leader = false;
    await session?.end().catch(() => {});
  }

  /** Gathers: a sleep that notifications do not cut short (the relay stopping does). */
  private async linger(): Promise<void> {
    const until = Date.now() + this.lingerMs;
    while (this.running && Date.now() < until) await this.pause(until - Date.now());
  }

  /** Sleeps up to `ms`, or less when an append is notified or the relay stops. */
  private pause(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.wake === done) self.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
  }

  async health(): Promise<HealthReport> {
    const [row] = (await relayStatus(this.pool)).filter((r) => r.name === this.name);
    const failing = this.metrics.consecutiveFailures > 0;
    return {
      status: !this.running ? 'down' : failing ? 'degraded' : 'ok',
      relay: this.name,
      role: this.metrics.leader ? 'publishing' : 'standby',
      lag: row?.lag ?? null,
      checkpoint: row ? `${row.transactionId}/${row.globalPosition}` : null,
      eventsPublished: row?.eventsPublished ?? '0',
      provisioning: this.provisioning?.status,
      ...this.metrics,
    };
  }

  async metricSamples(): Promise<MetricSample[]> {
    const [row] = (await relayStatus(this.pool)).filter((r) => r.name === this.name);
    const labels = { relay: this.name };
    return [
      { name: 'convene_relay_lag_events', help: 'Events in the store not yet acknowledged by Kafka', type: 'gauge', value: row?.lag ?? NaN, labels },
      { name: 'convene_relay_published_total', help: 'Events published by this process', type: 'counter', value: this.metrics.published, labels },
      { name: 'convene_relay_failures_total', help: 'Failed publications or store reads', type: 'counter', value: this.metrics.failures, labels },
      { name: 'convene_relay_leader', help: '1 while this process publishes for its relay name', type: 'gauge', value: this.metrics.leader ? 1 : 0, labels },
    ];
  }
}
