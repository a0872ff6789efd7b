import { type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { listEndpointAccess } from '../auth/access.js';
import { IDEMPOTENT_REPLAYED_HEADER } from '../idempotency/idempotency.interceptor.js';
import { createHttpLogger, PLATFORM_LOGGER } from '../logging/logger.js';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, titleFromRule } from '../problem-details/problem.js';
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

/** The deepest a JSON body may nest: the DTOs need three levels; thousands overflow the stack of whatever walks the body. */
const MAX_JSON_DEPTH = 32;

/**
 * The JSON parser's `verify`: refuses a body nested deeper than MAX_JSON_DEPTH before it is parsed,
 * by counting brackets outside strings (400 JsonTooDeep through the problem filter).
 */
function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const byte of body) {
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === 0x5c) escaped = true;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) {
        throw Object.assign(new Error(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
      }
    } else if (byte === 0x7d || byte === 0x5d) depth -= 1;
  }
}

/** What Node's HTTP parser refuses before Express sees the request (Node's own default answer is a bare status line). */
function clientErrorProblem(code: string | undefined): { status: number; rule: string; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, rule: 'RequestHeadersTooLarge', detail: 'The request line and headers are too large' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, rule: 'RequestTimeout', detail: 'The request was not received in time' };
  return { status: 400, rule: 'MalformedHttpRequest', detail: 'The request is not valid HTTP/1.1' };
}

/** Answers requests that Node's HTTP parser refuses (e.g. an over-long URL) with problem+json too. */
function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: { headersSent?: boolean } }) => {
    // As Node's default handler does: nothing can be written to a closed socket or after a response began.
    if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, rule, detail } = clientErrorProblem(error.code);
    const body = JSON.stringify({ type: PROBLEM_TYPE_BASE + rule, title: titleFromRule(rule), status, detail, rule });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * Request logging, helmet, trusted proxies, rate limits, CORS, a bounded JSON body, and
 * problem+json for what the HTTP parser refuses. Call before app.init()/listen(): Nest then
 * keeps these parsers instead of adding its own unbounded-by-config ones.
 */
export function applyHttpHardening(
  app: NestExpressApplication,
  options: HttpHardeningOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): void {
  answerClientErrors(app.getHttpServer() as Server);
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
  app.useBodyParser('json', { limit, verify: refuseDeepJson });
  app.useBodyParser('urlencoded', { limit, extended: false });
}
