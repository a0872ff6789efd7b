import pg from 'pg';
import type { DataSource, MigrationInterface } from 'typeorm';
import { CreateEventStore1732230000000 } from '../migrations/1732230000000-create-event-store.js';
import { CreateProjectionAppliedEvents1732300000000 } from '../migrations/1732300000000-create-projection-applied-events.js';
import { NotifyTransactionId1732500000000 } from '../migrations/1732500000000-notify-transaction-id.js';

type MigrationClass = new () => MigrationInterface;

/** The store's own migrations; each module adds its own through `runMigrations(url, extra)`. */
export const eventStoreMigrations: MigrationClass[] = [CreateEventStore1732230000000, CreateProjectionAppliedEvents1732300000000, NotifyTransactionId1732500000000];

/** TypeORM's data source for the migrations (TypeORM is loaded here, only when there is something to migrate). */
export async function createDataSource(url: string, migrations: MigrationClass[] = []): Promise<DataSource> {
  const { DataSource } = await import('typeorm');
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: MIGRATIONS_TABLE,
    migrations: [...eventStoreMigrations, ...migrations],
    extra: { max: 2 },
    logging: false,
  });
}

/**
 * Applies pending migrations (each in its own transaction); returns the names applied. Holds an
 * advisory lock meanwhile, so that the api, relay and projector starting together on an empty
 * database migrate one after the other instead of failing on each other's tables. When every
 * migration is recorded already (every start but the first after a deploy), TypeORM is not even
 * loaded: a third of a second of each process's start-up.
 */
export async function runMigrations(url: string, migrations: MigrationClass[] = []): Promise<string[]> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    if (await allRecorded(lock, [...eventStoreMigrations, ...migrations])) return [];
    const ds = await createDataSource(url, migrations);
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

/** Whether TypeORM's table records every one of the migrations by name. */
async function allRecorded(client: pg.Client, migrations: MigrationClass[]): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>(`SELECT to_regclass('${MIGRATIONS_TABLE}') IS NOT NULL AS ok`);
  if (!rows[0].ok) return false;
  const names = migrations.map((M) => new M().name ?? M.name);
  const { rows: recorded } = await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} WHERE name = ANY($1::text[])`, [names]);
  return new Set(recorded.map((r) => r.name)).size === new Set(names).size;
}

const MIGRATIONS_TABLE = 'schema_migrations';

/** Arbitrary, fixed: the key of the migration lock. */
const MIGRATION_LOCK = 7_310_551_220;
