import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@convene/event-store';
import type pg from 'pg';
import type { Edition, SummaryContent, SummaryState } from '../../summary/summary.state.js';
import { CHAIR_SUMMARIES, CHAIR_SUMMARY_EDITIONS } from './chair-summaries.projection.js';

interface EditionRow {
  edition: number;
  version: number;
  published_at: Date;
  published_by: string;
  approved_by: string;
  approved_version: number;
  correction_reason: string | null;
  content: SummaryContent;
}

const toEdition = (r: EditionRow): Edition => ({
  edition: r.edition,
  version: r.version,
  publishedAt: r.published_at.toISOString(),
  publishedBy: r.published_by,
  approvedBy: r.approved_by,
  approvedVersion: r.approved_version,
  correctionReason: r.correction_reason,
  content: r.content,
});

/** Reads of the chair-summaries read model (views over the projection's live generation). */
@Injectable()
export class ChairSummaryQueries {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async current(consultationId: string): Promise<SummaryState | undefined> {
    const { rows } = await this.pool.query<{ state: SummaryState }>(`SELECT state FROM ${CHAIR_SUMMARIES} WHERE consultation_id = $1`, [
      consultationId,
    ]);
    return rows[0]?.state;
  }

  /** Published editions, oldest first. */
  async editions(consultationId: string): Promise<Edition[]> {
    const { rows } = await this.pool.query<EditionRow>(
      `SELECT edition, version, published_at, published_by, approved_by, approved_version, correction_reason, content
       FROM ${CHAIR_SUMMARY_EDITIONS} WHERE consultation_id = $1 ORDER BY edition`,
      [consultationId],
    );
    return rows.map(toEdition);
  }
}
