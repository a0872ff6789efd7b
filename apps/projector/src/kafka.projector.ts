import { setTimeout as sleep } from 'node:timers/promises';
import {
  type EventStore,
  ExternalBatchApplier,
  NoActiveGeneration,
  type Projection,
  ProjectionRunner,
  type StoredEvent,
} from '@convene/event-store';
import {
  type BusLogger,
  consumerGroupLag,
  createKafka,
  eventTopics,
  fromMessage,
  type GroupLag,
  type HealthReport,
  type KafkaBusConfig,
  MalformedEventMessage,
  type MetricSample,
  openEvents,
  provisionTopics,
  type ProvisionResult,
  silentLogger,
} from '@convene/kafka-bus';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';

export interface KafkaProjectorOptions {
  store: EventStore;
  /** The same Projection objects the in-process runner uses (apps/api/src/features.ts). */
  projections: Projection[];
  config: KafkaBusConfig;
  kafka?: Kafka;
  /** Defaults to config.consumer.groupId: instances of one group split the partitions. */
  groupId?: string;
  /** Attempts of a failing batch before it is split to find the event that fails (poison). */
  maxAttempts?: number;
  /** First delay between attempts; doubles, up to 5 s for errors that are not the event's fault. */
  retryDelayMs?: number;
  /** Messages applied (and their offsets committed) together, at most. */
  maxBatch?: number;
  /** Fetched messages waiting to be applied before fetching pauses (back-pressure). */
  maxQueued?: number;
  /** Partitions of one fetch handed over at once (kafkajs partitionsConsumedConcurrently). */
  partitionsConsumedConcurrently?: number;
  /** Lag above this many messages makes /health say "degraded". */
  lagWarning?: number;
  logger?: BusLogger;
  /**
   * Called after a batch's read-model transactions and before its offsets are committed. Tests use
   * it to crash in the one place where at-least-once delivery shows (the batch comes again).
   */
  afterApply?: () => void | Promise<void>;
}

export interface DeadLetterRecord {
  eventId: string | null;
  projection: string;
  error: string;
  topic: string;
  partition: number;
  offset: string;
  at: string;
}

export interface ProjectorMetrics {
  messages: number;
  applied: number;
  duplicates: number;
  ignored: number;
  deadLettered: number;
  /** Attempts repeated because a batch failed in the projection. */
  retries: number;
  /** Errors not of the event's making (database or broker away), retried without limit. */
  transientErrors: number;
  lastDeadLetter?: DeadLetterRecord;
  lastError?: string;
}

/** A message and where it came from (one batch mixes partitions). */
interface Sourced {
  message: KafkaMessage;
  topic: string;
  partition: number;
}

/** Messages of one partition, fetched, waiting to be applied. */
interface Fetched {
  topic: string;
  partition: number;
  messages: KafkaMessage[];
}

/** The projector is stopping: leave the batch uncommitted; it is delivered again (and deduplicated). */
class Stopping extends Error {
  constructor() {
    super('projector stopping');
  }
}

const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/**
 * Errors that say nothing about the event: the database or broker is away, a serialisation
 * conflict, a rebuild switching generations. These are retried without limit (and never sent to
 * the dead-letter topic, which would empty a read model during a database outage). Everything
 * else is the projection failing on the data: retried a bounded number of times.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof NoActiveGeneration) return true;
  const e = err as { code?: unknown; name?: unknown; retriable?: unknown; message?: unknown };
  if (typeof e?.code === 'string' && (TRANSIENT_CODES.has(e.code) || /^(08|40|53|57)[0-9A-Z]{3}$/.test(e.code))) return true;
  if (typeof e?.name === 'string' && e.name.startsWith('KafkaJS')) return true;
  return /Connection terminated|timeout exceeded when trying to connect|connection error|Cannot use a pool after calling end/i.test(
    String(e?.message ?? ''),
  );
}

const describe = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

/**
 * Feeds the read models from Kafka (ADR 0009): a consumer group whose instances split the
 * partitions, running the very same projections as the in-process runner into their active
 * generation. Personal fields arrive sealed and are opened with the store's cipher. What was
 * fetched is applied in batches, per projection in one transaction that drops event ids already
 * handled (ExternalBatchApplier); offsets are committed only after that, so a crash re-delivers
 * and nothing is applied twice. An event a projection keeps failing on goes to the dead-letter
 * topic with the error, and the projector carries on.
 */
export class KafkaProjector {
  readonly groupId: string;
  readonly metrics: ProjectorMetrics = { messages: 0, applied: 0, duplicates: 0, ignored: 0, deadLettered: 0, retries: 0, transientErrors: 0 };
  readonly deadLettersByProjection = new Map<string, number>();
  /** Partitions this instance holds, by topic (from the last group join). */
  assignment: Record<string, number[]> = {};
  provisioning?: ProvisionResult;
  private readonly kafka: Kafka;
  private readonly logger: BusLogger;
  private readonly applier: ExternalBatchApplier;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly maxBatch: number;
  private readonly maxQueued: number;
  private consumer?: Consumer;
  private queue: Fetched[] = [];
  private queued = 0;
  private applying?: Promise<void>;
  private deadLetterProducer?: Producer;
  private running = false;
  private crashed?: string;
  private lagCache?: { at: number; value: GroupLag | { error: string } };

  constructor(private readonly options: KafkaProjectorOptions) {
    this.groupId = options.groupId ?? options.config.consumer.groupId;
    this.logger = options.logger ?? silentLogger;
    this.kafka = options.kafka ?? createKafka(options.config, this.logger);
    this.applier = new ExternalBatchApplier(options.store, options.projections);
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 200;
    this.maxBatch = options.maxBatch ?? 2000;
    this.maxQueued = options.maxQueued ?? 20_000;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const { config } = this.options;
    this.provisioning = await provisionTopics(this.kafka, config, this.logger);
    // New projections and new versions are built from the store first: Kafka's retention is
    // bounded, and the store has every event.
    await this.applier.prepare((projection, events) => this.logger.info({ projection, events }, 'projection built from the store'));
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: config.consumer.sessionTimeout,
      heartbeatInterval: config.consumer.heartbeatInterval,
      maxWaitTimeInMs: config.consumer.maxWaitTimeInMs,
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.assignment = payload.memberAssignment;
      // Messages of partitions this member lost go to their new owner: no need to apply them here.
      this.dropQueued((f) => !(payload.memberAssignment[f.topic] ?? []).includes(f.partition));
      this.crashed = undefined;
      this.logger.info({ groupId: this.groupId, assignment: payload.memberAssignment }, 'projector joined its group');
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.crashed = payload.error.message;
      this.logger.error({ groupId: this.groupId, error: payload.error.message, restart: payload.restart }, 'projector consumer crashed');
      if (!payload.restart) this.running = false;
    });
    await consumer.connect();
    // From the beginning for a new group: the checkpoint and the applied-event record drop what
    // the read models already hold, and nothing retained is left out.
    await consumer.subscribe({ topics: eventTopics(config), fromBeginning: true });
    this.consumer = consumer;
    this.running = true;
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 4,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    // What was fetched and not applied is not committed either: it comes again.
    this.dropQueued(() => true);
    await this.applying;
    await this.consumer?.disconnect().catch(() => {});
    this.consumer = undefined;
    const producer = this.deadLetterProducer;
    this.deadLetterProducer = undefined;
    await producer?.disconnect().catch(() => {});
  }

  /**
   * Fetching and applying are decoupled: a fetched batch is queued and the partition's position
   * moves on at once (resolveOffset moves only the in-memory fetch position, never the committed
   * offset), so the next fetch overlaps the database work, and whatever piled up meanwhile, from
   * all partitions, is applied in one transaction per projection. The queue is bounded: when it
   * is full, fetching waits.
   */
  private async onBatch({ batch, resolveOffset, heartbeat, isRunning }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0) return;
    while (this.queued >= this.maxQueued && this.running && isRunning()) {
      await sleep(20);
      await heartbeat();
    }
    if (!this.running || !isRunning()) return;
    this.queue.push({ topic: batch.topic, partition: batch.partition, messages: batch.messages });
    this.queued += batch.messages.length;
    this.applying ??= this.drain();
    resolveOffset(batch.messages[batch.messages.length - 1].offset);
    await heartbeat();
  }

  private dropQueued(which: (f: Fetched) => boolean): void {
    const dropped = this.queue.filter(which);
    this.queue = this.queue.filter((f) => !which(f));
    this.queued -= dropped.reduce((n, f) => n + f.messages.length, 0);
  }

  /** Applies queued messages, one batch after the other, until the queue is empty. */
  private async drain(): Promise<void> {
    let delay = this.retryDelayMs;
    try {
      while (this.running && this.queue.length > 0) {
        const batch: Fetched[] = [];
        let size = 0;
        while (this.queue.length > 0 && (size === 0 || size + this.queue[0].messages.length <= this.maxBatch)) {
          const next = this.queue.shift()!;
          batch.push(next);
          size += next.messages.length;
        }
        try {
          await this.applyBatch(batch);
          await this.options.afterApply?.();
          delay = this.retryDelayMs;
        } catch (err) {
          if (err instanceof Stopping) return;
          // Not applied, so not committed: put it back in front and try again, never skip it.
          this.queue.unshift(...batch);
          this.metrics.lastError = describe(err);
          this.logger.error({ error: describe(err) }, 'projector batch failed: retrying');
          await sleep(delay);
          delay = Math.min(delay * 2, 5000);
          continue;
        }
        this.queued -= size;
        await this.commit(batch);
      }
    } finally {
      this.applying = undefined;
      if (this.running && this.queue.length > 0) this.applying = this.drain();
    }
  }

  /**
   * Commits the offsets after the read-model transactions, never before: a crash in between
   * delivers the messages again, and the applied-event record drops them. A failed commit (a
   * rebalance moved the partition) costs the same redelivery, nothing more.
   */
  private async commit(batch: Fetched[]): Promise<void> {
    const next = new Map<string, { topic: string; partition: number; offset: bigint }>();
    for (const { topic, partition, messages } of batch) {
      const offset = BigInt(messages[messages.length - 1].offset) + 1n;
      const key = `${topic}/${partition}`;
      if ((next.get(key)?.offset ?? -1n) < offset) next.set(key, { topic, partition, offset });
    }
    try {
      await this.consumer?.commitOffsets([...next.values()].map((o) => ({ ...o, offset: o.offset.toString() })));
    } catch (err) {
      this.logger.warn({ error: describe(err) }, 'offset commit failed: those messages will come again (and be dropped as duplicates)');
    }
  }

  private async applyBatch(batch: Fetched[]): Promise<void> {
    const sealed: StoredEvent[] = [];
    const origin = new Map<string, Sourced>();
    for (const { topic, partition, messages } of batch) {
      this.metrics.messages += messages.length;
      for (const message of messages) {
        try {
          const e = fromMessage(message);
          sealed.push(e);
          if (!origin.has(e.metadata.eventId)) origin.set(e.metadata.eventId, { message, topic, partition });
        } catch (err) {
          if (!(err instanceof MalformedEventMessage)) throw err;
          await this.deadLetter({ message, topic, partition }, '*', err);
        }
      }
    }
    if (sealed.length === 0) return;
    const events = await this.open(sealed, origin);
    // Projections are independent (own tables, own checkpoint row): their transactions run side by side.
    const results = await Promise.allSettled(this.options.projections.map((p) => this.apply(p, events, origin, true)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Decrypts and upcasts; an event that cannot be (an upcaster throws) is dead-lettered for all. */
  private async open(sealed: StoredEvent[], origin: Map<string, Sourced>): Promise<StoredEvent[]> {
    try {
      return await this.untilDone(() => openEvents(this.options.store, sealed));
    } catch (err) {
      if (err instanceof Stopping) throw err;
    }
    const opened: StoredEvent[] = [];
    for (const e of sealed) {
      try {
        opened.push(...(await this.untilDone(() => openEvents(this.options.store, [e]))));
      } catch (err) {
        if (err instanceof Stopping) throw err;
        await this.deadLetter(origin.get(e.metadata.eventId)!, '*', err);
        // Recorded as handled in every projection, so their checkpoints can pass it.
        for (const p of this.options.projections) {
          await this.untilDone(() => this.applier.applyExternalBatch(p.name, [e], { skip: [e.metadata.eventId] }));
        }
      }
    }
    return opened;
  }

  /**
   * Applies events to one projection. A failure not of the event's making is retried until it
   * passes; a failure in the projection is retried `maxAttempts` times, then the batch is split in
   * halves (in order) down to the event that fails, which is dead-lettered and recorded as handled.
   */
  private async apply(p: Projection, events: StoredEvent[], origin: Map<string, Sourced>, top: boolean): Promise<void> {
    let failure: unknown;
    for (let attempt = 1; attempt <= (top ? this.maxAttempts : 1); attempt++) {
      try {
        const r = await this.untilDone(() => this.applier.applyExternalBatch(p.name, events));
        this.metrics.applied += r.applied;
        this.metrics.duplicates += r.duplicates;
        this.metrics.ignored += r.ignored;
        return;
      } catch (err) {
        if (err instanceof Stopping) throw err;
        failure = err;
        this.metrics.lastError = describe(err);
        if (attempt < (top ? this.maxAttempts : 1)) {
          this.metrics.retries++;
          await this.wait(this.retryDelayMs * 2 ** (attempt - 1));
        }
      }
    }
    if (events.length > 1) {
      const half = Math.ceil(events.length / 2);
      await this.apply(p, events.slice(0, half), origin, false);
      await this.apply(p, events.slice(half), origin, false);
      return;
    }
    const [e] = events;
    await this.deadLetter(origin.get(e.metadata.eventId)!, p.name, failure);
    const r = await this.untilDone(() => this.applier.applyExternalBatch(p.name, [e], { skip: [e.metadata.eventId] }));
    this.metrics.duplicates += r.duplicates;
  }

  /** Runs `fn` until it succeeds or fails for a reason other than a transient one. */
  private async untilDone<T>(fn: () => Promise<T>): Promise<T> {
    let delay = this.retryDelayMs;
    for (;;) {
      if (!this.running) throw new Stopping();
      try {
        return await fn();
      } catch (err) {
        if (!isTransient(err)) throw err;
        this.metrics.transientErrors++;
        this.metrics.lastError = describe(err);
        if (this.metrics.transientErrors % 20 === 1) this.logger.warn({ error: describe(err) }, 'projector waiting for the database or broker');
        await this.wait(delay);
        delay = Math.min(delay * 2, 5000);
      }
    }
  }

  /** Sleeps; gives up when the projector stops (the batch is then left uncommitted). */
  private async wait(ms: number): Promise<void> {
    for (let left = ms; left > 0; left -= 250) {
      await sleep(Math.min(left, 250));
      if (!this.running) throw new Stopping();
    }
  }

  /** The original message, unchanged, with the failure in headers; keyed as before. */
  private async deadLetter({ message, topic, partition }: Sourced, projection: string, err: unknown): Promise<void> {
    const eventId = message.headers?.['event-id']?.toString() ?? null;
    const record: DeadLetterRecord = {
      eventId,
      projection,
      error: describe(err).slice(0, 2000),
      topic: topic,
      partition: partition,
      offset: message.offset,
      at: new Date().toISOString(),
    };
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      'dead-letter-error': record.error,
      'dead-letter-projection': projection,
      'dead-letter-consumer-group': this.groupId,
      'dead-letter-source-topic': topic,
      'dead-letter-source-partition': String(partition),
      'dead-letter-source-offset': message.offset,
      'dead-letter-at': record.at,
    };
    await this.untilDone(async () => {
      const producer = await this.ensureDeadLetterProducer();
      try {
        await producer.send({ topic: this.options.config.deadLetterTopic, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
      } catch (sendError) {
        this.deadLetterProducer = undefined;
        await producer.disconnect().catch(() => {});
        throw sendError;
      }
    });
    this.metrics.deadLettered++;
    this.metrics.lastDeadLetter = record;
    this.deadLettersByProjection.set(projection, (this.deadLettersByProjection.get(projection) ?? 0) + 1);
    this.logger.error({ ...record }, 'event sent to the dead-letter topic');
  }

  private async ensureDeadLetterProducer(): Promise<Producer> {
    if (this.deadLetterProducer) return this.deadLetterProducer;
    const producer = this.kafka.producer({ retry: { retries: 3, initialRetryTime: 100 } });
    await producer.connect();
    this.deadLetterProducer = producer;
    return producer;
  }

  /** The group's lag on the broker (cached for two seconds: /health may be polled often). */
  async lag(): Promise<GroupLag | { error: string }> {
    if (this.lagCache && Date.now() - this.lagCache.at < 2000) return this.lagCache.value;
    let value: GroupLag | { error: string };
    try {
      value = await consumerGroupLag(this.kafka, this.groupId, eventTopics(this.options.config));
    } catch (err) {
      value = { error: describe(err) };
    }
    this.lagCache = { at: Date.now(), value };
    return value;
  }

  /** Each projection's checkpoint lag in the store: events not yet applied, in cursor order. */
  async projectionStatus() {
    const names = new Set(this.options.projections.map((p) => p.name));
    const all = await new ProjectionRunner(this.options.store, []).status();
    return all.filter((s) => names.has(s.name) && s.status === 'active');
  }

  async health(): Promise<HealthReport> {
    const [lag, projections] = await Promise.all([this.lag(), this.projectionStatus().catch(() => [])]);
    const lagTotal = 'total' in lag ? lag.total : null;
    const down = !this.running || this.crashed !== undefined;
    const degraded = this.metrics.deadLettered > 0 || lagTotal === null || lagTotal > (this.options.lagWarning ?? 10_000);
    return {
      status: down ? 'down' : degraded ? 'degraded' : 'ok',
      groupId: this.groupId,
      assignment: this.assignment,
      lag,
      projections: projections.map((p) => ({ name: p.name, generation: p.generation, lag: p.lag, applied: p.eventsApplied })),
      deadLetters: { count: this.metrics.deadLettered, byProjection: Object.fromEntries(this.deadLettersByProjection), last: this.metrics.lastDeadLetter ?? null },
      ...(this.crashed ? { crashed: this.crashed } : {}),
      metrics: { ...this.metrics, lastDeadLetter: undefined },
    };
  }

  async metricSamples(): Promise<MetricSample[]> {
    const [lag, projections] = await Promise.all([this.lag(), this.projectionStatus().catch(() => [])]);
    const group = { group: this.groupId };
    const counter = (name: string, help: string, value: number): MetricSample => ({ name, help, type: 'counter', value, labels: group });
    return [
      counter('convene_projector_messages_total', 'Kafka messages handled', this.metrics.messages),
      counter('convene_projector_events_applied_total', 'Events handed to projections', this.metrics.applied),
      counter('convene_projector_duplicates_total', 'Events dropped as already applied', this.metrics.duplicates),
      counter('convene_projector_retries_total', 'Repeated attempts of a failing batch', this.metrics.retries),
      counter('convene_projector_transient_errors_total', 'Database or broker errors waited out', this.metrics.transientErrors),
      counter('convene_projector_dead_letters_total', 'Events sent to the dead-letter topic', this.metrics.deadLettered),
      ...[...this.deadLettersByProjection].map(
        ([projection, n]): MetricSample => ({
          name: 'convene_projector_dead_letters_by_projection_total',
          help: 'Events sent to the dead-letter topic, by the projection that failed on them',
          type: 'counter',
          value: n,
          labels: { ...group, projection },
        }),
      ),
      { name: 'convene_projector_lag_messages', help: 'Messages not yet committed by the group', type: 'gauge', value: 'total' in lag ? lag.total : NaN, labels: group },
      ...projections.map(
        (p): MetricSample => ({
          name: 'convene_projection_lag_events',
          help: 'Events in the store after the projection checkpoint',
          type: 'gauge',
          value: p.lag,
          labels: { projection: p.name },
        }),
      ),
    ];
  }
}
