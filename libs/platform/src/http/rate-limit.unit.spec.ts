import { describe, expect, it } from '@jest/globals';
import { Controller, type ExecutionContext, Get, Post } from '@nestjs/common';
import { Allow } from '../auth/access.js';
import { toProblem } from '../problem-details/problem.js';
import { parseTrustProxy } from './http-hardening.js';
import {
  checkRateLimitsCover,
  clientKey,
  parseRateLimit,
  PUBLIC_RATE_LIMIT,
  RateLimitExceeded,
  RateLimitGuard,
  rateLimitSetting,
  resolveRateLimits,
  TokenBuckets,
} from './rate-limit.js';

describe('parseRateLimit', () => {
  it.each([
    ['120/min', { limit: 120, windowMs: 60_000, text: '120/min' }],
    ['30/s', { limit: 30, windowMs: 1_000, text: '30/s' }],
    [' 1000 / Hour ', { limit: 1000, windowMs: 3_600_000, text: '1000/hour' }],
  ])('reads %j', (text, expected) => {
    expect(parseRateLimit(text)).toEqual(expected);
  });

  it('reads "off" as no limit', () => {
    expect(parseRateLimit('OFF')).toBeNull();
  });

  it.each(['120', '0/min', '-1/min', '10/fortnight', '1.5/s', ''])('refuses %j, naming the setting', (text) => {
    expect(() => parseRateLimit(text, 'CONVENE_RATE_LIMIT_PUBLIC')).toThrow(/CONVENE_RATE_LIMIT_PUBLIC=.*expected <count>/);
  });
});

describe('TokenBuckets', () => {
  const perMinute = (limit: number) => new TokenBuckets(parseRateLimit(`${limit}/min`)!);

  it('lets a burst of the limit through, then refuses with the seconds until the next token', () => {
    const buckets = perMinute(3);
    expect([0, 1, 2].map(() => buckets.take('a', 0).allowed)).toEqual([true, true, true]);
    // One token every 20 s.
    expect(buckets.take('a', 5_000)).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(buckets.take('a', 20_000)).toEqual({ allowed: true });
    expect(buckets.take('a', 20_000)).toEqual({ allowed: false, retryAfterSeconds: 20 });
  });

  it('keeps one bucket per key and refills up to the limit only', () => {
    const buckets = perMinute(2);
    buckets.take('a', 0);
    buckets.take('a', 0);
    expect(buckets.take('b', 0).allowed).toBe(true);
    expect(buckets.take('a', 0).allowed).toBe(false);
    // An hour idle gives back two tokens, not sixty.
    expect([0, 1, 2].map(() => buckets.take('a', 3_600_000).allowed)).toEqual([true, true, false]);
  });

  it('forgets the least recently used key past its size, which can only be more lenient', () => {
    const buckets = new TokenBuckets(parseRateLimit('1/min')!, 2);
    buckets.take('a', 0);
    buckets.take('b', 0);
    buckets.take('a', 1);
    buckets.take('c', 2);
    expect(buckets.size).toBe(2);
    expect(buckets.take('a', 3).allowed).toBe(false);
    expect(buckets.take('b', 3).allowed).toBe(true);
  });
});

describe('clientKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:0:0:8a2e:370:7334', '2001:db8:85a3:0::/64'],
    ['2001:0db8:85a3::1', '2001:db8:85a3:0::/64'],
    ['2001:db8:85a3:0000:ffff::9%eth0', '2001:db8:85a3:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('counts %j as %j', (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });

  it('puts two addresses of one IPv6 /64 in one bucket, and of another /64 in another', () => {
    expect(clientKey('2001:db8:1:2::a')).toBe(clientKey('2001:db8:1:2:ffff::b'));
    expect(clientKey('2001:db8:1:3::a')).not.toBe(clientKey('2001:db8:1:2::a'));
  });
});

describe('RateLimitExceeded', () => {
  it('answers 429 problem+json with Retry-After and the limit', () => {
    const problem = toProblem(new RateLimitExceeded('registration', parseRateLimit('30/min')!, 7), {
      path: '/api/consultations/c-1/registrations',
      routeMatched: true,
      hasIfMatch: false,
    });
    expect(problem.status).toBe(429);
    expect(problem.headers).toEqual({ 'Retry-After': '7' });
    expect(problem.body).toMatchObject({ rule: 'RateLimitExceeded', limit: '30/min', retryAfterSeconds: 7 });
  });
});

describe('rate limit rules', () => {
  @Controller('api')
  class SomeController {
    @Post('consultations/:consultationId/registrations')
    @Allow('public')
    register() {}

    @Get('consultations/:id')
    @Allow('public')
    details() {}

    @Get('consultations/:id/roster')
    @Allow('secretariat')
    roster() {}
  }

  const registration = {
    name: 'registration',
    defaultLimit: '2/min',
    covers: (e: { method: string; path: string }) => e.method === 'POST' && e.path === '/api/consultations/:consultationId/registrations',
  };

  const context = (handler: keyof SomeController, ip: string) =>
    ({
      getType: () => 'http',
      getClass: () => SomeController,
      getHandler: () => SomeController.prototype[handler],
      switchToHttp: () => ({ getRequest: () => ({ ip }) }),
    }) as unknown as ExecutionContext;

  it('names the env variable after the rule', () => {
    expect(rateLimitSetting('registration')).toBe('CONVENE_RATE_LIMIT_REGISTRATION');
    expect(rateLimitSetting('public-docs')).toBe('CONVENE_RATE_LIMIT_PUBLIC_DOCS');
  });

  it('takes limits from the environment over the defaults', () => {
    const rules = resolveRateLimits([registration, PUBLIC_RATE_LIMIT], { CONVENE_RATE_LIMIT_PUBLIC: 'off' });
    expect(rules.map((r) => [r.name, r.limit?.text ?? null])).toEqual([
      ['registration', '2/min'],
      ['public', null],
    ]);
    expect(() => resolveRateLimits([registration], { CONVENE_RATE_LIMIT_REGISTRATION: 'lots' })).toThrow(/CONVENE_RATE_LIMIT_REGISTRATION/);
  });

  it('counts each endpoint under the first rule that covers it, per client address, and leaves the others alone', () => {
    const guard = new RateLimitGuard().configure(resolveRateLimits([registration, { ...PUBLIC_RATE_LIMIT, defaultLimit: '3/min' }], {}), () => 0);
    const outcome = (handler: keyof SomeController, ip: string) => {
      try {
        return guard.canActivate(context(handler, ip));
      } catch (error) {
        return (error as RateLimitExceeded).rule;
      }
    };
    expect([1, 2, 3].map(() => outcome('register', '192.0.2.1'))).toEqual([true, true, 'RateLimitExceeded']);
    expect(outcome('register', '192.0.2.2')).toBe(true);
    // The registration endpoint is public too, but its own rule came first: the public bucket is untouched.
    expect([1, 2, 3, 4].map(() => outcome('details', '192.0.2.1'))).toEqual([true, true, true, 'RateLimitExceeded']);
    expect(Array.from({ length: 10 }, () => outcome('roster', '192.0.2.1')).every((o) => o === true)).toBe(true);
  });

  it('refuses to start when an enabled rule covers no endpoint (a path that moved)', () => {
    const endpoints = [{ controller: 'C', handler: 'h', method: 'POST', path: '/api/consultations/:id/register', access: ['public' as const] }];
    expect(() => checkRateLimitsCover(resolveRateLimits([registration], {}), endpoints)).toThrow(/"registration" covers no endpoint/);
    expect(() => checkRateLimitsCover(resolveRateLimits([registration], { CONVENE_RATE_LIMIT_REGISTRATION: 'off' }), endpoints)).not.toThrow();
  });
});

describe('parseTrustProxy', () => {
  it('is off unless set, and takes a hop count or addresses', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy(' ')).toBeUndefined();
    expect(parseTrustProxy('false')).toBeUndefined();
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
  });

  it('refuses to trust every X-Forwarded-For', () => {
    expect(() => parseTrustProxy('true')).toThrow(/hop count/);
  });
});
