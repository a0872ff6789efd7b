export * from './types.js';
export * from './errors.js';
export { EventRegistry, type EventDefinition, type PersonalDataSpec, type Upcaster } from './event-registry.js';
export { EventStore, type EventStoreOptions, type ReadAllOptions } from './event-store.js';
export { openDatabase, createPool, statement, resolveDataDir, type Database, type DatabaseKind } from './database/database.js';
export { runMigrations, createDataSource, eventStoreMigrations } from './database/migrate.js';
export { applyPlan, type PlanContext, type Projection, type ProjectionContext, type ProjectionPlan, sqlLiteral } from './projections/projection.js';
export { ProjectionRunner, type ProjectionStatus, type RunnerOptions } from './projections/projection-runner.js';
export {
  ExternalBatchApplier,
  type ExternalApplyOptions,
  type ExternalApplyResult,
  NoActiveGeneration,
} from './projections/external-apply.js';
export { readModelHash } from './projections/read-model-hash.js';
export { type ConveneFeature, migrationsOf, projectionsOf, registryOf } from './feature.js';
export { createEventStore } from './event-store-stack.js';
export { EventStoreModule, DATABASE, PG_POOL, FEATURES, type EventStoreModuleOptions } from './event-store.module.js';
export { streamDocumentProjection, type DocumentColumn, type StreamDocumentSpec } from './projections/stream-document.projection.js';
