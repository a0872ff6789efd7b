import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL, statement } from '@convene/event-store';

/** Case and surrounding space never make another address; Unicode is compared in one normal form. */
export const normaliseEmail = (email: string) => email.trim().normalize('NFC').toLowerCase();

const digest = (email: string) => createHash('sha256').update(normaliseEmail(email)).digest('hex');

/** Which person an e-mail address belongs to (the table holds digests, never addresses). */
@Injectable()
export class PersonDirectory {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /**
   * The person ids of many addresses in one statement (a batch of registrations), keyed by the
   * normalised address, each made on first sight. Concurrent first sights of one address agree on
   * one id: the insert that loses reads the winner's.
   */
  async personsFor(emails: string[]): Promise<Map<string, string>> {
    const byDigest = new Map(emails.map((e) => [digest(e), normaliseEmail(e)]));
    const found = new Map<string, string>();
    if (byDigest.size === 0) return found;
    for (;;) {
      const missing = [...byDigest.keys()].filter((d) => !found.has(byDigest.get(d)!));
      if (missing.length === 0) return found;
      const { rows } = await this.pool.query<{ email_digest: string; person_id: string }>(
        statement(
          this.pool,
          `WITH made AS (
           INSERT INTO person_directory (email_digest, person_id)
           SELECT d, gen_random_uuid()::text FROM unnest($1::text[]) AS d
           ON CONFLICT (email_digest) DO NOTHING RETURNING email_digest, person_id)
         SELECT email_digest, person_id FROM made
         UNION ALL SELECT email_digest, person_id FROM person_directory WHERE email_digest = ANY($1::text[])`,
          [missing],
        ),
      );
      // An address a concurrent insert won after this statement's snapshot is missing: ask again.
      for (const r of rows) found.set(byDigest.get(r.email_digest)!, r.person_id);
    }
  }

  /** A changed address leads to the same person too (the old one keeps leading there). */
  async addAddress(email: string, personId: string): Promise<void> {
    await this.pool.query(`INSERT INTO person_directory (email_digest, person_id) VALUES ($1, $2) ON CONFLICT (email_digest) DO NOTHING`, [digest(email), personId]);
  }

  async isKnown(personId: string): Promise<boolean> {
    const { rows } = await this.pool.query(`SELECT 1 FROM person_directory WHERE person_id = $1 LIMIT 1`, [personId]);
    return rows.length > 0;
  }

  /** On erasure: nothing may lead from an address to the person any more. */
  async forget(personId: string): Promise<void> {
    await this.pool.query(`DELETE FROM person_directory WHERE person_id = $1`, [personId]);
  }
}
