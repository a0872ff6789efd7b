-- Runs once, when the postgres container initialises an empty data volume
-- (mounted into /docker-entrypoint-initdb.d by docker-compose.yml). The schema itself is created
-- by the application's migrations, the same ones the embedded PGlite default runs.

-- The never-skip cursor (docs/adr/0002) reads only events older than
-- pg_snapshot_xmin(pg_current_snapshot()). One session left idle inside an open transaction holds
-- that horizon back and stalls every projection and the Kafka relay. End such sessions.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '60s');
END
$$;
