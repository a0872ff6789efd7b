import { auditFeature } from '@convene/audit';
import type { ConveneFeature } from '@convene/event-store';
import { registrationFeature } from '@convene/registration';
import { schedulingFeature } from '@convene/scheduling';
import { summariesFeature } from '@convene/summaries';

/** Every module's events, projections and migrations, for the API, the CLI and the workers. */
export const features: ConveneFeature[] = [schedulingFeature, registrationFeature, summariesFeature, auditFeature];
