import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { LRUCache } from 'lru-cache';
import { InvalidToken } from './auth.errors.js';
import { type JwtSettings, LOCAL_KEY_ALG, loadOrCreateLocalKeys } from './jwt-keys.js';
import { type Principal, principalFromClaims } from './principal.js';

export const JWT_SETTINGS = Symbol('JWT_SETTINGS');

/** Asymmetric algorithms only: an HMAC "key" from a public JWKS would be a forgery vector. */
const REMOTE_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];

/** Failures that say something about the token rather than about our ability to check it. */
const TOKEN_FAULTS: Record<string, string> = {
  ERR_JWT_EXPIRED: 'the token has expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'the signature does not verify',
  ERR_JWS_INVALID: 'the token is malformed',
  ERR_JWT_INVALID: 'the token is malformed',
  ERR_JOSE_ALG_NOT_ALLOWED: 'the signing algorithm is not accepted',
  ERR_JOSE_NOT_SUPPORTED: 'the signing algorithm is not accepted',
  ERR_JWKS_NO_MATCHING_KEY: 'no known key signed this token',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'no known key signed this token',
};

/** How long a verified token is taken without checking its signature again (at most until it expires). */
const VERIFIED_TOKEN_TTL_MS = 60_000;
const CLOCK_TOLERANCE_S = 5;

@Injectable()
export class TokenVerifier {
  private readonly options: JWTVerifyOptions;
  private readonly remoteKeys?: ReturnType<typeof createRemoteJWKSet>;
  /**
   * Tokens whose signature and claims verified, with their payload: a client sends the same token
   * with every request, and an ES256 verification cost about 5 % of the API's CPU in the soak.
   * An entry lives until the token expires, at most VERIFIED_TOKEN_TTL_MS: a key withdrawn from the
   * identity provider's JWKS stops being honoured within that time. Only exact token strings hit.
   */
  private readonly verified = new LRUCache<string, { payload: JWTPayload; untilMs: number }>({ max: 1_000 });

  constructor(@Inject(JWT_SETTINGS) private readonly settings: JwtSettings) {
    this.options = {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: settings.jwksUrl ? REMOTE_ALGORITHMS : [LOCAL_KEY_ALG],
      requiredClaims: ['sub', 'exp'],
      clockTolerance: CLOCK_TOLERANCE_S,
    };
    if (settings.jwksUrl) this.remoteKeys = createRemoteJWKSet(new URL(settings.jwksUrl));
  }

  async verify(token: string): Promise<Principal> {
    const remembered = this.verified.get(token);
    const payload = remembered && Date.now() < remembered.untilMs ? remembered.payload : await this.verifySignatureAndClaims(token);
    const principal = principalFromClaims(payload);
    if (typeof principal === 'string') throw new InvalidToken(principal);
    return principal;
  }

  private async verifySignatureAndClaims(token: string): Promise<JWTPayload> {
    try {
      const result = this.remoteKeys
        ? await jwtVerify(token, this.remoteKeys, this.options)
        : await jwtVerify(token, (await loadOrCreateLocalKeys(this.settings.dataDir)).publicKey, this.options);
      // exp is a required claim: the entry is not taken once the token would no longer verify.
      this.verified.set(token, { payload: result.payload, untilMs: Math.min(Date.now() + VERIFIED_TOKEN_TTL_MS, (result.payload.exp! + CLOCK_TOLERANCE_S) * 1000) });
      return result.payload;
    } catch (error) {
      this.verified.delete(token);
      // An unreachable JWKS endpoint is our fault, not the caller's: let it become a 500.
      if (error instanceof errors.JWTClaimValidationFailed) {
        throw new InvalidToken(`the "${error.claim}" claim is not acceptable`);
      }
      if (error instanceof errors.JOSEError && error.code in TOKEN_FAULTS) {
        throw new InvalidToken(TOKEN_FAULTS[error.code]);
      }
      throw error;
    }
  }
}
