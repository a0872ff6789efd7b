import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { listEndpointAccess } from '../auth/access.js';
import { IDEMPOTENT_REPLAYED_HEADER } from '../idempotency/idempotency.interceptor.js';
import { createHttpLogger, PLATFORM_LOGGER } from '../logging/logger.js';
import { CORRELATION_ID_HEADER } from '../request-context/request-context.js';
import { checkRateLimitsCover, PUBLIC_RATE_LIMIT, RateLimitGuard, type RateLimitRule, resolveRateLimits } from './rate-limit.js';

export interface HttpHardeningOptions {
  /** Defaults to CONVENE_BODY_LIMIT, else 256kb. */
  bodyLimit?: string;
  /** Defaults to CONVENE_CORS_ORIGINS (comma separated); none means no cross-origin access. */
  corsOrigins?: string[];
  /** Defaults to the PlatformModule's logger. */
  logger?: Logger;
  /**
   * Per-client-address limits, first covering rule wins; each reads CONVENE_RATE_LIMIT_<NAME>.
   * Defaults to the login-free endpoints' limit alone.
   */
  rateLimits?: RateLimitRule[];
  /** Defaults to CONVENE_TRUST_PROXY; unset: X-Forwarded-For is ignored. */
  trustProxy?: string;
}

export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.CONVENE_CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/**
 * Express's `trust proxy` from CONVENE_TRUST_PROXY: a hop count ("1") or the proxies' addresses
 * and subnets ("loopback", "10.0.0.0/8, 10.1.2.3"). "true" is refused: it would let any client
 * pick the address it is rate limited by with a forged X-Forwarded-For.
 */
export function parseTrustProxy(value: string | undefined): number | string | undefined {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  if (text === 'true' || text === '*') {
    throw new Error('CONVENE_TRUST_PROXY=true would trust every X-Forwarded-For: give the hop count or the proxies\' addresses');
  }
  return text;
}

/**
 * Request logging, helmet, trusted proxies, rate limits, CORS and a bounded JSON body. Call
 * before app.init()/listen(): Nest then keeps these parsers instead of adding its own
 * unbounded-by-config ones.
 */
export function applyHttpHardening(
  app: NestExpressApplication,
  options: HttpHardeningOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): void {
  // First, so that requests the later layers reject are logged with their correlation id too.
  app.use(createHttpLogger(options.logger ?? app.get<Logger>(PLATFORM_LOGGER)));
  app.use(helmet());
  const trustProxy = parseTrustProxy(options.trustProxy ?? env.CONVENE_TRUST_PROXY);
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  const rateLimits = resolveRateLimits(options.rateLimits ?? [PUBLIC_RATE_LIMIT], env);
  checkRateLimitsCover(rateLimits, listEndpointAccess(app));
  app.get(RateLimitGuard).configure(rateLimits);
  // Express would send weak body-hash ETags; ours are stream versions that If-Match sends back.
  app.set('etag', false);
  const origins = options.corsOrigins ?? corsOriginsFromEnv(env);
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      exposedHeaders: ['ETag', 'Location', 'Retry-After', CORRELATION_ID_HEADER, IDEMPOTENT_REPLAYED_HEADER],
    });
  }
  const limit = options.bodyLimit ?? env.CONVENE_BODY_LIMIT ?? '256kb';
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: false });
}
