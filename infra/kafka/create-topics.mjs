#!/usr/bin/env node
// Creates the topics listed in topics.json that do not exist yet; existing topics are left alone
// (partitions can only grow, and growing them moves keys: do that on purpose, not on every start).
// Runs once before the relay and projector in docker-compose.yml (service kafka-topics), with the
// provisioning code they run on start themselves (libs/kafka-bus), from the built image.
// Env: KAFKA_BROKERS (host:port,...), KAFKA_TOPICS_FILE (default: topics.json beside this file),
// KAFKA_TOPIC_PREFIX, KAFKA_TOPIC_REPLICATION_FACTOR (overrides replicationFactor, e.g. 3 on a
// three-broker cluster). Exits 1 when the topics could not be created.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKafka, kafkaBusConfigFromEnv, provisionTopics } from '../../dist/libs/kafka-bus/src/index.js';

const config = kafkaBusConfigFromEnv({
  KAFKA_BROKERS: 'localhost:9092',
  KAFKA_TOPICS_FILE: join(dirname(fileURLToPath(import.meta.url)), 'topics.json'),
  ...process.env,
  KAFKA_CLIENT_ID: 'convene-create-topics',
  KAFKA_PROVISION_TOPICS: 'true',
});
const log = (level) => (obj, msg) => console[level](`create-topics: ${msg ?? ''} ${JSON.stringify(obj)}`);
const logger = { debug() {}, info: log('log'), warn: log('warn'), error: log('error') };
// The broker may still be settling after its health check passed: be patient here.
const kafka = createKafka(config, logger, { retry: { retries: 10, initialRetryTime: 500 } });
const result = await provisionTopics(kafka, config, logger);
for (const name of result.existing) console.log(`exists  ${name}`);
for (const t of config.topics.filter((t) => result.created.includes(t.name))) console.log(`created ${t.name} (${t.partitions} partitions)`);
if (result.status !== 'done') {
  console.error(`create-topics: ${result.error ?? result.status}`);
  process.exitCode = 1;
}
