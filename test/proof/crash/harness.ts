/**
 * The crash proof (issue #10): the API, the relay and the projector as processes of their own on a
 * real PostgreSQL and the Kafka peer, a registration and Chair's summary workload over HTTP from
 * several clients, and meanwhile one of the three killed with SIGKILL and started again, `kills`
 * times. Then: every command answered 2xx is in the store, the read models built through Kafka
 * equal a replay of the store, and no event was applied twice (see verify.ts).
 *
 * The kills follow a shuffled rotation (each process is killed a third of the times), one process
 * down at a time: the next kill comes 0.3-1.5 s after the last victim answers /health again (polled
 * every 50 ms), so that 50 kills take about three minutes. Overlapping the outages was tried: the projector, killed every few seconds, then
 * never caught up, and the commands waiting for their read models never got their answers.
 * The clients retry a command whose answer is a connection error, a 5xx, a 404 (the read model a
 * command looks up may lag behind while the projector is down), a 429 or a refusal of the same
 * origin (LAGGING), with the same Idempotency-Key and a new correlation id, for up to 30 s; an
 * answer that never came is simply not acknowledged.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { EventStore, migrationsOf, projectionsOf, registryOf } from '@convene/event-store';
import { createKafka, eventTopics, kafkaBusFeature } from '@convene/kafka-bus';
import { jwtSettingsFromEnv, TokenIssuer } from '@convene/platform';
import { features } from '../../../apps/api/src/features.js';
import type { CommandAnswer, Execute } from '../../support/convene-workload.js';
import { apiProcessEnv, consultationLifecycle, freePort, randomSource, sendJson } from '../../support/convene-workload.js';
import { createServerDatabase, hasServer } from '../../support/databases.js';
import { kafkaBrokers, mockToolsAvailable, type PrivateMock, startPrivateMock, testBusConfig, uniqueName, waitFor } from '../../support/kafka.js';
import { ensureBuilt, PROCESS_NAMES, type ProcessName, Supervised } from './processes.js';
import { type CommandRecord, verifyStore } from './verify.js';

export interface CrashFigures {
  runs: number;
  kills: number;
  killed: Record<ProcessName, number>;
  acknowledged: number;
  lost: number;
  duplicated: number;
  readModelsMatchReplay: boolean;
  mismatches: string[];
  seconds: number;
  /** What else was seen, for the report. */
  seed: number;
  /** Commands sent (acknowledged or not), and answers by HTTP status ("error": no answer). */
  commands: number;
  status: Record<string, number>;
  /** Answers other than 2xx by command, status and rule (`register 404 ConsultationNotFound`). */
  refusals: Record<string, number>;
  fiveXx: number;
  /** Mean time from a SIGKILL to the restarted process answering /health. */
  restartMs: number;
  /** API kills with requests of the clients in flight at that moment. */
  apiKillsWithRequestsInFlight: number;
  /** Commands a retry appended a second time. */
  appliedTwiceInStore: number;
  /** Processes that died without being killed (each was started again). */
  unexpectedExits: string[];
  events: number;
  /** Messages on the event topics; above `events`, the relay's re-publications after its kills. */
  kafkaMessages: number;
  /**
   * Deliveries the projector dropped as already applied (its /metrics, read before each of its
   * kills and at the end): Kafka's redeliveries after a kill, which the dedup kept from applying twice.
   */
  duplicatesDropped: number;
  /** Where the processes' logs are (kept when the proof fails). */
  logDir: string;
}

export interface CrashOptions {
  kills: number;
  seed?: number;
  log?: (line: string) => void;
  /** Kafka bootstrap; default KAFKA_BROKERS, else a private test peer started for the run. */
  brokers?: string;
  /** Concurrent HTTP clients, each running consultation lifecycles one after the other (12). */
  clients?: number;
}

const RETRY_FOR_MS = 30_000;
/**
 * Refusals that come from a read model behind the store, not from the command: registration
 * decides on the consultation as the scheduling read model has it, which lags while the projector
 * is down (the "open registration" before it was acknowledged all the same).
 */
const LAGGING = new Set(['RegistrationNotOpen']);

export async function runCrashProof(options: CrashOptions): Promise<CrashFigures> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = randomSource(seed);
  const started = performance.now();
  if (!hasServer()) throw new Error('the crash proof needs a PostgreSQL server (DATABASE_URL)');
  ensureBuilt(log);

  const cleanups: Array<() => Promise<unknown>> = [];
  const logDir = await mkdtemp(path.join(tmpdir(), 'convene-crash-'));
  let passed = false;
  /** Set when the load is to stop (and by a failure: the clients must not outlive the run). */
  let stopping = false;
  try {
    let brokers = options.brokers || kafkaBrokers();
    if (!brokers) {
      if (!mockToolsAvailable()) throw new Error('the crash proof needs KAFKA_BROKERS or ../shared/tools/kafka-mock');
      const mock: PrivateMock = await startPrivateMock(3);
      cleanups.push(() => mock.dispose());
      brokers = mock.brokers;
      log(`started a private Kafka test peer at ${brokers}`);
    }
    const db = await createServerDatabase([...migrationsOf(features), ...kafkaBusFeature.migrations!]);
    cleanups.push(() => db.drop());
    const store = new EventStore(db.pool, registryOf(features));
    // Topics and group of the run's own: the peer auto-creates the prefixed topics on first use.
    const prefix = uniqueName('crash');
    const busConfig = testBusConfig(prefix, { brokers, features });
    const kafkaEnv = {
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: `${prefix}.`,
      KAFKA_PROJECTOR_GROUP: busConfig.consumer.groupId,
      KAFKA_CLIENT_ID: `convene-${prefix}`,
      // A killed projector holds its partitions until its session times out: 3 s, not the usual
      // 6 s, so that its successor takes over sooner. The peer's joins time out below 3 s.
      KAFKA_SESSION_TIMEOUT_MS: '3000',
      KAFKA_HEARTBEAT_INTERVAL_MS: '300',
      KAFKA_MAX_WAIT_TIME_MS: String(busConfig.consumer.maxWaitTimeInMs),
      // The peer refuses CreateTopics: do not spend each restart asking.
      KAFKA_PROVISION_TOPICS: 'false',
      CONVENE_POOL_SIZE: '10',
    };
    const dataDir = path.join(logDir, 'data');
    const processes = {} as Record<ProcessName, Supervised>;
    for (const name of PROCESS_NAMES) {
      const port = await freePort();
      const env = apiProcessEnv({ databaseUrl: db.url, port, dataDir, kafka: kafkaEnv });
      processes[name] = new Supervised(name, env, `http://127.0.0.1:${port}/health`, path.join(logDir, `${name}.log`));
    }
    const stopAll = () => Promise.all(PROCESS_NAMES.map((n) => processes[n].stop()));
    cleanups.push(stopAll);
    for (const name of PROCESS_NAMES) processes[name].start();
    for (const name of PROCESS_NAMES) {
      if (!(await processes[name].ready())) throw new Error(`${name} did not start: ${processes[name].logTail()}`);
    }
    log(`api, relay and projector up after ${((performance.now() - started) / 1000).toFixed(1)} s (logs in ${logDir})`);

    const issuer = new TokenIssuer(jwtSettingsFromEnv(dataDir));
    const tokens = { secretariat: await issuer.issueToken({ role: 'secretariat', sub: 'crash-secretariat' }), chair: await issuer.issueToken({ role: 'chair', sub: 'crash-chair' }) };
    const base = processes.api.healthUrl.replace(/\/health$/, '');

    // --- the load: clients running lifecycles; every command and attempt recorded -------------------
    const commands: CommandRecord[] = [];
    const status: Record<string, number> = {};
    const refusals: Record<string, number> = {};
    let inFlight = 0;
    let attempts = 0;
    const acknowledged = () => commands.filter((c) => c.acknowledged).length;
    const execute: Execute = async (command) => {
      const record: CommandRecord = { kind: command.kind, correlationIds: [], acknowledged: false, ids: [] };
      commands.push(record);
      const key = randomUUID();
      const deadline = Date.now() + RETRY_FOR_MS;
      for (;;) {
        const correlationId = `${prefix}-${++attempts}`;
        record.correlationIds.push(correlationId);
        let answer: CommandAnswer | undefined;
        inFlight++;
        try {
          answer = await sendJson(base, command, tokens, { 'x-correlation-id': correlationId, 'idempotency-key': key });
        } catch {
          answer = undefined; // the API went away (killed) or was not there yet
        } finally {
          inFlight--;
        }
        const label = answer ? String(answer.status) : 'error';
        status[label] = (status[label] ?? 0) + 1;
        if (answer && !answer.ok) {
          const refusal = `${command.kind} ${answer.status} ${answer.body.rule ?? answer.body.title ?? ''}`.trim();
          refusals[refusal] = (refusals[refusal] ?? 0) + 1;
        }
        if (answer?.ok) {
          record.acknowledged = true;
          record.ids = namedIds(answer.body);
          return answer;
        }
        const retry = !answer || answer.status >= 500 || answer.status === 404 || answer.status === 429 || LAGGING.has(String(answer.body.rule));
        if (!retry || stopping || Date.now() > deadline) return answer ?? { ok: false, status: 0, body: {} };
        await sleep(50 + random() * 50);
      }
    };
    const clients = Array.from({ length: options.clients ?? 12 }, async (_, c) => {
      for (let i = 0; !stopping; i++) {
        await consultationLifecycle(execute, { tag: `${prefix}-${c}-${i}`, random, registrations: 40, capacity: 25, stop: () => stopping });
      }
    });

    // --- the kills -------------------------------------------------------------------------------
    const rotation: ProcessName[] = [];
    while (rotation.length < options.kills) {
      const round = [...PROCESS_NAMES].sort(() => random() - 0.5);
      rotation.push(...round.slice(0, options.kills - rotation.length));
    }
    let apiKillsWithRequestsInFlight = 0;
    let duplicatesDropped = 0;
    const restartMs: number[] = [];
    for (const [k, name] of rotation.entries()) {
      // One process down at a time: the next kill comes 0.3-1.5 s after the last one is back.
      await sleep(300 + random() * 1200);
      const target = processes[name];
      if (name === 'projector') duplicatesDropped += await projectorDuplicates(target.healthUrl);
      const load = inFlight;
      if (name === 'api' && load > 0) apiKillsWithRequestsInFlight++;
      await target.kill();
      const killedAt = performance.now();
      target.start();
      if (!(await target.ready())) throw new Error(`${name} did not come back within 60 s of its restart: ${target.logTail()}`);
      restartMs.push(performance.now() - killedAt);
      log(`kill ${k + 1}/${options.kills}: ${name} with ${load} requests in flight, back in ${Math.round(restartMs.at(-1)!)} ms; ${acknowledged()} commands acknowledged so far`);
    }

    // --- stop the load, let relay and projector catch up, stop the processes ------------------------
    stopping = true;
    await Promise.all(clients);
    const head = await db.pool.query(`SELECT transaction_id::text AS tx, global_position::text AS pos FROM events ORDER BY 1 DESC, 2 DESC LIMIT 1`);
    const { tx, pos } = head.rows[0];
    await waitFor(
      async () => {
        const { rows } = await db.pool.query(
          `SELECT (SELECT count(*)::int FROM projection_checkpoints WHERE status = 'active' AND (transaction_id, global_position) < ($1::xid8, $2::bigint)) AS behind,
                  (SELECT count(*)::int FROM relay_checkpoints WHERE (transaction_id, global_position) >= ($1::xid8, $2::bigint)) AS relayed`,
          [tx, pos],
        );
        return rows[0].behind === 0 && rows[0].relayed > 0;
      },
      120_000,
      async () => `relay or projections behind the store: ${JSON.stringify((await db.pool.query(`SELECT name, global_position FROM projection_checkpoints WHERE status = 'active'`)).rows)}`,
    );
    duplicatesDropped += await projectorDuplicates(processes.projector.healthUrl);
    log(`caught up at position ${pos}; stopping the processes`);
    await stopAll();
    const bookkeeping = await checkBookkeeping(db.pool);

    // --- the checks ------------------------------------------------------------------------------
    const kafkaMessages = await countMessages(busConfig);
    const verdict = await verifyStore(store, projectionsOf(features), commands);
    const unexpectedExits = PROCESS_NAMES.flatMap((n) => processes[n].unexpectedExits);
    const figures: CrashFigures = {
      runs: 1,
      kills: options.kills,
      killed: { api: processes.api.kills, relay: processes.relay.kills, projector: processes.projector.kills },
      acknowledged: acknowledged(),
      lost: verdict.lost,
      duplicated: verdict.duplicated,
      readModelsMatchReplay: verdict.readModelsMatchReplay,
      mismatches: [...bookkeeping, ...verdict.mismatches, ...verdict.lostCommands.map((c) => `lost: ${c}`)],
      seconds: Math.round((performance.now() - started) / 100) / 10,
      seed,
      commands: commands.length,
      status,
      refusals,
      fiveXx: Object.entries(status).reduce((n, [s, count]) => (s.startsWith('5') ? n + count : n), 0),
      restartMs: Math.round(restartMs.reduce((a, b) => a + b, 0) / Math.max(1, restartMs.length)),
      apiKillsWithRequestsInFlight,
      appliedTwiceInStore: verdict.appliedTwiceInStore,
      unexpectedExits,
      events: verdict.events,
      kafkaMessages,
      duplicatesDropped,
      logDir,
    };
    passed = figures.lost === 0 && figures.duplicated === 0 && figures.readModelsMatchReplay && figures.mismatches.length === 0;
    return figures;
  } finally {
    stopping = true;
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    if (passed) await rm(logDir, { recursive: true, force: true });
  }
}

/** The ids a command's answer names: what it created or changed. */
export function namedIds(body: Record<string, unknown>): string[] {
  const keyPoint = body.keyPoint as { keyPointId?: unknown } | undefined;
  return [body.id, body.registrationId, body.sessionId, body.consultationId, keyPoint?.keyPointId].filter((id): id is string => typeof id === 'string');
}

/**
 * The Kafka path's own bookkeeping, once everything has caught up: the relay's checkpoint counted
 * each event once (it moves only after the broker acknowledged a batch, so a re-publication after
 * a kill is not counted again), and no projection holds applied-event records ahead of its
 * checkpoint (the checkpoint passes every recorded event with no gap before it, and forgets them).
 */
export async function checkBookkeeping(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ events: number; published: number; pending: number }>(
    `SELECT (SELECT count(*)::int FROM events) AS events,
            (SELECT coalesce(sum(events_published), 0)::int FROM relay_checkpoints) AS published,
            (SELECT count(*)::int FROM projection_applied_events a
               JOIN projection_checkpoints c ON c.name = a.projection AND c.generation = a.generation AND c.status = 'active') AS pending`,
  );
  const { events, published, pending } = rows[0];
  return [
    ...(published !== events ? [`relay: its checkpoint counted ${published} publications of ${events} events`] : []),
    ...(pending > 0 ? [`projector: ${pending} applied-event records left ahead of the checkpoints (a gap)`] : []),
  ];
}

/** convene_projector_duplicates_total of the running projector (0 when it does not answer in time). */
async function projectorDuplicates(healthUrl: string): Promise<number> {
  try {
    const text = await (await fetch(healthUrl.replace(/\/health$/, '/metrics'), { signal: AbortSignal.timeout(1000) })).text();
    return Number(/^convene_projector_duplicates_total(?:\{[^}]*\})? (\d+)$/m.exec(text)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Messages on the run's event topics (not the dead-letter topic), from the brokers' offsets. */
async function countMessages(config: ReturnType<typeof testBusConfig>): Promise<number> {
  const admin = createKafka(config).admin();
  await admin.connect();
  try {
    let total = 0;
    for (const topic of eventTopics(config)) {
      for (const p of await admin.fetchTopicOffsets(topic)) total += Number(p.high) - Number(p.low);
    }
    return total;
  } finally {
    await admin.disconnect();
  }
}
