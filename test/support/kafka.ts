/**
 * Helpers for the Kafka suites: they run against the Kafka-protocol test peer of
 * ../shared/tools/kafka-mock (CI starts it and exports KAFKA_BROKERS; see its README).
 */
import { randomBytes } from 'node:crypto';
import { describe } from '@jest/globals';
import type { ConveneFeature } from '@convene/event-store';
import { createKafka, type KafkaBusConfig, kafkaBusConfigFromEnv } from '@convene/kafka-bus';
import type { IHeaders, Kafka } from 'kafkajs';
import { hasServer } from './databases.js';

export { mockToolsAvailable, type PrivateMock, startPrivateMock } from './kafka-mock.js';

export const kafkaBrokers = () => process.env.KAFKA_BROKERS ?? '';

/**
 * `describe` when KAFKA_BROKERS and a PostgreSQL server are there, else `describe.skip` with the
 * reason printed once: the relay and projector are separate processes, which the embedded
 * single-connection database cannot serve.
 */
export function describeKafka(name: string, fn: () => void): void {
  const missing = [!kafkaBrokers() && 'KAFKA_BROKERS is not set', !hasServer() && 'no PostgreSQL server'].filter(Boolean);
  if (missing.length === 0) return describe(name, fn);
  console.warn(`[convene] skipped "${name}": ${missing.join(' and ')} (CI runs it against ../shared/tools/kafka-mock).`);
  describe.skip(name, fn);
}

/** A name no other test (or earlier run against the same peer) uses. */
export const uniqueName = (label: string) => `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}-${label}`;

/**
 * The bus configuration a test uses: every topic and the group under a prefix of its own, and
 * the consumer timings the peer needs (.ci/run exports them; the same values when run by hand).
 * The peer auto-creates the prefixed topics (4 partitions) on first use.
 */
export function testBusConfig(prefix: string, options: { brokers?: string; features?: ConveneFeature[] } = {}): KafkaBusConfig {
  return kafkaBusConfigFromEnv(
    {
      KAFKA_BROKERS: options.brokers ?? kafkaBrokers(),
      KAFKA_CLIENT_ID: `convene-test-${prefix}`,
      KAFKA_TOPIC_PREFIX: `${prefix}.`,
      KAFKA_PROJECTOR_GROUP: `${prefix}.projector`,
      KAFKA_SESSION_TIMEOUT_MS: process.env.KAFKA_SESSION_TIMEOUT_MS ?? '6000',
      KAFKA_HEARTBEAT_INTERVAL_MS: process.env.KAFKA_HEARTBEAT_INTERVAL_MS ?? '500',
      KAFKA_MAX_WAIT_TIME_MS: process.env.KAFKA_MAX_WAIT_TIME_MS ?? '100',
    },
    { features: options.features },
  );
}

export const testKafka = (config: KafkaBusConfig): Kafka => createKafka(config);

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

const headerMap = (headers: IHeaders | undefined) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v)?.toString() ?? '']));

/**
 * Reads the topics from the beginning with a group of its own until `until(messages)` holds, or
 * throws after the timeout with what it had.
 */
export async function readTopics(
  kafka: Kafka,
  topics: string[],
  until: (messages: ReadMessage[]) => boolean,
  timeoutMs = 30_000,
): Promise<ReadMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('reader'), sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 100 });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers: headerMap(message.headers),
        });
      },
    });
    await waitFor(() => until(messages), timeoutMs, () => `read ${messages.length} messages from ${topics.join(', ')}`);
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

/** Polls `check` every 50 ms until it is truthy. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs: number, describeState?: () => string | Promise<string>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms${describeState ? `: ${await describeState()}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

