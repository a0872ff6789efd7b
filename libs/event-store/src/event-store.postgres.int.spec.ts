import { describe, expect, it } from '@jest/globals';
import { createServerDatabase, hasServer } from '../../../test/support/databases.js';
import { storeContract } from './event-store.contract.js';

if (hasServer()) storeContract('PostgreSQL server', () => createServerDatabase());
else describe('event store contract (PostgreSQL server)', () => it.todo('needs a PostgreSQL server (DATABASE_URL)'));

/**
 * The group append is a named statement (database.ts `statement`), cached per connection. Without
 * custom plans, its plan made while `streams` was nearly empty scanned the whole table on every
 * append ever after (the soak bench slowed from 480 to 360 commands/s over ten minutes on a server
 * without autovacuum).
 */
describe('the group append stays on the streams index as the table grows', () => {
  const run = hasServer() ? it : it.skip;
  run('plans each execution for the streams it names, not once for an empty table', async () => {
    const { createPool } = await import('./database/database.js');
    const { EventStore } = await import('./event-store.js');
    const { EventRegistry } = await import('./event-registry.js');
    const db = await createServerDatabase();
    // One connection: the appends and the EXPLAIN below share the session, and its cached plan.
    const pool = createPool(db.url!, 1, { server: true });
    try {
      const store = new EventStore(pool, new EventRegistry());
      const meta = { actor: 'test', correlationId: 'c', occurredAt: '2026-11-22T00:00:00Z' };
      // Past the five custom plans after which PostgreSQL would switch to a cached generic plan.
      for (let i = 0; i < 8; i++) await store.append(`s-${i}`, [{ type: 'Happened', data: { i } }], { expectedVersion: 0, streamType: 's', meta });
      await pool.query(`INSERT INTO streams (stream_id, stream_type, version) SELECT 'bulk-' || g, 's', 1 FROM generate_series(1, 20000) g`);
      const { rows: prepared } = await pool.query(`SELECT name FROM pg_prepared_statements WHERE statement LIKE '%INSERT INTO events%'`);
      expect(prepared).toHaveLength(1);
      const { rows } = await pool.query(
        `EXPLAIN EXECUTE ${prepared[0].name}('{s-1}', '{s}', '{1}', '{1}', '{s-1}', '{1}', '{Happened}', '{1}', '{"{}"}', '{"{}"}')`,
      );
      const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Index Scan using streams_pkey on streams/);
      expect(plan).not.toMatch(/Seq Scan on streams/);
    } finally {
      await pool.end();
      await db.drop();
    }
  });
});

describe('named statements', () => {
  const run = hasServer() ? it : it.skip;
  run('a server connection prepares a statement once and runs it by name after', async () => {
    const { createPool, statement } = await import('./database/database.js');
    const db = await createServerDatabase();
    const pool = createPool(db.url!, 1, { server: true });
    try {
      const text = 'SELECT $1::int + 1 AS n';
      const first = statement(pool, text, [1]);
      expect(first.name).toMatch(/^convene_/);
      expect(statement(pool, text, [2]).name).toBe(first.name);
      expect(statement(pool, `${text} -- another text`, [2]).name).not.toBe(first.name);
      expect((await pool.query(first)).rows).toEqual([{ n: 2 }]);
      const client = await pool.connect();
      try {
        // The checked-out connection is the pool's: it names the statement too, and finds it prepared.
        expect(statement(client, text, [41]).name).toBe(first.name);
        expect((await client.query(statement(client, text, [41]))).rows).toEqual([{ n: 42 }]);
        const { rows } = await client.query(`SELECT name FROM pg_prepared_statements`);
        expect(rows).toEqual([{ name: first.name }]);
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
      await db.drop();
    }
  });

  run('a statement prepared on a read model view follows the view to the generation a rebuild switched it to', async () => {
    const { createPool, statement } = await import('./database/database.js');
    const db = await createServerDatabase();
    const pool = createPool(db.url!, 1, { server: true });
    try {
      await pool.query(`CREATE TABLE rm__g1 (id text PRIMARY KEY, doc jsonb NOT NULL); INSERT INTO rm__g1 VALUES ('a', '{"g": 1}')`);
      await pool.query(`CREATE TABLE rm__g2 (id text PRIMARY KEY, doc jsonb NOT NULL, extra int); INSERT INTO rm__g2 VALUES ('a', '{"g": 2}', 7)`);
      await pool.query(`CREATE VIEW rm AS SELECT * FROM rm__g1`);
      const read = () => pool.query(statement(pool, `SELECT doc FROM rm WHERE id = $1`, ['a']));
      expect((await read()).rows).toEqual([{ doc: { g: 1 } }]);
      // As ProjectionRunner.pointViews does at the switch: the view is dropped and made again.
      await pool.query(`DROP VIEW rm; CREATE VIEW rm AS SELECT * FROM rm__g2`);
      expect((await read()).rows).toEqual([{ doc: { g: 2 } }]);
    } finally {
      await pool.end();
      await db.drop();
    }
  });

  it('a pool not made for a server (the embedded PGlite, one session behind its socket) leaves statements unnamed', async () => {
    const { createPool, statement } = await import('./database/database.js');
    const pool = createPool('postgres://127.0.0.1:1/none', 1);
    try {
      expect(statement(pool, 'SELECT 1', [])).toEqual({ text: 'SELECT 1', values: [] });
    } finally {
      await pool.end();
    }
  });
});
