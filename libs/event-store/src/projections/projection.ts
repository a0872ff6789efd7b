import type pg from 'pg';
import type { StoredEvent } from '../types.js';

/** What a projection gets while it applies a batch: the transaction, and its tables' real names. */
export interface ProjectionContext {
  /** The open transaction; the checkpoint is written in it too. */
  client: pg.PoolClient;
  /** Physical (quoted) name of one of the projection's tables in the generation being built. */
  table(base: string): string;
}

/**
 * A named read model fed from the store's cursor. Its tables are created per generation
 * (`<base>__g<n>`) and read through a view named `<base>`, so that a new version can be built
 * beside the live one and switched to in one transaction (docs/adr/0007).
 */
export interface Projection {
  name: string;
  /** Bump when the projection's logic or tables change: it is rebuilt into new tables. */
  version: number;
  /** Base names of the tables it owns; queries use these names (they are views). */
  tables: string[];
  /** Event types it cares about; others only move its checkpoint. Omit for all. */
  eventTypes?: string[];
  /** Creates the generation's tables (CREATE TABLE ctx.table('x') ...). */
  setup(ctx: ProjectionContext): Promise<void>;
  /** Applies a batch set-based (one statement per table per batch, not per event). */
  apply(ctx: ProjectionContext, events: StoredEvent[]): Promise<void>;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const physicalName = (base: string, generation: number) => `${base}__g${generation}`;

/** The context a projection applies a batch in: the transaction, and its generation's table names. */
export function projectionContext(client: pg.PoolClient, p: Projection, generation: number): ProjectionContext {
  return {
    client,
    table: (base) => {
      if (!p.tables.includes(base)) throw new Error(`Projection ${p.name} does not own table ${base}`);
      return quoteIdent(physicalName(base, generation));
    },
  };
}
