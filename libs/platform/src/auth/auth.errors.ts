import { RuleViolation } from '@convene/event-store';
import type { Role } from './principal.js';

export class AuthenticationRequired extends RuleViolation {
  constructor() {
    super('AuthenticationRequired', 'This endpoint needs a bearer token', 401);
  }
}

export class InvalidToken extends RuleViolation {
  constructor(reason: string) {
    super('InvalidToken', `The bearer token was rejected: ${reason}`, 401);
  }
}

export class RoleNotAllowed extends RuleViolation {
  constructor(allowed: readonly Role[]) {
    super('RoleNotAllowed', 'None of your roles may call this endpoint', 403, { allowedRoles: allowed });
  }
}

/** Secure by default: an endpoint nobody declared access for is closed to everyone. */
export class EndpointAccessUndeclared extends RuleViolation {
  constructor() {
    super('EndpointAccessUndeclared', 'This endpoint declares no access and is closed', 403);
  }
}
