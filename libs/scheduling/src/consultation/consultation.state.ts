import { ERASED } from '@convene/event-store';
import type { ConsultationEvent, ConsultationScheduled, Person, SessionAdded, SessionTimes } from './consultation.events.js';

export type SessionState = Omit<SessionAdded['data'], 'consultationId'> & {
  cancelled: { reason: string } | null;
  /** Changes since it was added (times, room, cancellation): the iCalendar SEQUENCE. */
  revision: number;
};

export interface Postponement {
  reason: string;
  from: { startDate: string; endDate: string };
  to: { startDate: string; endDate: string };
}

export type RegistrationState =
  | { status: 'not-opened' }
  | { status: 'open'; deadlineLocal: string; deadlineUtc: string }
  | { status: 'closed'; deadlineLocal: string; deadlineUtc: string };

export type Consultation = ConsultationScheduled['data'] & {
  announced: boolean;
  cancelled: { reason: string } | null;
  postponements: Postponement[];
  registration: RegistrationState;
  /** In the order they were added; the agenda sorts by time. */
  sessions: SessionState[];
};

/** null: nothing was scheduled under this id. */
export type ConsultationState = Consultation | null;

export const initialConsultationState = (): ConsultationState => null;

const revise = (session: SessionState, change: Partial<SessionState>): SessionState => ({ ...session, ...change, revision: session.revision + 1 });

function updateSession(state: Consultation, sessionId: string, change: (s: SessionState) => SessionState): Consultation {
  return { ...state, sessions: state.sessions.map((s) => (s.sessionId === sessionId ? change(s) : s)) };
}

function times(t: SessionTimes): SessionTimes {
  return { startLocal: t.startLocal, endLocal: t.endLocal, startUtc: t.startUtc, endUtc: t.endUtc };
}

/** The person as the agenda shows them once erased: same id (counts and roles stay), no name. */
const erasedPerson = (p: Person): Person => ({ ...p, name: ERASED, ...(p.affiliation != null ? { affiliation: ERASED } : {}) });

/** Whether the session names the person as chair, moderator or speaker. */
export const sessionNames = (s: Pick<SessionState, 'chair' | 'moderator' | 'speakers'>, personId: string): boolean =>
  s.chair?.personId === personId || s.moderator?.personId === personId || s.speakers.some((p) => p.personId === personId);

function eraseFromSession(s: SessionState, personId: string): SessionState {
  const erase = (p: Person | null) => (p && p.personId === personId ? erasedPerson(p) : p);
  // A change calendars must learn of (SEQUENCE), so that their copies lose the name too.
  return revise(s, { chair: erase(s.chair), moderator: erase(s.moderator), speakers: s.speakers.map((p) => erase(p)!) });
}

export function evolveConsultation(state: ConsultationState, event: ConsultationEvent): ConsultationState {
  if (event.type === 'ConsultationScheduled') {
    return { ...event.data, announced: false, cancelled: null, postponements: [], registration: { status: 'not-opened' }, sessions: [] };
  }
  // Events without a scheduled consultation cannot be produced by decide; tolerate rather than throw in a fold.
  if (!state) return state;
  switch (event.type) {
    case 'ConsultationAnnounced':
      return { ...state, announced: true };
    case 'ConsultationPostponed': {
      const moved = new Map(event.data.sessions.map((s) => [s.sessionId, s]));
      const { previous, startDate, endDate, reason } = event.data;
      return {
        ...state,
        startDate,
        endDate,
        postponements: [...state.postponements, { reason, from: previous, to: { startDate, endDate } }],
        sessions: state.sessions.map((s) => (moved.has(s.sessionId) ? revise(s, times(moved.get(s.sessionId)!)) : s)),
      };
    }
    case 'ConsultationCancelled': {
      const { reason } = event.data;
      // The consultation's sessions will not take place either: each one changes (iCalendar CANCELLED).
      return { ...state, cancelled: { reason }, sessions: state.sessions.map((s) => (s.cancelled ? s : revise(s, { cancelled: { reason } }))) };
    }
    case 'RegistrationOpened':
      return { ...state, registration: { status: 'open', deadlineLocal: event.data.deadlineLocal, deadlineUtc: event.data.deadlineUtc } };
    case 'RegistrationClosed':
      return state.registration.status === 'not-opened' ? state : { ...state, registration: { ...state.registration, status: 'closed' } };
    case 'SessionAdded': {
      const { consultationId: _, ...session } = event.data;
      return { ...state, sessions: [...state.sessions, { ...session, cancelled: null, revision: 0 }] };
    }
    case 'SessionRescheduled':
      return updateSession(state, event.data.sessionId, (s) => revise(s, times(event.data)));
    case 'SessionMoved':
      return updateSession(state, event.data.sessionId, (s) => revise(s, { room: event.data.room }));
    case 'SessionCancelled':
      return updateSession(state, event.data.sessionId, (s) => revise(s, { cancelled: { reason: event.data.reason } }));
    case 'AgendaPersonDataErased': {
      const { personId } = event.data;
      return { ...state, sessions: state.sessions.map((s) => (sessionNames(s, personId) ? eraseFromSession(s, personId) : s)) };
    }
  }
}

/** What the public and the calendar call it. */
export type ConsultationStatus = 'draft' | 'announced' | 'cancelled';

export const statusOf = (c: Consultation): ConsultationStatus => (c.cancelled ? 'cancelled' : c.announced ? 'announced' : 'draft');
