/**
 * Jest's global setup: the repository's own (PostgreSQL and Kafka detection), then the web
 * interface's build when the browser suite will run and dist/web is missing or older than
 * apps/web. CI builds it in `npm run build` first, so this is a no-op there; from a clean clone
 * `npm ci && npm test` builds it here (about a second).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return latest;
    const full = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }, 0);
}

export default async function globalSetup(): Promise<void> {
  // The repository's own setup, a plain .js module (imported by path: it has no types).
  const repositorySetup: { default: () => Promise<void> } = await import(repo('test/global-setup.js'));
  await repositorySetup.default();
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) return;
  const built = repo('dist/web/index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(repo('apps/web'))) return;
  execFileSync(process.execPath, [repo('node_modules/vite/bin/vite.js'), 'build', '--config', repo('apps/web/vite.config.ts'), '--logLevel', 'warn'], {
    cwd: repo('.'),
    // The repository setup set NODE_ENV=test: Vite would take it and build Preact's debug code.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}
