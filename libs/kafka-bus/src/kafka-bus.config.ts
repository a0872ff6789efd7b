import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConveneFeature } from '@convene/event-store';

/** One topic as infra/kafka/topics.json describes it. */
export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** Topic-level Kafka settings (retention.ms, cleanup.policy, ...), values as strings. */
  config?: Record<string, string>;
  /** Stream types routed here, in addition to those the owning module declares. */
  streamTypes?: string[];
  description?: string;
}

export interface KafkaBusConfig {
  brokers: string[];
  clientId: string;
  /** Every topic to provision, names as used on the broker (prefix applied). */
  topics: TopicSpec[];
  /** Where events of a stream type no module claims go. */
  defaultTopic: string;
  deadLetterTopic: string;
  /** stream type -> topic. */
  routes: Record<string, string>;
  /** Create missing topics on start (soft-fails where the broker refuses admin calls). */
  provisionTopics: boolean;
  /** Replaces every topic's replicationFactor when set (e.g. 3 on a three-broker cluster). */
  replicationFactor?: number;
  consumer: {
    groupId: string;
    sessionTimeout?: number;
    heartbeatInterval?: number;
    maxWaitTimeInMs?: number;
  };
}

/** Base names, before any KAFKA_TOPIC_PREFIX. */
export const DEFAULT_TOPIC = 'convene.events';
export const DEAD_LETTER_TOPIC = 'convene.dead-letter';

export interface ConfigOptions {
  /** The app's modules: each one's streamTypes go to `convene.<name>` when that topic exists. */
  features?: ConveneFeature[];
  /** Topics as in topics.json; default: read from KAFKA_TOPICS_FILE or infra/kafka/topics.json. */
  topics?: TopicSpec[];
}

const optionalNumber = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
};

/**
 * The bus configuration from the environment:
 *   KAFKA_BROKERS (required, host:port,...), KAFKA_CLIENT_ID (convene), KAFKA_TOPICS_FILE,
 *   KAFKA_TOPIC_PREFIX (prepended to every topic name: one cluster for several environments, or a
 *   test of its own), KAFKA_PROJECTOR_GROUP (convene-projector), KAFKA_PROVISION_TOPICS (true),
 *   KAFKA_TOPIC_REPLICATION_FACTOR, and the consumer timings KAFKA_SESSION_TIMEOUT_MS,
 *   KAFKA_HEARTBEAT_INTERVAL_MS, KAFKA_MAX_WAIT_TIME_MS (kafkajs defaults when unset).
 */
export function kafkaBusConfigFromEnv(env: NodeJS.ProcessEnv = process.env, options: ConfigOptions = {}): KafkaBusConfig {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set (host:port,...)');
  const prefix = env.KAFKA_TOPIC_PREFIX ?? '';
  const base = options.topics ?? readTopicsFile(env.KAFKA_TOPICS_FILE);
  const topics = base.map((t) => ({ ...t, name: prefix + t.name }));
  const names = new Set(topics.map((t) => t.name));
  const defaultTopic = prefix + DEFAULT_TOPIC;
  const deadLetterTopic = prefix + DEAD_LETTER_TOPIC;
  for (const required of [defaultTopic, deadLetterTopic]) {
    if (!names.has(required)) throw new Error(`The topic list has no ${required}: the relay and projector need it`);
  }

  const routes: Record<string, string> = {};
  const route = (streamType: string, topic: string) => {
    if (routes[streamType] && routes[streamType] !== topic) {
      // One stream type in two topics would split a stream and lose its order.
      throw new Error(`Stream type ${streamType} is routed to both ${routes[streamType]} and ${topic}`);
    }
    routes[streamType] = topic;
  };
  for (const t of topics) for (const s of t.streamTypes ?? []) route(s, t.name);
  for (const f of options.features ?? []) {
    const topic = `${prefix}convene.${f.name}`;
    if (names.has(topic)) for (const s of f.streamTypes ?? []) route(s, topic);
  }

  return {
    brokers,
    clientId: env.KAFKA_CLIENT_ID || 'convene',
    topics,
    defaultTopic,
    deadLetterTopic,
    routes,
    provisionTopics: !/^(0|false|no|off)$/i.test(env.KAFKA_PROVISION_TOPICS ?? ''),
    replicationFactor: optionalNumber(env.KAFKA_TOPIC_REPLICATION_FACTOR, 'KAFKA_TOPIC_REPLICATION_FACTOR'),
    consumer: {
      groupId: env.KAFKA_PROJECTOR_GROUP || 'convene-projector',
      sessionTimeout: optionalNumber(env.KAFKA_SESSION_TIMEOUT_MS, 'KAFKA_SESSION_TIMEOUT_MS'),
      heartbeatInterval: optionalNumber(env.KAFKA_HEARTBEAT_INTERVAL_MS, 'KAFKA_HEARTBEAT_INTERVAL_MS'),
      maxWaitTimeInMs: optionalNumber(env.KAFKA_MAX_WAIT_TIME_MS, 'KAFKA_MAX_WAIT_TIME_MS'),
    },
  };
}

/** The topic an event of this stream type is published to. */
export const topicFor = (config: KafkaBusConfig, streamType: string): string => config.routes[streamType] ?? config.defaultTopic;

/** Topics that carry events (what the projector subscribes to): all but the dead-letter topic. */
export const eventTopics = (config: KafkaBusConfig): string[] =>
  config.topics.map((t) => t.name).filter((name) => name !== config.deadLetterTopic);

/**
 * infra/kafka/topics.json, found by walking up from this file: the same code runs from
 * libs/kafka-bus/src (tests) and from dist/libs/kafka-bus/src (the image copies infra/kafka).
 */
export function readTopicsFile(file?: string): TopicSpec[] {
  const found = file ?? findUp(path.dirname(fileURLToPath(import.meta.url)), path.join('infra', 'kafka', 'topics.json'));
  if (!found || !existsSync(found)) throw new Error(`No topics file (set KAFKA_TOPICS_FILE; looked for infra/kafka/topics.json)`);
  const parsed = JSON.parse(readFileSync(found, 'utf8')) as { topics?: TopicSpec[] };
  if (!Array.isArray(parsed.topics)) throw new Error(`${found} has no "topics" array`);
  return parsed.topics;
}

function findUp(from: string, relative: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
