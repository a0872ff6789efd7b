import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '@convene/event-store';
import type { AuditEntry } from './audit-entry.js';
import { AUDIT_COLUMNS, AUDIT_TABLE } from './audit.projection.js';

export interface AuditPage {
  entries: AuditEntry[];
  /** Position to pass as `before` for the next (older) page; null on the last page. */
  next: string | null;
}

const SELECT = AUDIT_COLUMNS.map(([column, member, type]) => `${type === 'bigint' ? `${column}::text` : column} AS "${member}"`).join(', ');

/** Reads of the audit trail (consultation_audit, a view over the live generation). */
@Injectable()
export class AuditQueries {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** Newest first, strictly before the position `before` when given. */
  async page(consultationId: string, options: { before?: string; limit: number }): Promise<AuditPage> {
    const { rows } = await this.pool.query<AuditEntry>(
      `SELECT ${SELECT} FROM ${AUDIT_TABLE}
       WHERE consultation_id = $1 AND ($2::bigint IS NULL OR global_position < $2::bigint)
       ORDER BY global_position DESC LIMIT $3`,
      [consultationId, options.before ?? null, options.limit + 1],
    );
    const entries = rows.slice(0, options.limit);
    return { entries, next: rows.length > options.limit ? entries.at(-1)!.position : null };
  }

  async hasTrail(consultationId: string): Promise<boolean> {
    const { rows } = await this.pool.query(`SELECT 1 FROM ${AUDIT_TABLE} WHERE consultation_id = $1 LIMIT 1`, [consultationId]);
    return rows.length > 0;
  }
}
