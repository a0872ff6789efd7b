import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { hasServer, serverUrl } from '../../../../test/support/databases.js';
import { runMigrations } from './migrate.js';

(hasServer() ? describe : describe.skip)('migrations (PostgreSQL server)', () => {
  it('run once when several processes start together on an empty database', async () => {
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    const name = `convene_mig_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(serverUrl());
    u.pathname = `/${name}`;
    try {
      const results = await Promise.all([1, 2, 3].map(() => runMigrations(u.toString())));
      // Exactly one of them applied everything; the others found nothing left to do.
      expect(results.filter((r) => r.length > 0)).toHaveLength(1);
      expect(results.filter((r) => r.length === 0)).toHaveLength(2);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
