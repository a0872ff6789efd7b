import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Event ids a projection generation has taken from outside the store's cursor (the Kafka
 * projector, ADR 0009). Kafka delivers at least once and in partition order only, so the
 * projector drops what is recorded here, and moves the generation's checkpoint over the longest
 * prefix of the log (in cursor order) that is wholly recorded; rows behind the checkpoint are
 * then deleted, because the checkpoint alone filters those out.
 */
export class CreateProjectionAppliedEvents1732300000000 implements MigrationInterface {
  name = 'CreateProjectionAppliedEvents1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_applied_events (
        projection      text NOT NULL,
        generation      integer NOT NULL,
        event_id        text NOT NULL,
        transaction_id  xid8 NOT NULL,
        global_position bigint NOT NULL,
        -- 'skipped': given up on (dead-lettered); it counts as handled so the checkpoint can pass it.
        outcome         text NOT NULL DEFAULT 'applied' CHECK (outcome IN ('applied', 'skipped')),
        PRIMARY KEY (projection, generation, event_id)
      )`);
    // The checkpoint advance joins the log to this table by position.
    await q.query(`
      CREATE INDEX projection_applied_events_position ON projection_applied_events (projection, generation, global_position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_applied_events`);
  }
}
