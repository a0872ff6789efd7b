/** @convene/audit: who did what and when, per consultation, from the events' metadata (issue 8). */
export { AuditModule } from './audit.module.js';
export { auditFeature } from './audit.feature.js';
export { AuditQueries, type AuditPage } from './consultation-audit/audit.queries.js';
export { AUDIT_REFS, type AuditEntry, auditEntryOf, consultationOf } from './consultation-audit/audit-entry.js';
export { AUDIT_TABLE, auditProjection, CONSULTATION_STREAM_PREFIXES } from './consultation-audit/audit.projection.js';
