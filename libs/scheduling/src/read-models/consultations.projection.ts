import { DateTime } from 'luxon';
import { type StoredEvent, streamDocumentProjection } from '@convene/event-store';
import { type ConsultationEvent, consultationEventTypes } from '../consultation/consultation.events.js';
import { type Consultation, evolveConsultation, statusOf } from '../consultation/consultation.state.js';


/** A consultation as the read side keeps it: the folded state, plus when things changed. */
export interface ConsultationDocument {
  consultation: Consultation | null;
  scheduledAt: string | null;
  updatedAt: string | null;
  /** When each session last changed: its iCalendar DTSTAMP and LAST-MODIFIED. */
  sessionsChangedAt: Record<string, string>;
}

export const CONSULTATIONS_TABLE = 'scheduling_consultations';

/** Midnight at the venue as a UTC instant (luxon moves a midnight that a DST change skips). */
const venueMidnight = (date: string, zone: string) => DateTime.fromISO(date, { zone }).startOf('day').toUTC().toISO();

function applyEvent(doc: ConsultationDocument, event: StoredEvent): ConsultationDocument {
  const consultation = evolveConsultation(doc.consultation, { type: event.type, data: event.data } as unknown as ConsultationEvent);
  const at = event.metadata.occurredAt;
  const revisions = new Map(doc.consultation?.sessions.map((s) => [s.sessionId, s.revision]) ?? []);
  const touched = (consultation?.sessions ?? []).filter((s) => revisions.get(s.sessionId) !== s.revision).map((s) => [s.sessionId, at]);
  return {
    consultation,
    scheduledAt: doc.scheduledAt ?? at,
    updatedAt: at,
    sessionsChangedAt: { ...doc.sessionsChangedAt, ...Object.fromEntries(touched) },
  };
}

/** Consultation details with their agenda, and the columns the calendar filters and sorts by. */
export const consultationsProjection = streamDocumentProjection<ConsultationDocument>({
  name: 'scheduling.consultations',
  version: 1,
  table: CONSULTATIONS_TABLE,
  eventTypes: consultationEventTypes,
  rowId: (e) => (e.data as { consultationId: string }).consultationId,
  initial: () => ({ consultation: null, scheduledAt: null, updatedAt: null, sessionsChangedAt: {} }),
  apply: applyEvent,
  exists: (doc) => doc.consultation !== null,
  columns: [
    { name: 'series_id', type: 'text', value: (d) => d.consultation!.seriesId },
    { name: 'status', type: 'text', value: (d) => statusOf(d.consultation!) },
    { name: 'announced', type: 'boolean', value: (d) => d.consultation!.announced },
    { name: 'regional_organisation', type: 'text', value: (d) => d.consultation!.regionalOrganisation },
    { name: 'country', type: 'text', value: (d) => d.consultation!.venue.country },
    { name: 'start_date', type: 'date', value: (d) => d.consultation!.startDate },
    { name: 'end_date', type: 'date', value: (d) => d.consultation!.endDate },
    { name: 'starts_at', type: 'timestamptz', value: (d) => venueMidnight(d.consultation!.startDate, d.consultation!.timeZone) },
    { name: 'updated_at', type: 'timestamptz', value: (d) => d.updatedAt },
  ],
  indexes: ['series_id', 'start_date'],
});
