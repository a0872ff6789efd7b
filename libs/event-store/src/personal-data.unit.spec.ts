import { describe, expect, it } from '@jest/globals';
import { RecentlySealed } from './personal-data.js';

const sealed = (n: number, sub = 'person-1') => ({ $pii: `v1.iv${n}.tag.ct`, sub });

describe('RecentlySealed', () => {
  it('keeps at most its limit, the oldest leaving first', () => {
    const memory = new RecentlySealed(3, 60_000, () => 0);
    for (let n = 1; n <= 5; n++) memory.remember(sealed(n), ['email'], `"${n}"`);
    expect(memory.size).toBe(3);
    expect(memory.take(sealed(2), ['email'])).toBeUndefined();
    expect(memory.take(sealed(3), ['email'])).toBe('"3"');
  });

  it('lets entries older than its age go as soon as anything is sealed again', () => {
    let clock = 0;
    const memory = new RecentlySealed(100, 5000, () => clock);
    memory.remember(sealed(1), ['name'], '"Amina"');
    clock = 4000;
    memory.remember(sealed(2), ['name'], '"Kwame"');
    clock = 6000;
    memory.remember(sealed(3), ['name'], '"Li"');
    expect(memory.take(sealed(1), ['name'])).toBeUndefined();
    expect(memory.take(sealed(2), ['name'])).toBe('"Kwame"');
  });

  it('answers once, for the same subject and field only, and drops a forgotten subject at once', () => {
    const memory = new RecentlySealed();
    memory.remember(sealed(1), ['person', 'email'], '"a@example.org"');
    memory.remember(sealed(2, 'person-2'), ['person', 'email'], '"b@example.org"');
    expect(memory.take(sealed(1), ['person', 'name'])).toBeUndefined();
    expect(memory.take({ ...sealed(1), sub: 'person-9' }, ['person', 'email'])).toBeUndefined();
    expect(memory.take(sealed(1), ['person', 'email'])).toBe('"a@example.org"');
    expect(memory.take(sealed(1), ['person', 'email'])).toBeUndefined();
    memory.forgetSubject('person-2');
    expect(memory.size).toBe(0);
  });
});
