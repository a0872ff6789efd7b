/**
 * Registration burst over the whole stack: the API as its own process (node dist/apps/api/src/main.js)
 * on the PostgreSQL server at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres,
 * where it creates and drops a database of its own), driven over HTTP by autocannon from this process.
 * Every request registers a new person (a new e-mail) for one consultation: the hardest case,
 * as all of them are decided on that consultation's one book.
 *
 * Figures, one JSON line each on stdout ({"bench":"registration","metric":...,"value":...,"unit":...}):
 *   registrations_per_s   2xx answers per second at saturation: the best of runs without a rate limit at
 *                         each of BENCH_REG_CONNECTIONS (64,128,256) connections. With too few clients the
 *                         rate is capped by connections / latency (Little's law), not by the server:
 *                         the ladder goes on until more clients no longer raise it.
 *   p50_ms_at_1000        latency at an offered rate of 1,000 registrations/s, open loop (bench/open-loop.ts):
 *   p99_ms_at_1000        request k is due at t0 + k ms whether or not earlier ones were answered, and its
 *                         latency counts from then (coordinated omission corrected: a late send counts its
 *                         wait). Not autocannon's rate limit: it sends each connection's share of a second
 *                         back to back at the start of that second, so it measured bursts at saturation.
 *   p99_ms_at_1000_from_send  the same from the moment each request was written (when the API keeps up, the two agree)
 *   achieved_per_s_at_1000    2xx answers per second in that run
 *   errors                non-2xx answers and socket errors over both runs (must be 0)
 *   api_cpu_ms_per_registration  CPU time of the API process per registration in the best saturation run:
 *                         what each registration costs, steadier than the rate when the machine is shared
 *   api_cpu_ms_per_registration_at_1000  the same in the run at 1,000/s offered (BENCH_REG_RATE), where
 *                         batches and heap are about the same size from one build to the next: the figure
 *                         to compare two builds by
 * Knobs: BENCH_REG_SECONDS (10, per run), BENCH_REG_CONNECTIONS (64,128,256), BENCH_REG_RATE (1000); BENCH_API_NODE_ARGS passes flags
 * to the API's node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Request } from 'autocannon';
import { jwtSettingsFromEnv, TokenIssuer } from '@convene/platform';
import { benchDatabase, freePort, spawnBenchApi, waitUntilHealthy } from '../test/support/convene-workload.js';
import { percentile } from './append-loop.js';
import { jsonPost, openLoop } from './open-loop.js';

const BENCH = 'registration';
const SECONDS = Number(process.env.BENCH_REG_SECONDS ?? 10);
const CONNECTION_LADDER = (process.env.BENCH_REG_CONNECTIONS ?? '64,128,256').split(',').map(Number);
const RATE = Number(process.env.BENCH_REG_RATE ?? 1000);

function emit(metric: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ bench: BENCH, metric, value: Math.round(value * 100) / 100, unit })}\n`);
}
const note = (msg: string) => process.stderr.write(`  ${msg}\n`);

/** User + system CPU time a process has used so far (Linux /proc; clock ticks of 10 ms). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function json(base: string, method: string, url: string, token: string, body: unknown): Promise<Record<string, string>> {
  const res = await fetch(`${base}${url}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, string>;
}

/** A consultation with room for everyone the bench registers, registration open for a year. */
async function openConsultation(base: string, token: string): Promise<string> {
  const series = await json(base, 'POST', '/api/series', token, { title: 'Bench series', organiser: 'UNODA' });
  const consultation = await json(base, 'POST', `/api/series/${series.id}/consultations`, token, {
    title: 'Bench consultation',
    regionalOrganisation: 'ASEAN',
    venue: { city: 'Singapore', country: 'SGP' },
    timeZone: 'Asia/Singapore',
    startDate: '2030-06-17',
    endDate: '2030-06-18',
    capacity: 100_000,
    workingLanguages: ['en'],
  });
  await json(base, 'POST', `/api/consultations/${consultation.id}/announce`, token, {});
  await json(base, 'POST', `/api/consultations/${consultation.id}/open-registration`, token, { deadline: '2030-06-10T18:00' });
  return consultation.id;
}

/** A new person on every request: a registration, never the "already registered" answer. */
function registration() {
  const id = randomUUID();
  return {
    person: { givenName: 'Bench', familyName: `Participant ${id.slice(0, 8)}`, email: `${id}@bench.example.org`, gender: 'not-stated', nationality: 'SGP' },
    stakeholderGroup: 'civil-society',
    represents: { organisation: 'Bench NGO' },
    role: 'observer',
    publicListingConsent: false,
  };
}
const registrationBody = () => JSON.stringify(registration());

/** Closed loop: each connection sends its next registration as soon as the last is answered. */
async function burst(url: string, connections: number) {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections,
    duration: SECONDS,
    requests: [{ setupRequest: (req: Request) => ({ ...req, body: registrationBody() }) }],
  });
}

export async function run(): Promise<void> {
  const database = await benchDatabase('registration');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'convene-bench-registration-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/api/src/main.js');
  // Rate limits off (apiProcessEnv): the burst comes from one address, and the bench would measure the limit.
  const api = spawnBenchApi(main, { databaseUrl: database.url, port, dataDir });
  try {
    if (!(await waitUntilHealthy(`${base}/health`))) throw new Error('the API did not become healthy');
    const token = await new TokenIssuer(jwtSettingsFromEnv(dataDir)).issueToken({ role: 'secretariat', sub: 'bench' });
    const consultationId = await openConsultation(base, token);
    const registrations = `/api/consultations/${consultationId}/registrations`;
    const url = `${base}${registrations}`;

    note(`warm-up, then ${SECONDS} s at each of ${CONNECTION_LADDER.join(', ')} connections`);
    await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, connections: 8, amount: 500, requests: [{ setupRequest: (req: Request) => ({ ...req, body: registrationBody() }) }] });
    let best = { rate: 0, cpuPerRegistration: 0 };
    let errors = 0;
    for (const connections of CONNECTION_LADDER) {
      const cpuBefore = await cpuMs(api.pid!);
      const saturated = await burst(url, connections);
      const cpuUsed = (await cpuMs(api.pid!)) - cpuBefore;
      const rate = saturated['2xx'] / saturated.duration;
      errors += saturated.non2xx + saturated.errors;
      note(`${connections} connections: ${Math.round(rate)}/s, latency p50 ${saturated.latency.p50} ms, p99 ${saturated.latency.p99} ms`);
      if (rate > best.rate) best = { rate, cpuPerRegistration: cpuUsed / Math.max(1, saturated['2xx']) };
    }
    emit('registrations_per_s', best.rate, 'registrations/s');

    note(`${SECONDS} s at ${RATE}/s offered, open loop`);
    const cpuBeforePaced = await cpuMs(api.pid!);
    const paced = await openLoop({ host: '127.0.0.1', port, rate: RATE, seconds: SECONDS, request: () => jsonPost('127.0.0.1', port, registrations, registration()) });
    const pacedCpuPerRegistration = ((await cpuMs(api.pid!)) - cpuBeforePaced) / Math.max(1, paced.ok);
    note(`achieved ${Math.round(paced.perSecond)}/s`);
    emit('p50_ms_at_1000', percentile(paced.fromDue, 50), 'ms');
    emit('p99_ms_at_1000', percentile(paced.fromDue, 99), 'ms');
    emit('p99_ms_at_1000_from_send', percentile(paced.fromSend, 99), 'ms');
    emit('achieved_per_s_at_1000', paced.perSecond, 'registrations/s');
    emit('api_cpu_ms_per_registration', best.cpuPerRegistration, 'ms');
    emit('api_cpu_ms_per_registration_at_1000', pacedCpuPerRegistration, 'ms');
    emit('errors', errors + paced.errors, 'count');
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    await database.drop();
  }
}
