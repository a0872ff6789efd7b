/**
 * Event store benchmark. Uses the PostgreSQL server at DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) only to create and drop databases of its own:
 * convene_bench_<ts> (our store) and convene_bench_<ts>_emmett (the Emmett baseline).
 *
 * Figures, one JSON line each on stdout ({"bench":"event-store","metric":...,"value":...,"unit":...}):
 *   append_1_writer          events/s, one event per append, one writer awaiting each append
 *   append_16_writers        events/s, 16 writers on 16 streams, each awaiting its own appends
 *   append_16_writers_p99_ms latency of one append in that run
 *   emmett_append_16_writers events/s, the same workload through Emmett's appendToStream
 *   ratio_vs_emmett_16       append_16_writers / emmett_append_16_writers
 *   peak_rss_mb              peak RSS of this process, sampled every 50 ms during the append runs
 *                            (the Emmett run happens in a child process, see emmett-baseline.ts)
 *   cursor_read              events/s, 1,000,000 events through EventStore.stream, batches of 10,000
 *   rebuild                  events/s, ProjectionRunner.rebuild of a set-based projection over them
 * Notes (counts, latencies, machine load) go to stderr. A figure that did not cover the whole
 * log (the cursor skipped events, or a deadline cut it short) is still printed, with a warning on
 * stderr and exit code 1.
 *
 * Knobs for a smoke run: BENCH_APPEND_SECONDS (default 8), BENCH_LOG_EVENTS (default 1,000,000),
 * BENCH_REBUILD_BATCH (default 5,000), BENCH_KEEP_DATABASE=1 keeps our database for inspection.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  type CommandMeta,
  createPool,
  EventStore,
  type Projection,
  type ProjectionContext,
  ProjectionRunner,
  runMigrations,
  type StoredEvent,
} from '@convene/event-store';
import { type AppendRun, appendLoop, describeRun, eventData, percentile } from './append-loop.js';

const BENCH = 'event-store';
const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const APPEND_SECONDS = Number(process.env.BENCH_APPEND_SECONDS ?? 8);
const ONE_WRITER_SECONDS = Math.min(5, APPEND_SECONDS);
const WARMUP_SECONDS = Math.min(1, APPEND_SECONDS / 4);
const WRITERS = 16;
const LOG_EVENTS = Number(process.env.BENCH_LOG_EVENTS ?? 1_000_000);
/** Streams of the seeded log; each stream's events are spread over the whole log (worst case for a per-stream read model). */
const SEED_STREAMS = 10_000;
const READ_BATCH = 10_000;
/** Events per rebuild batch (one read and one transaction each); 5,000 measured best here. */
const REBUILD_BATCH = Number(process.env.BENCH_REBUILD_BATCH ?? 5_000);
/** Pool size the application uses against a server (openDatabase's default). */
const POOL_SIZE = Number(process.env.CONVENE_POOL_SIZE ?? 20);
/** Beyond these the figure is taken over what was done, so that the suite stays within minutes. */
const READ_DEADLINE_MS = 60_000;
const REBUILD_DEADLINE_MS = 90_000;

type Unit = 'events/s' | 'ms' | 'MB' | 'ratio';

function emit(metric: string, value: number, unit: Unit): void {
  const rounded = unit === 'events/s' ? Math.round(value) : Math.round(value * 100) / 100;
  process.stdout.write(`${JSON.stringify({ bench: BENCH, metric, value: rounded, unit })}\n`);
}

const note = (msg: string) => process.stderr.write(`  ${msg}\n`);
const warn = (msg: string) => {
  process.stderr.write(`  WARNING: ${msg}\n`);
  process.exitCode = 1;
};
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return ((d.user + d.system) / 1e6).toFixed(2);
};
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** Peak resident set size, sampled on a timer while it runs. */
class RssSampler {
  peak = 0;
  private timer?: NodeJS.Timeout;

  start(): void {
    this.sample();
    this.timer ??= setInterval(() => this.sample(), 50);
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }
}

function databaseUrl(name: string): string {
  const u = new URL(SERVER_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: SERVER_URL, application_name: 'convene-bench' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const createDatabase = (name: string) => admin((c) => c.query(`CREATE DATABASE ${name}`));

/**
 * Drops a database once its connections are gone. pg's Pool.end() resolves before the sockets
 * are closed, and a FORCE that terminates a still-open idle client crashes its pool's owner.
 */
async function dropDatabase(name: string): Promise<void> {
  await admin(async (c) => {
    for (let i = 0; i < 50; i++) {
      const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name]);
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

const meta = (): CommandMeta => ({ actor: 'bench', actorRole: 'secretariat', correlationId: randomUUID(), occurredAt: new Date().toISOString() });

function oursAppender(store: EventStore, prefix: string) {
  return (w: number, v: number) =>
    store.append(`${prefix}-${w}`, [{ type: 'ThingHappened', data: eventData(w, v) }], { expectedVersion: v, streamType: 'bench', meta: meta() });
}

/** Counts events per stream, set-based: one upsert per batch (as in projection-runner.int.spec.ts). */
const countingProjection: Projection = {
  name: 'bench.thing-counts',
  version: 1,
  tables: ['bench_thing_counts'],
  eventTypes: ['ThingHappened'],
  async setup({ client, table }: ProjectionContext) {
    await client.query(`CREATE TABLE ${table('bench_thing_counts')} (stream_id text PRIMARY KEY, n int NOT NULL, last_version int NOT NULL)`);
  },
  async apply({ client, table }: ProjectionContext, events: StoredEvent[]) {
    const per = new Map<string, { n: number; last: number }>();
    for (const e of events) {
      const c = per.get(e.streamId);
      if (c) {
        c.n++;
        c.last = Math.max(c.last, e.version);
      } else per.set(e.streamId, { n: 1, last: e.version });
    }
    const t = table('bench_thing_counts');
    await client.query(
      `INSERT INTO ${t} (stream_id, n, last_version)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
       ON CONFLICT (stream_id) DO UPDATE SET n = ${t}.n + excluded.n, last_version = greatest(${t}.last_version, excluded.last_version)`,
      [[...per.keys()], [...per.values()].map((c) => c.n), [...per.values()].map((c) => c.last)],
    );
  },
};

/**
 * Fills the log up to `total` events straight in SQL, in transactions of 200,000 rows, with
 * SEED_STREAMS streams interleaved round-robin, then VACUUM ANALYZE (the steady state of a log).
 */
async function seedLog(pool: pg.Pool, total: number): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`);
  const missing = Math.max(0, total - rows[0].n);
  const chunk = 200_000;
  for (let from = 0; from < missing; from += chunk) {
    const to = Math.min(missing, from + chunk) - 1;
    await pool.query(
      `INSERT INTO events (stream_id, stream_type, version, event_type, schema_version, data, metadata)
       SELECT 'seed-' || (g % $3), 'seed', g / $3 + 1, 'ThingHappened', 1,
              jsonb_build_object('writer', g % $3, 'n', g, 'title', 'Consultation on agenda item'),
              jsonb_build_object('eventId', gen_random_uuid(), 'correlationId', gen_random_uuid(), 'causationId', NULL,
                                 'actor', 'bench', 'actorRole', 'secretariat', 'occurredAt', now())
       FROM generate_series($1::int, $2::int) AS g`,
      [from, to, SEED_STREAMS],
    );
  }
  await pool.query(
    `INSERT INTO streams (stream_id, stream_type, version)
     SELECT stream_id, 'seed', max(version) FROM events WHERE stream_type = 'seed' GROUP BY stream_id
     ON CONFLICT (stream_id) DO NOTHING`,
  );
  await pool.query(`VACUUM (ANALYZE) events`);
  return missing;
}

/** The same 16-writer workload through Emmett, in a child process (see emmett-baseline.ts) on its own database. */
async function emmettAppend16(ts: string): Promise<AppendRun> {
  const name = `convene_bench_${ts}_emmett`;
  await createDatabase(name);
  try {
    const child = fork(new URL('./emmett-baseline.js', import.meta.url), [databaseUrl(name), String(WRITERS), String(WARMUP_SECONDS), String(APPEND_SECONDS)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: AppendRun | undefined;
    child.on('message', (m) => (result = m as AppendRun));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (!result) throw new Error(`the Emmett baseline exited with ${code} and no result`);
    return result;
  } finally {
    await dropDatabase(name);
  }
}

export async function run(): Promise<void> {
  const ts = `${Date.now()}`;
  const name = `convene_bench_${ts}`;
  const url = databaseUrl(name);
  const rss = new RssSampler();
  const overall = new RssSampler();
  overall.start();
  note(`server ${new URL(SERVER_URL).host}, load average ${load()}`);
  await createDatabase(name);
  let pool: pg.Pool | undefined;
  try {
    await runMigrations(url);
    pool = createPool(url, POOL_SIZE, { server: true });
    pool.on('error', (err) => note(`idle pool client: ${err.message}`));
    const store = new EventStore(pool);

    // --- appends, our store ---
    await appendLoop(WRITERS, WARMUP_SECONDS, oursAppender(store, 'warm'));
    rss.start();
    const one = await appendLoop(1, ONE_WRITER_SECONDS, oursAppender(store, 'one'));
    emit('append_1_writer', one.rate, 'events/s');
    note(`1 writer: ${describeRun(one)}`);
    const many = await appendLoop(WRITERS, APPEND_SECONDS, oursAppender(store, 'many'));
    rss.stop();
    emit('append_16_writers', many.rate, 'events/s');
    emit('append_16_writers_p99_ms', percentile(many.latencies, 99), 'ms');
    note(`${WRITERS} writers: ${describeRun(many)}`);

    // --- appends, Emmett on its own fresh database ---
    rss.start();
    const emmett = await emmettAppend16(ts);
    rss.stop();
    emit('emmett_append_16_writers', emmett.rate, 'events/s');
    emit('ratio_vs_emmett_16', many.rate / emmett.rate, 'ratio');
    note(`emmett ${WRITERS} writers: ${describeRun(emmett)}`);
    emit('peak_rss_mb', rss.peak / 2 ** 20, 'MB');
    note(`load average after the appends ${load()}`);

    // --- the log, topped up to LOG_EVENTS in SQL, read through the cursor, then rebuilt ---
    let t = performance.now();
    const seeded = await seedLog(pool, LOG_EVENTS);
    note(`seeded ${seeded} events in SQL (log now ${LOG_EVENTS}, ${SEED_STREAMS} seeded streams) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    t = performance.now();
    let cpu = process.cpuUsage();
    let read = 0;
    for await (const batch of store.stream({ batchSize: READ_BATCH })) {
      read += batch.length;
      if (performance.now() - t > READ_DEADLINE_MS) break;
    }
    const readSeconds = (performance.now() - t) / 1000;
    emit('cursor_read', read / readSeconds, 'events/s');
    note(`cursor read ${read} events in ${readSeconds.toFixed(2)} s (batches of ${READ_BATCH}), ${cpuSeconds(cpu)} s of this process's CPU`);
    if (read !== LOG_EVENTS) warn(`the cursor read ${read} of the ${LOG_EVENTS} events in the log${readSeconds * 1000 > READ_DEADLINE_MS ? ' (deadline)' : ''}`);

    const runner = new ProjectionRunner(store, [countingProjection], { batchSize: REBUILD_BATCH });
    t = performance.now();
    cpu = process.cpuUsage();
    let rebuilt = 0;
    let cut = false;
    try {
      rebuilt = (
        await runner.rebuild(countingProjection.name, (done) => {
          rebuilt = done;
          if (performance.now() - t > REBUILD_DEADLINE_MS) throw Object.assign(new Error('rebuild deadline'), { deadline: true });
        })
      ).events;
    } catch (err) {
      if (!(err as { deadline?: boolean }).deadline) throw err;
      cut = true;
    }
    const rebuildSeconds = (performance.now() - t) / 1000;
    emit('rebuild', rebuilt / rebuildSeconds, 'events/s');
    note(`rebuild of ${rebuilt} events in ${rebuildSeconds.toFixed(2)} s (batchSize ${REBUILD_BATCH}), ${cpuSeconds(cpu)} s of this process's CPU`);
    if (cut) warn(`the rebuild was stopped after ${REBUILD_DEADLINE_MS / 1000} s`);
    else {
      const { rows } = await pool.query<{ n: number }>(`SELECT coalesce(sum(n), 0)::int AS n FROM bench_thing_counts`);
      if (rows[0].n !== LOG_EVENTS) warn(`the rebuilt read model counts ${rows[0].n} of the ${LOG_EVENTS} events`);
    }
    overall.stop();
    note(`peak RSS over the whole suite (no target): ${(overall.peak / 2 ** 20).toFixed(0)} MB; load average ${load()}`);
  } finally {
    rss.stop();
    overall.stop();
    await pool?.end();
    if (process.env.BENCH_KEEP_DATABASE) note(`kept database ${name}`);
    else await dropDatabase(name);
  }
}
