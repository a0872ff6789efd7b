import {
  type ConveneFeature,
  createEventStore,
  type Database,
  type EventStore,
  migrationsOf,
  openDatabase,
  runMigrations,
} from '@convene/event-store';
import { createLogger, type Logger } from '@convene/platform';
import type { HealthReport, MetricSample } from './health/health-server.js';
import { startHealthServer } from './health/health-server.js';
import { type KafkaBusConfig, kafkaBusConfigFromEnv } from './kafka-bus.config.js';
import { kafkaBusFeature } from './kafka-bus.feature.js';

/** What a worker process runs: the relay or the projector. */
export interface Worker {
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): Promise<HealthReport>;
  metricSamples(): Promise<MetricSample[]>;
}

export interface WorkerContext {
  db: Database;
  /** The store with every module's event types: their personal fields and upcasters. */
  store: EventStore;
  config: KafkaBusConfig;
  features: ConveneFeature[];
  logger: Logger;
}

/**
 * The life of a Kafka worker process: configuration from the environment, the database migrated,
 * /health and /metrics on PORT (up before the worker starts, which may first build projections),
 * and a clean stop on SIGTERM/SIGINT. Exits with 2 when KAFKA_BROKERS is unset: without Kafka the
 * API runs the projections itself.
 */
export async function runWorker(name: string, features: ConveneFeature[], defaultPort: number, create: (ctx: WorkerContext) => Worker): Promise<void> {
  const logger = createLogger().child({ process: name });
  if (!process.env.KAFKA_BROKERS) {
    logger.error(`KAFKA_BROKERS is not set: without Kafka the API runs the projections itself, and the ${name} has nothing to do`);
    process.exit(2);
  }
  const all = [...features, kafkaBusFeature];
  const config = kafkaBusConfigFromEnv(process.env, { features: all });
  const db = await openDatabase();
  // runMigrations holds an advisory lock: processes starting together migrate in turn.
  await runMigrations(db.url, migrationsOf(all));
  const { pool, store } = createEventStore(db, all);
  const worker = create({ db, store, config, features: all, logger });
  const health = await startHealthServer({
    port: Number(process.env.PORT ?? defaultPort),
    health: () => worker.health(),
    metrics: () => worker.metricSamples(),
  });
  await worker.start();
  logger.info({ port: health.port, topics: config.topics.map((t) => t.name), routes: config.routes }, `${name} started`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${name} stopping`);
    await worker.stop();
    await health.close();
    await pool.end();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
