/**
 * The crash proof (issue #10; harness in crash/harness.ts): CONVENE_CRASH_KILLS (50) SIGKILLs of
 * the API, relay and projector under a registration and summary workload; nothing acknowledged is
 * lost, the read models equal a replay of the store, nothing is applied twice. Then proof that the
 * checker can fail at all: on a scratch database, each kind of damage it is there to see.
 *
 * It runs against the Kafka peer of KAFKA_BROKERS, like the other Kafka suites (describeKafka):
 * CI exports it, and by hand it is one line (README, "Proof"). It does not start a private peer
 * when KAFKA_BROKERS is unset, because start.sh may install a compiler and librdkafka with
 * apt-get, which `npm test` should not do behind one's back; `npm run proof` does start one.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventStore, type Projection, projectionsOf, registryOf, runMigrations } from '@convene/event-store';
import { kafkaBusFeature } from '@convene/kafka-bus';
import { features } from '../../apps/api/src/features.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { consultationLifecycle, type Execute, randomSource, sendJson } from '../support/convene-workload.js';
import { hasServer } from '../support/databases.js';
import { describeKafka } from '../support/kafka.js';
import { checkBookkeeping, namedIds, runCrashProof } from './crash/harness.js';
import { type CommandRecord, verifyStore } from './crash/verify.js';

const KILLS = Number(process.env.CONVENE_CRASH_KILLS || 50);

describeKafka('crash proof: API, relay and projector killed under load', () => {
  it(`loses nothing acknowledged and applies nothing twice through ${KILLS} SIGKILLs`, async () => {
    const figures = await runCrashProof({ kills: KILLS, log: (line) => process.stderr.write(`  [crash] ${line}\n`) });
    process.stderr.write(`  [crash] ${JSON.stringify({ ...figures, mismatches: figures.mismatches.slice(0, 10) })}\n`);
    expect({ lost: figures.lost, duplicated: figures.duplicated, readModelsMatchReplay: figures.readModelsMatchReplay, mismatches: figures.mismatches }).toEqual({
      lost: 0,
      duplicated: 0,
      readModelsMatchReplay: true,
      mismatches: [],
    });
    expect(figures.appliedTwiceInStore).toBe(0);
    // The proof is only worth its kills: each process several times, the API under requests.
    for (const n of Object.values(figures.killed)) expect(n).toBeGreaterThanOrEqual(Math.floor(KILLS / 3));
    if (KILLS >= 6) expect(figures.apiKillsWithRequestsInFlight).toBeGreaterThan(0);
    expect(figures.acknowledged).toBeGreaterThan(KILLS * 5);
    expect(figures.kafkaMessages).toBeGreaterThanOrEqual(figures.events);
  }, 400_000);
});

const describeServer = hasServer() ? describe : describe.skip;

describeServer('the crash proof checker sees each kind of damage', () => {
  let t: TestApp;
  let store: EventStore;
  const projections: Projection[] = projectionsOf(features);
  const commands: CommandRecord[] = [];
  const verify = (extra: CommandRecord[] = []) => verifyStore(store, projections, [...commands, ...extra]);
  const view = (table: string) => t.db.pool.query(`SELECT * FROM ${table}`);

  beforeAll(async () => {
    // The API in process (projections in process too) and one consultation lifecycle over HTTP.
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const tokens = { secretariat: await t.token('secretariat'), chair: await t.token('chair') };
    let n = 0;
    const execute: Execute = async (command) => {
      const correlationId = `checker-${++n}`;
      const answer = await sendJson(base, command, tokens, { 'x-correlation-id': correlationId });
      commands.push({ kind: command.kind, correlationIds: [correlationId], acknowledged: answer.ok, ids: answer.ok ? namedIds(answer.body) : [] });
      return answer;
    };
    await consultationLifecycle(execute, { tag: `checker-${Date.now()}`, random: randomSource(7), registrations: 12, capacity: 5, stop: () => false });
    await t.settle();
    store = new EventStore(t.db.pool, registryOf(features));
  }, 120_000);
  afterAll(async () => t?.close());

  it('passes the undamaged store and read models', async () => {
    expect(commands.filter((c) => c.acknowledged).length).toBeGreaterThan(20);
    expect(await verify()).toMatchObject({ lost: 0, duplicated: 0, appliedTwiceInStore: 0, readModelsMatchReplay: true, mismatches: [] });
  });

  it('counts an acknowledged command whose events are not in the store as lost', async () => {
    const verdict = await verify([{ kind: 'register', correlationIds: ['never-appended'], acknowledged: true, ids: ['r-1'] }]);
    expect(verdict).toMatchObject({ lost: 1, lostCommands: ['register r-1 (never-appended)'] });
  });

  it('counts an acknowledged command whose answer names an id the store does not have as lost', async () => {
    const planned = commands.find((c) => c.kind === 'plan-series')!;
    const phantom = '0f0e0d0c-0b0a-4908-8706-050403020100';
    const verdict = await verify([{ ...planned, ids: [phantom] }]);
    expect(verdict).toMatchObject({ lost: 1, lostCommands: [`plan-series ${phantom} (${planned.correlationIds[0]})`] });
  });

  it('counts a command appended by two of its attempts', async () => {
    const [a, b] = commands.filter((c) => c.kind === 'register');
    const verdict = await verify([{ kind: 'register', correlationIds: [...a.correlationIds, ...b.correlationIds], acknowledged: true, ids: [] }]);
    expect(verdict.appliedTwiceInStore).toBe(1);
  });

  it('sees a read-model row that went missing (and the replay puts it back)', async () => {
    const before = (await view('registration_roster')).rowCount;
    await t.db.pool.query(`DELETE FROM registration_roster WHERE id = (SELECT id FROM registration_roster LIMIT 1)`);
    const verdict = await verify();
    expect(verdict.readModelsMatchReplay).toBe(false);
    expect(verdict.mismatches).toEqual([`registration_roster: the read model (${before! - 1} rows) differs from a replay of the store (${before} rows)`]);
    expect((await verify()).readModelsMatchReplay).toBe(true);
  });

  it('sees an event applied a second time', async () => {
    const roster = projections.find((p) => p.name === 'registration.roster')!;
    const [event] = await store.readAll({ eventTypes: ['ParticipantCheckedIn'], limit: 1 });
    // What a projector without its applied-event record would do on a redelivery.
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(`SELECT generation FROM projection_checkpoints WHERE name = $1 AND status = 'active'`, [roster.name]);
      const generation: number = rows[0].generation;
      await roster.apply({ client, table: (base) => `"${base}__g${generation}"` }, [event]);
      await client.query(`UPDATE projection_checkpoints SET events_applied = events_applied + 1 WHERE name = $1 AND generation = $2`, [roster.name, generation]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const verdict = await verify();
    expect(verdict).toMatchObject({ duplicated: 1, duplicatesByProjection: { 'registration.roster': 1 } });
  });

  it("sees the relay's and the projector's bookkeeping off", async () => {
    await runMigrations(t.db.url, kafkaBusFeature.migrations!);
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM events`);
    await t.db.pool.query(`INSERT INTO relay_checkpoints (name, events_published) VALUES ('default', $1)`, [rows[0].n]);
    expect(await checkBookkeeping(t.db.pool)).toEqual([]);
    await t.db.pool.query(`UPDATE relay_checkpoints SET events_published = events_published + 1`);
    const [event] = await store.readAll({ limit: 1 });
    await t.db.pool.query(
      `INSERT INTO projection_applied_events (projection, generation, event_id, transaction_id, global_position)
       SELECT name, generation, $1, $2::xid8, $3 FROM projection_checkpoints WHERE name = 'scheduling.series' AND status = 'active'`,
      [event.metadata.eventId, event.transactionId.toString(), event.globalPosition.toString()],
    );
    expect(await checkBookkeeping(t.db.pool)).toEqual([
      `relay: its checkpoint counted ${rows[0].n + 1} publications of ${rows[0].n} events`,
      'projector: 1 applied-event records left ahead of the checkpoints (a gap)',
    ]);
  });
});
