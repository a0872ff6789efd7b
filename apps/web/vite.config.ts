import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/**
 * `virtual:countries`: [ISO 3166-1 alpha-3, English name, may send a State delegation] for the
 * registration form, from the same world-countries data the API's reference-data uses. The API
 * has no list endpoint for countries (only regional organisations), and 250 entries are ~5 kB.
 */
function countries(): Plugin {
  const id = 'virtual:countries';
  return {
    name: 'convene-countries',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const all = require('world-countries/countries.json') as Array<{ cca3: string; name: { common: string }; unMember: boolean }>;
      // UN Member States and the two non-member observer States (Holy See, State of Palestine).
      const observers = new Set(['VAT', 'PSE']);
      const rows = all
        .map((c) => [c.cca3, c.name.common, c.unMember || observers.has(c.cca3)] as const)
        .sort((a, b) => a[1].localeCompare(b[1], 'en'));
      return `export default ${JSON.stringify(rows)};`;
    },
  };
}

/**
 * The web interface, built into dist/web at the repository root: the API serves it from there
 * (apps/api/src/bootstrap.ts), and the Docker image already copies dist/.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  plugins: [countries()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 120,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // `npx vite --config apps/web/vite.config.ts` beside `npm start`: the API on port 3000.
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
