import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { NotFound, PG_POOL, statement } from '@convene/event-store';
import { CONSULTATIONS_TABLE, type ConsultationDocument } from './consultations.projection.js';
import { canSee, type Versioned, type Viewer } from './scheduling-views.js';
import { SERIES_TABLE, type SeriesDocument } from './series.projection.js';

export interface CalendarFilter {
  /** Consultations still running on or after this day. */
  from?: string;
  /** Consultations starting on or before this day. */
  to?: string;
  organisation?: string;
  country?: string;
  seriesId?: string;
  /** Only announced ones (and cancelled ones that had been announced): the public's view. */
  announcedOnly: boolean;
}

/** The calendar is for browsing, not export: a bound keeps one request from reading everything. */
const CALENDAR_LIMIT = 500;

/** Reads of the scheduling projections' tables (through their views, never their generations). */
@Injectable()
export class SchedulingReadModels {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async consultation(id: string): Promise<Versioned<ConsultationDocument> | null> {
    const { rows } = await this.pool.query(statement(this.pool, `SELECT version, doc FROM ${CONSULTATIONS_TABLE} WHERE id = $1`, [id]));
    return rows[0] ?? null;
  }

  /** The consultation if the viewer may see it; otherwise NotFound, so a draft's existence is not revealed. */
  async visibleConsultation(id: string, viewer: Viewer): Promise<Versioned<ConsultationDocument>> {
    const row = await this.consultation(id);
    if (!row || !canSee(viewer, row.doc.consultation!)) throw new NotFound('Consultation', id);
    return row;
  }

  /**
   * The series with the consultations the viewer may see. A series with nothing announced yet is
   * still being planned: NotFound for the public.
   */
  async visibleSeries(id: string, viewer: Viewer): Promise<{ series: Versioned<SeriesDocument>; consultations: Array<Versioned<ConsultationDocument>> }> {
    const series = await this.series(id);
    const consultations = series ? await this.consultations({ seriesId: id, announcedOnly: !viewer.secretariat }) : [];
    if (!series || (!viewer.secretariat && consultations.length === 0)) throw new NotFound('Series', id);
    return { series, consultations };
  }

  async consultations(filter: CalendarFilter): Promise<Array<Versioned<ConsultationDocument>>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.announcedOnly) where.push('announced');
    if (filter.from) add('end_date >= ?::date', filter.from);
    if (filter.to) add('start_date <= ?::date', filter.to);
    if (filter.organisation) add('regional_organisation = ?', filter.organisation);
    if (filter.country) add('country = ?', filter.country);
    if (filter.seriesId) add('series_id = ?', filter.seriesId);
    params.push(CALENDAR_LIMIT);
    const { rows } = await this.pool.query(
      `SELECT version, doc FROM ${CONSULTATIONS_TABLE} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY starts_at, id LIMIT $${params.length}`,
      params,
    );
    return rows;
  }

  /**
   * Every series with how many of its consultations the viewer may see and their first and last
   * days. The public sees only series with an announced consultation (as for one series).
   */
  async seriesList(viewer: Viewer): Promise<Array<Versioned<SeriesDocument> & { consultations: number; first_date: string | null; last_date: string | null }>> {
    const { rows } = await this.pool.query(
      `SELECT s.version, s.doc, count(c.id)::int AS consultations,
              to_char(min(c.start_date), 'YYYY-MM-DD') AS first_date, to_char(max(c.end_date), 'YYYY-MM-DD') AS last_date
         FROM ${SERIES_TABLE} s
         LEFT JOIN ${CONSULTATIONS_TABLE} c ON c.series_id = s.id AND (c.announced OR $1)
        GROUP BY s.id, s.version, s.doc, s.title
       HAVING $1 OR count(c.id) > 0
        ORDER BY min(c.start_date) NULLS LAST, s.title, s.id
        LIMIT ${CALENDAR_LIMIT}`,
      [viewer.secretariat],
    );
    return rows;
  }

  /**
   * Consultations whose agenda names the person as a chair, moderator or speaker, erased or not
   * (ids are not personal data; names are sealed in the store).
   */
  async consultationsNaming(personId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM ${CONSULTATIONS_TABLE}
        WHERE jsonb_path_exists(doc, '$.consultation.sessions[*] ? (@.chair.personId == $p || @.moderator.personId == $p || @.speakers[*].personId == $p)', jsonb_build_object('p', $1::text))
        ORDER BY id`,
      [personId],
    );
    return rows.map((r) => r.id);
  }

  async series(id: string): Promise<Versioned<SeriesDocument> | null> {
    const { rows } = await this.pool.query(statement(this.pool, `SELECT version, doc FROM ${SERIES_TABLE} WHERE id = $1`, [id]));
    return rows[0] ?? null;
  }
}
