import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which person an e-mail address belongs to, so that the same person registering for several
 * consultations is one data subject (one key to destroy on erasure) and registering twice for
 * one consultation finds the first registration. Holds a digest of the address, never the
 * address; the row is deleted when the person's data are erased.
 */
export class CreatePersonDirectory1732400000001 implements MigrationInterface {
  name = 'CreatePersonDirectory1732400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_directory (
        email_digest text PRIMARY KEY,
        person_id    text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX person_directory_person ON person_directory (person_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE person_directory`);
  }
}
