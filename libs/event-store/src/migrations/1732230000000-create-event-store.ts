import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store's tables. The log itself is append-only: a trigger refuses UPDATE, DELETE and
 * TRUNCATE on `events`, so that no code path (nor a hurried operator) can rewrite history.
 */
export class CreateEventStore1732230000000 implements MigrationInterface {
  name = 'CreateEventStore1732230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE streams (
        stream_id   text PRIMARY KEY,
        stream_type text NOT NULL,
        version     integer NOT NULL CHECK (version > 0)
      )`);
    await q.query(`
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id       text NOT NULL,
        stream_type     text NOT NULL,
        version         integer NOT NULL CHECK (version > 0),
        event_type      text NOT NULL,
        schema_version  integer NOT NULL DEFAULT 1,
        data            jsonb NOT NULL,
        metadata        jsonb NOT NULL,
        transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, version)
      )`);
    // The never-skip cursor reads in (transaction_id, global_position) order.
    await q.query(`CREATE INDEX events_cursor_idx ON events (transaction_id, global_position)`);
    await q.query(`
      CREATE FUNCTION events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the event log is append-only: % on events is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_are_immutable()`);
    await q.query(`
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_are_immutable()`);
    // Wakes LISTENing readers once per writing statement; delivered at commit.
    await q.query(`
      CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('convene_events', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER events_notify AFTER INSERT ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_notify()`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        key          text PRIMARY KEY,
        request_hash text NOT NULL,
        result       jsonb,
        response     jsonb,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    // Keys of data subjects, kept apart from the events: destroying a key erases the subject's
    // personal fields everywhere they were written, without touching the log.
    await q.query(`
      CREATE TABLE subject_keys (
        subject_id   text PRIMARY KEY,
        key          bytea,
        created_at   timestamptz NOT NULL DEFAULT now(),
        forgotten_at timestamptz,
        CHECK ((key IS NULL) = (forgotten_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE projection_checkpoints (
        name            text NOT NULL,
        generation      integer NOT NULL,
        version         integer NOT NULL,
        status          text NOT NULL CHECK (status IN ('building', 'active', 'retired')),
        transaction_id  xid8 NOT NULL DEFAULT '0',
        global_position bigint NOT NULL DEFAULT 0,
        events_applied  bigint NOT NULL DEFAULT 0,
        updated_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (name, generation)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX projection_one_active ON projection_checkpoints (name) WHERE status = 'active'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_checkpoints`);
    await q.query(`DROP TABLE subject_keys`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE events`);
    await q.query(`DROP FUNCTION events_notify`);
    await q.query(`DROP FUNCTION events_are_immutable`);
    await q.query(`DROP TABLE streams`);
  }
}
