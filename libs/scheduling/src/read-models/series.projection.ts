import { type StoredEvent, streamDocumentProjection } from '@convene/event-store';
import { type SeriesEvent, seriesEventTypes } from '../series/series.events.js';
import { evolveSeries, type Series } from '../series/series.state.js';


export interface SeriesDocument {
  series: Series | null;
  plannedAt: string | null;
  updatedAt: string | null;
}

export const SERIES_TABLE = 'scheduling_series';

const applyEvent = (doc: SeriesDocument, event: StoredEvent): SeriesDocument => ({
  series: evolveSeries(doc.series, { type: event.type, data: event.data } as unknown as SeriesEvent),
  plannedAt: doc.plannedAt ?? event.metadata.occurredAt,
  updatedAt: event.metadata.occurredAt,
});

/**
 * The series as planned, with its consultations' ids. The overview joins the consultations'
 * own rows at query time: each table follows its own streams, so no order between the series
 * stream and the consultation streams is assumed.
 */
export const seriesProjection = streamDocumentProjection<SeriesDocument>({
  name: 'scheduling.series',
  version: 1,
  table: SERIES_TABLE,
  eventTypes: seriesEventTypes,
  rowId: (e) => (e.data as { seriesId: string }).seriesId,
  initial: () => ({ series: null, plannedAt: null, updatedAt: null }),
  apply: applyEvent,
  exists: (doc) => doc.series !== null,
  columns: [
    { name: 'title', type: 'text', value: (d) => d.series!.title },
    { name: 'updated_at', type: 'timestamptz', value: (d) => d.updatedAt },
  ],
});
