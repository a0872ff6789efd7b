import { applyPlan, type Projection, type ProjectionContext, type ProjectionPlan, sqlLiteral } from '@convene/event-store';
import { registrationBookStreamId } from '@convene/registration';
import { consultationStreamId } from '@convene/scheduling';
import { summaryStreamId } from '@convene/summaries';
import { type AuditEntry, auditEntryOf, type ConsultationStreamPrefixes } from './audit-entry.js';

export const AUDIT_TABLE = 'consultation_audit';

/** Each module's stream of a consultation, named `<prefix><consultationId>`. */
export const CONSULTATION_STREAM_PREFIXES: ConsultationStreamPrefixes = [
  consultationStreamId(''),
  registrationBookStreamId(''),
  summaryStreamId(''),
];

/** [column, member of AuditEntry, SQL type, null allowed]. */
export const AUDIT_COLUMNS: ReadonlyArray<readonly [string, keyof AuditEntry, string, boolean?]> = [
  ['global_position', 'position', 'bigint'],
  ['consultation_id', 'consultationId', 'text'],
  ['event_id', 'eventId', 'text'],
  ['event_type', 'type', 'text'],
  ['stream_id', 'stream', 'text'],
  ['stream_type', 'streamType', 'text'],
  ['version', 'version', 'integer'],
  ['actor', 'actor', 'text'],
  ['actor_role', 'actorRole', 'text', true],
  ['occurred_at', 'occurredAt', 'text'],
  ['correlation_id', 'correlationId', 'text'],
  ['causation_id', 'causationId', 'text', true],
  ['refs', 'refs', 'jsonb'],
];

/** One insert per batch, sent by the in-process runner with its commit. */
const auditPlan: ProjectionPlan = {
  write({ table }, events) {
    const rows = events.flatMap((event) => {
      const entry = auditEntryOf(event, CONSULTATION_STREAM_PREFIXES);
      return entry ? [Object.fromEntries(AUDIT_COLUMNS.map(([column, member]) => [column, entry[member]]))] : [];
    });
    if (rows.length === 0) return undefined;
    const names = AUDIT_COLUMNS.map(([column]) => column).join(', ');
    return `INSERT INTO ${table(AUDIT_TABLE)} (${names})
       SELECT ${names} FROM jsonb_to_recordset(${sqlLiteral(JSON.stringify(rows))}::jsonb) AS r(${AUDIT_COLUMNS.map(([column, , type]) => `${column} ${type}`).join(', ')})
       ON CONFLICT (global_position) DO NOTHING`;
  },
};

/**
 * The audit trail of every consultation: one row per event of its streams (and per event elsewhere
 * that names it), keyed by global position. A row depends on its event alone, so any order of
 * delivery and any redelivery (Kafka) give the same table. `occurred_at` is kept as recorded (text).
 */
export const auditProjection: Projection = {
  name: 'audit.consultation-trail',
  version: 1,
  tables: [AUDIT_TABLE],

  async setup({ client, table }: ProjectionContext) {
    const t = table(AUDIT_TABLE);
    const columns = AUDIT_COLUMNS.map(([column, , type, nullable], i) => `${column} ${type}${i === 0 ? ' PRIMARY KEY' : nullable ? '' : ' NOT NULL'}`);
    await client.query(`CREATE TABLE ${t} (${columns.join(', ')})`);
    await client.query(`CREATE INDEX ON ${t} (consultation_id, global_position DESC)`);
  },

  apply: applyPlan(auditPlan),
  plan: auditPlan,
};
