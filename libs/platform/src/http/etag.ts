import { RuleViolation } from '@convene/event-store';
import { RequestContext } from '../request-context/request-context.js';

export class InvalidIfMatch extends RuleViolation {
  constructor(header: string) {
    super('InvalidIfMatch', 'If-Match must be one entity tag holding a stream version, like "3"', 400, {
      ifMatch: header,
    });
  }
}

/** ETag = stream version, so that a client can send it back as If-Match. */
export function setEtag(res: { setHeader(name: string, value: string): unknown }, version: number): void {
  res.setHeader('ETag', `"${version}"`);
}

// A weak tag is accepted too: proxies that compress a response may weaken the ETag they pass on.
const VERSION_TAG = /^\s*(?:W\/)?"(\d{1,15})"\s*$/;

/** The version an If-Match header expects; throws InvalidIfMatch for anything but one version tag. */
export function parseIfMatch(header: string): number {
  const match = VERSION_TAG.exec(header);
  if (!match) throw new InvalidIfMatch(header);
  return Number(match[1]);
}

/** Expected version from the current request's If-Match (or the given header); undefined when absent. */
export function expectedVersionFromIfMatch(header: string | undefined = RequestContext.current()?.ifMatch): number | undefined {
  return header === undefined ? undefined : parseIfMatch(header);
}
