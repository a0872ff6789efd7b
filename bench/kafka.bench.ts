/**
 * Kafka event bus benchmark: the relay and the projector between the store and a read model.
 * Uses the PostgreSQL server at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 * only to create and drop a database of its own (convene_bench_kafka_<ts>), and the brokers at
 * KAFKA_BROKERS; without them, a private Kafka test peer (../shared/tools/kafka-mock) of its own.
 *
 * Figures, one JSON line each on stdout ({"bench":"kafka","metric":...,"value":...,"unit":...}):
 *   offered_rate              events/s actually appended during the lag run (target 1,000)
 *   append_to_read_model_p50  ms from an append's commit to the read-model commit of its event,
 *   append_to_read_model_p99  through relay -> Kafka -> projector, at that rate
 *   append_to_read_model_max
 *   relay_saturation          events/s the relay publishes (acks from all replicas) when it has
 *                             a backlog of BENCH_KAFKA_BACKLOG events to catch up on
 * Notes go to stderr. Knobs: BENCH_KAFKA_SECONDS (default 10), BENCH_KAFKA_RATE (1000),
 * BENCH_KAFKA_BACKLOG (30,000; the test peer keeps only 5 MiB per partition, which is enough).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import {
  type AppendResult,
  type CommandMeta,
  createPool,
  EventStore,
  type Projection,
  ProjectionRunner,
  runMigrations,
} from '@convene/event-store';
import { kafkaBusConfigFromEnv, kafkaBusFeature, relayStatus } from '@convene/kafka-bus';
import { KafkaProjector } from '../apps/projector/src/kafka.projector.js';
import { OutboxRelay } from '../apps/relay/src/outbox.relay.js';
import { type PrivateMock, startPrivateMock } from '../test/support/kafka-mock.js';
import { percentile } from './append-loop.js';

const BENCH = 'kafka';
const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_KAFKA_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_KAFKA_RATE ?? 1000);
const BACKLOG = Number(process.env.BENCH_KAFKA_BACKLOG ?? 30_000);
const STREAMS = 500;

function emit(metric: string, value: number, unit: 'ms' | 'events/s'): void {
  const rounded = unit === 'events/s' ? Math.round(value) : Math.round(value * 100) / 100;
  process.stdout.write(`${JSON.stringify({ bench: BENCH, metric, value: rounded, unit })}\n`);
}
const note = (msg: string) => process.stderr.write(`  ${msg}\n`);
const now = () => performance.timeOrigin + performance.now();
const meta = (): CommandMeta => ({ actor: 'bench', correlationId: randomBytes(8).toString('hex'), occurredAt: new Date().toISOString() });

/** When each event reached the read model: the commit-time clock of the transaction that applied it. */
const lagProjection: Projection = {
  name: 'bench.kafka-lag',
  version: 1,
  tables: ['bench_kafka_lag'],
  eventTypes: ['BenchTick'],
  async setup({ client, table }) {
    await client.query(`CREATE TABLE ${table('bench_kafka_lag')} (global_position bigint PRIMARY KEY, applied_at timestamptz NOT NULL)`);
  },
  async apply({ client, table }, events) {
    await client.query(
      `INSERT INTO ${table('bench_kafka_lag')} (global_position, applied_at) SELECT p, clock_timestamp() FROM unnest($1::bigint[]) p
       ON CONFLICT DO NOTHING`,
      [events.map((e) => e.globalPosition.toString())],
    );
  },
};

/** Appends one-event commands at `rate` per second for `seconds`; returns each commit's time by position. */
async function appendAtRate(store: EventStore, rate: number, seconds: number, label: string): Promise<Map<string, number>> {
  const committed = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  const started = now();
  let sent = 0;
  while (now() - started < seconds * 1000) {
    const due = Math.floor(((now() - started) / 1000) * rate);
    for (; sent < due; sent++) {
      const p: Promise<void> = store
        .append(`bench-${label}-${sent % STREAMS}`, [{ type: 'BenchTick', data: { n: sent } }], { expectedVersion: 'any', streamType: 'bench', meta: meta() })
        .then((r: AppendResult) => void committed.set(r.positions[0], now()))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await sleep(2);
  }
  await Promise.all(inFlight);
  return committed;
}

export async function run(): Promise<void> {
  const name = `convene_bench_kafka_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  let mock: PrivateMock | undefined;
  const pool = createPool(url.toString(), 20, { server: true });
  const stoppers: Array<() => Promise<unknown>> = [];
  try {
    let brokers = process.env.KAFKA_BROKERS;
    if (!brokers) {
      mock = await startPrivateMock(3);
      brokers = mock.brokers;
      note(`no KAFKA_BROKERS: started a private Kafka test peer at ${brokers}`);
    }
    await runMigrations(url.toString(), kafkaBusFeature.migrations);
    const store = new EventStore(pool);
    const prefix = `bench${Date.now().toString(36)}`;
    const env = {
      KAFKA_BROKERS: brokers,
      KAFKA_CLIENT_ID: 'convene-bench',
      KAFKA_SESSION_TIMEOUT_MS: process.env.KAFKA_SESSION_TIMEOUT_MS ?? '6000',
      KAFKA_HEARTBEAT_INTERVAL_MS: process.env.KAFKA_HEARTBEAT_INTERVAL_MS ?? '500',
      KAFKA_MAX_WAIT_TIME_MS: process.env.KAFKA_MAX_WAIT_TIME_MS ?? '100',
    };
    const config = kafkaBusConfigFromEnv({ ...env, KAFKA_TOPIC_PREFIX: `${prefix}.`, KAFKA_PROJECTOR_GROUP: `${prefix}.projector` });
    const relay = new OutboxRelay({ store, config, name: prefix, databaseUrl: url.toString() });
    const projector = new KafkaProjector({ store, projections: [lagProjection], config });
    stoppers.push(() => relay.stop(), () => projector.stop());
    await relay.start();
    await projector.start();

    // Warm-up: the first group join, connections, JIT. Not measured.
    const warm = await appendAtRate(store, RATE, 3, 'warm');
    const runner = new ProjectionRunner(store, []);
    const lastOf = (m: Map<string, number>) => [...m.keys()].reduce((a, b) => (BigInt(a) > BigInt(b) ? a : b));
    const settled = async (m: Map<string, number>) => {
      const { rows } = await pool.query(`SELECT transaction_id::text AS tx FROM events WHERE global_position = $1`, [lastOf(m)]);
      return runner.waitForAppend({ transactionId: rows[0].tx, positions: [lastOf(m)] }, 120_000);
    };
    if (!(await settled(warm))) throw new Error('the warm-up did not reach the read model');

    note(`appending ${RATE} events/s for ${SECONDS} s`);
    const t0 = now();
    // Where the time goes, once a second on stderr: events not yet relayed, messages the projector took.
    let cpu = process.cpuUsage();
    const sampler = setInterval(() => {
      const used = process.cpuUsage(cpu);
      cpu = process.cpuUsage();
      void relayStatus(pool).then((r) => {
        const relayLag = r.find((x) => x.name === prefix)?.lag;
        note(
          `t=${((now() - t0) / 1000).toFixed(0)}s relay lag ${relayLag}, relayed ${relay.metrics.published} in ${relay.metrics.batches} batches, ` +
            `projector took ${projector.metrics.messages}, this process ${((used.user + used.system) / 10_000).toFixed(0)}% cpu`,
        );
      });
    }, 1000);
    const committed = await appendAtRate(store, RATE, SECONDS, 'run').finally(() => clearInterval(sampler));
    const offered = committed.size / ((now() - t0) / 1000);
    if (!(await settled(committed))) throw new Error('the run did not reach the read model within 120 s');
    const { rows } = await pool.query<{ pos: string; ms: string }>(
      `SELECT global_position::text AS pos, (extract(epoch from applied_at) * 1000)::text AS ms FROM bench_kafka_lag WHERE global_position = ANY($1::bigint[])`,
      [[...committed.keys()]],
    );
    const lags = rows.map((r) => Number(r.ms) - committed.get(r.pos)!);
    if (lags.length !== committed.size) note(`WARNING: ${committed.size - lags.length} events missing from the read model`);
    emit('offered_rate', offered, 'events/s');
    emit('append_to_read_model_p50', percentile(lags, 50), 'ms');
    emit('append_to_read_model_p99', percentile(lags, 99), 'ms');
    emit('append_to_read_model_max', Math.max(...lags), 'ms');
    note(`${lags.length} events; projector: ${JSON.stringify({ ...projector.metrics, lastDeadLetter: undefined })}`);
    await projector.stop();

    // Saturation: a backlog appended in bulk, then a relay of its own (own topics) catches up.
    note(`appending a backlog of ${BACKLOG} events`);
    for (let i = 0; i < BACKLOG; i += 5000) {
      await Promise.all(
        Array.from({ length: 100 }, (_, s) =>
          store.append(`bench-backlog-${s}`, Array.from({ length: 50 }, (_, k) => ({ type: 'BenchTick', data: { n: i + s * 50 + k } })), {
            expectedVersion: 'any',
            streamType: 'bench',
            meta: meta(),
          }),
        ),
      );
    }
    const saturated = kafkaBusConfigFromEnv({ ...env, KAFKA_TOPIC_PREFIX: `${prefix}-sat.` });
    const catchUp = new OutboxRelay({ store, config: saturated, name: `${prefix}-sat`, databaseUrl: url.toString() });
    stoppers.push(() => catchUp.stop());
    await catchUp.start();
    const started = now();
    const lag = async () => (await relayStatus(pool)).find((r) => r.name === `${prefix}-sat`)!.lag;
    while ((await lag()) > 0) {
      if (now() - started > 180_000) throw new Error('the relay did not catch up within 180 s');
      await sleep(20);
    }
    const seconds = (now() - started) / 1000;
    emit('relay_saturation', catchUp.metrics.published / seconds, 'events/s');
    note(`relay published ${catchUp.metrics.published} events in ${seconds.toFixed(2)} s (${catchUp.metrics.batches} batches)`);
  } finally {
    for (const stop of stoppers.reverse()) await stop().catch(() => {});
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await mock?.dispose();
  }
}
