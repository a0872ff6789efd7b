import { describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { RosterQueries } from './roster.queries.js';

/** A pool that knows one registration and counts what it is asked. */
function fakePool(rows: Record<string, string>) {
  const asked: string[] = [];
  const pool = {
    query: async (query: string | { values: [string] }, values?: [string]) => {
      const [id] = typeof query === 'string' ? values! : query.values;
      asked.push(id);
      return { rows: rows[id] ? [{ consultation_id: rows[id] }] : [] };
    },
  };
  return { pool: pool as unknown as pg.Pool, asked };
}

describe('RosterQueries.consultationOf', () => {
  it('asks the database once per registration: its consultation never changes', async () => {
    const { pool, asked } = fakePool({ r1: 'c1' });
    const roster = new RosterQueries(pool);
    expect(await roster.consultationOf('r1')).toBe('c1');
    expect(await roster.consultationOf('r1')).toBe('c1');
    expect(asked).toEqual(['r1']);
  });

  it('asks again for a registration it did not find (it may be projected by now)', async () => {
    const rows: Record<string, string> = {};
    const { pool, asked } = fakePool(rows);
    const roster = new RosterQueries(pool);
    expect(await roster.consultationOf('r2')).toBeUndefined();
    rows.r2 = 'c2';
    expect(await roster.consultationOf('r2')).toBe('c2');
    expect(asked).toEqual(['r2', 'r2']);
  });

  it('does not ask for a registration this process has just recorded', async () => {
    const { pool, asked } = fakePool({});
    const roster = new RosterQueries(pool);
    roster.rememberConsultation('r3', 'c3');
    expect(await roster.consultationOf('r3')).toBe('c3');
    expect(asked).toEqual([]);
  });
});
