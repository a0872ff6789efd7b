import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { IDEMPOTENT_REPLAYED_HEADER } from '../idempotency/idempotency.interceptor.js';
import { createHttpLogger, PLATFORM_LOGGER } from '../logging/logger.js';
import { CORRELATION_ID_HEADER } from '../request-context/request-context.js';

export interface HttpHardeningOptions {
  /** Defaults to CONVENE_BODY_LIMIT, else 256kb. */
  bodyLimit?: string;
  /** Defaults to CONVENE_CORS_ORIGINS (comma separated); none means no cross-origin access. */
  corsOrigins?: string[];
  /** Defaults to the PlatformModule's logger. */
  logger?: Logger;
}

export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.CONVENE_CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/**
 * Request logging, helmet, CORS and a bounded JSON body. Call before app.init()/listen(): Nest
 * then keeps these parsers instead of adding its own unbounded-by-config ones.
 */
export function applyHttpHardening(
  app: NestExpressApplication,
  options: HttpHardeningOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): void {
  // First, so that requests the later layers reject are logged with their correlation id too.
  app.use(createHttpLogger(options.logger ?? app.get<Logger>(PLATFORM_LOGGER)));
  app.use(helmet());
  // Express would send weak body-hash ETags; ours are stream versions that If-Match sends back.
  app.set('etag', false);
  const origins = options.corsOrigins ?? corsOriginsFromEnv(env);
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      exposedHeaders: ['ETag', 'Location', CORRELATION_ID_HEADER, IDEMPOTENT_REPLAYED_HEADER],
    });
  }
  const limit = options.bodyLimit ?? env.CONVENE_BODY_LIMIT ?? '256kb';
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: false });
}
