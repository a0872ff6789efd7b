/**
 * Module boundaries, checked by `npm run lint` (depcruise --config .dependency-cruiser.cjs apps libs).
 * See CONVENTIONS.md rule 7: a lib is used only through its index (`@convene/<lib>`), and the pure
 * domain files (decide, events, state) import no framework and no infrastructure.
 * Orphans are deliberately not a rule: a new use case often starts as a lone file.
 */

/** Pure domain code: the business decision, the events, the fold. */
const DOMAIN_FILE = '\\.(decide|events|state)\\.ts$';

/** Packages that are framework or I/O. Domain code must not touch them, not even for a type. */
const INFRASTRUCTURE_PACKAGES = [
  '@nestjs',
  '@electric-sql',
  '@event-driven-io',
  'typeorm',
  'pg',
  'pg-[^/]+',
  'kafkajs',
  'jose',
  'pino',
  'helmet',
  'express',
  'supertest',
  'reflect-metadata',
  'rxjs',
  'class-validator',
  'class-transformer',
  'commander',
];

/** Project files that are wiring or I/O, by the file-name suffixes used in this repository. */
const INFRASTRUCTURE_FILE =
  '\\.(handler|module|controller|service|repository|entity|projection|projector|relay|consumer|producer|subscriber|guard|interceptor|filter|pipe|dto|migration|config)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Circular imports make module load order matter (ESM hands out uninitialised bindings) ' +
        'and hide a missing boundary. Move the shared piece down, or invert the dependency.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-only-through-its-index',
      severity: 'error',
      comment:
        "Code outside libs/<x> may use libs/<x> only through its public surface, libs/<x>/src/index.ts " +
        "(import it as '@convene/<x>'). Deep imports couple callers to internals the lib is free to move.",
      from: { path: '^(libs/[^/]+|apps/[^/]+|bench|test)/' },
      to: {
        path: '^libs/[^/]+/',
        pathNot: ['^$1/', '^libs/[^/]+/src/index\\.ts$'],
      },
    },
    {
      name: 'lib-index-through-alias',
      severity: 'error',
      comment:
        "Import another lib as '@convene/<x>', not by a relative path into libs/<x>: the alias is what " +
        'jest, tsc-alias and this checker all agree on, and it keeps the lib movable.',
      from: { path: '^(libs/[^/]+|apps/[^/]+|bench|test)/' },
      to: {
        path: '^libs/[^/]+/src/index\\.ts$',
        pathNot: '^$1/',
        dependencyTypesNot: ['aliased-tsconfig', 'aliased-tsconfig-paths', 'aliased'],
      },
    },
    {
      name: 'domain-no-framework-or-infrastructure-packages',
      severity: 'error',
      comment:
        'decide/events/state files are pure: (command, state) -> events, evolve(state, event). ' +
        'They import no framework, driver or broker client - not even for a type - so they stay ' +
        'testable with given/when/then and portable.',
      from: { path: DOMAIN_FILE },
      to: {
        path: `(^|/)node_modules/(${INFRASTRUCTURE_PACKAGES.join('|')})(/|$)`,
      },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      comment:
        'Domain code does no I/O and makes no ids or clocks of its own (time, ids and the actor ' +
        'come in with the command), so it needs no Node built-in module.',
      from: { path: DOMAIN_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-no-infrastructure-files',
      severity: 'error',
      comment:
        'Domain code may not load handlers, modules, controllers, repositories, projections and ' +
        "the like. A type-only import (`import type`) of, say, a command's shape is fine.",
      from: { path: DOMAIN_FILE },
      to: {
        path: [INFRASTRUCTURE_FILE, '/(infrastructure|migrations|read-models)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing dependency in package.json.',
      from: {},
      // virtual:* modules are made by a Vite plugin at build time (apps/web/vite.config.ts).
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'Production code (apps, libs) must not import a devDependency: `npm prune --omit=dev` in the ' +
        'Dockerfile removes it. Tests may.',
      from: {
        path: '^(apps|libs)/',
        // Test code kept beside the code it tests: specs, shared contract suites, fixtures.
        // And the web interface: Vite bundles its packages (Preact) into dist/web at build time.
        pathNot: ['\\.(spec|e2e-spec|test|contract|fixture)\\.ts$', '/__tests__/', '/testing/', '^apps/web/'],
      },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: ['node_modules/@types/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage)/' },
    // Count `import type` too: a type-only dependency on a framework is still a dependency of the
    // domain on it, and the path alias must hold for types as well.
    tsPreCompilationDeps: true,
    // Honour the "paths" of tsconfig.json, so '@convene/<x>' resolves to libs/<x>/src/index.ts.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
