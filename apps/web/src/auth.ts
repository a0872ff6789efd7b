/**
 * Staff sign in by pasting a bearer token (issued by the identity provider, or `convene token`
 * in development). It lives in sessionStorage: gone when the tab closes, never sent anywhere but
 * to this origin's API. The claims are read only to show who is signed in and which screens fit;
 * the API decides what the token may do.
 */
import { signal } from './signal';

export type Role = 'secretariat' | 'chair' | 'focal-point' | 'participant';

export interface Session {
  token: string;
  role: Role;
  sub: string;
  state?: string;
  expiresAt?: number;
}

const KEY = 'convene.token';

function base64UrlJson(part: string): Record<string, unknown> {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** The claims of a JWT, or an error message in words. */
export function readToken(token: string): Session | string {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  const parts = trimmed.split('.');
  if (parts.length !== 3) return 'This is not a token: a token has three parts separated by dots.';
  let claims: Record<string, unknown>;
  try {
    claims = base64UrlJson(parts[1]!);
  } catch {
    return 'This token cannot be read. Copy it again, in one piece.';
  }
  // The API's tokens carry `roles` (an array; the first one acts on public endpoints); `role` is accepted too.
  const roles = Array.isArray(claims.roles) ? claims.roles : [claims.role];
  const role = roles.find((r): r is Role => r === 'secretariat' || r === 'chair' || r === 'focal-point' || r === 'participant');
  if (!role) return 'This token names no Convene role (secretariat, chair, focal-point or participant).';
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  if (exp !== undefined && exp < Date.now()) return 'This token has expired. Ask for a new one.';
  return {
    token: trimmed,
    role,
    sub: String(claims.sub ?? ''),
    ...(typeof claims.state === 'string' && { state: claims.state }),
    ...(exp !== undefined && { expiresAt: exp }),
  };
}

function stored(): Session | null {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const session = readToken(token);
  return typeof session === 'string' ? null : session;
}

export const session = signal<Session | null>(stored());

export function signIn(s: Session): void {
  sessionStorage.setItem(KEY, s.token);
  session.set(s);
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  session.set(null);
}

export const isStaff = (s: Session | null): s is Session => s?.role === 'secretariat' || s?.role === 'chair';
