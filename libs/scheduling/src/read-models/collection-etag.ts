import { createHash } from 'node:crypto';

/**
 * A collection has no single stream version; its weak tag changes whenever a member or the
 * membership changes. It cannot serve as If-Match, which takes one stream's version.
 */
export function collectionEtag(members: Array<{ id: string; version: number }>): string {
  const digest = createHash('sha256');
  for (const m of members) digest.update(`${m.id}:${m.version}\n`);
  return `W/"${digest.digest('base64url').slice(0, 22)}"`;
}
