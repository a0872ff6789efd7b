import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger, type LoggerOptions } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
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
  // An Error, or what pino-std-serializers made of one (pino-http hands its output on).
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

/** Request/response logging. Bodies are never logged; credentials in headers are redacted. */
export function createHttpLogger(logger: Logger): HttpLogger {
  // A sibling of the root logger on the same stream, without the mixin: the request logger
  // binds correlationId itself (it runs before any request context exists), and the mixin
  // would write the key a second time.
  const stream = (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym];
  const sibling = pino(
    {
      ...baseOptions(logger.level),
      redact: {
        paths: ['req.headers.authorization', 'req.headers["proxy-authorization"]', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
    },
    stream,
  );
  return pinoHttp({
    logger: sibling,
    genReqId: (req, res) => ensureCorrelationId(req, res),
    customAttributeKeys: { reqId: 'correlationId' },
    serializers: { err: serializeError },
    quietReqLogger: true,
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  });
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
