import type { ConveneFeature } from '@convene/event-store';
import { REGISTRATION_BOOK_STREAM_TYPE, registrationEventDefinitions } from './book/registration-book.events.js';
import { CreatePersonDirectory1732400000001 } from './migrations/1732400000001-create-person-directory.js';
import { rosterProjection } from './read-models/roster/roster.projection.js';

/** Registration's events (with their personal fields), the roster read model and the person directory. */
export const registrationFeature: ConveneFeature = {
  name: 'registration',
  events: registrationEventDefinitions,
  projections: [rosterProjection],
  migrations: [CreatePersonDirectory1732400000001],
  streamTypes: [REGISTRATION_BOOK_STREAM_TYPE],
};
