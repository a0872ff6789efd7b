/**
 * The Kafka projector process: Kafka -> read models (docs/adr/0009-kafka-event-bus.md). Run as
 * many as the topics have partitions; the consumer group splits the partitions between them.
 *   node dist/apps/projector/src/main.js
 * Env: DATABASE_URL, KAFKA_BROKERS and the other KAFKA_* settings of @convene/kafka-bus
 * (KAFKA_PROJECTOR_GROUP names the group), PORT for /health and /metrics (default 3001), LOG_LEVEL.
 */
import { projectionsOf } from '@convene/event-store';
import { runWorker } from '@convene/kafka-bus';
import { features } from '../../api/src/features.js';
import { KafkaProjector } from './kafka.projector.js';

await runWorker('projector', features, 3001, ({ store, config, features: all, logger }) =>
  new KafkaProjector({ store, projections: projectionsOf(all), config, logger }),
);
