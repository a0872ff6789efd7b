import type { StoredEvent } from '@convene/event-store';

/**
 * One line of a consultation's audit trail: who did what, when, where it is recorded. Made from an
 * event's metadata and a few ids of its data, never from the rest of the data (which may hold
 * personal fields, and texts that are not the audit's to repeat).
 */
export interface AuditEntry {
  /** Global position of the event: the order of the trail and its cursor. */
  position: string;
  consultationId: string;
  eventId: string;
  type: string;
  stream: string;
  streamType: string;
  version: number;
  actor: string;
  actorRole: string | null;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  /** Ids the event is about (registrationId, sessionId, ...): what to look up, not what was said. */
  refs: Record<string, string>;
}

/** The only data members an entry takes over: ids, which say what the event is about and nothing of whom. */
export const AUDIT_REFS = ['seriesId', 'sessionId', 'registrationId', 'sectionId', 'keyPointId', 'footnoteId', 'waiverId'] as const;

/**
 * The streams of a consultation whose events do not all carry its id (a summary's events name
 * only their section or key point): `<prefix><consultationId>`.
 */
export type ConsultationStreamPrefixes = readonly string[];

/** The consultation an event belongs to: the id in its data, else the one in its stream's name. */
export function consultationOf(event: StoredEvent, prefixes: ConsultationStreamPrefixes): string | null {
  const inData = event.data.consultationId;
  if (typeof inData === 'string' && inData !== '') return inData;
  const prefix = prefixes.find((p) => event.streamId.startsWith(p) && event.streamId.length > p.length);
  return prefix === undefined ? null : event.streamId.slice(prefix.length);
}

export function auditEntryOf(event: StoredEvent, prefixes: ConsultationStreamPrefixes): AuditEntry | null {
  const consultationId = consultationOf(event, prefixes);
  if (consultationId === null) return null;
  const refs: Record<string, string> = {};
  for (const key of AUDIT_REFS) {
    const value = event.data[key];
    if (typeof value === 'string') refs[key] = value;
  }
  const { metadata } = event;
  return {
    position: event.globalPosition.toString(),
    consultationId,
    eventId: metadata.eventId,
    type: event.type,
    stream: event.streamId,
    streamType: event.streamType,
    version: event.version,
    actor: metadata.actor,
    actorRole: metadata.actorRole ?? null,
    occurredAt: metadata.occurredAt,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId ?? null,
    refs,
  };
}
