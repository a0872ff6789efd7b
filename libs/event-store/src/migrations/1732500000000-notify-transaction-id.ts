import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append notification names its transaction (pg_current_xact_id, the cursor's xid8). A
 * listener then knows when it has read the announced append, and stops looking again for it,
 * instead of re-reading the log for a fixed window after every append (ProjectionRunner).
 * Within a transaction the same payload is delivered once, as the empty one was.
 */
export class NotifyTransactionId1732500000000 implements MigrationInterface {
  name = 'NotifyTransactionId1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('convene_events', pg_current_xact_id()::text);
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('convene_events', '');
        RETURN NULL;
      END $$`);
  }
}
