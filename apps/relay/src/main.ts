/**
 * The Kafka relay process: event store -> Kafka (docs/adr/0009-kafka-event-bus.md).
 *   node dist/apps/relay/src/main.js
 * Env: DATABASE_URL, KAFKA_BROKERS and the other KAFKA_* settings of @convene/kafka-bus,
 * RELAY_NAME (default "default"), PORT for /health and /metrics (default 3002), LOG_LEVEL.
 */
import { runWorker } from '@convene/kafka-bus';
import { features } from '../../api/src/features.js';
import { OutboxRelay } from './outbox.relay.js';

await runWorker('relay', features, 3002, ({ db, store, config, logger }) =>
  new OutboxRelay({
    store,
    config,
    name: process.env.RELAY_NAME || 'default',
    // LISTEN and the one-publisher lock need a server; the embedded database polls.
    databaseUrl: db.supportsListen ? db.url : undefined,
    logger,
  }),
);
