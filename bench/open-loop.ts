/**
 * An open-loop HTTP/1.1 load generator: request k is due at t0 + k / rate and is written then,
 * however many earlier ones are still unanswered, on a keep-alive connection that is free (a new
 * one when none is). Latency counts from the due time, so a generator or server that falls behind
 * cannot hide the wait (no coordinated omission).
 *
 * Why not autocannon's rate limit: it lets each connection send its share of a second back to back
 * at the start of that second, so "latency at 1,000/s" measured bursts at saturation. Why not
 * node:http: at 1,000/s its client took about a third of a core of this 2-core machine, which the
 * API and PostgreSQL need. This writes prebuilt requests on raw sockets and reads only the status
 * line and Content-Length of each answer (the API sends no chunked answers to these requests).
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** A registration may wait 10 s for its read model; an answer that takes three times that is lost. */
const DEFAULT_ANSWER_TIMEOUT_MS = 30_000;

export interface OpenLoopRun {
  /** Answers by status class: 2xx counted as ok. */
  ok: number;
  /** Non-2xx answers, requests whose connection failed, and requests never answered. */
  errors: number;
  /** ok per second of the whole run (until the last answer). */
  perSecond: number;
  fromDue: number[];
  fromSend: number[];
}

interface Pending {
  due: number;
  sent: number;
}

class Connection {
  private buffered: Buffer = Buffer.alloc(0);
  private readonly waiting: Pending[] = [];
  /** The server may close a keep-alive connection that stayed idle: it is not used again. */
  closed = false;
  private readonly fail: () => void;

  constructor(
    private readonly socket: net.Socket,
    private readonly onAnswer: (status: number, pending: Pending, connection: Connection) => void,
    onFailure: (pending: Pending[]) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.fail = () => {
      this.closed = true;
      onFailure(this.waiting.splice(0));
    };
    socket.on('error', this.fail);
    socket.on('close', this.fail);
  }

  send(request: Buffer, pending: Pending): void {
    this.waiting.push(pending);
    // A write on a socket that closed meanwhile fails only here (EPIPE), without an event.
    this.socket.write(request, (err) => err && this.fail());
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const headEnd = this.buffered.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = this.buffered.toString('latin1', 0, headEnd);
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      const end = headEnd + 4 + length;
      if (this.buffered.length < end) return;
      this.buffered = this.buffered.subarray(end);
      const pending = this.waiting.shift();
      if (pending) this.onAnswer(Number(head.slice(9, 12)), pending, this);
    }
  }
}

export async function openLoop(options: {
  host: string;
  port: number;
  rate: number;
  seconds: number;
  request: () => Buffer;
  answerTimeoutMs?: number;
}): Promise<OpenLoopRun> {
  const run: OpenLoopRun = { ok: 0, errors: 0, perSecond: 0, fromDue: [], fromSend: [] };
  const idle: Connection[] = [];
  const all: Connection[] = [];
  let unanswered = 0;
  let settled: () => void = () => {};
  const done = () => {
    unanswered -= 1;
    if (unanswered === 0) settled();
  };
  const onAnswer = (status: number, pending: Pending, connection: Connection) => {
    const now = performance.now();
    run.fromDue.push(now - pending.due);
    run.fromSend.push(now - pending.sent);
    if (status >= 200 && status < 300) run.ok += 1;
    else run.errors += 1;
    idle.push(connection);
    done();
  };
  const onFailure = (pending: Pending[]) => {
    for (const _ of pending) {
      run.errors += 1;
      done();
    }
  };
  const connection = () => {
    for (let free = idle.pop(); free; free = idle.pop()) if (!free.closed) return free;
    const made = new Connection(net.connect(options.port, options.host), onAnswer, onFailure);
    all.push(made);
    return made;
  };

  const t0 = performance.now();
  const total = Math.round(options.rate * options.seconds);
  for (let k = 0; k < total; ) {
    // Every request due by now goes out in this turn; then wait for the next one's time.
    for (; k < total && t0 + (k * 1000) / options.rate <= performance.now(); k++) {
      unanswered += 1;
      connection().send(options.request(), { due: t0 + (k * 1000) / options.rate, sent: performance.now() });
    }
    if (k < total) await sleep(Math.max(0, t0 + (k * 1000) / options.rate - performance.now()));
  }
  // A request still unanswered this long after the last one was sent counts as an error.
  const timeout = options.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS;
  if (unanswered > 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeout);
      settled = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  run.errors += unanswered;
  run.perSecond = run.ok / ((performance.now() - t0) / 1000);
  for (const c of all) c.close();
  return run;
}

/** An HTTP/1.1 POST of a JSON body, keep-alive. */
export function jsonPost(host: string, port: number, path: string, body: unknown, headers: Record<string, string> = {}): Buffer {
  const payload = Buffer.from(JSON.stringify(body));
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return Buffer.concat([
    Buffer.from(`POST ${path} HTTP/1.1\r\nhost: ${host}:${port}\r\ncontent-type: application/json\r\ncontent-length: ${payload.length}\r\n${extra}\r\n`),
    payload,
  ]);
}
