import { describe, expect, it } from '@jest/globals';
import { RequestContext } from '../request-context/request-context.js';
import { expectedVersionFromIfMatch, InvalidIfMatch, parseIfMatch, setEtag } from './etag.js';

describe('ETag and If-Match', () => {
  it('writes the version as a strong entity tag', () => {
    const headers: Record<string, string> = {};
    setEtag({ setHeader: (name, value) => (headers[name] = value) }, 12);
    expect(headers).toEqual({ ETag: '"12"' });
  });

  it('reads strong and weak version tags', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"3"')).toBe(3);
    expect(parseIfMatch(' "0" ')).toBe(0);
  });

  it.each(['3', '"abc"', '*', '"1", "2"', '"-1"', '"1.5"', '', '"9999999999999999"'])('refuses %p with InvalidIfMatch', (header) => {
    expect(() => parseIfMatch(header)).toThrow(InvalidIfMatch);
  });

  it('reads the current request\'s If-Match, undefined when there is none', () => {
    expect(RequestContext.run({ correlationId: 'c', ifMatch: 'W/"7"' }, () => expectedVersionFromIfMatch())).toBe(7);
    expect(RequestContext.run({ correlationId: 'c' }, () => expectedVersionFromIfMatch())).toBeUndefined();
  });
});
