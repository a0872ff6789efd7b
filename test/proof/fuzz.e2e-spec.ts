/**
 * The fuzz proof (issue #10): thousands of malformed or hostile requests across every endpoint
 * (CONVENE_FUZZ_CASES, default 10,000; CONVENE_FUZZ_SEED replays a run), and the checks that
 * judge them shown failing on bad answers, so that a green run means something.
 */
import { describe, expect, it } from '@jest/globals';
import { hasServer } from '../support/databases.js';
import { judge, problemDefects, type StoreHead, uncoveredRoutes } from './fuzz/checks.js';
import { mutate, runFuzz } from './fuzz/fuzz.js';

const still: StoreHead = { position: '42', count: '42' };
const moved: StoreHead = { position: '43', count: '43' };
const PROBLEM = 'application/problem+json; charset=utf-8';
const problem = (status: number, rule: string, extra: Record<string, unknown> = {}) => ({
  type: `https://convene.dev/problems/${rule}`,
  title: rule,
  status,
  detail: 'd',
  instance: '/api/x',
  rule,
  ...extra,
});

describe('the checks the fuzzer applies to every answer', () => {
  it('accepts a problem+json that names its rule, or the fields it refuses', () => {
    expect(problemDefects(404, PROBLEM, problem(404, 'ConsultationNotFound'))).toEqual([]);
    expect(problemDefects(400, PROBLEM, problem(400, 'ValidationFailed', { errors: [{ field: 'person.email', rule: 'isEmail', message: 'm' }] }))).toEqual([]);
  });

  it.each([
    ['a JSON error that is not problem+json', 400, 'application/json; charset=utf-8', problem(400, 'ValidationFailed', { errors: [{ field: 'a', rule: 'r', message: 'm' }] })],
    ['an HTML error page', 400, 'text/html', '<h1>Bad Request</h1>'],
    ['a problem without a rule', 400, PROBLEM, { type: 'about:blank', title: 'Bad Request', status: 400 }],
    ['a problem whose rule only repeats the status', 400, PROBLEM, problem(400, 'BadRequest')],
    ['a generic not found', 404, PROBLEM, problem(404, 'NotFound')],
    ['a validation failure that lists no field', 400, PROBLEM, problem(400, 'ValidationFailed', { errors: [] })],
    ['a validation error without its field', 400, PROBLEM, problem(400, 'ValidationFailed', { errors: [{ rule: 'isString', message: 'm' }] })],
    ['a status member that differs from the answer', 409, PROBLEM, problem(400, 'StreamVersionConflict')],
    ['a type that names another rule', 422, PROBLEM, { ...problem(422, 'SessionEndsBeforeItStarts'), type: 'https://convene.dev/problems/Other' }],
  ])('refuses %s', (_, status, contentType, body) => {
    expect(problemDefects(status, contentType, body)).not.toEqual([]);
    expect(judge({ status, contentType, body, before: still, after: still }).kind).toBe('badProblem');
  });

  it('counts a 5xx, and an event appended by a rejected request, but not one appended by an accepted one', () => {
    expect(judge({ status: 500, contentType: PROBLEM, body: problem(500, 'InternalError'), before: still, after: still }).kind).toBe('fiveXx');
    expect(judge({ status: 409, contentType: PROBLEM, body: problem(409, 'SummaryAlreadyStarted'), before: still, after: moved }).kind).toBe('appended');
    expect(judge({ status: 201, contentType: 'application/json', body: {}, before: still, after: moved }).kind).toBe('ok');
  });

  it('names the routes no request reached', () => {
    expect(uncoveredRoutes(['GET /health', 'POST /api/series', 'GET /api/series/:id'], ['GET /health', 'GET /api/series/:id'])).toEqual(['POST /api/series']);
  });

  it('mutates bodies with own members even for prototype keys, without touching the original', () => {
    const valid = { person: { email: 'a@example.org' }, sessionIds: ['s1'] };
    const polluted = mutate(valid, [{ action: 'extra', pick: 0, key: '__proto__', value: { isAdmin: true } }]);
    expect(JSON.stringify(polluted)).toBe('{"person":{"email":"a@example.org"},"sessionIds":["s1"],"__proto__":{"isAdmin":true}}');
    expect(mutate(valid, [{ action: 'drop', pick: 0, key: '', value: null }])).toEqual({ sessionIds: ['s1'] });
    expect(valid).toEqual({ person: { email: 'a@example.org' }, sessionIds: ['s1'] });
  });
});

// On the embedded PGlite (one connection) 10,000 requests would take too long: the server only.
(hasServer() ? describe : describe.skip)('fuzzing the whole API (PostgreSQL server)', () => {
  const cases = Number(process.env.CONVENE_FUZZ_CASES ?? 10_000);
  const seed = process.env.CONVENE_FUZZ_SEED ? Number(process.env.CONVENE_FUZZ_SEED) : undefined;

  it(
    `${cases} hostile requests: no 5xx, no event appended by a rejected request, every error a problem+json naming the field or rule`,
    async () => {
      const figures = await runFuzz({ cases, seed, log: (line) => process.stdout.write(`${line}\n`) });
      const { failures, ...counts } = figures;
      process.stdout.write(`fuzz figures: ${JSON.stringify(counts)}\n`);
      // The seed is in the comparison so that a failure shows it next to the counter-examples.
      expect({ seed: figures.seed, cases: figures.cases, fiveXx: figures.fiveXx, rejectedThatAppended: figures.rejectedThatAppended, badProblems: figures.badProblems, failures }).toEqual({
        seed: figures.seed,
        cases,
        fiveXx: 0,
        rejectedThatAppended: 0,
        badProblems: 0,
        failures: [],
      });
    },
    600_000,
  );
});
