import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { hasServer, serverUrl } from '../../../../test/support/databases.js';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runMigrations } from './migrate.js';

/** A module's migration shipped after the database was first migrated. */
class AddLaterTable1799999999999 implements MigrationInterface {
  name = 'AddLaterTable1799999999999';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE later_table (id int PRIMARY KEY)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE later_table`);
  }
}

(hasServer() ? describe : describe.skip)('migrations (PostgreSQL server)', () => {
  /** Runs `test` against a new, empty database on the server, dropped afterwards. */
  async function onEmptyDatabase(test: (url: string) => Promise<void>): Promise<void> {
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    const name = `convene_mig_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(serverUrl());
    u.pathname = `/${name}`;
    try {
      await test(u.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }

  it('run once when several processes start together on an empty database', () =>
    onEmptyDatabase(async (url) => {
      const results = await Promise.all([1, 2, 3].map(() => runMigrations(url)));
      // Exactly one of them applied everything; the others found nothing left to do.
      expect(results.filter((r) => r.length > 0)).toHaveLength(1);
      expect(results.filter((r) => r.length === 0)).toHaveLength(2);
    }));

  it('finds nothing to do when every migration is recorded, and still applies one added later', () =>
    onEmptyDatabase(async (url) => {
      expect((await runMigrations(url)).length).toBeGreaterThan(0);
      expect(await runMigrations(url)).toEqual([]);
      expect(await runMigrations(url, [AddLaterTable1799999999999])).toEqual(['AddLaterTable1799999999999']);
      expect(await runMigrations(url, [AddLaterTable1799999999999])).toEqual([]);
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      const { rows } = await db.query(`SELECT to_regclass('later_table') IS NOT NULL AS made`);
      await db.end();
      expect(rows[0].made).toBe(true);
    }));
});
