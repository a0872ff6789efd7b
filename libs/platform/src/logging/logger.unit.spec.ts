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
