import kafkajs, { type Admin, type Kafka, type LogEntry, type RetryOptions } from 'kafkajs';
import type { KafkaBusConfig } from './kafka-bus.config.js';

// kafkajs is CommonJS: under nodenext its named exports are reached through the default import.
const { Kafka: KafkaClient, logLevel } = kafkajs;

/** What the bus logs through: pino's signature (object first), a no-op by default. */
export interface BusLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: BusLogger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Warnings the bus provokes on purpose, said once in our own words instead of on every
 * (re)connect: limited retries on the idempotent producer (the relay recreates the producer after
 * a failure, see outbox.relay.ts), and the partitioner notice (we set DefaultPartitioner).
 */
const EXPECTED_WARNINGS = [/Limiting retries for the idempotent producer/, /KafkaJS v2\.0\.0 switched default partitioner/];

export function createKafka(
  config: Pick<KafkaBusConfig, 'brokers' | 'clientId'>,
  logger: BusLogger = silentLogger,
  options: { retry?: RetryOptions; connectionTimeout?: number } = {},
): Kafka {
  return new KafkaClient({
    clientId: config.clientId,
    brokers: config.brokers,
    ...options,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ namespace, level, log }: LogEntry) => {
        const { message, timestamp: _t, logger: _l, ...extra } = log as LogEntry['log'] & { logger?: string };
        if (EXPECTED_WARNINGS.some((re) => re.test(message))) return;
        const obj = { kafka: namespace, ...extra };
        // A heartbeat answered "rebalancing" is how every member learns of a scale-out: routine.
        if (/rebalancing/i.test(String((extra as { error?: unknown }).error ?? ''))) logger.debug(obj, message);
        else if (level === logLevel.ERROR) logger.error(obj, message);
        else if (level === logLevel.WARN) logger.warn(obj, message);
        else if (level === logLevel.INFO) logger.info(obj, message);
        else logger.debug(obj, message);
      },
  });
}

export interface ProvisionResult {
  /** 'done': topics exist (created or already there); 'unsupported': the broker refused the admin API. */
  status: 'done' | 'unsupported' | 'failed' | 'disabled';
  created: string[];
  existing: string[];
  error?: string;
}

/**
 * Creates the configured topics that are missing; existing ones are left alone (partitions only
 * grow, and growing them moves keys: do that on purpose). Never throws: a broker that refuses
 * admin calls (a managed cluster without the right ACLs, the librdkafka mock of the tests) leaves
 * topics to whoever manages the cluster, and publishing still works where they exist.
 */
export async function provisionTopics(kafka: Kafka, config: KafkaBusConfig, logger: BusLogger = silentLogger): Promise<ProvisionResult> {
  if (!config.provisionTopics) return { status: 'disabled', created: [], existing: [] };
  const admin: Admin = kafka.admin();
  try {
    await admin.connect();
    const present = new Set(await admin.listTopics());
    const existing = config.topics.filter((t) => present.has(t.name)).map((t) => t.name);
    const missing = config.topics.filter((t) => !present.has(t.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: config.replicationFactor ?? t.replicationFactor,
          configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value: String(value) })),
        })),
      });
      logger.info({ topics: missing.map((t) => t.name) }, 'kafka topics created');
    }
    return { status: 'done', created: missing.map((t) => t.name), existing };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const unsupported = /does not support the requested API version|UNSUPPORTED_VERSION|not authorized|AUTHORIZATION_FAILED/i.test(
      `${error} ${(err as { type?: string }).type ?? ''}`,
    );
    logger.warn(
      { error, topics: config.topics.map((t) => t.name) },
      unsupported
        ? 'the broker refuses topic creation: topics must exist already (or be auto-created)'
        : 'topic provisioning failed: continuing, publishing retries until the topics exist',
    );
    return { status: unsupported ? 'unsupported' : 'failed', created: [], existing: [], error };
  } finally {
    await admin.disconnect().catch(() => {});
  }
}
