import type pg from 'pg';
import { type Database, createPool } from './database/database.js';
import { EventStore } from './event-store.js';
import { type ConveneFeature, registryOf } from './feature.js';

/** The pool and the store with every feature's event types, as the API, the CLI and the workers use them. */
export function createEventStore(db: Database, features: ConveneFeature[]): { pool: pg.Pool; store: EventStore } {
  const pool = createPool(db.url, db.poolSize, { server: db.kind === 'postgres' });
  return { pool, store: new EventStore(pool, registryOf(features)) };
}
