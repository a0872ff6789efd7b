import { type Database, type EventStore, ProjectionRunner, createEventStore, migrationsOf, openDatabase, projectionsOf, runMigrations } from '@convene/event-store';
import type pg from 'pg';
import { features } from '../../api/src/features.js';

/** The database, store and projections as the API has them, for one CLI command. */
export interface StoreSession {
  db: Database;
  pool: pg.Pool;
  store: EventStore;
  runner: ProjectionRunner;
  close(): Promise<void>;
}

export async function openStoreSession(): Promise<StoreSession> {
  const db = await openDatabase();
  await runMigrations(db.url, migrationsOf(features));
  const { pool, store } = createEventStore(db, features);
  const runner = new ProjectionRunner(store, projectionsOf(features));
  return {
    db,
    pool,
    store,
    runner,
    close: async () => {
      await pool.end();
      await db.close();
    },
  };
}
