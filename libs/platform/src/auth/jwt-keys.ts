import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export const LOCAL_KEY_ALG = 'ES256';
export const LOCAL_KEY_FILE = 'jwt-keys.json';

export interface JwtSettings {
  issuer: string;
  audience: string;
  /** Production: tokens come from an identity provider that publishes its keys here. */
  jwksUrl?: string;
  /** Development: holds jwt-keys.json, the local ES256 pair. */
  dataDir: string;
}

export function jwtSettingsFromEnv(dataDir: string, env: NodeJS.ProcessEnv = process.env): JwtSettings {
  return {
    issuer: env.CONVENE_JWT_ISSUER || 'convene',
    audience: env.CONVENE_JWT_AUDIENCE || 'convene-api',
    ...(env.CONVENE_JWKS_URL && { jwksUrl: env.CONVENE_JWKS_URL }),
    dataDir,
  };
}

export interface LocalKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

interface KeyFile {
  alg: string;
  kid: string;
  privateKey: JWK;
  publicKey: JWK;
}

const loaded = new Map<string, Promise<LocalKeys>>();

/** The local signing pair, generated into <dataDir>/jwt-keys.json on first use. */
export function loadOrCreateLocalKeys(dataDir: string): Promise<LocalKeys> {
  const file = join(dataDir, LOCAL_KEY_FILE);
  let keys = loaded.get(file);
  if (!keys) {
    keys = readOrCreate(dataDir, file);
    loaded.set(file, keys);
    keys.catch(() => loaded.delete(file));
  }
  return keys;
}

async function readOrCreate(dataDir: string, file: string): Promise<LocalKeys> {
  try {
    return await importKeyFile(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const pair = await generateKeyPair(LOCAL_KEY_ALG, { extractable: true });
  const publicKey = await exportJWK(pair.publicKey);
  const content: KeyFile = {
    alg: LOCAL_KEY_ALG,
    kid: await calculateJwkThumbprint(publicKey),
    privateKey: await exportJWK(pair.privateKey),
    publicKey,
  };
  await mkdir(dataDir, { recursive: true });
  try {
    // "wx": when another process created the file meanwhile, its keys win.
    await writeFile(file, JSON.stringify(content, null, 2), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return importKeyFile(await readFile(file, 'utf8'));
  }
  return { kid: content.kid, privateKey: pair.privateKey, publicKey: pair.publicKey };
}

async function importKeyFile(json: string): Promise<LocalKeys> {
  const content = JSON.parse(json) as KeyFile;
  return {
    kid: content.kid,
    privateKey: (await importJWK(content.privateKey, content.alg)) as CryptoKey,
    publicKey: (await importJWK(content.publicKey, content.alg)) as CryptoKey,
  };
}
