import type { ConveneFeature } from '@convene/event-store';
import { chairSummariesProjection } from './read-models/chair-summary/chair-summaries.projection.js';
import { SUMMARY_EVENT_TYPES, SUMMARY_STREAM_TYPE } from './summary/summary.events.js';

/**
 * The summaries module's events and read model, for the API, the CLI and the workers.
 * No personal-data specs: the texts are written by the secretariat about a meeting under the
 * Chatham House rule, which the attribution rule keeps free of names; comments and waivers carry
 * only the author's account id (in the metadata), which is not a participant's personal data.
 */
export const summariesFeature: ConveneFeature = {
  name: 'summaries',
  events: SUMMARY_EVENT_TYPES.map((type) => ({ type })),
  projections: [chairSummariesProjection],
  streamTypes: [SUMMARY_STREAM_TYPE],
};
