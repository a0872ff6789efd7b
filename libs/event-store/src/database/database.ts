import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export type DatabaseKind = 'embedded' | 'postgres';

/** A running database Convene talks to through pg, whichever is underneath. */
export interface Database {
  kind: DatabaseKind;
  url: string;
  /** Directory for local state (embedded data, development keys). */
  dataDir: string;
  /** LISTEN/NOTIFY reaches listeners only on a real server, not through the PGlite socket. */
  supportsListen: boolean;
  /**
   * Connections a pool may open. Embedded: exactly 1. PGlite is one session underneath, and the
   * socket server interleaves extended-protocol messages of different connections outside a
   * transaction (electric-sql/pglite#1046), which can bind one client's query to another's
   * statement. One connection serialises everything and costs no concurrency PGlite had.
   */
  poolSize: number;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Defaults to process.env.DATABASE_URL; when empty, the embedded PGlite is started. */
  url?: string;
  /** Defaults to CONVENE_DATA_DIR or ./.convene. */
  dataDir?: string;
  /** Embedded only: keep everything in memory (tests). */
  inMemory?: boolean;
}

export function resolveDataDir(dataDir?: string): string {
  return path.resolve(dataDir ?? process.env.CONVENE_DATA_DIR ?? '.convene');
}

/**
 * Opens the database: the server named by DATABASE_URL, or an embedded PGlite served to pg over
 * @electric-sql/pglite-socket on a free loopback port (see docs/adr/0004).
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const dataDir = resolveDataDir(options.dataDir);
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) {
    return { kind: 'postgres', url, dataDir, supportsListen: true, poolSize: Number(process.env.CONVENE_POOL_SIZE ?? 20), close: async () => {} };
  }
  await mkdir(dataDir, { recursive: true });
  const lock = options.inMemory ? undefined : await lockDataDir(dataDir);
  // Loaded lazily: a deployment on a real server never pays PGlite's start-up.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = options.inMemory ? new PGlite() : new PGlite(path.join(dataDir, 'pgdata'));
  await db.waitReady;
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 4 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  return {
    kind: 'embedded',
    url: `postgres://postgres@${conn}/postgres`,
    dataDir,
    supportsListen: false,
    poolSize: 1,
    close: async () => {
      await server.stop();
      await db.close();
      if (lock) await rm(lock, { force: true });
    },
  };
}

/** pg parses int8 as string by default; the store wants bigint positions, so it parses them itself. */
export function createPool(url: string, max = 20, options: { server?: boolean } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: 'convene',
    // Named statements (statement() below; the group append, ADR 0003) are planned per execution.
    // A generic plan is cached for the connection's life: made while `streams` was nearly empty,
    // it seq-scans the table on every append ever after, unless an ANALYZE invalidates it, which
    // a server without autovacuum never runs (this machine's). Planning costs a fraction of that.
    ...(options.server && { options: '-c plan_cache_mode=force_custom_plan' }),
  });
  // An idle connection the server closes (restart, failover, DROP ... FORCE) must not bring the
  // process down: pg emits it on the pool, and an 'error' without a listener throws. The pool
  // replaces the connection on the next checkout.
  pool.on('error', (err) => process.emitWarning(`idle database connection lost: ${err.message}`, 'ConveneDatabase'));
  if (options.server) {
    onServer.add(pool);
    // pg-pool hands out the client it connected, so a checked-out client is known too.
    pool.on('connect', (client) => onServer.add(client));
  }
  return pool;
}

/** Pools of a PostgreSQL server, and their connections: where a statement may be prepared by name. */
const onServer = new WeakSet<object>();
const statementNames = new Map<string, string>();

/**
 * A query for `db` (a pool or one of its clients), as a named statement on a PostgreSQL server:
 * the server parses and analyses it once per connection instead of on every execution (pgbench
 * here: a primary-key read 88 → 75 µs, the subject-key upsert 531 → 392 µs). The name comes from
 * the text, so one text is one statement on every connection; the texts are the code's own
 * (a few per projection generation), so the names stay few. Plans stay custom (plan_cache_mode
 * above). Behind the PGlite socket every connection is one session, where a second PREPARE of a
 * name fails (42P05): there the statement stays unnamed. See ADR 0003's addendum.
 */
export function statement(db: object, text: string, values?: unknown[]): pg.QueryConfig {
  if (!onServer.has(db)) return { text, values };
  let name = statementNames.get(text);
  if (!name) {
    name = `convene_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return { name, text, values };
}

/**
 * PGlite keeps its files to one process: a second one (the CLI while the app runs) would
 * corrupt them. A pid file makes that a clear error instead.
 */
async function lockDataDir(dataDir: string): Promise<string> {
  const lock = path.join(dataDir, 'convene.pid');
  const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${holder}. Stop it first, ` +
        `or point both at a PostgreSQL server with DATABASE_URL.`,
    );
  }
  await writeFile(lock, String(process.pid));
  return lock;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
