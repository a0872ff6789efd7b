import { type Database, EventRegistry, EventStore, ProjectionRunner, createPool, openDatabase, runMigrations } from '@convene/event-store';
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
  await runMigrations(db.url, features.flatMap((f) => f.migrations ?? []));
  const pool = createPool(db.url, db.poolSize);
  const store = new EventStore(pool, new EventRegistry().register(...features.flatMap((f) => f.events ?? [])), {
    preparedStatements: db.kind === 'postgres',
  });
  const runner = new ProjectionRunner(store, features.flatMap((f) => f.projections ?? []));
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
