import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { IdempotencyKeyReused } from '@convene/event-store';
import { concatMap, from, type Observable, of, switchMap } from 'rxjs';
import type { HttpRequest, HttpResponse } from '../http/http-types.js';
import { RequestContext } from '../request-context/request-context.js';
import {
  IDEMPOTENCY_STORE,
  type IdempotencyStore,
  type IdempotentResponse,
  parseIdempotencyKey,
  requestHash,
} from './idempotency.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Headers that describe the result; per-request ones (date, correlation id) are not replayed. */
const REPLAYED_HEADERS = ['etag', 'location', 'content-location'];

export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

function replayedHeaders(res: HttpResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/**
 * Idempotency-Key for unsafe methods: a repeated request gets the first response back and the
 * handler does not run again; the same key with another request is refused. Only successful
 * responses are kept, so a request that failed may be retried with its key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<HttpRequest>();
    const res = context.switchToHttp().getResponse<HttpResponse>();
    const header = req.headers['idempotency-key'];
    if (!UNSAFE_METHODS.has(req.method ?? '') || header === undefined) return next.handle();

    const key = parseIdempotencyKey(header);
    const request = RequestContext.get();
    const hash = requestHash({
      method: req.method ?? '',
      path: req.originalUrl ?? req.url ?? '',
      actor: request.principal?.sub ?? 'anonymous',
      body: req.body,
    });
    request.idempotency = { key, requestHash: hash };

    return from(this.store.find(key)).pipe(
      switchMap((found) => {
        if (found && found.requestHash !== hash) throw new IdempotencyKeyReused(key);
        if (found?.response) return of(this.replay(res, found.response));
        return next.handle().pipe(
          concatMap(async (body) => {
            await this.store.saveResponse(
              key,
              // Stored as JSON carries it (class instances flattened), so the replay sends the same document.
              { status: res.statusCode, body: body === undefined ? undefined : JSON.parse(JSON.stringify(body)), headers: replayedHeaders(res) },
              hash,
            );
            return body;
          }),
        );
      }),
    );
  }

  private replay(res: HttpResponse, response: IdempotentResponse): unknown {
    // Nest set the route's default status before interceptors ran; the saved one wins.
    res.statusCode = response.status;
    for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return response.body;
  }
}
