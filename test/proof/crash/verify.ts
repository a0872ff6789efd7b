/**
 * What the crash proof checks once the load has stopped and everything has caught up, on the
 * store and read models as the processes left them (the processes must be stopped: it rebuilds).
 *
 * - lost: a command answered 2xx whose events are not in the store, or whose answer names an id
 *   (of a series, consultation, session, registration, key point) that nothing in the store has.
 *   Every attempt of a command carries a correlation id of its own (X-Correlation-Id, kept in each
 *   event's metadata), and its retries share one Idempotency-Key; so a command is in the store iff
 *   some event carries one of its attempts' correlation ids.
 * - appliedTwiceInStore: a command whose events stand in the store under two of its attempts: a
 *   retry appended again what the first attempt had already appended.
 * - duplicated: events a projection applied more than once. Each generation's checkpoint counts
 *   the events it handed to apply() (events_applied, moved in the same transaction as the read
 *   model, by the Kafka applier and the in-process runner alike), so the count above the events
 *   of the types it applies in the store is the number of second applications. Fewer is a miss.
 * - readModelsMatchReplay: every read-model table hashed as the Kafka path built it, every
 *   projection then rebuilt from the store into a new generation, and hashed again.
 */
import { type EventStore, type Projection, ProjectionRunner, readModelHash } from '@convene/event-store';

export interface CommandRecord {
  kind: string;
  /** One per attempt, in order. */
  correlationIds: string[];
  /** Answered 2xx (by some attempt). */
  acknowledged: boolean;
  /** The ids the 2xx answer named (series, consultation, session, registration, key point). */
  ids: string[];
}

export interface Verdict {
  lost: number;
  /** `kind ids (correlation ids)` of each lost command, the first 20. */
  lostCommands: string[];
  appliedTwiceInStore: number;
  duplicated: number;
  /** Per projection: events applied more than once (only those with some). */
  duplicatesByProjection: Record<string, number>;
  readModelsMatchReplay: boolean;
  mismatches: string[];
  events: number;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every UUID in the store's stream ids and event data: the things that exist. */
async function idsInStore(store: EventStore): Promise<Set<string>> {
  const known = new Set<string>();
  const { rows } = await store.pool.query<{ t: string }>(`SELECT stream_id || ' ' || data::text AS t FROM events`);
  for (const { t } of rows) for (const id of t.match(UUID) ?? []) known.add(id);
  return known;
}

/** Applications counted by each projection's active generation, against the events it applies. */
async function applicationCounts(store: EventStore, projections: Projection[]) {
  const counts: Array<{ name: string; applied: number; expected: number }> = [];
  for (const p of projections) {
    const { rows } = await store.pool.query<{ applied: string }>(
      `SELECT events_applied::text AS applied FROM projection_checkpoints WHERE name = $1 AND status = 'active'`,
      [p.name],
    );
    const { rows: expected } = await store.pool.query<{ n: string }>(
      p.eventTypes ? `SELECT count(*)::text AS n FROM events WHERE event_type = ANY($1::text[])` : `SELECT count(*)::text AS n FROM events`,
      p.eventTypes ? [p.eventTypes] : [],
    );
    counts.push({ name: p.name, applied: rows.length === 1 ? Number(rows[0].applied) : NaN, expected: Number(expected[0].n) });
  }
  return counts;
}

async function tableStates(store: EventStore, tables: string[]) {
  const states = new Map<string, { hash: string; rows: number }>();
  for (const t of tables) {
    const { rows } = await store.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    states.set(t, { hash: await readModelHash(store.pool, [t]), rows: rows[0].n });
  }
  return states;
}

export async function verifyStore(store: EventStore, projections: Projection[], commands: CommandRecord[]): Promise<Verdict> {
  const mismatches: string[] = [];
  const all = commands.flatMap((c) => c.correlationIds);
  const { rows } = await store.pool.query<{ c: string }>(
    `SELECT DISTINCT metadata->>'correlationId' AS c FROM events WHERE metadata->>'correlationId' = ANY($1::text[])`,
    [all],
  );
  const stored = new Set(rows.map((r) => r.c));
  const known = await idsInStore(store);
  const lostCommands = commands.filter((c) => c.acknowledged && (!c.correlationIds.some((id) => stored.has(id)) || !c.ids.every((id) => known.has(id))));
  const twice = commands.filter((c) => c.correlationIds.filter((id) => stored.has(id)).length > 1);
  for (const c of twice) mismatches.push(`${c.kind} ${c.ids.join(' ')} was appended by more than one attempt (${c.correlationIds.join(', ')})`);

  const duplicatesByProjection: Record<string, number> = {};
  for (const { name, applied, expected } of await applicationCounts(store, projections)) {
    if (applied > expected) duplicatesByProjection[name] = applied - expected;
    if (!(applied >= expected)) mismatches.push(`${name}: applied ${applied} of the ${expected} events it takes`);
  }

  const tables = projections.flatMap((p) => p.tables);
  const built = await tableStates(store, tables);
  const runner = new ProjectionRunner(store, projections);
  for (const p of projections) await runner.rebuild(p.name);
  const replayed = await tableStates(store, tables);
  for (const t of tables) {
    const [a, b] = [built.get(t)!, replayed.get(t)!];
    if (a.hash !== b.hash) mismatches.push(`${t}: the read model (${a.rows} rows) differs from a replay of the store (${b.rows} rows)`);
  }
  // The replay's own counts must match the store, or the duplicate count above means nothing.
  for (const { name, applied, expected } of await applicationCounts(store, projections)) {
    if (applied !== expected) mismatches.push(`checker: the replay of ${name} counted ${applied} applications of ${expected} events`);
  }
  const { rows: events } = await store.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`);
  return {
    lost: lostCommands.length,
    lostCommands: lostCommands.slice(0, 20).map((c) => `${c.kind} ${c.ids.join(' ')} (${c.correlationIds.join(', ')})`),
    appliedTwiceInStore: twice.length,
    duplicated: Object.values(duplicatesByProjection).reduce((a, b) => a + b, 0),
    duplicatesByProjection,
    readModelsMatchReplay: tables.every((t) => built.get(t)!.hash === replayed.get(t)!.hash),
    mismatches,
    events: events[0].n,
  };
}
