import { createParamDecorator } from '@nestjs/common';
import { RequestContext } from '../request-context/request-context.js';
import type { Principal as VerifiedPrincipal } from './principal.js';

/**
 * `@Principal() principal: Principal`: the verified caller, undefined on a public endpoint
 * called without a token. The type of the same name is re-exported here so one import serves both.
 */
export const Principal = createParamDecorator(
  (_data: unknown): VerifiedPrincipal | undefined => RequestContext.current()?.principal,
);
export type Principal = VerifiedPrincipal;
