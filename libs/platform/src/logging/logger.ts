import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger, type LoggerOptions } from 'pino';
import { ensureCorrelationId, RequestContext } from '../request-context/request-context.js';

export type { Logger } from 'pino';

/** Injection token of the root pino logger. */
export const PLATFORM_LOGGER = Symbol('PLATFORM_LOGGER');

export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
}

/** Members of an error that name what failed, never the values it failed on. */
const SAFE_ERROR_MEMBERS = ['code', 'rule', 'status', 'statusCode', 'severity', 'routine', 'constraint', 'table', 'column', 'errno', 'syscall'];

/** PostgreSQL data (22) and integrity (23) errors quote the offending input in their message. */
const QUOTES_INPUT = /^2[23][0-9A-Z]{3}$/;

/**
 * The `err` of a log line: type, message, stack, the members above and the cause, and nothing
 * else. Drivers hang the input on their errors (pg's `detail` "Key (email)=(...) already exists",
 * `where`; TypeORM's `parameters` and `query`): those never reach the log. A PostgreSQL error
 * that quotes input in its message gets the quotes blanked.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  // An Error, or what pino-std-serializers made of one.
  const fields = error as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const masked = typeof fields.severity === 'string' && QUOTES_INPUT.test(text(fields.code) ?? '');
  const mask = (value: string | undefined) => (masked && value ? value.replace(/"[^"\n]*"/g, '"[redacted]"') : value);
  const out: Record<string, unknown> = {
    type: error instanceof Error ? error.constructor.name : (text(fields.type) ?? 'Object'),
    message: mask(text(fields.message)),
    stack: mask(text(fields.stack)),
  };
  for (const member of SAFE_ERROR_MEMBERS) {
    const value = fields[member];
    if (typeof value === 'string' || typeof value === 'number') out[member] = value;
  }
  // TypeORM keeps the driver's error beside its own.
  const cause = fields.cause ?? fields.driverError;
  if (cause !== undefined && depth < 3) out.cause = serializeError(cause, depth + 1);
  return out;
}

function baseOptions(level: string): LoggerOptions {
  return {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError },
  };
}

export interface CreateLoggerOptions {
  level?: string;
  /** Defaults to stdout; tests pass a stream to read the lines back. */
  destination?: DestinationStream;
}

/** JSON-lines logger that stamps the current request's correlationId on every line. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  return pino(
    {
      ...baseOptions(options.level ?? logLevelFromEnv()),
      mixin: () => {
        const correlationId = RequestContext.current()?.correlationId;
        return correlationId === undefined ? {} : { correlationId };
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** The request logger: a connect-style middleware, usable by Express and by a bare http server. */
export type HttpLogger = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

const REDACTED_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

function requestHeaders(req: IncomingMessage): Record<string, unknown> {
  const headers: Record<string, unknown> = { ...req.headers };
  for (const name of REDACTED_HEADERS) if (name in headers) headers[name] = '[redacted]';
  return headers;
}

/**
 * Request/response logging: one line per request once its response is finished (or the client
 * went away), at info, warn for 4xx, error for 5xx and aborted responses, with the correlation id
 * (decided here, before the body is parsed) and the time taken. Bodies are never logged;
 * credentials in headers are redacted.
 *
 * It replaces pino-http, which built two child loggers per request and serialised the request's
 * headers into one of them before knowing whether any line would be written: 0.13 ms of the
 * API's 0.77 ms of CPU per registration in the registration bench (docs/adr/0014). Here nothing
 * is serialised unless the line's level is enabled.
 */
export function createHttpLogger(logger: Logger): HttpLogger {
  // A sibling of the root logger on the same stream, without the mixin: the request logger
  // binds correlationId itself (it runs before any request context exists), and the mixin
  // would write the key a second time.
  const stream = (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym];
  const sibling = pino({ ...baseOptions(logger.level), redact: { paths: ['res.headers["set-cookie"]'], censor: '[redacted]' } }, stream);
  return (req, res, next) => {
    const correlationId = ensureCorrelationId(req, res);
    const started = performance.now();
    res.once('close', () => {
      const finished = res.writableFinished;
      const level: Level = !finished || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      if (!sibling.isLevelEnabled(level)) return;
      const responseTime = Math.round(performance.now() - started);
      sibling[level](
        {
          correlationId,
          req: { method: req.method, url: req.url, headers: requestHeaders(req), remoteAddress: req.socket?.remoteAddress },
          res: { statusCode: res.statusCode, headers: res.getHeaders() },
          responseTime,
        },
        finished ? `request ${res.statusCode >= 500 ? 'errored' : 'completed'}` : 'request aborted before the response was finished',
      );
    });
    next?.();
  };
}

const STACK = /^(.)+\n\s+at .+:\d+:\d+/;

/** Routes Nest's own logging (bootstrap, Logger instances) through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes (message, ...extra, context?) and for errors (message, stack?, context?). */
  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context = typeof rest.at(-1) === 'string' && !STACK.test(rest.at(-1) as string) ? rest.pop() : undefined;
    const stack = rest.find((p): p is string => typeof p === 'string' && STACK.test(p));
    const fields: Record<string, unknown> = {
      ...(context !== undefined && { context }),
      ...(stack !== undefined && { stack }),
    };
    if (message instanceof Error) {
      // The message as the err serializer tells it: a driver's message may quote the input.
      this.logger[level]({ ...fields, err: message }, (serializeError(message) as { message?: string }).message ?? '');
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
