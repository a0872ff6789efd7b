/**
 * The fuzz proof (issue #10): property-based, reproducible from a seed, thousands of malformed or
 * hostile requests across every endpoint of the whole API, one after another, each judged by
 * ./checks.ts: no 5xx, no event appended by a rejected request, every error a problem+json naming
 * the field or the rule. The operations come from the app's own OpenAPI document; the router's
 * routes that no request reached are reported as failures.
 */
import fc from 'fast-check';
import { listEndpointAccess } from '@convene/platform';
import type { Test } from 'supertest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { withEnv } from '../../support/env.js';
import { judge, type StoreHead, uncoveredRoutes } from './checks.js';
import { badTimeOrNumber, deepJson, headerJunk, hostileString, unknownKey, wrongValue } from './hostile.js';
import { type Context, type OpenApiDocument, type Operation, operationsOf, pathParamValues, routeKey, validValue } from './openapi.js';
import { planConsultation, seedWorld, type World } from './world.js';

export interface FuzzFigures {
  cases: number;
  seed: number;
  /** Answers by HTTP status ("400": 5120, ...); "no-answer" when the request itself failed. */
  status: Record<string, number>;
  fiveXx: number;
  rejectedThatAppended: number;
  badProblems: number;
  /** A short description of each counter-example (the first MAX_FAILURES), and routes never fuzzed. */
  failures: string[];
}

const MAX_FAILURES = 20;
/** A fresh consultation every so many cases: successful requests wear the world down (cancelled, published, erased). */
const REFRESH_EVERY = 1000;
const REQUEST_TIMEOUT_MS = 30_000;
/** Requests slower than this are logged: a fuzz run has a time budget in CI. */
const SLOW_MS = 1000;
const HUGE = 100_000;

type RoleChoice = 'allowed' | 'secretariat' | 'chair' | 'focal-point' | 'participant' | 'none' | 'junk';

type PathChoice = { kind: 'world'; pick: number } | { kind: 'value'; value: string } | { kind: 'raw'; value: string };

type QueryChoice =
  | { kind: 'omit' }
  | { kind: 'valid' }
  | { kind: 'value'; value: string }
  | { kind: 'raw'; value: string }
  | { kind: 'repeated'; values: string[] }
  | { kind: 'nested'; key: string; value: string };

interface Mutation {
  action: 'drop' | 'set' | 'wrap' | 'extra';
  pick: number;
  key: string;
  value: unknown;
}

type BodyPlan =
  | { kind: 'valid' }
  | { kind: 'mutate'; mutations: Mutation[] }
  | { kind: 'replace'; text: string }
  | { kind: 'malformed'; variant: number; cut: number }
  | { kind: 'content-type'; contentType: string; payload: 'json' | 'form' | 'text' }
  | { kind: 'encoding'; encoding: string }
  | { kind: 'charset'; charset: string }
  | { kind: 'none' };

interface FuzzCase {
  op: number;
  ctx: number;
  role: RoleChoice;
  pick: number;
  fresh: string;
  path: PathChoice[];
  query: QueryChoice[];
  extraQuery: { key: string; value: string } | null;
  body: BodyPlan;
  ifMatch: string | null;
  idempotencyKey: string | null;
  accept: string | null;
  wrongMethod: string | null;
}

/** Path segments that mean something to a URL parser or a router. */
const RAW_SEGMENTS = ['..', '.', '%2e%2e', '%2F', '..%2F..%2Fhealth', '%00', '%', '%E0%A4%A', '%ED%A0%80', '%FF%FE', ';', '%3B', 'a%20b', '%23', '%3F'];
const RAW_QUERY = ['%', '%00', '%E0%A4%A', '%ED%A0%80', '%FF', '&', '=', '+', '%2B', '%26=%3D'];

/** `arbitrary` once in `oneIn` cases, null otherwise. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, oneIn: number) => fc.oneof({ arbitrary: fc.constant(null), weight: oneIn - 1 }, { arbitrary, weight: 1 });

const caseArbitrary: fc.Arbitrary<FuzzCase> = fc.record({
  op: fc.nat(),
  ctx: fc.nat({ max: 99 }),
  role: fc.oneof(
    { arbitrary: fc.constant<RoleChoice>('allowed'), weight: 55 },
    { arbitrary: fc.constant<RoleChoice>('secretariat'), weight: 15 },
    { arbitrary: fc.constantFrom<RoleChoice>('chair', 'focal-point', 'participant'), weight: 18 },
    { arbitrary: fc.constant<RoleChoice>('none'), weight: 8 },
    { arbitrary: fc.constant<RoleChoice>('junk'), weight: 4 },
  ),
  pick: fc.nat(),
  fresh: fc.uuid(),
  path: fc.array(
    fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('world' as const), pick: fc.nat() }), weight: 8 },
      { arbitrary: fc.record({ kind: fc.constant('value' as const), value: fc.oneof(fc.uuid(), hostileString, fc.integer().map(String)) }), weight: 2 },
      { arbitrary: fc.record({ kind: fc.constant('raw' as const), value: fc.constantFrom(...RAW_SEGMENTS) }), weight: 1 },
    ),
    { minLength: 3, maxLength: 3 },
  ),
  query: fc.array(
    fc.oneof(
      { arbitrary: fc.constant({ kind: 'omit' as const }), weight: 4 },
      { arbitrary: fc.constant({ kind: 'valid' as const }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constant('value' as const), value: hostileString }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constant('value' as const), value: badTimeOrNumber }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constant('raw' as const), value: fc.constantFrom(...RAW_QUERY) }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant('repeated' as const), values: fc.array(hostileString, { minLength: 2, maxLength: 3 }) }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant('nested' as const), key: fc.constantFrom('a', '0', '', '__proto__', '$gt'), value: hostileString }), weight: 1 },
    ),
    { minLength: 4, maxLength: 4 },
  ),
  extraQuery: rarely(fc.record({ key: unknownKey, value: hostileString }), 8),
  body: fc.oneof(
    { arbitrary: fc.constant<BodyPlan>({ kind: 'valid' }), weight: 12 },
    {
      arbitrary: fc.record({
        kind: fc.constant('mutate' as const),
        mutations: fc.array(
          fc.record({ action: fc.constantFrom<Mutation['action']>('drop', 'set', 'set', 'set', 'wrap', 'extra'), pick: fc.nat(), key: unknownKey, value: wrongValue }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      weight: 55,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('replace' as const),
        text: fc.oneof(
          fc.constantFrom('null', '[]', '[{}]', '"text"', '42', 'true', '{}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}'),
          fc.tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean()).map(([depth, array]) => deepJson(depth, array)),
          fc.json({ maxDepth: 3 }),
        ),
      }),
      weight: 8,
    },
    { arbitrary: fc.record({ kind: fc.constant('malformed' as const), variant: fc.nat(), cut: fc.nat() }), weight: 10 },
    {
      arbitrary: fc.record({
        kind: fc.constant('content-type' as const),
        contentType: fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', 'application/json-patch+json', 'image/png', 'application/problem+json', ''),
        payload: fc.constantFrom<'json' | 'form' | 'text'>('json', 'form', 'text'),
      }),
      weight: 8,
    },
    { arbitrary: fc.record({ kind: fc.constant('encoding' as const), encoding: fc.constantFrom('gzip', 'deflate', 'br', 'x-unknown', 'identity, gzip') }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('charset' as const), charset: fc.constantFrom('utf-16', 'latin1', 'klingon', 'utf-7', 'UTF-8') }), weight: 2 },
    { arbitrary: fc.constant<BodyPlan>({ kind: 'none' }), weight: 5 },
  ),
  ifMatch: rarely(fc.oneof(fc.nat({ max: 30 }).map((n) => `"${n}"`), headerJunk), 4),
  idempotencyKey: rarely(fc.oneof(fc.uuid(), headerJunk), 8),
  accept: rarely(fc.constantFrom('application/pdf', 'text/csv', '*/*;q=0', 'text/html;q=abc', 'application/xml', 'image/*', '', ',,,', 'text/markdown;q=0.5, application/vnd.openxmlformats-officedocument.wordprocessingml.document'), 6),
  wrongMethod: rarely(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), 50),
});

/** Percent-encodes a string as UTF-8 (lone surrogates become U+FFFD, as any client would send them). */
const percentEncode = (value: string): string => encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

/** Every place in a JSON value, as paths of keys: [] is the value itself. */
function placesOf(value: unknown, at: Array<string | number> = [], into: Array<Array<string | number>> = []): Array<Array<string | number>> {
  into.push(at);
  if (Array.isArray(value)) value.slice(0, 5).forEach((v, i) => placesOf(v, [...at, i], into));
  else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => placesOf(v, [...at, k], into));
  return into;
}

function containerAt(root: unknown, path: Array<string | number>): Record<string | number, unknown> | undefined {
  let current = root;
  for (const key of path) current = (current as Record<string | number, unknown>)?.[key];
  return current && typeof current === 'object' ? (current as Record<string | number, unknown>) : undefined;
}

/** Sets an own member (even `__proto__`, which plain assignment would treat as the prototype). */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies the mutations to a copy of a valid body. */
export function mutate(body: unknown, mutations: readonly Mutation[]): unknown {
  const root = { value: structuredClone(body) as unknown };
  for (const m of mutations) {
    const places = placesOf(root.value).map((p) => ['value', ...p]);
    const objects = places.filter((p) => {
      const c = containerAt(root, p);
      return c !== undefined && !Array.isArray(c);
    });
    const members = places.filter((p) => p.length > 1);
    // Clone: fast-check hands out one instance of a constant, and a value set twice could end up inside itself.
    const value = structuredClone(m.value);
    if (m.action === 'extra' || members.length === 0) {
      const target = objects.length > 0 ? containerAt(root, objects[m.pick % objects.length]) : undefined;
      if (target) setOwn(target, m.key, value);
      else root.value = value;
      continue;
    }
    const place = members[m.pick % members.length];
    const parent = containerAt(root, place.slice(0, -1))!;
    const key = place.at(-1)!;
    if (m.action === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (m.action === 'wrap') parent[key] = [parent[key]];
    else parent[key] = value;
  }
  return root.value;
}

/** Ways to break the JSON text of a valid body. */
const MALFORMED: Array<(json: string, cut: number) => string | Buffer> = [
  (json, cut) => json.slice(0, cut % Math.max(1, json.length)),
  (json) => `${json},`,
  (json) => json.replace(/"/g, "'"),
  (json) => `${json.slice(0, -1)},}`,
  (json) => `\uFEFF${json}`,
  (json) => `${json}${json}`,
  (json) => json.replace(':', ': NaN, "x":'),
  () => `{"a": 1 // comment\n}`,
  () => `{"a": "\u0001raw control"}`,
  () => `{"a": 1e99999}`,
  () => `{"a": "\\ud800\\u0000"}`,
  () => Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from('"}')]),
  () => '{"a":1,"a":2,"__proto__":{"polluted":true}}',
  () => '',
  () => ' ',
];

interface Prepared {
  method: string;
  url: string;
  role: string;
  headers: Record<string, string>;
  body: string | Buffer | undefined;
  route: string | null;
  describe: string;
}

class Fuzzer {
  private readonly operations: Operation[];
  private readonly access = new Map<string, readonly string[] | undefined>();
  readonly fuzzed = new Set<string>();

  constructor(
    private readonly t: TestApp,
    private readonly doc: OpenApiDocument,
    private readonly world: World,
  ) {
    this.operations = operationsOf(doc);
    for (const e of listEndpointAccess(t.app)) this.access.set(`${e.method} ${e.path}`, e.access);
  }

  routes(): string[] {
    return [...this.access.keys()];
  }

  private context(c: FuzzCase): Context {
    const own = this.world.contexts.at(-1)!;
    return c.ctx < 75 ? own : this.world.contexts[c.pick % this.world.contexts.length];
  }

  private authorization(c: FuzzCase, route: string): { role: string; header?: string } {
    let role: string = c.role;
    if (role === 'allowed') {
      const allowed = (this.access.get(route) ?? ['secretariat']).map((r) => (r === 'public' ? 'none' : r));
      role = allowed[c.pick % allowed.length];
    }
    if (role === 'none') return { role };
    if (role === 'junk') {
      const junk = ['Bearer', 'Bearer ', 'Bearer abc.def.ghi', 'Basic dXNlcjpwYXNz', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsic2VjcmV0YXJpYXQiXX0.', `Bearer ${'x'.repeat(9000)}`];
      return { role, header: junk[c.pick % junk.length] };
    }
    return { role, header: this.world.tokens[role as keyof World['tokens']] };
  }

  prepare(c: FuzzCase, index: number): Prepared {
    // The first cases visit every operation once, so that even a short run covers them all.
    const first = index < this.operations.length;
    const op = this.operations[first ? index : c.op % this.operations.length];
    const ctx = this.context(c);
    const route = routeKey(op.method, op.path);
    let url = op.path;
    op.pathParams.forEach((name, i) => {
      const choice = c.path[i % c.path.length];
      const values = pathParamValues(op.path, name, ctx);
      let segment: string;
      if (choice.kind === 'raw') segment = choice.value;
      else if (choice.kind === 'value') segment = percentEncode(choice.value);
      // An id of the world where it has one for this parameter, else one that exists nowhere.
      else segment = percentEncode(values.length > 0 ? values[choice.pick % values.length] : c.fresh);
      url = url.replace(`{${name}}`, segment === '' ? '%20' : segment);
    });
    const query: string[] = [];
    op.query.forEach(({ name, schema }, i) => {
      const q = c.query[i % c.query.length];
      const key = percentEncode(name);
      if (q.kind === 'valid') query.push(`${key}=${percentEncode(String(validValue(this.doc, schema, ctx, c.fresh, name)))}`);
      else if (q.kind === 'value') query.push(`${key}=${percentEncode(q.value)}`);
      else if (q.kind === 'raw') query.push(`${key}=${q.value}`);
      else if (q.kind === 'repeated') q.values.forEach((v) => query.push(`${key}=${percentEncode(v)}`));
      else if (q.kind === 'nested') query.push(`${key}%5B${percentEncode(q.key)}%5D=${percentEncode(q.value)}`);
    });
    if (c.extraQuery) query.push(`${percentEncode(c.extraQuery.key)}=${percentEncode(c.extraQuery.value)}`);
    if (query.length > 0) url += `?${query.join('&')}`;

    const { role, header } = this.authorization(c, route);
    const headers: Record<string, string> = {};
    if (header !== undefined) headers.Authorization = header;
    if (c.ifMatch !== null) headers['If-Match'] = c.ifMatch;
    if (c.idempotencyKey !== null) headers['Idempotency-Key'] = c.idempotencyKey;
    if (c.accept !== null) headers.Accept = c.accept;

    let body: string | Buffer | undefined;
    let describe: string = c.body.kind;
    const valid = op.body ? validValue(this.doc, op.body, ctx, c.fresh) : {};
    const json = (value: unknown) => {
      headers['Content-Type'] = 'application/json';
      return JSON.stringify(value) ?? 'null';
    };
    switch (c.body.kind) {
      case 'valid':
        body = op.body || op.method !== 'GET' ? json(valid) : undefined;
        break;
      case 'mutate':
        body = json(mutate(valid, c.body.mutations));
        describe = `mutate ${c.body.mutations.map((m) => m.action).join(',')}`;
        break;
      case 'replace':
        headers['Content-Type'] = 'application/json';
        body = c.body.text;
        describe = `replace ${c.body.text.slice(0, 40)}`;
        break;
      case 'malformed':
        headers['Content-Type'] = 'application/json';
        body = MALFORMED[c.body.variant % MALFORMED.length](JSON.stringify(valid), c.body.cut);
        describe = `malformed #${c.body.variant % MALFORMED.length}`;
        break;
      case 'content-type':
        headers['Content-Type'] = c.body.contentType;
        body = c.body.payload === 'json' ? JSON.stringify(valid) : c.body.payload === 'form' ? 'a=1&b[c]=2&__proto__[x]=1' : '<xml>text</xml>';
        describe = `content-type ${c.body.contentType} with ${c.body.payload}`;
        break;
      case 'encoding':
        headers['Content-Type'] = 'application/json';
        headers['Content-Encoding'] = c.body.encoding;
        body = JSON.stringify(valid);
        describe = `content-encoding ${c.body.encoding}`;
        break;
      case 'charset':
        headers['Content-Type'] = `application/json; charset=${c.body.charset}`;
        body = JSON.stringify(valid);
        describe = `charset ${c.body.charset}`;
        break;
      case 'none':
        body = undefined;
    }
    const method = first ? op.method : (c.wrongMethod ?? op.method);
    return { method, url, role, headers, body, route: method === op.method ? route : null, describe };
  }

  async send(p: Prepared): Promise<{ status: number; contentType: string | undefined; body: unknown }> {
    const agent = this.t.http as unknown as Record<string, (url: string) => Test>;
    let req = agent[p.method.toLowerCase()](p.url).timeout({ response: REQUEST_TIMEOUT_MS });
    for (const [name, value] of Object.entries(p.headers)) req = req.set(name, value);
    if (p.body !== undefined) req = req.send(p.body);
    const res = await req.ok(() => true);
    return { status: res.status, contentType: res.headers['content-type'], body: res.body };
  }
}

async function storeHead(t: TestApp): Promise<StoreHead> {
  const { rows } = await t.db.pool.query<StoreHead>('SELECT coalesce(max(global_position), 0)::text AS position, count(*)::text AS count FROM events');
  return rows[0];
}

const clip = (text: string, max = 500) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Starts the API on a fresh database, seeds it, fuzzes it `cases` times, and closes it. */
export async function runFuzz(options: { cases: number; seed?: number; log?: (line: string) => void }): Promise<FuzzFigures> {
  const seed = options.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
  const log = options.log ?? (() => {});
  const figures: FuzzFigures = { cases: 0, seed, status: {}, fiveXx: 0, rejectedThatAppended: 0, badProblems: 0, failures: [] };
  log(`fuzz: seed ${seed} (CONVENE_FUZZ_SEED=${seed} replays it), ${options.cases} cases`);
  // Rate limits off: a 429 would hide what the endpoint answers (429 is still judged like any error).
  const t = await withEnv({ CONVENE_RATE_LIMIT_PUBLIC: 'off', CONVENE_RATE_LIMIT_REGISTRATION: 'off' }, () => startTestApp());
  try {
    // Still supertest on the in-process app, but listening once on loopback: supertest would
    // otherwise open and close a server for every request (a millisecond each, 10 s a run).
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    const started = Date.now();
    const world = await seedWorld(t);
    const doc = (await t.http.get('/api/docs-json')).body as OpenApiDocument;
    const fuzzer = new Fuzzer(t, doc, world);
    log(`fuzz: world seeded in ${Date.now() - started} ms; ${operationsOf(doc).length} operations in the OpenAPI document, ${fuzzer.routes().length} routes`);
    const fail = (line: string) => {
      if (figures.failures.length < MAX_FAILURES) figures.failures.push(clip(line));
    };
    let huge = 0;
    let head: StoreHead | undefined;
    const fuzzOne = async (c: FuzzCase, i: number): Promise<void> => {
      if (i > 0 && i % REFRESH_EVERY === 0) {
        log(`fuzz: ${i} cases, ${figures.fiveXx} 5xx, ${figures.rejectedThatAppended} appended, ${figures.badProblems} bad problems`);
        head = undefined;
        await planConsultation(t, world, i / REFRESH_EVERY);
      }
      const p = fuzzer.prepare(c, i);
      if (p.route) fuzzer.fuzzed.add(p.route);
      figures.cases += 1;
      if ((p.body?.length ?? 0) >= HUGE || p.url.length >= HUGE) huge += 1;
      // The head after one request is the head before the next: nothing else writes to this
      // database meanwhile (if something did, a rejected request would be blamed: a false alarm,
      // never a miss).
      const before = (head ??= await storeHead(t));
      const sent = Date.now();
      const answer = await fuzzer.send(p).catch((error: Error) => error);
      const after = (head = await storeHead(t));
      const what = `#${i} ${p.method} ${clip(p.url, 200)} as ${p.role} (${p.describe})`;
      if (Date.now() - sent > SLOW_MS) log(`fuzz: ${what} took ${Date.now() - sent} ms`);
      if (answer instanceof Error) {
        figures.status['no-answer'] = (figures.status['no-answer'] ?? 0) + 1;
        fail(`${what}: no answer: ${answer.message}`);
        return;
      }
      figures.status[answer.status] = (figures.status[answer.status] ?? 0) + 1;
      const verdict = judge({ ...answer, before, after });
      if (verdict.kind === 'ok') return;
      figures[verdict.kind === 'fiveXx' ? 'fiveXx' : verdict.kind === 'appended' ? 'rejectedThatAppended' : 'badProblems'] += 1;
      fail(`${what}: ${verdict.reason}`);
    };
    let index = 0;
    // Every case is judged and counted here, never thrown: the run goes on past a counter-example
    // (shrinking one against a store that changes with every request would tell little).
    const property = fc.asyncProperty(caseArbitrary, async (c) => {
      const i = index++;
      await fuzzOne(c, i).catch((error: Error) => fail(`#${i} the fuzzer itself failed: ${error.stack}`));
      return true;
    });
    await fc.assert(property, { numRuns: options.cases, seed, endOnFailure: true });
    for (const route of uncoveredRoutes(fuzzer.routes(), fuzzer.fuzzed)) figures.failures.push(`coverage: no request reached ${route}`);
    log(`fuzz: ${figures.cases} cases (${huge} of 100k+ characters) in ${Date.now() - started} ms: ${JSON.stringify(figures.status)}`);
    return figures;
  } finally {
    await t.close();
  }
}
