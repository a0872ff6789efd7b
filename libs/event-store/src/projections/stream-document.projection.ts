import type { StoredEvent } from '../types.js';
import { applyPlan, type Projection, type ProjectionContext, type ProjectionPlan, sqlLiteral } from './projection.js';

/** A column kept beside the document for queries (filters, ordering, joins). */
export interface DocumentColumn<D> {
  name: string;
  /** SQL type, e.g. "text", "date", "timestamptz". */
  type: string;
  value(doc: D): unknown;
}

export interface StreamDocumentSpec<D> {
  name: string;
  version: number;
  table: string;
  eventTypes: string[];
  /** The row an event belongs to: the aggregate whose stream it is on, or an entity within it (its versions rise too). */
  rowId(event: StoredEvent): string;
  initial(): D;
  apply(doc: D, event: StoredEvent): D;
  /** false: no row yet (an event before the stream's first, which a stream cannot have). */
  exists(doc: D): boolean;
  columns: DocumentColumn<D>[];
  /** Columns to index. */
  indexes?: string[];
}

/**
 * One row per stream holding the stream's folded document, and the stream version it reflects.
 *
 * A batch costs one SELECT and one upsert, whatever its size, and the in-process runner sends
 * them with its lock and its commit (ProjectionPlan). Each row depends on its own stream only,
 * and an event at or below the row's version is skipped: so the result is the same whether
 * events come in global order or only in per-stream order (Kafka partitions keyed by stream),
 * and a redelivered event changes nothing.
 */
export function streamDocumentProjection<D>(spec: StreamDocumentSpec<D>): Projection {
  const names = ['id', 'version', 'doc', ...spec.columns.map((c) => c.name)];
  const types = ['text', 'integer', 'jsonb', ...spec.columns.map((c) => c.type)];
  const rowIds = (events: StoredEvent[]) => [...new Set(events.map((e) => spec.rowId(e)))];
  const plan: ProjectionPlan = {
    read({ table }, events) {
      return `SELECT id, version, doc FROM ${table(spec.table)} WHERE id = ANY(ARRAY[${rowIds(events).map(sqlLiteral).join(', ')}]::text[])`;
    },
    write({ table }, events, rows) {
      const stored = new Map(rows.map((r) => [r.id as string, r as { version: number; doc: D }]));
      const byRow = new Map<string, StoredEvent[]>();
      for (const e of events) byRow.set(spec.rowId(e), [...(byRow.get(spec.rowId(e)) ?? []), e]);
      const changed: Array<Record<string, unknown>> = [];
      for (const [id, streamEvents] of byRow) {
        let { version, doc } = stored.get(id) ?? { version: 0, doc: spec.initial() };
        const before = version;
        for (const e of [...streamEvents].sort((a, b) => a.version - b.version)) {
          if (e.version <= version) continue;
          doc = spec.apply(doc, e);
          version = e.version;
        }
        if (version === before || !spec.exists(doc)) continue;
        changed.push({ id, version, doc, ...Object.fromEntries(spec.columns.map((c) => [c.name, c.value(doc)])) });
      }
      if (changed.length === 0) return undefined;
      const t = table(spec.table);
      return `INSERT INTO ${t} (${names.join(', ')})
         SELECT ${names.map((n) => `r.${n}`).join(', ')} FROM jsonb_to_recordset(${sqlLiteral(JSON.stringify(changed))}::jsonb) AS r(${names.map((n, i) => `${n} ${types[i]}`).join(', ')})
         ON CONFLICT (id) DO UPDATE SET ${names.slice(1).map((n) => `${n} = excluded.${n}`).join(', ')}
         WHERE ${t}.version < excluded.version`;
    },
  };
  return {
    name: spec.name,
    version: spec.version,
    tables: [spec.table],
    eventTypes: spec.eventTypes,

    async setup({ client, table }: ProjectionContext) {
      const columns = spec.columns.map((c) => `, ${c.name} ${c.type}`).join('');
      await client.query(`CREATE TABLE ${table(spec.table)} (id text PRIMARY KEY, version integer NOT NULL, doc jsonb NOT NULL${columns})`);
      for (const column of spec.indexes ?? []) await client.query(`CREATE INDEX ON ${table(spec.table)} (${column})`);
    },

    apply: applyPlan(plan),
    plan,
  };
}
