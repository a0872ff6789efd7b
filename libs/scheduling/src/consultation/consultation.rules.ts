import { NotFound, RuleViolation } from '@convene/event-store';
import type { Person, SessionTimes, Venue } from './consultation.events.js';
import type { Consultation, ConsultationState, SessionState } from './consultation.state.js';
import { requireDate, shiftDate, startOfDay, toUtc } from './local-time.js';

/**
 * The named rules shared by several decisions about a consultation and its sessions. Each
 * throws a RuleViolation (problem+json naming the rule); none reads a clock or makes an id.
 */

export function requireConsultation(state: ConsultationState, consultationId: string): Consultation {
  if (!state) throw new NotFound('Consultation', consultationId);
  return state;
}

/** ConsultationCancelled: once cancelled, nothing about a consultation changes any more. */
export function requireNotCancelled(state: ConsultationState, consultationId: string): Consultation {
  const consultation = requireConsultation(state, consultationId);
  if (consultation.cancelled) {
    throw new RuleViolation('ConsultationCancelled', `Consultation ${consultationId} was cancelled; it can no longer be changed`, 409, {
      consultationId,
      reason: consultation.cancelled.reason,
    });
  }
  return consultation;
}

/** The session, which must exist and not be cancelled. */
export function requireActiveSession(consultation: Consultation, sessionId: string): SessionState {
  const session = consultation.sessions.find((s) => s.sessionId === sessionId);
  if (!session) throw new NotFound('Session', sessionId);
  if (session.cancelled) {
    throw new RuleViolation('SessionCancelled', `Session ${sessionId} was cancelled; it can no longer be changed`, 409, {
      sessionId,
      reason: session.cancelled.reason,
    });
  }
  return session;
}

export function requireDates(startDate: string, endDate: string): void {
  requireDate(startDate, 'startDate');
  requireDate(endDate, 'endDate');
  if (endDate < startDate) {
    throw new RuleViolation('ConsultationEndsBeforeItStarts', `The consultation cannot end (${endDate}) before it starts (${startDate})`, 422, {
      startDate,
      endDate,
    });
  }
}

/** SessionOutsideConsultationDates: a session lies within the consultation's days, at the venue's clock. */
export function requireWithinDates(dates: { startDate: string; endDate: string }, times: SessionTimes, sessionId: string): void {
  // Local date-times of one fixed format compare correctly as strings.
  if (times.startLocal < startOfDay(dates.startDate) || times.endLocal > startOfDay(shiftDate(dates.endDate, 1))) {
    throw new RuleViolation(
      'SessionOutsideConsultationDates',
      `Session ${sessionId} (${times.startLocal} to ${times.endLocal}) lies outside the consultation's days, ${dates.startDate} to ${dates.endDate}`,
      422,
      { sessionId, start: times.startLocal, end: times.endLocal, startDate: dates.startDate, endDate: dates.endDate },
    );
  }
}

/** The session's times from the venue's wall clock, checked: they exist, end after start, within the days. */
export function resolveSessionTimes(consultation: Consultation, sessionId: string, start: string, end: string): SessionTimes {
  const times = { startLocal: start, endLocal: end, startUtc: toUtc(start, consultation.timeZone, 'start'), endUtc: toUtc(end, consultation.timeZone, 'end') };
  if (Date.parse(times.endUtc) <= Date.parse(times.startUtc)) {
    throw new RuleViolation('SessionEndsBeforeItStarts', `Session ${sessionId} must end after it starts (${start} to ${end})`, 422, {
      sessionId,
      start,
      end,
    });
  }
  requireWithinDates(consultation, times, sessionId);
  return times;
}

/** A session as it occupies a room and people for a while. */
export interface Booking {
  consultationId: string;
  sessionId: string;
  startUtc: string;
  endUtc: string;
  /** Venue and room, normalised; null when no room is set. */
  room: string | null;
  roomName: string | null;
  personIds: string[];
}

export const personIdsOf = (s: { chair: Person | null; moderator: Person | null; speakers: Person[] }): string[] => [
  ...new Set([s.chair, s.moderator, ...s.speakers].filter((p): p is Person => p !== null).map((p) => p.personId)),
];

const roomKey = (venue: Venue, room: string | null) =>
  room === null ? null : [venue.country, venue.city.trim().toLowerCase(), room.trim().toLowerCase()].join('|');

export function bookingOf(consultation: Consultation, session: Omit<SessionState, 'cancelled' | 'revision'>): Booking {
  return {
    consultationId: consultation.consultationId,
    sessionId: session.sessionId,
    startUtc: session.startUtc,
    endUtc: session.endUtc,
    room: roomKey(consultation.venue, session.room),
    roomName: session.room,
    personIds: personIdsOf(session),
  };
}

/** What the consultations hold: sessions that will take place (not cancelled, nor in a cancelled consultation). */
export const bookingsOf = (consultations: Consultation[]): Booking[] =>
  consultations.filter((c) => !c.cancelled).flatMap((c) => c.sessions.filter((s) => !s.cancelled).map((s) => bookingOf(c, s)));

const overlaps = (a: Booking, b: Booking) =>
  Date.parse(a.startUtc) < Date.parse(b.endUtc) && Date.parse(b.startUtc) < Date.parse(a.endUtc);

/**
 * RoomDoubleBooked: a room holds one session at a time (a room is at a venue, so consultations of
 * the series in the same city share rooms). PersonDoubleBooked: nobody chairs, moderates or speaks
 * in two overlapping sessions, across all consultations of the series.
 */
export function requireFree(candidate: Booking, others: Booking[]): void {
  for (const other of others) {
    if (other.consultationId === candidate.consultationId && other.sessionId === candidate.sessionId) continue;
    if (!overlaps(candidate, other)) continue;
    const conflict = { consultationId: other.consultationId, sessionId: other.sessionId, start: other.startUtc, end: other.endUtc };
    if (candidate.room !== null && candidate.room === other.room) {
      throw new RuleViolation('RoomDoubleBooked', `${candidate.roomName} is taken by session ${other.sessionId} at that time`, 409, {
        sessionId: candidate.sessionId,
        room: candidate.roomName,
        conflict,
      });
    }
    // Only ids in the problem document: names are personal data.
    const shared = candidate.personIds.filter((id) => other.personIds.includes(id));
    if (shared.length > 0) {
      throw new RuleViolation(
        'PersonDoubleBooked',
        `A chair, moderator or speaker of session ${candidate.sessionId} is already in session ${other.sessionId} at that time`,
        409,
        { sessionId: candidate.sessionId, personIds: shared, conflict },
      );
    }
  }
}
