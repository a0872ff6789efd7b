import type pg from 'pg';
import { quoteIdent } from './projection.js';

/**
 * A digest of a read model's content, independent of physical order and generation: used to
 * prove that a rebuild, the Kafka path and live processing all end in the same state.
 */
export async function readModelHash(db: Pick<pg.Pool, 'query'>, tables: string[]): Promise<string> {
  const parts: string[] = [];
  for (const t of [...tables].sort()) {
    const { rows } = await db.query(
      `SELECT coalesce(md5(string_agg(r::text, E'\\n' ORDER BY r::text)), md5('')) AS h FROM ${quoteIdent(t)} r`,
    );
    parts.push(`${t}:${rows[0].h}`);
  }
  return parts.join(',');
}
