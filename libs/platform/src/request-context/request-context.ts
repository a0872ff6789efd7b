import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandMeta } from '@convene/event-store';
import type { Principal, Role } from '../auth/principal.js';

/** What the platform knows about the request being served. Mutable: guard and interceptor fill it in. */
export interface RequestContextState {
  readonly correlationId: string;
  /** "Controller.handler" once a route matched (set by the access guard, which runs first). */
  route?: string;
  principal?: Principal;
  /** The role under which the principal was let in (`public` when no token was needed or sent). */
  actingRole?: Role;
  idempotency?: { key: string; requestHash: string };
  /** Raw If-Match header; parsed on demand by expectedVersionFromIfMatch(). */
  ifMatch?: string;
}

const storage = new AsyncLocalStorage<RequestContextState>();

export const RequestContext = {
  /** Runs fn with a fresh context (middleware, CLI commands, background jobs). */
  run<T>(state: RequestContextState, fn: () => T): T {
    return storage.run(state, fn);
  },
  current(): RequestContextState | undefined {
    return storage.getStore();
  },
  get(): RequestContextState {
    const state = storage.getStore();
    if (!state) {
      throw new Error('No request context: is RequestContextMiddleware applied (PlatformModule imported)?');
    }
    return state;
  },
};

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Metadata for a command dispatched while serving the current request. */
export function commandMeta(clock: Clock = systemClock): CommandMeta {
  const { principal, actingRole, correlationId, idempotency } = RequestContext.get();
  return {
    actor: principal?.sub ?? 'anonymous',
    actorRole: actingRole ?? principal?.roles[0] ?? 'public',
    correlationId,
    occurredAt: clock.now().toISOString(),
    ...(idempotency && { idempotency: { ...idempotency } }),
  };
}

/**
 * The id of what the current request creates (a series, a consultation, a session, a key point).
 * Without an Idempotency-Key, a random UUID. With one, the same id on every attempt of that
 * request: a UUID (version 5 layout) derived from the key and the request's hash. A retry whose
 * first attempt was committed but whose answer was lost (the process died in between) must
 * name what the first attempt created, not an id that exists nowhere; found by the crash proof
 * (test/proof/crash). `purpose` tells apart several ids of one request.
 */
export function newResourceId(purpose = ''): string {
  const idempotency = RequestContext.current()?.idempotency;
  if (!idempotency) return randomUUID();
  const bytes = createHash('sha1').update(`convene:resource\n${idempotency.key}\n${idempotency.requestHash}\n${purpose}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const CORRELATION_ID_HEADER = 'X-Correlation-Id';

/** Only ids that cannot forge log lines or headers are taken from the client. */
const ACCEPTABLE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const correlationIds = new WeakMap<IncomingMessage, string>();

/**
 * The request's correlation id, decided once per request and echoed in the response header.
 * Called by the request logger (before the body is parsed) and again by the context middleware,
 * so both see the same id even when the body parser fails in between.
 */
export function ensureCorrelationId(req: IncomingMessage, res: ServerResponse): string {
  let id = correlationIds.get(req);
  if (id === undefined) {
    const sent = req.headers[CORRELATION_ID_HEADER.toLowerCase()];
    id = typeof sent === 'string' && ACCEPTABLE_CORRELATION_ID.test(sent) ? sent : randomUUID();
    correlationIds.set(req, id);
    if (!res.headersSent) res.setHeader(CORRELATION_ID_HEADER, id);
  }
  return id;
}
