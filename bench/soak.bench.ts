/**
 * Soak (issue #10; a bench, not CI): the API as its own process (node dist/apps/api/src/main.js,
 * projections in process, no Kafka) on the PostgreSQL server at DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres, where it creates and drops a database of its own),
 * offered BENCH_SOAK_RATE (500) commands/s for BENCH_SOAK_SECONDS (600): consultation lifecycles
 * side by side (test/support/convene-workload.ts: schedule, open registration, register, approve,
 * withdraw, check in, draft, approve and publish the Chair's summary), each sending its next
 * command at the next free slot of a fixed schedule. The API's resident memory (VmRSS of
 * /proc/<pid>/status) is sampled every second.
 *
 * Figures, one JSON line each on stdout ({"bench":"soak","metric":...,"value":...,"unit":...}):
 *   rss_warm_mb      RSS at the end of the warm-up (median of its last 5 samples)
 *   rss_end_mb       RSS at the end (median of the last 5 samples)
 *   rss_growth_pct   (end - warm) / warm; the target is < 10
 *   commands_per_s   2xx answers per second over the whole run
 *   errors           non-2xx answers and socket errors (must be 0)
 *   p99_ms           after the warm-up, from each command's slot in the schedule (coordinated
 *                    omission corrected: a late send counts its wait)
 *   p99_service_ms   the same from the moment each command was sent (when the API keeps up, the two
 *                    agree; when it does not, p99_ms grows with the backlog and this says what one
 *                    request costs)
 * The samples go to bench-results/soak-<time>.csv (t_s, rss_mb, commands, errors) for plotting.
 * Knobs: BENCH_SOAK_SECONDS (600), BENCH_SOAK_RATE (500), BENCH_SOAK_WARMUP_SECONDS (60, at most
 * half the run), BENCH_SOAK_LIFECYCLES (128 at once); BENCH_API_NODE_ARGS passes flags to the API's node
 * (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { jwtSettingsFromEnv, TokenIssuer } from '@convene/platform';
import type { CommandAnswer, Execute } from '../test/support/convene-workload.js';
import { benchDatabase, consultationLifecycle, freePort, randomSource, sendJson, spawnBenchApi, waitUntilHealthy } from '../test/support/convene-workload.js';
import { percentile } from './append-loop.js';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const RATE = Number(process.env.BENCH_SOAK_RATE ?? 500);
const WARMUP = Math.min(Number(process.env.BENCH_SOAK_WARMUP_SECONDS ?? 60), SECONDS / 2);
const LIFECYCLES = Number(process.env.BENCH_SOAK_LIFECYCLES ?? 128);

function emit(metric: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ bench: 'soak', metric, value: Math.round(value * 100) / 100, unit })}\n`);
}
const note = (msg: string) => process.stderr.write(`  ${msg}\n`);

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function run(): Promise<void> {
  const database = await benchDatabase('soak');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'convene-bench-soak-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const csv = path.join(repo, 'bench-results', `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`);
  await mkdir(path.dirname(csv), { recursive: true });
  await writeFile(csv, 't_s,rss_mb,commands,errors\n');
  const api: ChildProcess = spawnBenchApi(path.join(repo, 'dist/apps/api/src/main.js'), { databaseUrl: database.url, port, dataDir });
  try {
    if (!(await waitUntilHealthy(`${base}/health`))) throw new Error('the API did not become healthy');
    const issuer = new TokenIssuer(jwtSettingsFromEnv(dataDir));
    const tokens = { secretariat: await issuer.issueToken({ role: 'secretariat', sub: 'soak' }), chair: await issuer.issueToken({ role: 'chair', sub: 'soak-chair' }) };

    // The schedule: slot k at t0 + k/RATE; each command takes the next free slot.
    const t0 = performance.now();
    const end = t0 + SECONDS * 1000;
    let slots = 0;
    /** The schedule's last slot is taken: the lifecycles stop where they are. */
    let over = false;
    let ok = 0;
    let errors = 0;
    const latencies: number[] = [];
    const service: number[] = [];
    const byKind = new Map<string, number[]>();
    const failures = new Map<string, number>();
    const execute: Execute = async (command) => {
      const at = t0 + (slots++ * 1000) / RATE;
      // The run ends on time: when the API cannot keep up, the slots not yet sent are dropped.
      if (at >= end || performance.now() >= end) {
        over = true;
        return { ok: false, status: 0, body: {} };
      }
      if (at > performance.now()) await sleep(at - performance.now());
      let answer: CommandAnswer;
      const sent = performance.now();
      try {
        answer = await sendJson(base, command, tokens);
      } catch (err) {
        answer = { ok: false, status: 0, body: { rule: (err as Error).message } };
      }
      if (at - t0 >= WARMUP * 1000) {
        const ms = performance.now() - at;
        latencies.push(ms);
        service.push(performance.now() - sent);
        const ofKind = byKind.get(command.kind);
        if (ofKind) ofKind.push(ms);
        else byKind.set(command.kind, [ms]);
      }
      if (answer.ok) ok++;
      else {
        errors++;
        const what = `${command.kind} ${answer.status} ${answer.body.rule ?? ''}`;
        failures.set(what, (failures.get(what) ?? 0) + 1);
      }
      return answer;
    };

    const samples: Array<{ t: number; rss: number }> = [];
    const sampler = setInterval(() => {
      const t = (performance.now() - t0) / 1000;
      const rss = rssMb(api.pid!);
      samples.push({ t, rss });
      void appendFile(csv, `${t.toFixed(1)},${rss.toFixed(1)},${ok + errors},${errors}\n`);
      if (samples.length % 30 === 0) note(`t=${t.toFixed(0)}s rss ${rss.toFixed(0)} MB, ${ok} commands answered 2xx, ${errors} errors`);
    }, 1000);
    note(`${RATE} commands/s for ${SECONDS} s (warm-up ${WARMUP} s), ${LIFECYCLES} consultation lifecycles at once; samples in ${csv}`);
    const random = randomSource(Number(process.env.BENCH_SOAK_SEED ?? 1));
    let lifecycles = 0;
    await Promise.all(
      Array.from({ length: LIFECYCLES }, async () => {
        while (!over) {
          const tag = `soak-${Date.now().toString(36)}-${lifecycles++}`;
          await consultationLifecycle(execute, { tag, random, registrations: 40, capacity: 30, stop: () => over });
        }
      }),
    );
    clearInterval(sampler);
    const seconds = (performance.now() - t0) / 1000;
    const warm = samples.filter((s) => s.t <= WARMUP).slice(-5).map((s) => s.rss);
    const last = samples.slice(-5).map((s) => s.rss);
    emit('rss_warm_mb', median(warm), 'MB');
    emit('rss_end_mb', median(last), 'MB');
    emit('rss_growth_pct', ((median(last) - median(warm)) / median(warm)) * 100, '%');
    emit('commands_per_s', ok / seconds, 'commands/s');
    emit('errors', errors, 'count');
    emit('p99_ms', percentile(latencies, 99), 'ms');
    emit('p99_service_ms', percentile(service, 99), 'ms');
    note(`${lifecycles} lifecycles, ${ok} commands answered 2xx in ${seconds.toFixed(0)} s; rss max ${Math.max(...samples.map((s) => s.rss)).toFixed(0)} MB`);
    for (const [what, n] of failures) note(`failed ${n}x: ${what}`);
    for (const [kind, ms] of byKind) note(`${kind}: ${ms.length} after the warm-up, p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms`);
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    await database.drop();
  }
}
