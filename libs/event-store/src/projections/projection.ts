import type pg from 'pg';
import type { StoredEvent } from '../types.js';

/** What a projection gets while it applies a batch: the transaction, and its tables' real names. */
export interface ProjectionContext {
  /** The open transaction; the checkpoint is written in it too. */
  client: pg.PoolClient;
  /** Physical (quoted) name of one of the projection's tables in the generation being built. */
  table(base: string): string;
}

/** What a plan builds its SQL with: the generation's table names. Values go in as literals (`sqlLiteral`). */
export type PlanContext = Pick<ProjectionContext, 'table'>;

/**
 * A projection's batch as SQL text that the in-process runner sends together with its own
 * statements: the read in the round trip that locks the checkpoint, the writes in the one that
 * moves it and commits. A batch then costs two round trips, not two plus one per statement of the
 * projection, and a registration's wait for its roster row as many fewer (ADR 0007's addendum).
 * The text runs on the simple protocol, several statements at once, so it takes no parameters:
 * every value goes in through `sqlLiteral`.
 */
export interface ProjectionPlan {
  /** One SELECT whose rows `write` needs, or undefined when it needs none. Run once the checkpoint is locked. */
  read?(ctx: PlanContext, events: StoredEvent[]): string | undefined;
  /**
   * The batch's writes (one or more statements separated by semicolons), or undefined for none.
   * `rows` are the read's rows; the read may have covered more events than `events` (those
   * another process applied meanwhile are dropped after it), never fewer.
   */
  write(ctx: PlanContext, events: StoredEvent[], rows: Array<Record<string, unknown>>): string | undefined;
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
  /**
   * The same batch as SQL text, for the runner to send with its own statements. A projection
   * that has a plan makes its `apply` from it (`applyPlan`), so both give the same tables.
   */
  plan?: ProjectionPlan;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const physicalName = (base: string, generation: number) => `${base}__g${generation}`;

/**
 * A string as an SQL literal, right whatever standard_conforming_strings says: with a backslash
 * it becomes E'...' with backslashes doubled. pg's escapeLiteral does the same a character at a
 * time, which costs milliseconds on a batch's JSON; two native replaces do not.
 */
export function sqlLiteral(value: string): string {
  const quoted = value.replace(/'/g, "''");
  return value.includes('\\') ? `E'${quoted.replace(/\\/g, '\\\\')}'` : `'${quoted}'`;
}

/** A plan's batch applied statement by statement in an open transaction: a Projection's `apply`. */
export function applyPlan(plan: ProjectionPlan): Projection['apply'] {
  return async (ctx, events) => {
    const read = plan.read?.(ctx, events);
    const rows = read ? (await ctx.client.query(read)).rows : [];
    const write = plan.write(ctx, events, rows);
    if (write) await ctx.client.query(write);
  };
}

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
