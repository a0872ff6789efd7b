import type { ServerResponse } from 'node:http';
import { RequestContext, setEtag } from '@convene/platform';
import type { Viewer } from '../read-models/scheduling-views.js';

/** The caller as the read side sees it: any token with the secretariat role sees drafts. */
export function currentViewer(): Viewer {
  return { secretariat: RequestContext.current()?.principal?.roles.includes('secretariat') ?? false };
}

/**
 * Headers of a read whose content depends on who asks (drafts are for the secretariat only):
 * shared caches must key on the Authorization header.
 */
export function readHeaders(res: ServerResponse, etag: number | string): void {
  if (typeof etag === 'number') setEtag(res, etag);
  else res.setHeader('ETag', etag);
  res.setHeader('Vary', 'Authorization');
}
