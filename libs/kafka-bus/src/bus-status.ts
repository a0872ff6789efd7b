import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import { createKafka } from './kafka-client.js';
import { eventTopics, type KafkaBusConfig } from './kafka-bus.config.js';

export interface RelayCheckpointStatus {
  name: string;
  transactionId: string;
  globalPosition: string;
  eventsPublished: string;
  /** Events in the store after the relay's checkpoint: not yet acknowledged by the broker. */
  lag: number;
  updatedAt: string;
}

/** Every relay's checkpoint and lag; none where the bus was never set up (no table). */
export async function relayStatus(db: Pick<pg.Pool, 'query'>): Promise<RelayCheckpointStatus[]> {
  const { rows: exists } = await db.query(`SELECT to_regclass('relay_checkpoints') IS NOT NULL AS present`);
  if (!exists[0].present) return [];
  const { rows } = await db.query(
    `SELECT r.name, r.transaction_id::text AS tx, r.global_position::text AS pos, r.events_published::text AS published, r.updated_at,
            (SELECT count(*) FROM events e WHERE (e.transaction_id, e.global_position) > (r.transaction_id, r.global_position))::int AS lag
     FROM relay_checkpoints r ORDER BY r.name`,
  );
  return rows.map((r) => ({
    name: r.name,
    transactionId: r.tx,
    globalPosition: r.pos,
    eventsPublished: r.published,
    lag: r.lag,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Next offset the group will read; -1: nothing committed yet (it starts at the earliest). */
  committed: string;
  high: string;
  lag: number;
}

export interface GroupLag {
  groupId: string;
  /** Messages on the broker that the group has not committed, over all its topics. */
  total: number;
  partitions: PartitionLag[];
  /** Topics whose offsets could not be read (missing, broker unreachable). */
  errors?: Record<string, string>;
}

/** The consumer group's lag from the broker's point of view: high watermark minus committed offset. */
export async function consumerGroupLag(kafka: Kafka, groupId: string, topics: string[]): Promise<GroupLag> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const partitions: PartitionLag[] = [];
    const errors: Record<string, string> = {};
    const committed = new Map<string, string>();
    for (const t of await admin.fetchOffsets({ groupId, topics })) {
      for (const p of t.partitions) committed.set(`${t.topic}/${p.partition}`, p.offset);
    }
    for (const topic of topics) {
      try {
        for (const o of await admin.fetchTopicOffsets(topic)) {
          const c = committed.get(`${topic}/${o.partition}`) ?? '-1';
          const from = BigInt(c) >= 0n ? BigInt(c) : BigInt(o.low);
          const lag = BigInt(o.high) - from;
          partitions.push({ topic, partition: o.partition, committed: c, high: o.high, lag: Number(lag > 0n ? lag : 0n) });
        }
      } catch (err) {
        errors[topic] = err instanceof Error ? err.message : String(err);
      }
    }
    partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    const total = partitions.reduce((n, p) => n + p.lag, 0);
    return { groupId, total, partitions, ...(Object.keys(errors).length ? { errors } : {}) };
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

export interface KafkaBusStatus {
  relays: RelayCheckpointStatus[];
  /** Absent without a Kafka configuration; an error string when the broker could not be asked. */
  projector?: GroupLag | { groupId: string; error: string };
}

/** What `convene projections` shows about the bus: relay checkpoints and the projector group's lag. */
export async function kafkaBusStatus(db: Pick<pg.Pool, 'query'>, config?: KafkaBusConfig): Promise<KafkaBusStatus> {
  const relays = await relayStatus(db);
  if (!config) return { relays };
  const groupId = config.consumer.groupId;
  try {
    // Few retries and a deadline: a status command must answer, and exit, while the broker is down.
    const kafka = createKafka(config, undefined, { retry: { retries: 1, initialRetryTime: 200 }, connectionTimeout: 2000 });
    const lag = await Promise.race([
      consumerGroupLag(kafka, groupId, eventTopics(config)),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the broker did not answer within 10 s')), 10_000).unref()),
    ]);
    return { relays, projector: lag };
  } catch (err) {
    return { relays, projector: { groupId, error: err instanceof Error ? err.message : String(err) } };
  }
}
