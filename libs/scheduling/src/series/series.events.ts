import type { EventDefinition } from '@convene/event-store';

/** The instrument a series answers to, e.g. A/RES/73/266 and its title. */
export interface Mandate {
  symbol: string;
  title: string;
}

export type SeriesPlanned = {
  type: 'SeriesPlanned';
  data: {
    seriesId: string;
    title: string;
    mandate: Mandate | null;
    /** The office that convenes, e.g. "UNODA". */
    organiser: string;
    /** Co-organisers and partners, e.g. ["UNIDIR", "CSIS"]. */
    partners: string[];
    description: string | null;
  };
};

/**
 * A consultation became part of the series. Recorded on the series stream so that the series
 * knows its consultations without a read model: rules that span the series (one person, two
 * overlapping sessions) load them from here.
 */
export type ConsultationAddedToSeries = {
  type: 'ConsultationAddedToSeries';
  data: { seriesId: string; consultationId: string };
};

export type SeriesEvent = SeriesPlanned | ConsultationAddedToSeries;

export const SERIES_STREAM_TYPE = 'series';
export const seriesStreamId = (seriesId: string) => `series-${seriesId}`;

export const seriesEventTypes: Array<SeriesEvent['type']> = ['SeriesPlanned', 'ConsultationAddedToSeries'];

/** Nothing personal in a series: organisers and partners are institutions. */
export const seriesEventDefinitions: EventDefinition[] = seriesEventTypes.map((type) => ({ type }));
