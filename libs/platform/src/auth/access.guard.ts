import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { HttpRequest } from '../http/http-types.js';
import { RequestContext } from '../request-context/request-context.js';
import { ACCESS_METADATA } from './access.js';
import { AuthenticationRequired, EndpointAccessUndeclared, InvalidToken, RoleNotAllowed } from './auth.errors.js';
import type { Role } from './principal.js';
import { TokenVerifier } from './token-verifier.js';

function bearerToken(req: HttpRequest): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header);
  if (!match) throw new InvalidToken('the Authorization header is not "Bearer <token>"');
  return match[1];
}

/**
 * Global guard: the endpoint's @Allow declaration decides. A present token is always verified,
 * also on public endpoints, so that a client with a broken token learns it at once.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = RequestContext.get();
    request.route = `${context.getClass().name}.${context.getHandler().name}`;
    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed) throw new EndpointAccessUndeclared();

    const token = bearerToken(context.switchToHttp().getRequest<HttpRequest>());
    const principal = token === undefined ? undefined : await this.verifier.verify(token);
    if (allowed.includes('public')) {
      request.principal = principal;
      request.actingRole = principal?.roles[0] ?? 'public';
      return true;
    }
    if (!principal) throw new AuthenticationRequired();
    const role = allowed.find((r) => (principal.roles as Role[]).includes(r));
    if (!role) throw new RoleNotAllowed(allowed);
    request.principal = principal;
    request.actingRole = role;
    return true;
  }
}
