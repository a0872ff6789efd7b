import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage, IsInt, MetadataStorage, IsOptional, IsString, Length, validate } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-cache.js';

class Base {
  @IsString() name!: string;
  @IsString({ groups: ['strict'] }) code!: string;
}

class Derived extends Base {
  // Overrides the inherited rule for `name`: the lookup must prefer the class's own.
  @Length(2, 5) override name!: string;
  @IsOptional() @IsInt() seats?: number;
}

type Storage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];

/** The storage's own lookup, whether or not the process's storage has been memoized already. */
const unmemoized: Storage['getTargetValidationMetadatas'] = (...args) =>
  MetadataStorage.prototype.getTargetValidationMetadatas.apply(getMetadataStorage(), args);

/** A view of the process's storage whose lookups are counted; memoizing it leaves the real one as it is. */
function countingView(): { view: Storage; calls: () => number } {
  const view = Object.create(getMetadataStorage()) as Storage;
  let calls = 0;
  view.getTargetValidationMetadatas = (...args) => {
    calls += 1;
    return unmemoized(...args);
  };
  return { view, calls: () => calls };
}

const describeRules = (metadata: ValidationMetadata[]) => metadata.map((m) => `${m.propertyName}:${m.name ?? m.type}:${m.groups?.join('+') ?? ''}`).sort();

describe('memoizeValidationMetadata', () => {
  it('answers every argument tuple as the storage does: own rules before inherited ones, groups and "always" apart', () => {
    const { view } = countingView();
    memoizeValidationMetadata(view);
    const cases: Array<Parameters<Storage['getTargetValidationMetadatas']>> = [
      [Derived, '', false, false, undefined],
      [Derived, '', false, false, ['strict']],
      [Derived, '', true, false, undefined],
      [Derived, '', false, true, undefined],
      [Base, '', false, false, ['strict']],
    ];
    for (const args of cases) {
      expect(describeRules(view.getTargetValidationMetadatas(...args))).toEqual(describeRules(unmemoized(...args)));
    }
    // The cases differ, so a cache that mixed up their keys would have shown above.
    expect(describeRules(view.getTargetValidationMetadatas(Derived, '', false, false, ['strict']))).toEqual(['code:isString:strict']);
    expect(describeRules(view.getTargetValidationMetadatas(Derived, '', false, true, undefined))).toEqual(['name:isLength:', 'seats:isInt:', 'seats:isOptional:']);
    expect(describeRules(view.getTargetValidationMetadatas(Derived, '', false, false, undefined))).toEqual([
      'code:isString:strict',
      'name:isLength:',
      'seats:isInt:',
      'seats:isOptional:',
    ]);
  });

  it('looks a tuple up once and hands out the same answer and grouping after that', () => {
    const { view, calls } = countingView();
    memoizeValidationMetadata(view);
    const first = view.getTargetValidationMetadatas(Derived, '', false, false, undefined);
    const second = view.getTargetValidationMetadatas(Derived, '', false, false, undefined);
    expect(second).toBe(first);
    expect(calls()).toBe(1);
    view.getTargetValidationMetadatas(Derived, '', false, false, ['strict']);
    expect(calls()).toBe(2);
    expect(view.groupByPropertyName(first)).toBe(view.groupByPropertyName(first));
    expect(Object.keys(view.groupByPropertyName(first)).sort()).toEqual(['code', 'name', 'seats']);
  });

  it('forgets its answers when a rule is added later, so the new rule is enforced', async () => {
    class Venue {
      @IsString() city!: string;
      capacity?: unknown;
    }
    memoizeValidationMetadata();
    memoizeValidationMetadata(); // a second call must not wrap the wrappers
    const venue = Object.assign(new Venue(), { city: 'Addis Ababa', capacity: 'many' });
    expect(await validate(venue)).toEqual([]);
    // A decorator applied after the class was validated once, as a class loaded later would.
    IsInt()(Venue.prototype, 'capacity');
    expect((await validate(venue)).map((e) => Object.keys(e.constraints ?? {}))).toEqual([['isInt']]);
  });
});
