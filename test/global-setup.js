// Finds the PostgreSQL server the tests use: DATABASE_URL, or the local one on 127.0.0.1:5432.
// Tests create their own databases on it. Without a server, the server-only suites say so and
// skip; everything else runs on the embedded PGlite.
import pg from 'pg';

export default async function globalSetup() {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'silent';
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.CONVENE_TEST_SERVER_URL = url;
  } catch (err) {
    process.env.CONVENE_TEST_SERVER_URL = '';
    console.warn(`\n[convene] No PostgreSQL server at ${url} (${err.message}): server-only suites are skipped.\n`);
  } finally {
    await client.end().catch(() => {});
  }
  if (!process.env.KAFKA_BROKERS) {
    console.warn('[convene] KAFKA_BROKERS is not set: the Kafka suite is skipped (CI runs it against the kafka mock).');
  }
}
