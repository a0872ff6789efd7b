import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RequestContext } from '../request-context/request-context.js';
import { createHttpLogger, createLogger, logLevelFromEnv, PinoNestLogger, serializeError } from './logger.js';

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

/** What pg (and TypeORM around it) throw: the input in `detail`, `parameters` and the quoted message. */
function driverError(code: string, message: string) {
  return Object.assign(new Error(message), {
    severity: 'ERROR',
    code,
    detail: 'Key (email)=(amina.diallo@example.org) already exists.',
    where: 'SQL function "f" statement 1 with amina.diallo@example.org',
    constraint: 'people_email_key',
    table: 'people',
  });
}

describe('serializeError', () => {
  it('keeps what names the fault and drops what drivers hang of the input on an error', () => {
    const error = driverError('23505', 'duplicate key value violates unique constraint "people_email_key"');
    const queryFailed = Object.assign(new Error(error.message), { query: 'INSERT ...', parameters: ['Amina', 'amina.diallo@example.org'], driverError: error });
    const logged = serializeError(queryFailed);
    expect(logged).toMatchObject({
      type: 'Error',
      message: 'duplicate key value violates unique constraint "people_email_key"',
      cause: { code: '23505', constraint: 'people_email_key', table: 'people', severity: 'ERROR' },
    });
    expect(JSON.stringify(logged)).not.toMatch(/amina|INSERT/i);
  });

  it('blanks the quoted input in the message and stack of a PostgreSQL data error, not elsewhere', () => {
    const logged = serializeError(driverError('22P02', 'invalid input syntax for type uuid: "amina.diallo@example.org"')) as Record<string, string>;
    expect(logged.message).toBe('invalid input syntax for type uuid: "[redacted]"');
    expect(logged.stack).not.toContain('amina');
    const missing = serializeError(driverError('42P01', 'relation "registration_roster" does not exist')) as Record<string, string>;
    expect(missing.message).toBe('relation "registration_roster" does not exist');
  });

  it('applies to every err of the logger, also when pino-std-serializers got there first', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'info', destination }).error({ err: driverError('23505', 'duplicate key') }, 'failed');
    expect(lines[0]).toMatchObject({ err: { type: 'Error', code: '23505', message: 'duplicate key' } });
    expect(JSON.stringify(lines)).not.toContain('amina');
    const preserialized = { type: 'Error', message: 'm', stack: 's', detail: 'amina', parameters: ['amina'] };
    expect(serializeError(preserialized)).toEqual({ type: 'Error', message: 'm', stack: 's' });
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
  /** A server answering with the status in ?status=, or never (?hang), logged at the given level. */
  async function serve(level: string) {
    const { lines, destination } = capture();
    const httpLogger = createHttpLogger(createLogger({ level, destination }));
    const server = createServer((req, res) => {
      httpLogger(req, res);
      const status = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('status') ?? 200);
      if (req.url?.includes('hang')) return;
      req.resume().on('end', () => {
        res.statusCode = status;
        res.setHeader('Set-Cookie', 'sid=secret-set-cookie');
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { lines, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  let servers: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });

  it('logs one line per request with its correlation id, redacted credentials and no body', async () => {
    const s = await serve('info');
    servers.push(s);
    const res = await fetch(`${s.url}/things?page=2`, {
      method: 'POST',
      headers: { Authorization: 'Bearer secret-token', Cookie: 'sid=secret-cookie', 'X-Correlation-Id': 'corr-http-1' },
      body: JSON.stringify({ password: 'secret-body' }),
    });
    expect(res.headers.get('x-correlation-id')).toBe('corr-http-1');
    await settle();
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]).toMatchObject({
      level: 'info',
      correlationId: 'corr-http-1',
      req: { method: 'POST', url: '/things?page=2', headers: { authorization: '[redacted]', cookie: '[redacted]' } },
      res: { statusCode: 200, headers: { 'set-cookie': '[redacted]' } },
      msg: 'request completed',
    });
    expect(typeof s.lines[0].responseTime).toBe('number');
    expect(JSON.stringify(s.lines)).not.toMatch(/secret-(token|cookie|body|set-cookie)/);
  });

  it('logs 4xx at warn, 5xx at error, and writes nothing below its level', async () => {
    const s = await serve('warn');
    servers.push(s);
    for (const status of [200, 404, 503]) await (await fetch(`${s.url}/x?status=${status}`)).text();
    await settle();
    expect(s.lines.map((l) => [l.level, (l.res as { statusCode: number }).statusCode, l.msg])).toEqual([
      ['warn', 404, 'request completed'],
      ['error', 503, 'request errored'],
    ]);
  });

  it('logs a request whose client went away before the answer at error', async () => {
    const s = await serve('info');
    servers.push(s);
    const aborted = new AbortController();
    const pending = fetch(`${s.url}/hang`, { signal: aborted.signal }).catch(() => undefined);
    await settle();
    aborted.abort();
    await pending;
    await settle();
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]).toMatchObject({ level: 'error', req: { url: '/hang' }, msg: 'request aborted before the response was finished' });
  });
});
