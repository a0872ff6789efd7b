import type { ConveneFeature } from '@convene/event-store';
import { CONSULTATION_STREAM_TYPE, consultationEventDefinitions } from './consultation/consultation.events.js';
import { consultationsProjection } from './read-models/consultations.projection.js';
import { seriesProjection } from './read-models/series.projection.js';
import { SERIES_STREAM_TYPE, seriesEventDefinitions } from './series/series.events.js';

/** What scheduling brings to the store: its event types (with personal fields) and read models. */
export const schedulingFeature: ConveneFeature = {
  name: 'scheduling',
  events: [...seriesEventDefinitions, ...consultationEventDefinitions],
  projections: [seriesProjection, consultationsProjection],
  // Published to convene.scheduling (infra/kafka/topics.json).
  streamTypes: [SERIES_STREAM_TYPE, CONSULTATION_STREAM_TYPE],
};
