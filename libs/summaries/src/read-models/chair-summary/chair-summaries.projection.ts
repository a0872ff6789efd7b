import { type Projection, type ProjectionContext, type StoredEvent, statement } from '@convene/event-store';
import { SUMMARY_EVENT_TYPES } from '../../summary/summary.events.js';
import { type Edition, initialSummaryState, type SummaryState } from '../../summary/summary.state.js';
import { foldStored } from '../../summary/summary.stored.js';

export const CHAIR_SUMMARIES = 'chair_summaries';
export const CHAIR_SUMMARY_EDITIONS = 'chair_summary_editions';

const consultationOf = (streamId: string) => streamId.slice('summary-'.length);

/**
 * The current summary of each consultation (full state, for drafting and review) and every
 * published edition, frozen (for the public and for the DOCX/PDF reports).
 *
 * Set-based: one read of the touched summaries, the fold in memory, then one upsert per table
 * for the whole batch.
 */
export const chairSummariesProjection: Projection = {
  name: 'summaries.chair-summaries',
  version: 1,
  tables: [CHAIR_SUMMARIES, CHAIR_SUMMARY_EDITIONS],
  eventTypes: [...SUMMARY_EVENT_TYPES],

  async setup({ client, table }: ProjectionContext) {
    await client.query(`
      CREATE TABLE ${table(CHAIR_SUMMARIES)} (
        consultation_id text PRIMARY KEY,
        version int NOT NULL,
        status text NOT NULL,
        edition int NOT NULL,
        chatham_house boolean NOT NULL,
        published_edition int,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL
      )`);
    await client.query(`
      CREATE TABLE ${table(CHAIR_SUMMARY_EDITIONS)} (
        consultation_id text NOT NULL,
        edition int NOT NULL,
        version int NOT NULL,
        published_at timestamptz NOT NULL,
        published_by text NOT NULL,
        approved_by text NOT NULL,
        approved_version int NOT NULL,
        correction_reason text,
        content jsonb NOT NULL,
        PRIMARY KEY (consultation_id, edition)
      )`);
  },

  async apply({ client, table }: ProjectionContext, events: StoredEvent[]) {
    const byConsultation = new Map<string, StoredEvent[]>();
    for (const e of events) {
      const id = consultationOf(e.streamId);
      byConsultation.set(id, [...(byConsultation.get(id) ?? []), e]);
    }
    const ids = [...byConsultation.keys()];
    const { rows } = await client.query<{ consultation_id: string; state: SummaryState }>(
      statement(client, `SELECT consultation_id, state FROM ${table(CHAIR_SUMMARIES)} WHERE consultation_id = ANY($1::text[])`, [ids]),
    );
    const stored = new Map(rows.map((r) => [r.consultation_id, r.state]));

    const summaries: Array<{ id: string; state: SummaryState }> = [];
    const editions: Array<{ id: string; edition: Edition }> = [];
    for (const [id, stream] of byConsultation) {
      const before = stored.get(id) ?? initialSummaryState();
      const state = foldStored(stream.sort((a, b) => a.version - b.version), before);
      if (state.version === before.version) continue;
      summaries.push({ id, state });
      editions.push(...state.editions.slice(before.editions.length).map((edition) => ({ id, edition })));
    }
    if (summaries.length === 0) return;

    const t = table(CHAIR_SUMMARIES);
    await client.query(
      statement(
        client,
        `INSERT INTO ${t} (consultation_id, version, status, edition, chatham_house, published_edition, state, updated_at, updated_by)
         SELECT id, v, st, ed, ch, pe, s::jsonb, at::timestamptz, by
         FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::boolean[], $6::int[], $7::text[], $8::text[], $9::text[])
           AS u(id, v, st, ed, ch, pe, s, at, by)
         ON CONFLICT (consultation_id) DO UPDATE SET
           version = excluded.version, status = excluded.status, edition = excluded.edition,
           chatham_house = excluded.chatham_house, published_edition = excluded.published_edition,
           state = excluded.state, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [
          summaries.map((x) => x.id),
          summaries.map((x) => x.state.version),
          summaries.map((x) => x.state.status),
          summaries.map((x) => x.state.edition),
          summaries.map((x) => x.state.chathamHouse),
          summaries.map((x) => x.state.editions.at(-1)?.edition ?? null),
          summaries.map((x) => JSON.stringify(x.state)),
          summaries.map((x) => x.state.lastChange?.at ?? new Date(0).toISOString()),
          summaries.map((x) => x.state.lastChange?.by ?? 'unknown'),
        ],
      ),
    );
    if (editions.length === 0) return;
    // A published edition never changes: a second write of it (a redelivery) is dropped.
    await client.query(
      statement(
        client,
        `INSERT INTO ${table(CHAIR_SUMMARY_EDITIONS)}
           (consultation_id, edition, version, published_at, published_by, approved_by, approved_version, correction_reason, content)
         SELECT id, ed, v, at::timestamptz, pby, aby, av, reason, content::jsonb
         FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[])
           AS u(id, ed, v, at, pby, aby, av, reason, content)
         ON CONFLICT (consultation_id, edition) DO NOTHING`,
        [
          editions.map((x) => x.id),
          editions.map((x) => x.edition.edition),
          editions.map((x) => x.edition.version),
          editions.map((x) => x.edition.publishedAt),
          editions.map((x) => x.edition.publishedBy),
          editions.map((x) => x.edition.approvedBy),
          editions.map((x) => x.edition.approvedVersion),
          editions.map((x) => x.edition.correctionReason),
          editions.map((x) => JSON.stringify(x.edition.content)),
        ],
      ),
    );
  },
};
