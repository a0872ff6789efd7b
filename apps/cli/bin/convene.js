#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` (or `npm start`) compiles it into dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../../dist/apps/cli/src/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('convene: not built yet. Run `npm run build` first.');
  process.exit(1);
}
await import(main);
