/**
 * What every answer of the API must satisfy, whatever it was sent: pure functions, so that the
 * tests can show each one failing on a bad answer.
 */

/** One request and its answer, as the checks see it. */
export interface Exchange {
  status: number;
  contentType: string | undefined;
  body: unknown;
  /** The store's head (max global position, event count) before and after the request. */
  before: StoreHead;
  after: StoreHead;
}

export interface StoreHead {
  position: string;
  count: string;
}

export type Verdict = { kind: 'ok' } | { kind: 'fiveXx' | 'appended' | 'badProblem'; reason: string };

/**
 * Rules named after the status alone: they say neither which field nor which rule. 406, 413 and
 * 415 are not here: there the status is the rule (the Accept header, the body limit, the media type).
 */
const STATUS_ONLY_RULES = new Set([
  'Error',
  'BadRequest',
  'Unauthorized',
  'Forbidden',
  'NotFound',
  'Conflict',
  'Gone',
  'PreconditionFailed',
  'UnprocessableEntity',
  'UnprocessableContent',
  'InternalError',
]);

const PROBLEM_JSON = /^application\/problem\+json(;|$)/i;
const RULE_NAME = /^[A-Z][A-Za-z0-9]*$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Why an error answer is not an RFC 9457 problem naming the field or the rule; empty when it is one. */
export function problemDefects(status: number, contentType: string | undefined, body: unknown): string[] {
  const defects: string[] = [];
  if (!PROBLEM_JSON.test(contentType ?? '')) defects.push(`content type ${contentType ?? '(none)'} is not application/problem+json`);
  if (!isRecord(body)) return [...defects, 'the body is not a JSON object'];
  if (!text(body.type)) defects.push('no type');
  if (!text(body.title)) defects.push('no title');
  if (body.status !== status) defects.push(`status member ${String(body.status)} differs from the HTTP status ${status}`);
  const rule = body.rule;
  if (!text(rule) || !RULE_NAME.test(rule)) {
    defects.push('no rule name');
  } else {
    if (STATUS_ONLY_RULES.has(rule)) defects.push(`rule ${rule} only repeats the status: it names no field or rule`);
    if (typeof body.type === 'string' && !body.type.endsWith(`/${rule}`)) defects.push(`type ${body.type} does not name the rule ${rule}`);
  }
  if (rule === 'ValidationFailed') {
    const errors = body.errors;
    if (!Array.isArray(errors) || errors.length === 0) defects.push('ValidationFailed without errors');
    else if (!errors.every((e) => isRecord(e) && text(e.field) && text(e.rule) && typeof e.message === 'string')) {
      defects.push('a validation error names no field or no rule');
    }
  }
  return defects;
}

const moved = (a: StoreHead, b: StoreHead) => a.position !== b.position || a.count !== b.count;

/** The verdict on one exchange: no 5xx; an error is a naming problem+json and appended nothing. */
export function judge(exchange: Exchange): Verdict {
  const { status } = exchange;
  if (status >= 500) return { kind: 'fiveXx', reason: `status ${status}: ${JSON.stringify(exchange.body)?.slice(0, 300)}` };
  if (status < 400) return { kind: 'ok' };
  if (moved(exchange.before, exchange.after)) {
    return { kind: 'appended', reason: `rejected with ${status} but the store moved from ${exchange.before.position}/${exchange.before.count} to ${exchange.after.position}/${exchange.after.count}` };
  }
  const defects = problemDefects(status, exchange.contentType, exchange.body);
  if (defects.length > 0) return { kind: 'badProblem', reason: `${status}: ${defects.join('; ')}: ${JSON.stringify(exchange.body)?.slice(0, 300)}` };
  return { kind: 'ok' };
}

/** Routes of the router that the fuzzer never sent a request to ("POST /api/series/:id/consultations"). */
export function uncoveredRoutes(routes: readonly string[], fuzzed: Iterable<string>): string[] {
  const hit = new Set(fuzzed);
  return [...new Set(routes)].filter((route) => !hit.has(route)).sort();
}
