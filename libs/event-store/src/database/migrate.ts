import pg from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { CreateEventStore1732230000000 } from '../migrations/1732230000000-create-event-store.js';
import { CreateProjectionAppliedEvents1732300000000 } from '../migrations/1732300000000-create-projection-applied-events.js';
import { NotifyTransactionId1732500000000 } from '../migrations/1732500000000-notify-transaction-id.js';

type MigrationClass = new () => MigrationInterface;

/** The store's own migrations; each module adds its own through `runMigrations(url, extra)`. */
export const eventStoreMigrations: MigrationClass[] = [CreateEventStore1732230000000, CreateProjectionAppliedEvents1732300000000, NotifyTransactionId1732500000000];

export function createDataSource(url: string, migrations: MigrationClass[] = []): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    migrations: [...eventStoreMigrations, ...migrations],
    extra: { max: 2 },
    logging: false,
  });
}

/**
 * Applies pending migrations (each in its own transaction); returns the names applied. Holds an
 * advisory lock meanwhile, so that the api, relay and projector starting together on an empty
 * database migrate one after the other instead of failing on each other's tables.
 */
export async function runMigrations(url: string, migrations: MigrationClass[] = []): Promise<string[]> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    const ds = createDataSource(url, migrations);
    await ds.initialize();
    try {
      const done = await ds.runMigrations({ transaction: 'each' });
      return done.map((m) => m.name);
    } finally {
      await ds.destroy();
    }
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => {});
    await lock.end();
  }
}

/** Arbitrary, fixed: the key of the migration lock. */
const MIGRATION_LOCK = 7_310_551_220;
