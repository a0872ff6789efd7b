import type pg from 'pg';
import { type Database, createPool } from './database/database.js';
import { EventStore, type EventStoreOptions } from './event-store.js';
import { type ConveneFeature, registryOf } from './feature.js';

/**
 * Store options that suit the database: a prepared group statement only on a PostgreSQL server,
 * since behind the PGlite socket all connections share one session (ADR 0003).
 */
export const storeOptionsFor = (db: Database): EventStoreOptions => ({ preparedStatements: db.kind === 'postgres' });

/** The pool and the store with every feature's event types, as the API, the CLI and the workers use them. */
export function createEventStore(db: Database, features: ConveneFeature[]): { pool: pg.Pool; store: EventStore } {
  const pool = createPool(db.url, db.poolSize, { server: db.kind === 'postgres' });
  return { pool, store: new EventStore(pool, registryOf(features), storeOptionsFor(db)) };
}
