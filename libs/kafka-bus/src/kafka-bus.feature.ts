import type { ConveneFeature } from '@convene/event-store';
import { CreateRelayCheckpoints1732300000001 } from './migrations/1732300000001-create-relay-checkpoints.js';

/** The bus's own table (the relay checkpoint), for whoever runs migrations: relay, CLI, API. */
export const kafkaBusFeature: ConveneFeature = {
  name: 'kafka-bus',
  migrations: [CreateRelayCheckpoints1732300000001],
};
