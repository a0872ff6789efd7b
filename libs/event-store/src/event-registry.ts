/**
 * What the store must know about each event type: its current schema version, how older shapes
 * are upcast, and which fields hold personal data (and whose).
 */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Personal fields of one data subject. Paths are dotted; `*` walks an array, and a `*` in
 * `subject` binds to the same element as in `fields` (e.g. subject `speakers.*.personId`,
 * fields `speakers.*.name`).
 */
export interface PersonalDataSpec {
  subject: string;
  fields: string[];
}

export interface EventDefinition {
  type: string;
  /** Current schema version; events are written with it and read upcast to it. */
  schemaVersion?: number;
  /** upcasters[n] turns a version-n shape into version n+1. */
  upcasters?: Record<number, Upcaster>;
  personal?: PersonalDataSpec[];
}

export class EventRegistry {
  private readonly defs = new Map<string, Required<Pick<EventDefinition, 'schemaVersion'>> & EventDefinition>();

  register(...definitions: EventDefinition[]): this {
    for (const d of definitions) {
      const existing = this.defs.get(d.type);
      if (existing && existing !== d) throw new Error(`Event type ${d.type} is registered twice`);
      const schemaVersion = d.schemaVersion ?? 1;
      for (let v = 1; v < schemaVersion; v++) {
        if (!d.upcasters?.[v]) throw new Error(`Event type ${d.type} lacks an upcaster from schema version ${v}`);
      }
      this.defs.set(d.type, { ...d, schemaVersion });
    }
    return this;
  }

  schemaVersionOf(type: string): number {
    return this.defs.get(type)?.schemaVersion ?? 1;
  }

  personalOf(type: string): PersonalDataSpec[] {
    return this.defs.get(type)?.personal ?? [];
  }

  /** The registered types that have personal fields. */
  personalTypes(): string[] {
    return [...this.defs.values()].filter((d) => (d.personal ?? []).length > 0).map((d) => d.type);
  }

  /** Applies the chain of upcasters from the stored schema version to the current one. */
  upcast(type: string, schemaVersion: number, data: Record<string, unknown>): { schemaVersion: number; data: Record<string, unknown> } {
    const def = this.defs.get(type);
    if (!def) return { schemaVersion, data };
    let current = data;
    for (let v = schemaVersion; v < def.schemaVersion; v++) current = def.upcasters![v](current);
    return { schemaVersion: Math.max(schemaVersion, def.schemaVersion), data: current };
  }
}

/** A concrete place in a document: its path segments (keys and array indices). */
export type ConcretePath = Array<string | number>;

/** Expands a pattern against a document into concrete paths, with the array indices each `*` took. */
export function expandPath(doc: unknown, pattern: string): Array<{ path: ConcretePath; bindings: number[] }> {
  const segments = pattern.split('.');
  const out: Array<{ path: ConcretePath; bindings: number[] }> = [];
  const walk = (node: unknown, i: number, path: ConcretePath, bindings: number[]) => {
    if (i === segments.length) {
      out.push({ path, bindings });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const seg = segments[i];
    if (seg === '*') {
      if (!Array.isArray(node)) return;
      node.forEach((child, idx) => walk(child, i + 1, [...path, idx], [...bindings, idx]));
    } else if (seg in (node as Record<string, unknown>)) {
      walk((node as Record<string, unknown>)[seg], i + 1, [...path, seg], bindings);
    }
  };
  walk(doc, 0, [], []);
  return out;
}

/** The value at a subject pattern with its `*`s bound to the given indices. */
export function valueAt(doc: unknown, pattern: string, bindings: number[]): unknown {
  let node: unknown = doc;
  let b = 0;
  for (const seg of pattern.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = seg === '*' ? (node as unknown[])[bindings[b++]] : (node as Record<string, unknown>)[seg];
  }
  return node;
}

export function getAt(doc: unknown, path: ConcretePath): unknown {
  return path.reduce<unknown>((n, seg) => (n as Record<string | number, unknown>)?.[seg], doc);
}

export function setAt(doc: unknown, path: ConcretePath, value: unknown): void {
  const parent = getAt(doc, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]] = value;
}
