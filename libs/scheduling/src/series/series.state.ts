import type { SeriesEvent, SeriesPlanned } from './series.events.js';

export type Series = SeriesPlanned['data'] & {
  /** In the order they were added. */
  consultationIds: string[];
};

/** null: no series was planned under this id. */
export type SeriesState = Series | null;

export const initialSeriesState = (): SeriesState => null;

export function evolveSeries(state: SeriesState, event: SeriesEvent): SeriesState {
  switch (event.type) {
    case 'SeriesPlanned':
      return { ...event.data, consultationIds: [] };
    case 'ConsultationAddedToSeries':
      if (!state || state.consultationIds.includes(event.data.consultationId)) return state;
      return { ...state, consultationIds: [...state.consultationIds, event.data.consultationId] };
  }
}
