import type { MigrationInterface } from 'typeorm';
import { type EventDefinition, EventRegistry } from './event-registry.js';
import type { Projection } from './projections/projection.js';

/**
 * What a module brings to the store: its event types, its projections, and the migrations of
 * any tables it keeps outside projections. The app lists its features explicitly.
 */
export interface ConveneFeature {
  name: string;
  events?: EventDefinition[];
  projections?: Projection[];
  migrations?: Array<new () => MigrationInterface>;
  /**
   * Stream types this module writes. The Kafka relay publishes their events to the module's
   * topic, `convene.<name>`, when infra/kafka/topics.json lists it (otherwise convene.events).
   */
  streamTypes?: string[];
}

export const migrationsOf = (features: ConveneFeature[]) => features.flatMap((f) => f.migrations ?? []);
export const projectionsOf = (features: ConveneFeature[]) => features.flatMap((f) => f.projections ?? []);
export const registryOf = (features: ConveneFeature[]) => new EventRegistry().register(...features.flatMap((f) => f.events ?? []));
