#!/usr/bin/env node
// Creates the topics listed in topics.json that do not exist yet; existing topics are left alone
// (partitions can only grow, and growing them moves keys: do that on purpose, not on every start).
// Runs once before the relay and projector in docker-compose.yml (service kafka-topics).
// Env: KAFKA_BROKERS (host:port,...), KAFKA_TOPICS_FILE (default: topics.json beside this file),
// KAFKA_TOPIC_REPLICATION_FACTOR (overrides replicationFactor, e.g. 3 on a three-broker cluster).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;
const file = process.env.KAFKA_TOPICS_FILE ?? join(dirname(fileURLToPath(import.meta.url)), 'topics.json');
const brokers = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',').map((b) => b.trim()).filter(Boolean);
const replicationOverride = process.env.KAFKA_TOPIC_REPLICATION_FACTOR
  ? Number(process.env.KAFKA_TOPIC_REPLICATION_FACTOR)
  : undefined;

const { topics } = JSON.parse(readFileSync(file, 'utf8'));
const kafka = new Kafka({
  clientId: 'convene-create-topics',
  brokers,
  logLevel: logLevel.WARN,
  retry: { retries: 10, initialRetryTime: 500 },
});
const admin = kafka.admin();

try {
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t.name));
  for (const t of topics.filter((t) => existing.has(t.name))) {
    console.log(`exists  ${t.name}`);
  }
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.name,
        numPartitions: t.partitions,
        replicationFactor: replicationOverride ?? t.replicationFactor,
        configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value: String(value) })),
      })),
    });
    for (const t of missing) console.log(`created ${t.name} (${t.partitions} partitions)`);
  }
} catch (error) {
  console.error(`create-topics: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await admin.disconnect();
}
