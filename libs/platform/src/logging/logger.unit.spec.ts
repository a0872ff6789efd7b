import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RequestContext } from '../request-context/request-context.js';
import { createHttpLogger, createLogger, logLevelFromEnv, PinoNestLogger } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (line: string) => lines.push(JSON.parse(line)) } };
}

describe('createLogger', () => {
  it('writes JSON lines with the correlation id of the current request', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', destination });
    RequestContext.run({ correlationId: 'corr-7' }, () => logger.info({ consultationId: 'c-1' }, 'scheduled'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ level: 'info', correlationId: 'corr-7', consultationId: 'c-1', msg: 'scheduled' });
    expect(typeof lines[0].time).toBe('string');
    expect(lines[1]).not.toHaveProperty('correlationId');
  });

  it('is silent in tests and at info otherwise, unless LOG_LEVEL says', () => {
    expect(logLevelFromEnv({ NODE_ENV: 'test' })).toBe('silent');
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ NODE_ENV: 'test', LOG_LEVEL: 'debug' })).toBe('debug');
  });
});

describe('PinoNestLogger', () => {
  it('maps Nest levels, context and stacks onto pino', () => {
    const { lines, destination } = capture();
    const nest = new PinoNestLogger(createLogger({ level: 'trace', destination }));
    nest.log('Mapped {/x, GET} route', 'RouterExplorer');
    nest.error('boom', 'Error: boom\n    at f (file.js:1:2)', 'ExceptionsHandler');
    nest.verbose({ detail: 1 });
    expect(lines[0]).toMatchObject({ level: 'info', context: 'RouterExplorer', msg: 'Mapped {/x, GET} route' });
    expect(lines[1]).toMatchObject({ level: 'error', context: 'ExceptionsHandler', msg: 'boom', stack: expect.stringContaining('at f') });
    expect(lines[2]).toMatchObject({ level: 'trace', detail: 1 });
  });
});

describe('createHttpLogger', () => {
  const { lines, destination } = capture();
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const httpLogger = createHttpLogger(createLogger({ level: 'info', destination }));
    server = createServer((req, res) => {
      httpLogger(req, res);
      req.resume().on('end', () => res.end('ok'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/things?page=2`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('logs one line per request with its correlation id, redacted credentials and no body', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { Authorization: 'Bearer secret-token', Cookie: 'sid=secret-cookie', 'X-Correlation-Id': 'corr-http-1' },
      body: JSON.stringify({ password: 'secret-body' }),
    });
    expect(res.headers.get('x-correlation-id')).toBe('corr-http-1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      correlationId: 'corr-http-1',
      req: { method: 'POST', url: '/things?page=2', headers: { authorization: '[redacted]', cookie: '[redacted]' } },
      res: { statusCode: 200 },
    });
    expect(JSON.stringify(lines)).not.toMatch(/secret-(token|cookie|body)/);
  });
});
