import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Kafka relay's position in the log, one row per relay name. It moves only after the broker
 * acknowledged everything before it (at-least-once): a crash re-publishes, never skips.
 */
export class CreateRelayCheckpoints1732300000001 implements MigrationInterface {
  name = 'CreateRelayCheckpoints1732300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE relay_checkpoints (
        name             text PRIMARY KEY,
        transaction_id   xid8 NOT NULL DEFAULT '0',
        global_position  bigint NOT NULL DEFAULT 0,
        events_published bigint NOT NULL DEFAULT 0,
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE relay_checkpoints`);
  }
}
