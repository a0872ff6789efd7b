/**
 * A Kafka test peer of one's own (../shared/tools/kafka-mock), for the tests that stop and start
 * it and for the benchmark. No Jest in here: bench/kafka.bench.ts uses it too.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** ../shared/tools/kafka-mock beside the repository, found from here (test/support or dist/test/support). */
function toolsDir(): string {
  if (process.env.KAFKA_MOCK_TOOLS) return process.env.KAFKA_MOCK_TOOLS;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'tools', 'kafka-mock');
    if (existsSync(path.join(candidate, 'start.sh'))) return candidate;
  }
  return path.resolve('../shared/tools/kafka-mock');
}

/** Three consecutive free loopback ports (the mock binds base, base+1, base+2 for -b 3). */
async function freePortRun(count: number): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    let ok = true;
    for (let i = 0; i < count && ok; i++) ok = await free(base + i);
    if (ok) return base;
  }
  throw new Error('no free port run found for a private Kafka mock');
}

export interface PrivateMock {
  brokers: string;
  stop(): Promise<void>;
  /** Starts it again on the same ports (empty: the mock keeps nothing across a restart). */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export const mockToolsAvailable = () => existsSync(path.join(toolsDir(), 'start.sh'));

/**
 * A peer of the test's own, on fixed ports so that it can be stopped and started again under the
 * same bootstrap address, in a state directory of its own: stopping the shared CI peer would
 * break every other Kafka test. `topics`: "name:partitions" to pre-create (again after a restart).
 */
export async function startPrivateMock(brokers = 3, topics: string[] = []): Promise<PrivateMock> {
  const dir = await mkdtemp(path.join(tmpdir(), 'convene-kafka-mock-'));
  const base = await freePortRun(brokers);
  const env = { ...process.env, KAFKA_MOCK_DIR: dir };
  const start = async () => (await run(path.join(toolsDir(), 'start.sh'), ['-b', String(brokers), '-p', String(base), ...topics.flatMap((t) => ['-t', t])], {
      env,
    })).stdout.trim();
  const stop = async () => {
    await run(path.join(toolsDir(), 'stop.sh'), [], { env });
  };
  const bootstrap = await start();
  return {
    brokers: bootstrap,
    stop,
    start: async () => {
      const again = await start();
      if (again !== bootstrap) throw new Error(`the private mock came back as ${again}, not ${bootstrap}`);
    },
    dispose: async () => {
      await stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
