#!/usr/bin/env node
/**
 * `npm run proof [-- --quick]`: the figures of issue #10, one per line at the end.
 *   1. builds (the crash proof runs the built processes, the soak the built bench);
 *   2. the crash proof (CONVENE_CRASH_KILLS, 50) and the fuzz proof (CONVENE_FUZZ_CASES, 10,000)
 *      through Jest (test/proof/proof.run.ts), which write their figures to a JSON report;
 *   3. the soak bench (bench/soak.bench.ts) for BENCH_SOAK_SECONDS: 600, or 120 with --quick.
 * Needs the PostgreSQL server of DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * without KAFKA_BROKERS the crash proof starts a private Kafka test peer (../shared/tools/kafka-mock).
 * Exits 1 when a figure misses its mark (anything lost or applied twice, read models unlike the
 * replay, a 5xx, a rejected request that appended, RSS growth of 10 % or more, a soak error, a
 * soak that answered fewer than 95 % of the commands/s it was offered).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const quick = process.argv.includes('--quick');
const report = path.join(mkdtempSync(path.join(tmpdir(), 'convene-proof-')), 'report.json');
const env = {
  ...process.env,
  CONVENE_PROOF_REPORT: report,
  CONVENE_CRASH_KILLS: process.env.CONVENE_CRASH_KILLS || '50',
  CONVENE_FUZZ_CASES: process.env.CONVENE_FUZZ_CASES || '10000',
  BENCH_SOAK_SECONDS: process.env.BENCH_SOAK_SECONDS || (quick ? '120' : '600'),
  BENCH_SOAK_RATE: process.env.BENCH_SOAK_RATE || '500',
};
/** The soak must run at the rate it was offered: one that falls behind tests a lighter load. */
const SOAK_RATE_KEPT = 0.95;

/** Runs a command; resolves with its exit code and, when asked, its stdout. */
function run(command, args, { capture = false, extraEnv = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repo, env: { ...env, ...extraEnv }, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      process.stderr.write(chunk);
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

const step = (what) => process.stderr.write(`\n=== ${what}\n`);
const started = Date.now();

step('build');
if ((await run('npm', ['run', 'build', '--silent'])).code !== 0) process.exit(1);

step(`crash proof (${env.CONVENE_CRASH_KILLS} kills) and fuzz proof (${env.CONVENE_FUZZ_CASES} cases)`);
const jest = await run(process.execPath, ['node_modules/jest/bin/jest.js', '--runInBand', '--testMatch', '<rootDir>/test/proof/proof.run.ts'], {
  extraEnv: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() },
});

step(`soak (${env.BENCH_SOAK_SECONDS} s)`);
const soakRun = await run(process.execPath, ['dist/bench/run.js', 'soak'], { capture: true });
const soak = Object.fromEntries(
  soakRun.out
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .map((f) => [f.metric, f.value]),
);

let figures = {};
try {
  figures = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  // neither proof got as far as its figures: the Jest output above says why
}
const { crash, fuzz } = figures;
const missing = 'not measured (see above)';
const lines = [
  ['runs', crash ? crash.runs : missing],
  ['kills', crash ? `${crash.kills} (api ${crash.killed.api}, relay ${crash.killed.relay}, projector ${crash.killed.projector}; ${crash.apiKillsWithRequestsInFlight} of the API's with requests in flight)` : missing],
  ['acknowledged', crash ? `${crash.acknowledged} commands answered 2xx, ${crash.events} events, in ${crash.seconds} s` : missing],
  ['lost', crash ? crash.lost : missing],
  [
    'duplicated',
    crash
      ? `${crash.duplicated} (read models ${crash.readModelsMatchReplay ? 'equal' : 'DIFFER from'} a full replay; ${crash.duplicatesDropped} redeliveries dropped by the projector's dedup)`
      : missing,
  ],
  ['fuzz cases', fuzz ? fuzz.cases : missing],
  ['5xx count', fuzz || crash ? `${(fuzz?.fiveXx ?? 0) + (crash?.fiveXx ?? 0)} (fuzz ${fuzz?.fiveXx ?? '-'}, crash ${crash?.fiveXx ?? '-'})` : missing],
  ['rejected-that-appended', fuzz ? fuzz.rejectedThatAppended : missing],
  [
    'RSS growth',
    'rss_growth_pct' in soak
      ? `${soak.rss_growth_pct} % (${soak.rss_warm_mb} MB after warm-up, ${soak.rss_end_mb} MB at the end of ${env.BENCH_SOAK_SECONDS} s; ` +
        `${soak.commands_per_s} of ${env.BENCH_SOAK_RATE} commands/s offered, p99 ${soak.p99_ms} ms, ${soak.errors} errors)`
      : missing,
  ],
];
process.stdout.write(`\nProof figures (${Math.round((Date.now() - started) / 1000)} s):\n`);
for (const [name, value] of lines) process.stdout.write(`${name}: ${value}\n`);
for (const m of crash?.mismatches?.slice(0, 10) ?? []) process.stdout.write(`  crash: ${m}\n`);
for (const f of fuzz?.failures?.slice(0, 10) ?? []) process.stdout.write(`  fuzz: ${f}\n`);

const passed =
  jest.code === 0 &&
  soakRun.code === 0 &&
  crash?.lost === 0 &&
  crash?.duplicated === 0 &&
  crash?.readModelsMatchReplay === true &&
  fuzz?.fiveXx === 0 &&
  fuzz?.rejectedThatAppended === 0 &&
  soak.errors === 0 &&
  soak.commands_per_s >= SOAK_RATE_KEPT * Number(env.BENCH_SOAK_RATE) &&
  soak.rss_growth_pct < 10;
process.stdout.write(passed ? 'All figures within their marks.\n' : 'Some figure missed its mark (see above).\n');
process.exit(passed ? 0 : 1);
