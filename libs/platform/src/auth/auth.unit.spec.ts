import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Controller, Get } from '@nestjs/common';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Allow, getDeclaredAccess } from './access.js';
import { InvalidToken } from './auth.errors.js';
import { type JwtSettings, jwtSettingsFromEnv, LOCAL_KEY_FILE } from './jwt-keys.js';
import { principalFromClaims } from './principal.js';
import { runTokenCommand, TokenIssuer } from './token-issuer.js';
import { TokenVerifier } from './token-verifier.js';

let dataDir: string;
let settings: JwtSettings;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'convene-auth-'));
  settings = jwtSettingsFromEnv(dataDir, {});
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('principalFromClaims', () => {
  it('accepts known roles and an alpha-3 state', () => {
    expect(principalFromClaims({ sub: 'fp-1', roles: ['focal-point'], state: 'SGP', name: 'Lee' })).toEqual({
      sub: 'fp-1',
      roles: ['focal-point'],
      state: 'SGP',
      name: 'Lee',
    });
  });

  it.each([
    [{ roles: ['chair'] }, /subject/],
    [{ sub: 'a', roles: [] }, /no roles/],
    [{ sub: 'a', roles: 'chair' }, /no roles/],
    [{ sub: 'a', roles: ['admin'] }, /unknown role/],
    [{ sub: 'a', roles: ['focal-point'] }, /needs a state/],
    [{ sub: 'a', roles: ['focal-point'], state: 'SG' }, /alpha-3/],
  ])('refuses %j', (claims, reason) => {
    expect(principalFromClaims(claims)).toMatch(reason);
  });
});

describe('jwtSettingsFromEnv', () => {
  it('defaults issuer and audience and reads the overrides', () => {
    expect(jwtSettingsFromEnv('/d', {})).toEqual({ issuer: 'convene', audience: 'convene-api', dataDir: '/d' });
    expect(
      jwtSettingsFromEnv('/d', { CONVENE_JWT_ISSUER: 'idp', CONVENE_JWT_AUDIENCE: 'api', CONVENE_JWKS_URL: 'https://idp/jwks' }),
    ).toEqual({ issuer: 'idp', audience: 'api', jwksUrl: 'https://idp/jwks', dataDir: '/d' });
  });
});

describe('local tokens', () => {
  it('issues a token the verifier accepts, with the key generated once into jwt-keys.json', async () => {
    const token = await new TokenIssuer(settings).issueToken({ role: 'focal-point', sub: 'fp-1', state: 'SGP', name: 'Lee' });
    // A second verifier instance reads the same file: restarts keep tokens valid.
    const principal = await new TokenVerifier({ ...settings }).verify(token);
    expect(principal).toEqual({ sub: 'fp-1', roles: ['focal-point'], state: 'SGP', name: 'Lee' });
    const file = join(dataDir, LOCAL_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ alg: 'ES256', publicKey: { kty: 'EC', crv: 'P-256' } });
  });

  it.each([
    ['expired', { expiresIn: '-1h' }, { issuer: 'convene', audience: 'convene-api' }, /expired/],
    ['for another audience', {}, { issuer: 'convene', audience: 'other-api' }, /"aud"/],
    ['from another issuer', {}, { issuer: 'someone-else', audience: 'convene-api' }, /"iss"/],
  ])('rejects a token %s', async (_case, input, issuedWith, reason) => {
    const token = await new TokenIssuer({ ...issuedWith, dataDir }).issueToken({ role: 'chair', sub: 'c', ...input });
    await expect(new TokenVerifier(settings).verify(token)).rejects.toThrow(reason);
  });

  // Verified tokens are remembered (the same token comes with every request), but never past
  // their expiry: a 30 s token is refused 40 s later, before the memory's own 60 s are up.
  it('a remembered token is refused once it expires', async () => {
    jest.useFakeTimers({ now: Date.now() });
    try {
      const token = await new TokenIssuer(settings).issueToken({ role: 'chair', sub: 'c', expiresIn: '30s' });
      const verifier = new TokenVerifier(settings);
      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'c' });
      jest.advanceTimersByTime(20_000);
      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'c' });
      jest.advanceTimersByTime(20_000);
      await expect(verifier.verify(token)).rejects.toThrow(/expired/);
    } finally {
      jest.useRealTimers();
    }
  });

  it('rejects garbage and tokens without an expiry', async () => {
    const verifier = new TokenVerifier(settings);
    await expect(verifier.verify('garbage')).rejects.toBeInstanceOf(InvalidToken);
    const { privateKey } = await generateKeyPair('ES256');
    const unsigned = await new SignJWT({ roles: ['chair'] }).setProtectedHeader({ alg: 'ES256' }).setSubject('x').sign(privateKey);
    await expect(verifier.verify(unsigned)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses to issue a token the verifier would reject', async () => {
    await expect(new TokenIssuer(settings).issueToken({ role: 'focal-point', sub: 'fp-2' })).rejects.toThrow(/needs a state/);
  });

  it('refuses to issue when tokens come from an identity provider', async () => {
    await expect(
      new TokenIssuer({ ...settings, jwksUrl: 'https://idp.example/jwks' }).issueToken({ role: 'chair', sub: 'c' }),
    ).rejects.toThrow(/CONVENE_JWKS_URL/);
  });
});

describe('runTokenCommand', () => {
  it('prints a token for the given role and subject', async () => {
    const printed: string[] = [];
    const token = await runTokenCommand(['--role', 'focal-point', '--sub', 'fp-9', '--state', 'SGP', '--data-dir', dataDir], {
      env: {},
      write: (text) => printed.push(text),
    });
    expect(printed).toEqual([`${token}\n`]);
    await expect(new TokenVerifier(settings).verify(token)).resolves.toMatchObject({ sub: 'fp-9', state: 'SGP' });
  });

  it('rejects an unknown role', async () => {
    await expect(runTokenCommand(['--role', 'root', '--sub', 'x', '--data-dir', dataDir], { env: {}, write: () => {}, writeError: () => {} })).rejects.toThrow(
      /root/,
    );
  });
});

describe('tokens from a JWKS endpoint', () => {
  let server: Server;
  let jwksUrl: string;
  let sign: (audience: string) => Promise<string>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), alg: 'RS256', use: 'sig' };
    const kid = await calculateJwkThumbprint(jwk);
    server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: [{ ...jwk, kid }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    sign = (audience) =>
      new SignJWT({ roles: ['secretariat'] })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject('idp-user')
        .setIssuer('https://idp.example')
        .setAudience(audience)
        .setExpirationTime('5m')
        .sign(privateKey);
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('verifies against the published keys', async () => {
    const verifier = new TokenVerifier({ issuer: 'https://idp.example', audience: 'convene-api', jwksUrl, dataDir });
    await expect(verifier.verify(await sign('convene-api'))).resolves.toEqual({ sub: 'idp-user', roles: ['secretariat'] });
    await expect(verifier.verify(await sign('elsewhere'))).rejects.toBeInstanceOf(InvalidToken);
  });

  it('does not accept locally signed tokens', async () => {
    const local = await new TokenIssuer({ issuer: 'https://idp.example', audience: 'convene-api', dataDir }).issueToken({ role: 'chair', sub: 'c' });
    const verifier = new TokenVerifier({ issuer: 'https://idp.example', audience: 'convene-api', jwksUrl, dataDir });
    await expect(verifier.verify(local)).rejects.toBeInstanceOf(InvalidToken);
  });
});

describe('@Allow', () => {
  @Controller('x')
  @Allow('secretariat')
  class XController {
    @Get('a') @Allow('chair') a() {}
    @Get('b') b() {}
  }

  it('lets a method declaration override the controller one', () => {
    expect(getDeclaredAccess(XController, 'a')).toEqual(['chair']);
    expect(getDeclaredAccess(XController, 'b')).toEqual(['secretariat']);
  });

  it('refuses public mixed with roles', () => {
    expect(() => Allow('public', 'chair')).toThrow(/public/);
  });
});
