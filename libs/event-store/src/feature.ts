import type { MigrationInterface } from 'typeorm';
import type { EventDefinition } from './event-registry.js';
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
}
