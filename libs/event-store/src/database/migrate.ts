import { DataSource, type MigrationInterface } from 'typeorm';
import { CreateEventStore1732230000000 } from '../migrations/1732230000000-create-event-store.js';
import { CreateProjectionAppliedEvents1732300000000 } from '../migrations/1732300000000-create-projection-applied-events.js';

type MigrationClass = new () => MigrationInterface;

/** The store's own migrations; each module adds its own through `runMigrations(url, extra)`. */
export const eventStoreMigrations: MigrationClass[] = [CreateEventStore1732230000000, CreateProjectionAppliedEvents1732300000000];

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

/** Applies pending migrations (each in its own transaction); returns the names applied. */
export async function runMigrations(url: string, migrations: MigrationClass[] = []): Promise<string[]> {
  const ds = createDataSource(url, migrations);
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
