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

function baseOptions(level: string): LoggerOptions {
  return {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
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
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
    },
    stream,
  );
  return pinoHttp({
    logger: sibling,
    genReqId: (req, res) => ensureCorrelationId(req, res),
    customAttributeKeys: { reqId: 'correlationId' },
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
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
