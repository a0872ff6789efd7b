import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The parts of an Express request the platform reads. Express's own types are not installed,
 * and everything here works on the Node request that Express extends.
 */
export interface HttpRequest extends IncomingMessage {
  /** Set by Express: the URL before a router stripped its mount path. */
  originalUrl?: string;
  body?: unknown;
}

export type HttpResponse = ServerResponse;

/** Path of the request without its query string (the problem's `instance`). */
export function requestPath(req: HttpRequest): string {
  return (req.originalUrl ?? req.url ?? '/').split('?')[0];
}
