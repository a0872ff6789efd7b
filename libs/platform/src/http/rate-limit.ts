import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { isIPv6 } from 'node:net';
import { RuleViolation } from '@convene/event-store';
import { describeEndpoint, type EndpointAccess } from '../auth/access.js';

/** So many requests per window: a bucket of `limit` tokens that refills evenly over the window. */
export interface RateLimit {
  limit: number;
  windowMs: number;
  /** As configured, e.g. "120/min": what the problem tells the client. */
  text: string;
}

const WINDOWS: Record<string, number> = {
  s: 1_000,
  sec: 1_000,
  second: 1_000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
};

/** "120/min", "30/s", "1000/h", or "off" (null: not limited). Anything else stops the start. */
export function parseRateLimit(text: string, setting = 'rate limit'): RateLimit | null {
  const value = text.trim().toLowerCase();
  if (value === 'off') return null;
  const match = /^(\d{1,9})\s*\/\s*([a-z]+)$/.exec(value);
  const windowMs = match ? WINDOWS[match[2]] : undefined;
  if (!match || windowMs === undefined || Number(match[1]) < 1) {
    throw new Error(`${setting}="${text}": expected <count>/<s|min|h> with a count of at least 1 (e.g. 120/min), or "off"`);
  }
  return { limit: Number(match[1]), windowMs, text: `${Number(match[1])}/${match[2]}` };
}

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * One token bucket per client key, in memory (per process: behind several instances each one
 * counts on its own, which is enough against a runaway client). The map keeps the least recently
 * used key first; past `maxKeys` the oldest goes, which can only hand its owner a fresh bucket.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly rate: RateLimit,
    private readonly maxKeys = 100_000,
  ) {
    this.perMs = rate.limit / rate.windowMs;
  }

  take(key: string, now: number): TakeResult {
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(this.rate.limit, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs) : this.rate.limit;
    this.buckets.delete(key);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
      return { allowed: true };
    }
    this.buckets.set(key, { tokens, at: now });
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }
}

function ipv6Groups(address: string): string[] {
  const [head, tail = ''] = address.split('%')[0].toLowerCase().split('::');
  const groups = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [g];
          const [a, b, c, d] = g.split('.').map(Number);
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const left = groups(head);
  const right = address.includes('::') ? groups(tail) : [];
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}

/**
 * Whom a request is counted against: its IPv4 address, or the /64 of an IPv6 address (one
 * subscriber usually holds a whole /64 and could otherwise take a new address per request).
 */
export function clientKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip.split('%')[0])) return ip;
  return `${ipv6Groups(ip).slice(0, 4).join(':')}::/64`;
}

export class RateLimitExceeded extends RuleViolation {
  constructor(name: string, limit: RateLimit, retryAfterSeconds: number) {
    super(
      'RateLimitExceeded',
      `Too many requests from your address to the ${name} endpoints (at most ${limit.text}); retry after ${retryAfterSeconds} s`,
      429,
      { limit: limit.text, retryAfterSeconds },
    );
  }
}

/** A named limit and the endpoints it covers; the env variable CONVENE_RATE_LIMIT_<NAME> overrides its default. */
export interface RateLimitRule {
  name: string;
  /** e.g. "1200/min"; "off" for none unless configured. */
  defaultLimit: string;
  covers(endpoint: EndpointAccess): boolean;
}

/** Every login-free endpoint (`@Allow('public')`) not covered by an earlier rule. */
export const PUBLIC_RATE_LIMIT: RateLimitRule = {
  name: 'public',
  defaultLimit: '1200/min',
  covers: (endpoint) => endpoint.access?.includes('public') ?? false,
};

export const rateLimitSetting = (name: string) => `CONVENE_RATE_LIMIT_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

export interface ResolvedRateLimit {
  name: string;
  limit: RateLimit | null;
  covers(endpoint: EndpointAccess): boolean;
}

/** The rules with their limits from the environment; a rule's name doubles as its env variable's suffix. */
export function resolveRateLimits(rules: RateLimitRule[], env: NodeJS.ProcessEnv = process.env): ResolvedRateLimit[] {
  return rules.map((rule) => {
    const setting = rateLimitSetting(rule.name);
    return { name: rule.name, covers: rule.covers, limit: parseRateLimit(env[setting] || rule.defaultLimit, setting) };
  });
}

/** An enabled rule that covers no endpoint is a path that changed under it: say so at start, not never. */
export function checkRateLimitsCover(rules: ResolvedRateLimit[], endpoints: EndpointAccess[]): void {
  for (const rule of rules) {
    if (rule.limit && !endpoints.some((e) => rule.covers(e))) {
      throw new Error(`The rate limit "${rule.name}" covers no endpoint of this application`);
    }
  }
}

interface Limiter {
  name: string;
  limit: RateLimit;
  buckets: TokenBuckets;
}

/**
 * Global guard, ahead of the access guard (so that a flood costs no token verification): the
 * first rule that covers the endpoint counts the request against the client's address (`req.ip`,
 * which honours Express's `trust proxy`). Endpoints no rule covers are not limited, and nothing is
 * until applyHttpHardening configures the rules (the PlatformModule registers the guard first
 * among its guards; guards given to useGlobalGuards would run after them).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private rules: ResolvedRateLimit[] = [];
  private limiters: Array<Limiter | null> = [];
  private byHandler = new WeakMap<object, Limiter | null>();
  private now: () => number = Date.now;

  configure(rules: ResolvedRateLimit[], now: () => number = Date.now): this {
    this.rules = rules;
    this.limiters = rules.map((r) => (r.limit ? { name: r.name, limit: r.limit, buckets: new TokenBuckets(r.limit) } : null));
    this.byHandler = new WeakMap();
    this.now = now;
    return this;
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const limiter = this.limiterFor(context);
    if (!limiter) return true;
    const { ip } = context.switchToHttp().getRequest<{ ip?: string }>();
    const taken = limiter.buckets.take(clientKey(ip), this.now());
    if (!taken.allowed) throw new RateLimitExceeded(limiter.name, limiter.limit, taken.retryAfterSeconds);
    return true;
  }

  private limiterFor(context: ExecutionContext): Limiter | null {
    const handler = context.getHandler();
    let limiter = this.byHandler.get(handler);
    if (limiter === undefined) {
      const endpoints = describeEndpoint(context.getClass(), handler.name);
      const index = this.rules.findIndex((rule) => endpoints.some((e) => rule.covers(e)));
      limiter = index < 0 ? null : this.limiters[index];
      this.byHandler.set(handler, limiter);
    }
    return limiter;
  }
}
