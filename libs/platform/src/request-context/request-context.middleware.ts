import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ensureCorrelationId, RequestContext } from './request-context.js';

/**
 * Opens the request context for everything after it. Runs as Nest middleware, after the body
 * parser: a context opened before the parser is lost in its stream callbacks.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    const correlationId = ensureCorrelationId(req, res);
    const ifMatch = req.headers['if-match'];
    RequestContext.run({ correlationId, ...(ifMatch !== undefined && { ifMatch }) }, next);
  }
}
