/**
 * Benchmark entry point: `node dist/bench/run.js [suite ...]` (default: every suite but the soak).
 * Each suite prints one JSON line per figure on stdout; progress and notes go to stderr.
 */
interface Suite {
  run(): Promise<void>;
}

const suites: Record<string, () => Promise<Suite>> = {
  'event-store': () => import('./event-store.bench.js'),
  documents: () => import('./documents.bench.js'),
  kafka: () => import('./kafka.bench.js'),
  registration: () => import('./registration.bench.js'),
  // Ten minutes by default (BENCH_SOAK_SECONDS): not part of a plain `npm run bench`.
  soak: () => import('./soak.bench.js'),
};

const requested = process.argv.slice(2).filter((a) => a !== '--');
const unknown = requested.filter((name) => !(name in suites));
if (unknown.length > 0) {
  process.stderr.write(`Unknown bench suite(s): ${unknown.join(', ')}. Known: ${Object.keys(suites).join(', ')}\n`);
  process.exit(2);
}

for (const name of requested.length > 0 ? requested : Object.keys(suites).filter((s) => s !== 'soak')) {
  process.stderr.write(`# bench ${name}\n`);
  const suite = await suites[name]();
  await suite.run();
}
