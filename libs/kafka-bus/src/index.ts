export {
  type ConfigOptions,
  DEAD_LETTER_TOPIC,
  DEFAULT_TOPIC,
  eventTopics,
  type KafkaBusConfig,
  kafkaBusConfigFromEnv,
  readTopicsFile,
  topicFor,
  type TopicSpec,
} from './kafka-bus.config.js';
export { type BusLogger, createKafka, provisionTopics, type ProvisionResult, silentLogger } from './kafka-client.js';
export { fromMessage, HEADERS, headerText, MalformedEventMessage, openEvents, toMessage } from './event-message.js';
export { kafkaBusFeature } from './kafka-bus.feature.js';
export {
  consumerGroupLag,
  type GroupLag,
  kafkaBusStatus,
  type KafkaBusStatus,
  type PartitionLag,
  relayStatus,
  type RelayCheckpointStatus,
} from './bus-status.js';
export {
  type HealthReport,
  type HealthServer,
  type HealthServerOptions,
  type MetricSample,
  renderMetrics,
  startHealthServer,
} from './health/health-server.js';
export { runWorker, type Worker, type WorkerContext } from './worker.js';
