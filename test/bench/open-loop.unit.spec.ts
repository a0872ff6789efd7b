import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from '@jest/globals';
import { jsonPost, openLoop } from '../../bench/open-loop.js';

/** A server that records when each request arrived and answers as `answer` says. */
async function server(answer: (n: number, res: http.ServerResponse) => void) {
  const arrivals: number[] = [];
  const srv = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals.push(performance.now());
      answer(arrivals.length, res);
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { srv, arrivals, port: (srv.address() as AddressInfo).port };
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const srv of servers.splice(0)) {
    srv.closeAllConnections();
    await new Promise((resolve) => srv.close(resolve));
  }
});

describe('openLoop', () => {
  it('sends at the offered rate, evenly, without waiting for answers, and times each from its due moment', async () => {
    const { srv, arrivals, port } = await server((_, res) => setTimeout(() => res.end('{}'), 50));
    servers.push(srv);
    const run = await openLoop({ host: '127.0.0.1', port, rate: 200, seconds: 1, request: () => jsonPost('127.0.0.1', port, '/x', { a: 1 }) });
    expect(run).toMatchObject({ ok: 200, errors: 0 });
    // Every answer took the server's 50 ms, yet all 200 were answered within about a second: sending did
    // not wait for answers (one connection in a closed loop would give 20/s).
    expect(Math.min(...run.fromDue)).toBeGreaterThanOrEqual(49);
    expect(run.perSecond).toBeGreaterThan(150);
    // Evenly spread: no 100 ms of the second holds more than a burst's worth (20 due, some slack for timers).
    const first = arrivals[0];
    for (let from = 0; from < 1000; from += 100) {
      expect(arrivals.filter((t) => t - first >= from && t - first < from + 100).length).toBeLessThanOrEqual(30);
    }
  });

  it('opens a new connection when the server has closed an idle one', async () => {
    const { srv, port } = await server((_, res) => res.end('{}'));
    // Node closes an idle keep-alive connection about a second after this: before the second request, 2 s later.
    srv.keepAliveTimeout = 20;
    servers.push(srv);
    const run = await openLoop({ host: '127.0.0.1', port, rate: 0.5, seconds: 4, answerTimeoutMs: 500, request: () => jsonPost('127.0.0.1', port, '/x', {}) });
    expect(run).toMatchObject({ ok: 2, errors: 0 });
  });

  it('counts non-2xx answers and requests never answered as errors', async () => {
    const { srv, port } = await server((n, res) => {
      if (n === 3) return; // never answered
      res.statusCode = n % 2 === 0 ? 500 : 201;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ n }));
    });
    servers.push(srv);
    const run = await openLoop({ host: '127.0.0.1', port, rate: 20, seconds: 0.5, answerTimeoutMs: 300, request: () => jsonPost('127.0.0.1', port, '/x', {}) });
    // Ten requests: 1, 5, 7, 9 answered 201; 2, 4, 6, 8, 10 answered 500; 3 never.
    expect(run).toMatchObject({ ok: 4, errors: 6 });
  });
});
