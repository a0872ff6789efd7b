import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
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

@Injectable()
export class TokenVerifier {
  private readonly options: JWTVerifyOptions;
  private readonly remoteKeys?: ReturnType<typeof createRemoteJWKSet>;

  constructor(@Inject(JWT_SETTINGS) private readonly settings: JwtSettings) {
    this.options = {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: settings.jwksUrl ? REMOTE_ALGORITHMS : [LOCAL_KEY_ALG],
      requiredClaims: ['sub', 'exp'],
      clockTolerance: 5,
    };
    if (settings.jwksUrl) this.remoteKeys = createRemoteJWKSet(new URL(settings.jwksUrl));
  }

  async verify(token: string): Promise<Principal> {
    const payload = await this.verifySignatureAndClaims(token);
    const principal = principalFromClaims(payload);
    if (typeof principal === 'string') throw new InvalidToken(principal);
    return principal;
  }

  private async verifySignatureAndClaims(token: string): Promise<JWTPayload> {
    try {
      const result = this.remoteKeys
        ? await jwtVerify(token, this.remoteKeys, this.options)
        : await jwtVerify(token, (await loadOrCreateLocalKeys(this.settings.dataDir)).publicKey, this.options);
      return result.payload;
    } catch (error) {
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
