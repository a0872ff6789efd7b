import type { INestApplication } from '@nestjs/common';
import type { Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export interface GracefulShutdownOptions {
  /** How long in-flight requests may take before their connections are cut. */
  timeoutMs?: number;
  signals?: NodeJS.Signals[];
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Called with the exit code once the app is closed; defaults to process.exit. */
  exit?: (code: number) => void;
}

export interface GracefulShutdown {
  /** What a signal triggers; exposed for tests and for orchestrators that call it directly. */
  shutdown(reason?: string): Promise<void>;
  /** Removes the signal handlers. */
  dispose(): void;
}

/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (bounded by
 * timeoutMs), then app.close() so that module destroy hooks (pools, Kafka) run last. Nest's own
 * enableShutdownHooks() runs the hooks while requests may still be using them: use this instead.
 */
export function enableGracefulShutdown(app: INestApplication, options: GracefulShutdownOptions = {}): GracefulShutdown {
  const { timeoutMs = 10_000, signals = ['SIGTERM', 'SIGINT'], logger, exit = (code) => process.exit(code) } = options;
  const server = app.getHttpServer() as Server;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  let closing: Promise<void> | undefined;

  const onRequest = (_req: unknown, res: ServerResponse) => {
    inFlight += 1;
    // A keep-alive client may still send on an open connection: serve it, then hang up.
    if (closing) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
  };
  server.prependListener('request', onRequest);

  const shutdown = (reason = 'shutdown requested'): Promise<void> => {
    closing ??= (async () => {
      logger?.info({ reason, inFlight }, 'shutting down: no new connections, draining requests');
      server.close();
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        inFlight === 0 ? Promise.resolve(true) : new Promise<boolean>((resolve) => (drained = () => resolve(true))),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timer);
      if (!finished) logger?.warn({ inFlight, timeoutMs }, 'requests still running at the shutdown timeout: cutting them');
      server.closeAllConnections();
      try {
        await app.close();
        exit(0);
      } catch (error) {
        logger?.error({ err: error }, 'error while closing the application');
        exit(1);
      }
    })();
    return closing;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal means the operator does not want to wait.
    if (closing) exit(1);
    else void shutdown(signal);
  };
  for (const signal of signals) process.on(signal, onSignal);

  return {
    shutdown,
    dispose: () => {
      for (const signal of signals) process.off(signal, onSignal);
      server.off('request', onRequest);
    },
  };
}
