import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { commandMeta, ensureCorrelationId, RequestContext } from './request-context.js';

const clock = { now: () => new Date('2031-03-04T09:00:00.000Z') };

function fakeExchange(headers: Record<string, string> = {}) {
  const sent: Record<string, string> = {};
  const req = { headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) } as IncomingMessage;
  const res = { headersSent: false, setHeader: (name: string, value: string) => (sent[name] = value) } as unknown as ServerResponse;
  return { req, res, sent };
}

describe('commandMeta', () => {
  it('takes actor, role, correlation and idempotency from the request context and time from the clock', () => {
    const meta = RequestContext.run(
      {
        correlationId: 'corr-1',
        principal: { sub: 'alice', roles: ['chair', 'secretariat'] },
        actingRole: 'secretariat',
        idempotency: { key: 'k-1', requestHash: 'h' },
      },
      () => commandMeta(clock),
    );
    expect(meta).toEqual({
      actor: 'alice',
      actorRole: 'secretariat',
      correlationId: 'corr-1',
      occurredAt: '2031-03-04T09:00:00.000Z',
      idempotency: { key: 'k-1', requestHash: 'h' },
    });
  });

  it('names an unauthenticated caller "anonymous"', () => {
    const meta = RequestContext.run({ correlationId: 'corr-2' }, () => commandMeta(clock));
    expect(meta).toEqual({ actor: 'anonymous', actorRole: 'public', correlationId: 'corr-2', occurredAt: '2031-03-04T09:00:00.000Z' });
  });

  it('keeps the context across awaits', async () => {
    const meta = await RequestContext.run({ correlationId: 'corr-3' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return commandMeta(clock);
    });
    expect(meta.correlationId).toBe('corr-3');
  });

  it('refuses to invent metadata outside a request context', () => {
    expect(() => commandMeta(clock)).toThrow(/No request context/);
  });
});

describe('ensureCorrelationId', () => {
  it('takes a well-formed id from the client and echoes it', () => {
    const { req, res, sent } = fakeExchange({ 'X-Correlation-Id': 'abc-123' });
    expect(ensureCorrelationId(req, res)).toBe('abc-123');
    expect(sent).toEqual({ 'X-Correlation-Id': 'abc-123' });
  });

  it('replaces an id that could forge log lines or is too long', () => {
    for (const bad of ['a\nlevel=error', 'x'.repeat(129), 'a b']) {
      const { req, res } = fakeExchange({ 'X-Correlation-Id': bad });
      expect(ensureCorrelationId(req, res)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('decides once per request', () => {
    const { req, res } = fakeExchange();
    expect(ensureCorrelationId(req, res)).toBe(ensureCorrelationId(req, res));
  });
});
