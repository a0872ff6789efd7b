/**
 * Hostile input for the fuzzer: the values a careless or malicious client sends. Everything here
 * is a fast-check arbitrary, so that a run is reproducible from its seed.
 */
import fc from 'fast-check';

/** Code points that break naive text handling: lone surrogates, NUL, bidi controls, zero-width, combining marks, emoji. */
export const UNICODE_EDGES = [
  '\uD800',
  '\uDFFF',
  'a\uD83Db',
  '\uDE00\uD83D',
  '\u0000',
  'a\u0000b',
  '\u0001\u0008\u001F\u007F',
  '\u202E\u202Dgnirts\u202C',
  '\u200F\u061C\u2067',
  '\u200B\u200C\u200D\u2060\uFEFF',
  '😀👩‍👩‍👧‍👦🏳️‍🌈🇸🇬',
  'e\u0301\u0301\u0301\u0301\u0301\u0301',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̚o',
  '\u0085\u2028\u2029',
  '\uFFFE\uFFFF\uFDD0',
  '\u{10FFFF}\u{E0001}',
  'İıſKÅ',
  '\u00A0\u3000\u1680',
  '   ',
  '',
  '\t\r\n',
  'ﷺ',
  '\\u0000',
  '%00',
  '%',
  '%E0%A4%A',
] as const;

/** Text aimed at SQL, HTML, JSON, templates, paths and prototype chains. */
export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE events; --",
  "Robert'); DROP TABLE streams;--",
  '1; SELECT pg_sleep(5)',
  '$1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '{"$gt":""}',
  '"},"role":"secretariat","x":{"',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '#{7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%s%s%s%n',
  '\\',
  '"',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  'true',
  '[]',
  '{}',
  '=cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
] as const;

/** Dates, instants and zones that do not exist, or sit at the edges of what a Date holds. */
export const BAD_TIMES = [
  '2019-02-30',
  '2019-02-29',
  '2019-04-31',
  '2019-13-01',
  '2019-00-10',
  '2019-01-00',
  '0000-01-01',
  '0000-00-00',
  '9999-12-31',
  '+275760-09-13',
  '-000001-01-01',
  '275760-09-14',
  '2019-1-1',
  '20190124',
  '2019-01-24T25:00',
  '2019-01-24T24:00',
  '2019-01-24T23:60',
  '2019-01-24T23:59:60Z',
  '2019-01-24T10:00:00+25:00',
  '2019-01-24T10:00:00+14:00',
  '2019-01-24T10:00:00-12:00',
  '2019-01-24T10:00:00.1234567891Z',
  '1970-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '1000-01-01',
  '2100-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2019-03-31T02:30',
  '2019-10-27T02:30',
  '2019-01-24T09:30Z',
  'Mars/Olympus',
  'Europe/Atlantis',
  'UTC+25',
  'Etc/GMT+99',
  'America/New_York ',
  'local',
  'now',
  'today',
] as const;

/** Numbers as text at the edges of what a JSON number, a 32-bit integer or a PostgreSQL integer holds. */
export const EDGE_NUMBERS = [
  'NaN',
  'Infinity',
  '-1',
  '-0',
  '0',
  '1.5',
  '1e309',
  '1e21',
  '0x10',
  '2147483647',
  '2147483648',
  '-2147483649',
  '4294967296',
  '99999999999',
  '9007199254740993',
  '99999999999999999999999',
] as const;

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** A random calendar date or instant, often impossible: month 0-13, day 0-32, hour 0-25, any offset. */
export const randomTime: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: -1, max: 300_000 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.option(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.option(fc.integer({ min: -1500, max: 1500 })))),
  )
  .map(([year, month, day, time]) => {
    const two = (n: number) => String(Math.abs(n)).padStart(2, '0');
    const date = `${year < 0 ? '-' : ''}${String(Math.abs(year)).padStart(4, '0')}-${two(month)}-${two(day)}`;
    if (!time) return date;
    const [hour, minute, offset] = time;
    const zone = offset === null ? '' : offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${two(Math.trunc(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
    return `${date}T${two(hour)}:${two(minute)}${zone}`;
  });

/**
 * Any code point, lone surrogates included. (fast-check's own 'binary' unit leaves those out, and
 * builds a table of the whole Unicode range the first time, a second of the run.)
 */
const anyCodeUnit: fc.Arbitrary<string> = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

/** A date, time or number near what a field expects, and wrong: the query parameters' usual mistake. */
export const badTimeOrNumber: fc.Arbitrary<string> = fc.oneof(pick(BAD_TIMES), randomTime, pick(EDGE_NUMBERS));

/** 100k to 200k characters of one repeated piece (cheap to generate; some exceed the body limit). */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(pick(['a', 'é', '😀', '\u200B', "'", '<b>', ' ', 'x\u0301']), fc.integer({ min: 100_000, max: 200_000 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)));

/** Strings no field expects: edge code points, injections, bad times, random text, mixtures. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: pick(UNICODE_EDGES), weight: 12 },
  { arbitrary: pick(INJECTIONS), weight: 12 },
  { arbitrary: badTimeOrNumber, weight: 12 },
  { arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 40 }), weight: 6 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ maxLength: 400, minLength: 300 }), weight: 3 },
  { arbitrary: fc.tuple(pick(INJECTIONS), pick(UNICODE_EDGES)).map(([a, b]) => `${a}${b}${a}`), weight: 3 },
  // Rare, as they are slow to send and check: still hundreds in a run of 10,000.
  { arbitrary: hugeString, weight: 2 },
);

/** A value of the wrong kind for any field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 6 }), fc.integer())),
  hostileString,
  fc.integer({ min: 1000, max: 5000 }).map((n) => Array.from({ length: n }, (_, i) => `item${i}`)),
);

/** Names of members a DTO does not declare, including prototype pollution keys. */
export const unknownKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'role', 'version', 'id', 'eventType', ''),
  fc.string({ maxLength: 12 }),
  pick(UNICODE_EDGES),
);

/** An object nested `depth` levels deep, as JSON text (built as text: no recursion to blow our own stack). */
export const deepJson = (depth: number, array: boolean): string => (array ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

/** Header values a client may send: Node refuses characters outside latin1, so these stay inside it. */
export const headerJunk: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '*', '"1"', 'W/"1"', '"-1"', '"1.5"', '"99999999999999999999"', '"1", "2"', 'abc', '\u00ff\u00fe', 'null', "' OR 1=1 --"),
  fc.string({ unit: 'binary-ascii', maxLength: 20 }).map((s) => s.replace(/[^\t\x20-\x7e]/g, '')),
  fc.integer({ min: 256, max: 5000 }).map((n) => 'k'.repeat(n)),
);
