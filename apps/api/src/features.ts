import type { ConveneFeature } from '@convene/event-store';

/** Every module's events, projections and migrations, for the API, the CLI and the workers. */
export const features: ConveneFeature[] = [];
