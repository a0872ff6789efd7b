import { Injectable } from '@nestjs/common';
import { EventStore } from '@convene/event-store';
import type { IdempotencyRecord, IdempotencyStore, IdempotentResponse } from '@convene/platform';

/**
 * Idempotency keys live in the event store's table: the append claims the key in the same
 * transaction as the events; the HTTP response is added here once it is known.
 */
@Injectable()
export class PgIdempotencyStore implements IdempotencyStore {
  constructor(private readonly store: EventStore) {}

  async find(key: string): Promise<IdempotencyRecord | null> {
    const found = await this.store.findIdempotencyKey(key);
    if (!found) return null;
    return {
      requestHash: found.requestHash,
      ...(found.response ? { response: found.response as IdempotentResponse } : {}),
    };
  }

  async saveResponse(key: string, response: IdempotentResponse, requestHash: string): Promise<void> {
    await this.store.saveIdempotentResponse(key, requestHash, response);
  }
}
