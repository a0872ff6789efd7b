/**
 * The three processes of the Kafka deployment (API, relay, projector) as the crash proof runs
 * them: built code (`node dist/apps/<name>/src/main.js`), each with its log file, killed with
 * SIGKILL and started again on the same port.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, openSync, readdirSync, readFileSync, statSync, closeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitUntilHealthy } from '../../support/convene-workload.js';

export type ProcessName = 'api' | 'relay' | 'projector';
export const PROCESS_NAMES: ProcessName[] = ['api', 'relay', 'projector'];

export const repoPath = (p = '') => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
export const entryOf = (name: ProcessName) => repoPath(`dist/apps/${name}/src/main.js`);

/** Newest modification time of the TypeScript sources below `dir` that the build compiles. */
function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'web' ? latest : Math.max(latest, newestSource(full));
    if (!/\.(ts|json)$/.test(entry.name) || /\.(spec|e2e-spec|contract)\.ts$/.test(entry.name)) return latest;
    return Math.max(latest, statSync(full).mtimeMs);
  }, 0);
}

/**
 * The processes run the built code: build it (tsc and path aliases, not the web interface) when
 * dist/ is missing or older than the sources, so that a fresh clone's `npm test` proves what is
 * in the working tree. CI has built it already: then this is a check of a few timestamps.
 */
export function ensureBuilt(log: (line: string) => void): void {
  const entries = PROCESS_NAMES.map(entryOf);
  const built = entries.every(existsSync) ? Math.min(...entries.map((e) => statSync(e).mtimeMs)) : 0;
  const sources = Math.max(...['apps', 'libs', 'seeds'].map((d) => newestSource(repoPath(d))));
  if (built >= sources) return;
  log(built === 0 ? 'dist/ is missing: building it' : 'dist/ is older than the sources: building it');
  try {
    for (const bin of ['node_modules/typescript/bin/tsc', 'node_modules/tsc-alias/dist/bin/index.js']) {
      execFileSync(process.execPath, [repoPath(bin), '-p', 'tsconfig.build.json'], { cwd: repoPath(), stdio: 'pipe' });
    }
  } catch (err) {
    const out = err as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`the crash proof runs the built processes, and \`npm run build\` failed:\n${out.stdout ?? ''}${out.stderr ?? ''}`);
  }
}

/** One supervised process: started, killed and started again under the same port and log. */
export class Supervised {
  kills = 0;
  /** Exits that were not our SIGKILL or SIGTERM: the process died on its own. */
  readonly unexpectedExits: string[] = [];
  private child?: ChildProcess;
  private healthy: Promise<boolean> = Promise.resolve(false);
  private stopping = false;

  constructor(
    readonly name: ProcessName,
    private readonly env: NodeJS.ProcessEnv,
    readonly healthUrl: string,
    readonly logFile: string,
  ) {}

  /** Spawns the process; `ready()` then tells when /health answers (polled every 50 ms). */
  start(): void {
    const out = openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [entryOf(this.name)], { env: this.env, stdio: ['ignore', out, out] });
    closeSync(out);
    this.child = child;
    child.once('exit', (code, signal) => {
      if (this.child !== child || this.stopping) return;
      // Died by itself: note it and start it again, as a process supervisor would.
      this.unexpectedExits.push(`${this.name} exited on its own (code ${code}, signal ${signal}): ${this.logTail()}`);
      this.start();
    });
    this.healthy = waitUntilHealthy(this.healthUrl, { pollMs: 50, timeoutMs: 60_000, abandon: () => this.child !== child });
  }

  /** Resolves true once the current process answers /health; false if it did not within 60 s. */
  ready(): Promise<boolean> {
    return this.healthy;
  }

  /** SIGKILL, and wait until it is gone (its port and database sessions are then released). */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
    this.kills++;
  }

  /** A clean stop (SIGTERM), SIGKILL after 15 s. */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  }

  logTail(lines = 5): string {
    try {
      return readFileSync(this.logFile, 'utf8').trim().split('\n').slice(-lines).join(' | ');
    } catch {
      return '(no log)';
    }
  }
}
