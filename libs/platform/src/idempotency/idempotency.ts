import { createHash } from 'node:crypto';
import { RuleViolation } from '@convene/event-store';

/** A response as it is replayed for a repeated Idempotency-Key. */
export interface IdempotentResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface IdempotencyRecord {
  requestHash: string;
  /** Absent while the first request is in flight, or when it failed after its append. */
  response?: IdempotentResponse;
}

/**
 * Port for the store of idempotency keys (implemented over Postgres by the API). The event store
 * may already have recorded key and hash with the append; saveResponse completes the record.
 */
export interface IdempotencyStore {
  find(key: string): Promise<IdempotencyRecord | null>;
  saveResponse(key: string, response: IdempotentResponse, requestHash: string): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export class InvalidIdempotencyKey extends RuleViolation {
  constructor() {
    super('InvalidIdempotencyKey', 'Idempotency-Key must be 1 to 255 printable ASCII characters', 400);
  }
}

const PRINTABLE = /^[\x20-\x7E]{1,255}$/;

export function parseIdempotencyKey(header: string | string[]): string {
  if (typeof header !== 'string' || !PRINTABLE.test(header) || header.trim() === '') {
    throw new InvalidIdempotencyKey();
  }
  return header;
}

/** JSON with object keys sorted at every depth, so that key order does not change the hash. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    ) ?? ''
  );
}

export interface HashedRequest {
  method: string;
  /** Path and query as sent: the same key on another resource is another request. */
  path: string;
  /** Part of the hash so that one user's key can never replay another user's response. */
  actor: string;
  body: unknown;
}

export function requestHash({ method, path, actor, body }: HashedRequest): string {
  return createHash('sha256')
    .update([method.toUpperCase(), path, actor, canonicalJson(body)].join('\n'))
    .digest('hex');
}

/** For tests and local development; loses everything on restart and is not shared between instances. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  readonly records = new Map<string, IdempotencyRecord>();

  async find(key: string): Promise<IdempotencyRecord | null> {
    return this.records.get(key) ?? null;
  }

  async saveResponse(key: string, response: IdempotentResponse, requestHash: string): Promise<void> {
    this.records.set(key, { requestHash, response });
  }
}
