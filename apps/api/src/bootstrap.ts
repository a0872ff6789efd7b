import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PinoNestLogger, PUBLIC_RATE_LIMIT, type RateLimitRule, applyHttpHardening } from '@convene/platform';
import { AppModule, type AppOptions } from './app.module.js';

/**
 * Self-registration is login-free and writes: its own, separate limit (CONVENE_RATE_LIMIT_REGISTRATION).
 * Generous by default, as a whole delegation or a venue's wifi registers from one address.
 */
export const REGISTRATION_RATE_LIMIT: RateLimitRule = {
  name: 'registration',
  defaultLimit: '2400/min',
  covers: (e) => e.method === 'POST' && e.path === '/api/consultations/:consultationId/registrations',
};

/** Builds the configured HTTP application (without listening): used by main.ts and the e2e tests. */
export async function createApp(options: AppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  return configureApp(app);
}

/**
 * What createApp does to the application once built: logging, hardening, OpenAPI. Tests that
 * build the module themselves (to replace a provider) configure it with this too, created with
 * `bodyParser: false` as above.
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(PinoNestLogger));
  applyHttpHardening(app, { rateLimits: [REGISTRATION_RATE_LIMIT, PUBLIC_RATE_LIMIT] });
  const config = new DocumentBuilder()
    .setTitle('Convene API')
    .setDescription(
      'Consultation and workshop management for a disarmament secretariat. Every change is an event; ' +
        'errors are RFC 9457 problem+json naming the broken rule. Commands accept Idempotency-Key; ' +
        'resources carry ETag = stream version and honour If-Match. Login-free endpoints and registration ' +
        'are rate limited per client address (429 RateLimitExceeded with Retry-After).',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  serveWebInterface(app);
  return app;
}

/**
 * The web interface's build (apps/web, `vite build` into dist/web): CONVENE_WEB_DIR, else dist/web
 * at the repository root, seen from the sources (tests) or from dist/apps/api/src (npm start).
 */
export function webInterfaceDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CONVENE_WEB_DIR, fileURLToPath(new URL('../../../dist/web', import.meta.url)), fileURLToPath(new URL('../../../web', import.meta.url))];
  return candidates.find((dir) => dir && existsSync(path.join(dir, 'index.html'))) ?? null;
}

/** Paths the web interface never answers, whatever the Accept header: the API's own. */
const API_PATHS = /^\/(api|health|metrics)(\/|$)/;

/**
 * Serves the web interface under /: hashed assets from /assets (cached for a year), and
 * index.html for any other GET of a page, so that its routes can be bookmarked and reloaded.
 * /api, /health and /metrics stay the API's: an unknown API path is still 404 problem+json.
 * Without a build (a checkout that never ran `npm run build`) the API runs alone.
 */
function serveWebInterface(app: NestExpressApplication): void {
  const dir = webInterfaceDir();
  if (!dir) return;
  app.useStaticAssets(path.join(dir, 'assets'), { prefix: '/assets/', index: false, fallthrough: false, immutable: true, maxAge: '365d' });
  const index = path.join(dir, 'index.html');
  app.use((req: { method: string; path: string; accepts(type: string): string | false }, res: { setHeader(n: string, v: string): void; sendFile(p: string): void }, next: () => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || path.extname(req.path) !== '' || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
