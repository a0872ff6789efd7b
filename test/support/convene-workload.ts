/**
 * The API as a process of its own and a workload of real commands for it, shared by the crash
 * proof (test/proof/crash) and the soak bench (bench/soak.bench.ts). No Jest in here: the bench
 * is compiled by tsconfig.build.json and imports it.
 *
 * A workload is a number of consultation lifecycles run side by side: plan a series, schedule a
 * consultation with sessions, announce it, open registration, register participants (approving,
 * withdrawing and checking in some as they come), then draft, submit, approve and publish the
 * Chair's summary. Each lifecycle issues only commands that its state allows, so on a healthy API
 * every one of them succeeds; who sends them (with retries, pacing, timing) is the caller's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

export type Auth = 'secretariat' | 'chair' | 'public' | { bearer: string };

/** One command as an HTTP request. */
export interface CommandRequest {
  /** What it is, for figures and failure messages: `register`, `approve`, ... */
  kind: string;
  method: 'POST';
  path: string;
  body?: unknown;
  auth: Auth;
}

export interface CommandAnswer {
  ok: boolean;
  status: number;
  body: Record<string, unknown>;
}

/** Sends one command; the lifecycle goes on according to the answer. */
export type Execute = (command: CommandRequest) => Promise<CommandAnswer>;

/**
 * A free port below the kernel's ephemeral range (32768 and up): a process killed and started
 * again must find its port free, and an outgoing connection may take any free ephemeral port.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server = createServer();
    const bound = await new Promise<boolean>((resolve) => server.once('error', () => resolve(false)).listen(port, '127.0.0.1', () => resolve(true)));
    if (bound) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
}

/**
 * A database of its own on the PostgreSQL server of DATABASE_URL (default the local one), for a
 * bench that runs the API as a process (which migrates it); `drop()` removes it.
 */
export async function benchDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `convene_bench_${label}_${Date.now()}`;
  const onServer = async (sql: string) => {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(sql).finally(() => admin.end());
  };
  await onServer(`CREATE DATABASE ${name}`);
  return { url: databaseUrl(server, name), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The same server, another database. */
export function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * The environment of the API (and of the relay and projector) for a proof or a bench: no demo, no
 * rate limits (the load comes from one address), logs at warn.
 */
export function apiProcessEnv(options: { databaseUrl: string; port: number; dataDir: string; kafka?: Record<string, string> }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    CONVENE_DATA_DIR: options.dataDir,
    CONVENE_DEMO_SEED: 'off',
    CONVENE_RATE_LIMIT_PUBLIC: 'off',
    CONVENE_RATE_LIMIT_REGISTRATION: 'off',
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: '',
    ...options.kafka,
  };
}

/**
 * The built API (dist/apps/api/src/main.js, given as `main`) as a process of its own for a bench,
 * with apiProcessEnv and its errors on this process's stderr. BENCH_API_NODE_ARGS passes flags to
 * its node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
 */
export function spawnBenchApi(main: string, options: { databaseUrl: string; port: number; dataDir: string }): ChildProcess {
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, main], { env: apiProcessEnv(options), stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Polls `url` until it answers 2xx; false when the deadline or `abandon()` came first. */
export async function waitUntilHealthy(url: string, options: { pollMs?: number; timeoutMs?: number; abandon?: () => boolean } = {}): Promise<boolean> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline && !options.abandon?.()) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(options.pollMs ?? 200);
  }
  return false;
}

/**
 * Keep-alive connections for the workload's requests. node:http, not fetch: fetch (undici) cost the
 * soak's load generator about 1 ms of CPU per command, a fifth of the 2-core machine it shares
 * with the API and PostgreSQL under test.
 */
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** A registration may wait 10 s for its read model; an answer that takes three times that is lost. */
const ANSWER_TIMEOUT_MS = 30_000;

/** Sends a request and reads its JSON answer (an empty object when there is none). */
export async function sendJson(base: string, request: CommandRequest, tokens: { secretariat: string; chair: string }, headers: Record<string, string> = {}): Promise<CommandAnswer> {
  const bearer = request.auth === 'public' ? undefined : typeof request.auth === 'string' ? tokens[request.auth] : request.auth.bearer;
  const payload = Buffer.from(JSON.stringify(request.body ?? {}));
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      `${base}${request.path}`,
      {
        method: request.method,
        agent: keepAlive,
        headers: { 'content-type': 'application/json', 'content-length': payload.length, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(ANSWER_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { ok: status >= 200 && status < 300, status, body };
}

/** A seedable pseudo-random source (mulberry32): a run can be repeated with its seed. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_ONE = '2030-06-17';
const SESSIONS = [
  { title: 'Opening and the framework of responsible State behaviour', kind: 'keynote', start: `${DAY_ONE}T09:00`, end: `${DAY_ONE}T10:30` },
  { title: 'Confidence-building measures in the region', kind: 'panel', start: `${DAY_ONE}T11:00`, end: `${DAY_ONE}T12:30` },
];
const GROUPS = [
  { stakeholderGroup: 'member-state', represents: { state: 'SGP' }, role: 'delegate' },
  { stakeholderGroup: 'civil-society', represents: { organisation: 'Proof NGO' }, role: 'observer' },
  { stakeholderGroup: 'academia', represents: { organisation: 'Proof University' }, role: 'observer' },
];

/** The commands of a lifecycle, as requests. `tag` makes e-mail addresses and titles unique. */
export const conveneCommands = {
  planSeries: (tag: string): CommandRequest => ({
    kind: 'plan-series',
    method: 'POST',
    path: '/api/series',
    body: { title: `Regional consultations ${tag}`, organiser: 'UNODA' },
    auth: 'secretariat',
  }),
  scheduleConsultation: (seriesId: string, tag: string, capacity: number): CommandRequest => ({
    kind: 'schedule-consultation',
    method: 'POST',
    path: `/api/series/${seriesId}/consultations`,
    body: {
      title: `Consultation with the ASEAN Member States ${tag}`,
      regionalOrganisation: 'ASEAN',
      venue: { city: 'Singapore', country: 'SGP' },
      timeZone: 'Asia/Singapore',
      startDate: DAY_ONE,
      endDate: '2030-06-18',
      capacity,
      workingLanguages: ['en'],
    },
    auth: 'secretariat',
  }),
  addSession: (consultationId: string, index: number): CommandRequest => ({
    kind: 'add-session',
    method: 'POST',
    path: `/api/consultations/${consultationId}/sessions`,
    body: { ...SESSIONS[index % SESSIONS.length], access: 'open' },
    auth: 'secretariat',
  }),
  announce: (consultationId: string): CommandRequest => ({ kind: 'announce', method: 'POST', path: `/api/consultations/${consultationId}/announce`, auth: 'secretariat' }),
  openRegistration: (consultationId: string): CommandRequest => ({
    kind: 'open-registration',
    method: 'POST',
    path: `/api/consultations/${consultationId}/open-registration`,
    body: { deadline: '2030-06-10T18:00' },
    auth: 'secretariat',
  }),
  register: (consultationId: string, tag: string, n: number, sessionIds: string[]): CommandRequest => ({
    kind: 'register',
    method: 'POST',
    path: `/api/consultations/${consultationId}/registrations`,
    body: {
      person: { givenName: 'Delegate', familyName: `Number ${n}`, email: `p${n}-${tag}@proof.example.org`, gender: n % 2 ? 'woman' : 'man', nationality: 'SGP' },
      ...GROUPS[n % GROUPS.length],
      sessionIds: sessionIds.slice(0, 1 + (n % 2)),
      publicListingConsent: n % 3 !== 0,
    },
    auth: 'public',
  }),
  approve: (registrationId: string): CommandRequest => ({ kind: 'approve', method: 'POST', path: `/api/registrations/${registrationId}/approve`, auth: 'secretariat' }),
  withdraw: (registrationId: string, participantToken: string): CommandRequest => ({
    kind: 'withdraw',
    method: 'POST',
    path: `/api/registrations/${registrationId}/withdraw`,
    body: { reason: 'Unable to travel' },
    auth: { bearer: participantToken },
  }),
  checkIn: (registrationId: string, where: { day: string } | { sessionId: string }): CommandRequest => ({
    kind: 'check-in',
    method: 'POST',
    path: `/api/registrations/${registrationId}/check-in`,
    body: where,
    auth: 'secretariat',
  }),
  startSummary: (consultationId: string): CommandRequest => ({ kind: 'start-summary', method: 'POST', path: `/api/consultations/${consultationId}/summary`, auth: 'secretariat' }),
  addSection: (consultationId: string, section: { kind: 'introduction' | 'session'; sectionId?: string; title?: string; text: string }): CommandRequest => ({
    kind: 'add-section',
    method: 'POST',
    path: `/api/consultations/${consultationId}/summary/sections`,
    body: section,
    auth: 'secretariat',
  }),
  addKeyPoint: (consultationId: string, sectionId: string, text: string): CommandRequest => ({
    kind: 'add-key-point',
    method: 'POST',
    path: `/api/consultations/${consultationId}/summary/key-points`,
    body: { sectionId, text },
    auth: 'secretariat',
  }),
  summaryStep: (consultationId: string, step: 'submit' | 'approve' | 'publish'): CommandRequest => ({
    kind: `${step}-summary`,
    method: 'POST',
    path: `/api/consultations/${consultationId}/summary/${step}`,
    auth: step === 'approve' ? 'chair' : 'secretariat',
  }),
};

const KEY_POINTS = [
  'Regional forums can serve as platforms for putting the existing norms into practice.',
  'Points of contact for incidents should be kept up to date and tested regularly.',
  'Capacity-building needs differ across the region and call for tailored programmes.',
];

interface Registration {
  id: string;
  token?: string;
  status: string;
  checkedIn: Set<string>;
}

export interface LifecycleOptions {
  /** Unique across the run: it goes into e-mail addresses and titles. */
  tag: string;
  random: () => number;
  /** Participants registered before the summary is written. */
  registrations: number;
  capacity: number;
  /** Checked before each command: true stops the lifecycle where it is. */
  stop: () => boolean;
}

/**
 * One consultation from planning to published summary. A command that fails ends the lifecycle
 * when what follows depends on it (no consultation, no registration); otherwise it goes on.
 * Returns the number of commands that succeeded.
 */
export async function consultationLifecycle(execute: Execute, o: LifecycleOptions): Promise<number> {
  let succeeded = 0;
  const run = async (command: CommandRequest): Promise<CommandAnswer | undefined> => {
    if (o.stop()) return undefined;
    const answer = await execute(command);
    if (!answer.ok) return undefined;
    succeeded++;
    return answer;
  };
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(o.random() * items.length)];

  const series = await run(conveneCommands.planSeries(o.tag));
  if (!series) return succeeded;
  const scheduled = await run(conveneCommands.scheduleConsultation(String(series.body.id), o.tag, o.capacity));
  if (!scheduled) return succeeded;
  const id = String(scheduled.body.id);
  const sessionIds: string[] = [];
  for (let i = 0; i < SESSIONS.length; i++) {
    const added = await run(conveneCommands.addSession(id, i));
    if (added) sessionIds.push(String(added.body.sessionId));
  }
  if (!(await run(conveneCommands.announce(id))) || !(await run(conveneCommands.openRegistration(id)))) return succeeded;

  const registrations: Registration[] = [];
  for (let n = 0; n < o.registrations && !o.stop(); n++) {
    const registered = await run(conveneCommands.register(id, o.tag, n, sessionIds));
    if (registered) {
      const token = registered.body.participantToken;
      registrations.push({ id: String(registered.body.registrationId), token: typeof token === 'string' ? token : undefined, status: 'pending', checkedIn: new Set() });
    }
    const roll = o.random();
    if (roll < 0.55) {
      const r = pick(registrations.filter((x) => x.status === 'pending'));
      const approved = r && (await run(conveneCommands.approve(r.id)));
      if (r && approved) r.status = String(approved.body.status);
    } else if (roll < 0.65) {
      const r = pick(registrations.filter((x) => x.token && x.status !== 'withdrawn'));
      const withdrawn = r && (await run(conveneCommands.withdraw(r.id, r.token!)));
      if (r && withdrawn) {
        r.status = 'withdrawn';
        const promoted = new Set((withdrawn.body.promoted as string[] | undefined) ?? []);
        for (const x of registrations) if (promoted.has(x.id)) x.status = 'confirmed';
      }
    }
    if (o.random() < 0.3) {
      const r = pick(registrations.filter((x) => x.status === 'confirmed'));
      const where = pick([DAY_ONE, ...sessionIds].filter((w) => !r?.checkedIn.has(w)));
      if (r && where && (await run(conveneCommands.checkIn(r.id, where === DAY_ONE ? { day: DAY_ONE } : { sessionId: where })))) r.checkedIn.add(where);
    }
  }

  if (!(await run(conveneCommands.startSummary(id)))) return succeeded;
  await run(conveneCommands.addSection(id, { kind: 'introduction', text: 'The consultation brought together the Member States and other stakeholders.' }));
  const section = await run(conveneCommands.addSection(id, { kind: 'session', sectionId: 'session-1', title: SESSIONS[0].title, text: 'Participants exchanged national experiences.' }));
  if (section) for (const text of KEY_POINTS.slice(0, 1 + Math.floor(o.random() * KEY_POINTS.length))) await run(conveneCommands.addKeyPoint(id, 'session-1', text));
  for (const step of ['submit', 'approve', 'publish'] as const) if (!(await run(conveneCommands.summaryStep(id, step)))) break;
  return succeeded;
}
