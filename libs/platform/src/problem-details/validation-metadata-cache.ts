import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Grouping = MetadataStorage['groupByPropertyName'];
type ValidationMetadata = ReturnType<Lookup>[number];

const memoized = Symbol.for('convene.validation-metadata-memoized');

/**
 * Makes class-validator's metadata lookups answer from a cache.
 *
 * On every validated object (each nested DTO of every request) `getTargetValidationMetadatas`
 * walks every decorated class the app has, to find the ones the target inherits from, and
 * filters their rules again; `groupByPropertyName` then regroups the result. Neither answer
 * changes between two registrations of metadata, so both are kept per argument tuple until
 * metadata is added again (a class loaded later), which clears them. Upstream:
 * typestack/class-validator#2686 (open); twentyhq/twenty#24085 does the same.
 *
 * The arrays and groupings handed out are the storage's answers: the executor only reads them.
 * Idempotent: the storage is one per process (class-validator keeps it on the global object).
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [memoized]?: true };
  if (marked[memoized]) return;
  marked[memoized] = true;

  let lookups = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  let groupings = new WeakMap<ValidationMetadata[], ReturnType<Grouping>>();
  const forget = () => {
    lookups = new WeakMap();
    groupings = new WeakMap();
  };

  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = JSON.stringify([schema ?? null, always, strictGroups, groups ?? null]);
    let forTarget = lookups.get(target);
    if (!forTarget) lookups.set(target, (forTarget = new Map()));
    let found = forTarget.get(key);
    if (!found) forTarget.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };

  const group: Grouping = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadata) => {
    let found = groupings.get(metadata);
    if (!found) groupings.set(metadata, (found = group(metadata)));
    return found;
  };

  for (const add of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const original = storage[add].bind(storage) as (argument: never) => void;
    (storage[add] as (argument: never) => void) = (argument) => {
      forget();
      original(argument);
    };
  }
}
