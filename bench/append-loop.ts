import { performance } from 'node:perf_hooks';

export interface AppendRun {
  events: number;
  seconds: number;
  rate: number;
  /** Milliseconds per append, in completion order. */
  latencies: number[];
}

/**
 * `writers` concurrent loops, each awaiting its own appends to its own stream until the time is
 * up. `appendOne(writer, expectedVersion)` appends one event.
 */
export async function appendLoop(
  writers: number,
  seconds: number,
  appendOne: (writer: number, version: number) => Promise<unknown>,
): Promise<AppendRun> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let v = 0; performance.now() < deadline; v++) {
        const t = performance.now();
        await appendOne(w, v);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { events: latencies.length, seconds: elapsed, rate: latencies.length / elapsed, latencies };
}

export function percentile(values: number[], p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export const describeRun = (r: AppendRun) =>
  `${r.events} appends in ${r.seconds.toFixed(2)} s, latency p50 ${percentile(r.latencies, 50).toFixed(2)} ms, p99 ${percentile(r.latencies, 99).toFixed(2)} ms`;

/** The payload every benchmarked append carries. */
export const eventData = (writer: number, n: number) => ({ writer, n, title: 'Consultation on agenda item' });
