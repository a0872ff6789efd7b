import { describe, expect, it } from '@jest/globals';
import { canonicalJson, InvalidIdempotencyKey, parseIdempotencyKey, requestHash } from './idempotency.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('handles bodies that are absent or not objects', () => {
    expect(canonicalJson(undefined)).toBe('');
    expect(canonicalJson('text')).toBe('"text"');
  });
});

describe('requestHash', () => {
  const base = { method: 'POST', path: '/consultations', actor: 'alice', body: { a: 1, b: 2 } };

  it('ignores key order in the body', () => {
    expect(requestHash(base)).toBe(requestHash({ ...base, body: { b: 2, a: 1 } }));
    expect(requestHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['method', { method: 'PUT' }],
    ['path', { path: '/consultations/c-2' }],
    ['actor', { actor: 'bob' }],
    ['body', { body: { a: 1, b: 3 } }],
  ])('changes with the %s', (_part, change) => {
    expect(requestHash({ ...base, ...change })).not.toBe(requestHash(base));
  });
});

describe('parseIdempotencyKey', () => {
  it('accepts 1 to 255 printable characters', () => {
    expect(parseIdempotencyKey('a')).toBe('a');
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
    expect(parseIdempotencyKey('2031-05-01 order #7')).toBe('2031-05-01 order #7');
  });

  it.each([['empty', ''], ['blank', '   '], ['too long', 'k'.repeat(256)], ['control character', 'a\tb'], ['non-ASCII', 'clé']])(
    'refuses a %s key',
    (_case, key) => {
      expect(() => parseIdempotencyKey(key)).toThrow(InvalidIdempotencyKey);
    },
  );

  it('refuses a repeated header', () => {
    expect(() => parseIdempotencyKey(['a', 'b'])).toThrow(InvalidIdempotencyKey);
  });
});
