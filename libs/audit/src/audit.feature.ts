import type { ConveneFeature } from '@convene/event-store';
import { auditProjection } from './consultation-audit/audit.projection.js';

/** No events of its own: the audit trail is a read model over everyone else's. */
export const auditFeature: ConveneFeature = {
  name: 'audit',
  projections: [auditProjection],
};
