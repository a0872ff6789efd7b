import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool, openDatabase, runMigrations } from '@convene/event-store';

export interface TestDatabase {
  kind: 'postgres' | 'embedded';
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

export const serverUrl = () => process.env.CONVENE_TEST_SERVER_URL ?? '';
export const hasServer = () => serverUrl() !== '';

/** A fresh database of its own on the PostgreSQL server, migrated. */
export async function createServerDatabase(migrations: Parameters<typeof runMigrations>[1] = []): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  const name = `convene_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  const url = u.toString();
  await runMigrations(url, migrations);
  const pool = createPool(url, 40, { server: true });
  return {
    kind: 'postgres',
    url,
    pool,
    drop: async () => {
      await pool.end();
      const a = new pg.Client({ connectionString: serverUrl() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** An in-memory embedded PGlite behind the socket server, migrated. */
export async function createEmbeddedDatabase(migrations: Parameters<typeof runMigrations>[1] = []): Promise<TestDatabase> {
  const db = await openDatabase({ url: '', inMemory: true, dataDir: '/tmp/convene-test' });
  await runMigrations(db.url, migrations);
  const pool = createPool(db.url, db.poolSize);
  return {
    kind: 'embedded',
    url: db.url,
    pool,
    drop: async () => {
      await pool.end();
      await db.close();
    },
  };
}

/** For describe.each: the embedded PGlite always, the PostgreSQL server when there is one. */
export function databaseVariants(): Array<[string, () => Promise<TestDatabase>]> {
  const variants: Array<[string, () => Promise<TestDatabase>]> = [['embedded PGlite', () => createEmbeddedDatabase()]];
  if (hasServer()) variants.push(['PostgreSQL server', () => createServerDatabase()]);
  return variants;
}
