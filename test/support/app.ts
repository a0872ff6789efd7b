import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type Database, ProjectionRunner } from '@convene/event-store';
import { TokenIssuer, type TokenRole } from '@convene/platform';
import request from 'supertest';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { createEmbeddedDatabase, createServerDatabase, hasServer, type TestDatabase } from './databases.js';

export interface TestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  http: ReturnType<typeof request>;
  /** A bearer token for the role (sub defaults to the role's name). */
  token(role: TokenRole, sub?: string, extra?: { state?: string; expiresIn?: string }): Promise<string>;
  /** Waits until the in-process projections have applied everything written so far. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole API on a fresh database of its own: the PostgreSQL server when there is one,
 * else the embedded PGlite.
 */
export async function startTestApp(options: { embedded?: boolean } = {}): Promise<TestApp> {
  const db = hasServer() && !options.embedded ? await createServerDatabase() : await createEmbeddedDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'convene-e2e-'));
  const database: Database = {
    kind: db.kind,
    url: db.url,
    dataDir,
    supportsListen: db.kind === 'postgres',
    poolSize: db.kind === 'postgres' ? 10 : 1,
    close: async () => {},
  };
  const app = await createApp({ database });
  await app.init();
  const issuer = app.get(TokenIssuer);
  const runner = app.get(ProjectionRunner);
  return {
    app,
    db,
    http: request(app.getHttpServer()),
    token: (role, sub, extra = {}) => issuer.issueToken({ role, sub: sub ?? role, ...extra }),
    settle: () => runner.waitForCatchUp(),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
