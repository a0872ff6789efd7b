/** Roles a token can carry. */
export const TOKEN_ROLES = ['secretariat', 'chair', 'focal-point', 'participant'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** Who may call an endpoint: a token role, or `public` for "no token needed". */
export type Role = TokenRole | 'public';

/** The authenticated caller, taken from a verified token. */
export interface Principal {
  sub: string;
  roles: TokenRole[];
  /** ISO 3166-1 alpha-3 code of the State a focal point speaks for. */
  state?: string;
  name?: string;
}

export function isTokenRole(value: unknown): value is TokenRole {
  return (TOKEN_ROLES as readonly unknown[]).includes(value);
}

const ALPHA3 = /^[A-Z]{3}$/;

/**
 * Checks the custom claims of a token (or of a token about to be issued). Returns the reason
 * it is unacceptable, or the principal. Shared by issuer and verifier so that the issuer can
 * never mint a token the verifier rejects.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal | string {
  const { sub, roles, state, name } = claims;
  if (typeof sub !== 'string' || sub.length === 0) return 'the token has no subject';
  if (!Array.isArray(roles) || roles.length === 0) return 'the token has no roles';
  if (!roles.every(isTokenRole)) return 'the token carries an unknown role';
  if (state !== undefined && (typeof state !== 'string' || !ALPHA3.test(state))) {
    return 'state must be an ISO 3166-1 alpha-3 code';
  }
  if (roles.includes('focal-point') && state === undefined) return 'a focal point token needs a state';
  if (name !== undefined && typeof name !== 'string') return 'name must be a string';
  return {
    sub,
    roles: [...new Set(roles)],
    ...(state !== undefined && { state }),
    ...(name !== undefined && { name }),
  };
}
