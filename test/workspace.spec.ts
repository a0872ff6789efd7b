/** The monorepo's three maps of itself (folders, nest-cli.json, tsconfig paths) agree. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const repo = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const json = (p: string) => JSON.parse(readFileSync(repo(p), 'utf8'));

describe('workspace', () => {
  const nest = json('nest-cli.json');
  const tsconfig = json('tsconfig.json');
  const dirs = (d: string) => readdirSync(repo(d), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

  it('nest-cli.json is a monorepo listing every app and lib', () => {
    expect(nest.monorepo).toBe(true);
    const projects = nest.projects as Record<string, { type: string; root: string }>;
    expect(Object.values(projects).filter((p) => p.type === 'application').map((p) => p.root).sort()).toEqual(dirs('apps').map((d) => `apps/${d}`));
    expect(Object.values(projects).filter((p) => p.type === 'library').map((p) => p.root).sort()).toEqual(dirs('libs').map((d) => `libs/${d}`));
  });

  it('every lib has its @convene/<lib> path pointing at its index', () => {
    const paths = tsconfig.compilerOptions.paths as Record<string, string[]>;
    for (const lib of dirs('libs')) expect(paths[`@convene/${lib}`]).toEqual([`./libs/${lib}/src/index.ts`]);
  });
});
