/**
 * The Emmett baseline of the event-store bench, run in a child process of its own
 * (`fork`ed by event-store.bench.ts): @event-driven-io/dumbo replaces pg's global type parsers
 * when it loads (int8 to BigInt, json and jsonb through its own deserializer), which doubled the
 * CPU cost of every later read of the parent process when it ran there.
 *
 * argv: <database url> <writers> <warm-up seconds> <seconds>. Sends one AppendRun over IPC.
 */
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { appendLoop, eventData } from './append-loop.js';

const [url, writers, warmup, seconds] = process.argv.slice(2);
const es = getPostgreSQLEventStore(url);
try {
  await es.schema.migrate();
  const appender = (prefix: string) => (w: number, v: number) =>
    es.appendToStream(`${prefix}-${w}`, [{ type: 'ThingHappened', data: eventData(w, v) }], { expectedStreamVersion: BigInt(v) });
  await appendLoop(Number(writers), Number(warmup), appender('warm'));
  const result = await appendLoop(Number(writers), Number(seconds), appender('bench'));
  await new Promise<void>((resolve, reject) => process.send!(result, (err: Error | null) => (err ? reject(err) : resolve())));
} finally {
  await es.close();
}
