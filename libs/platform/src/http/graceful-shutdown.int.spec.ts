import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { enableGracefulShutdown, type GracefulShutdown } from './graceful-shutdown.js';

let release: () => void = () => {};
let started: () => void = () => {};

@Controller()
class SlowController {
  @Get('slow')
  async slow() {
    started();
    await new Promise<void>((resolve) => (release = resolve));
    return { done: true };
  }
}

async function startApp() {
  const moduleRef = await Test.createTestingModule({ controllers: [SlowController] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}` };
}

describe('enableGracefulShutdown', () => {
  let handle: GracefulShutdown | undefined;
  let app: INestApplication | undefined;

  afterEach(async () => {
    handle?.dispose();
    release();
    await app?.close().catch(() => {});
  });

  it('finishes the request in flight, refuses new connections, then closes the app', async () => {
    const server = await startApp();
    app = server.app;
    const close = jest.spyOn(app, 'close');
    const exit = jest.fn<(code: number) => void>();
    handle = enableGracefulShutdown(app, { timeoutMs: 5_000, signals: [], exit });

    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const slow = fetch(`${server.base}/slow`);
    await inFlight;

    const shutdown = handle.shutdown('test');
    await expect(fetch(`${server.base}/slow`)).rejects.toThrow();
    expect(close).not.toHaveBeenCalled();

    release();
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await shutdown;
    expect(close).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('cuts requests that outlive the timeout and still closes the app', async () => {
    const server = await startApp();
    app = server.app;
    const close = jest.spyOn(app, 'close');
    const exit = jest.fn<(code: number) => void>();
    const warn = jest.fn();
    handle = enableGracefulShutdown(app, { timeoutMs: 50, signals: [], exit, logger: { info: () => {}, warn, error: () => {} } });

    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const slow = fetch(`${server.base}/slow`).then(
      () => 'answered',
      () => 'cut',
    );
    await inFlight;

    await handle.shutdown('test');
    expect(await slow).toBe('cut');
    expect(warn).toHaveBeenCalled();
    expect(close).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
  });
});
