import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Countries } from '@convene/reference-data';
import type { Person } from '../../consultation/consultation.events.js';
import type { SessionState } from '../../consultation/consultation.state.js';
import type { ConsultationDocument } from '../consultations.projection.js';
import { agendaOf } from '../scheduling-views.js';

export const ICALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** A stable UID: a session keeps it through every change, so calendars update it in place. */
export const sessionUid = (sessionId: string) => `session-${sessionId}@convene`;

/** VTIMEZONE from timezones-ical-library (null for a zone it does not know: the event is then in UTC). */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) ? block[0] : null;
}

const personLine = (role: string, people: Person[]) =>
  people.length === 0 ? [] : [`${role}: ${people.map((p) => (p.affiliation ? `${p.name} (${p.affiliation})` : p.name)).join('; ')}`];

/** "closed-consultation" -> "Closed consultation". */
const label = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1).replace(/-/g, ' ');

function description(s: SessionState): string {
  return [
    `${label(s.kind)} · ${s.access === 'closed' ? 'closed: member-State delegations and organisers' : 'open to all registered participants'}`,
    ...(s.cancelled ? [`Cancelled: ${s.cancelled.reason}`] : []),
    ...personLine('Chair', s.chair ? [s.chair] : []),
    ...personLine('Moderator', s.moderator ? [s.moderator] : []),
    ...personLine('Speakers', s.speakers),
    ...(s.description ? ['', s.description] : []),
  ].join('\n');
}

/**
 * RFC 5545 calendar, one VEVENT per session: DTSTART/DTEND at the venue's wall clock with its
 * TZID and a VTIMEZONE per zone used, SEQUENCE = the session's revision, STATUS CANCELLED for a
 * cancelled session or consultation and TENTATIVE for a draft. DTSTAMP is the session's last
 * change, not the time of the request: the same version always yields the same bytes.
 */
export function buildICalendar(name: string, documents: ConsultationDocument[], countries: Countries): string {
  const calendar = ical({
    name,
    prodId: { company: 'United Nations', product: 'Convene', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (consultations of a series are in several); the generator adds one
    // VTIMEZONE for each zone the events use.
    timezone: { name: '', generator: vtimezone },
  });
  for (const { consultation, sessionsChangedAt, updatedAt } of documents) {
    if (!consultation) continue;
    const zone = consultation.timeZone;
    const place = [consultation.venue.city, countries.name(consultation.venue.country)];
    for (const s of agendaOf(consultation)) {
      const changed = DateTime.fromISO(sessionsChangedAt[s.sessionId] ?? updatedAt!, { zone: 'utc' });
      calendar.createEvent({
        id: sessionUid(s.sessionId),
        sequence: s.revision,
        start: DateTime.fromISO(s.startUtc).setZone(zone),
        end: DateTime.fromISO(s.endUtc).setZone(zone),
        timezone: zone,
        stamp: changed,
        lastModified: changed,
        summary: s.title,
        location: [s.room, ...place].filter(Boolean).join(', '),
        description: description(s),
        categories: [{ name: s.kind }],
        status: s.cancelled || consultation.cancelled ? ICalEventStatus.CANCELLED : consultation.announced ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      });
    }
  }
  return calendar.toString();
}
