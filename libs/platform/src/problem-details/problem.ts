import { HttpException, NotFoundException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ConcurrencyConflict, RuleViolation } from '@convene/event-store';

export const PROBLEM_TYPE_BASE = 'https://convene.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** RFC 9457 problem document, with the broken rule's name as an extension member. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  rule: string;
  [extension: string]: unknown;
}

export interface Problem {
  status: number;
  headers: Record<string, string>;
  body: ProblemDocument;
  /** Set when the error is a fault of ours and must be logged; its message never reaches the client. */
  internal?: unknown;
}

/** What the mapping needs to know about the request. */
export interface ProblemRequest {
  path: string;
  /** A route matched: an HttpException 404 from a handler is not an unknown route. */
  routeMatched: boolean;
  hasIfMatch: boolean;
}

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance', 'rule']);

/** "RegistrationExceedsCapacity" -> "Registration exceeds capacity": stable per type, as RFC 9457 wants. */
export function titleFromRule(rule: string): string {
  const words = rule.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Payload Too Large" -> "PayloadTooLarge", for HttpExceptions that carry no rule of their own. */
function ruleFromStatus(status: number): string {
  return (STATUS_CODES[status] ?? 'Error').replace(/[^A-Za-z]/g, '') || 'Error';
}

function document(
  req: ProblemRequest,
  status: number,
  rule: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): ProblemDocument {
  const safe = Object.fromEntries(Object.entries(extensions).filter(([key]) => !RESERVED.has(key)));
  return {
    type: PROBLEM_TYPE_BASE + rule,
    title: titleFromRule(rule),
    status,
    detail,
    instance: req.path,
    rule,
    ...safe,
  };
}

function withAuthChallenge(status: number, rule: string): Record<string, string> {
  if (status !== 401) return {};
  // RFC 6750: a bad token gets error="invalid_token"; a missing one a bare challenge.
  return { 'WWW-Authenticate': rule === 'InvalidToken' ? 'Bearer error="invalid_token"' : 'Bearer' };
}

/** A 429 or 503 that knows when to come back says so in Retry-After (RFC 9110 10.2.3). */
function withRetryAfter(error: RuleViolation): Record<string, string> {
  const seconds = error.details.retryAfterSeconds;
  if ((error.status !== 429 && error.status !== 503) || typeof seconds !== 'number') return {};
  return { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) };
}

function httpExceptionDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}

interface ReadFailure {
  status: number;
  rule: string;
  detail: string;
}

/** The body parser's failures, by the `type` it gives them (body-parser, raw-body; entity.too.deep is ours, see http-hardening). */
const BODY_READ_FAILURES: Record<string, ReadFailure> = {
  'entity.parse.failed': { status: 400, rule: 'MalformedJson', detail: 'The request body is not valid JSON' },
  'entity.too.large': { status: 413, rule: 'PayloadTooLarge', detail: 'The request body is too large' },
  'entity.too.deep': { status: 400, rule: 'JsonTooDeep', detail: 'The request body nests objects and arrays too deeply' },
  'charset.unsupported': { status: 415, rule: 'UnsupportedCharset', detail: 'The request body must be sent in UTF-8' },
  'encoding.unsupported': { status: 415, rule: 'UnsupportedContentEncoding', detail: 'The Content-Encoding of the request body is not supported (gzip, deflate, br or none)' },
  'request.size.invalid': { status: 400, rule: 'ContentLengthMismatch', detail: 'The request body is not as long as its Content-Length says' },
  'request.aborted': { status: 400, rule: 'RequestAborted', detail: 'The request body ended before it was complete' },
  'parameters.too.many': { status: 413, rule: 'TooManyParameters', detail: 'The request body holds too many parameters' },
};

/** zlib and brotli error codes: a body that its Content-Encoding cannot decompress (raw-body passes them on without a type). */
const DECOMPRESSION_ERROR = /^(Z_|ERR__|ERR_BROTLI|ERR_ZSTD)/;

/** Failures of reading the request before any handler ran: its body, or a path segment that is not percent-encoded UTF-8. */
function readFailure(error: HttpException): ReadFailure | undefined {
  const cause = error.cause as { type?: unknown; code?: unknown } | undefined;
  if (typeof cause?.type === 'string' && Object.hasOwn(BODY_READ_FAILURES, cause.type)) return BODY_READ_FAILURES[cause.type];
  if (error.getStatus() === 413) return BODY_READ_FAILURES['entity.too.large'];
  // Express's router: "Failed to decode param '%E0%A4%A'" (Nest maps the URIError to a bare 400).
  if (cause instanceof URIError) return { status: 400, rule: 'MalformedPercentEncoding', detail: httpExceptionDetail(error) };
  if (typeof cause?.code === 'string' && DECOMPRESSION_ERROR.test(cause.code)) {
    return { status: 400, rule: 'MalformedContentEncoding', detail: 'The request body cannot be decompressed as its Content-Encoding says' };
  }
  return undefined;
}

const INTERNAL_DETAIL = 'An unexpected error occurred. Quote the correlation id when reporting it.';

/** Maps any thrown value to the problem document the client gets. Pure: the filter does the I/O. */
export function toProblem(error: unknown, req: ProblemRequest): Problem {
  if (error instanceof RuleViolation) {
    const status = error instanceof ConcurrencyConflict && req.hasIfMatch ? 412 : error.status;
    return {
      status,
      headers: { ...withAuthChallenge(status, error.rule), ...withRetryAfter(error) },
      body: document(req, status, error.rule, error.message, error.details),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status >= 500) {
      return { status, headers: {}, body: document(req, status, 'InternalError', INTERNAL_DETAIL), internal: error };
    }
    if (error instanceof NotFoundException && !req.routeMatched) {
      return { status: 404, headers: {}, body: document(req, 404, 'RouteNotFound', `No route serves ${req.path}`) };
    }
    const failure = readFailure(error);
    if (failure) return { status: failure.status, headers: {}, body: document(req, failure.status, failure.rule, failure.detail) };
    const rule = ruleFromStatus(status);
    return { status, headers: withAuthChallenge(status, rule), body: document(req, status, rule, httpExceptionDetail(error)) };
  }
  return { status: 500, headers: {}, body: document(req, 500, 'InternalError', INTERNAL_DETAIL), internal: error };
}
