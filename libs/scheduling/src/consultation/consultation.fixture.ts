import { foldAll, type Fold } from '../testing/given-when-then.js';
import type { ConsultationEvent, ConsultationScheduled, Person, SessionAdded } from './consultation.events.js';
import { type Consultation, type ConsultationState, evolveConsultation, initialConsultationState } from './consultation.state.js';

/** Shared givens for the consultation specs: a two-day consultation in Geneva, in January 2019. */

export const consultationFold: Fold<ConsultationState, ConsultationEvent> = {
  initial: initialConsultationState,
  evolve: evolveConsultation,
};

export const SERIES_ID = 'a0000000-0000-4000-8000-000000000001';
export const CONSULTATION_ID = 'c0000000-0000-4000-8000-000000000001';

export const alice: Person = { personId: 'p-alice', name: 'Alice Example', affiliation: 'UNIDIR' };
export const bob: Person = { personId: 'p-bob', name: 'Bob Example', affiliation: null };
export const carol: Person = { personId: 'p-carol', name: 'Carol Example' };

export function scheduled(overrides: Partial<ConsultationScheduled['data']> = {}): ConsultationScheduled {
  return {
    type: 'ConsultationScheduled',
    data: {
      consultationId: CONSULTATION_ID,
      seriesId: SERIES_ID,
      title: 'Regional organisations and cyber stability',
      regionalOrganisation: 'OSCE',
      hostMeeting: null,
      venue: { city: 'Geneva', country: 'CHE' },
      timeZone: 'Europe/Zurich',
      startDate: '2019-01-24',
      endDate: '2019-01-25',
      capacity: 120,
      workingLanguages: ['en', 'fr'],
      ...overrides,
    },
  };
}

type SessionData = SessionAdded['data'];

/** A session 09:30-11:00 Geneva time (08:30-10:00 UTC in winter) on the first day. */
export function sessionAdded(overrides: Partial<SessionData> = {}): SessionAdded {
  return {
    type: 'SessionAdded',
    data: {
      consultationId: CONSULTATION_ID,
      sessionId: 's-1',
      title: 'Regional perspectives',
      kind: 'panel',
      access: 'open',
      startLocal: '2019-01-24T09:30',
      endLocal: '2019-01-24T11:00',
      startUtc: '2019-01-24T08:30:00Z',
      endUtc: '2019-01-24T10:00:00Z',
      room: 'Room XVIII',
      chair: alice,
      moderator: null,
      speakers: [bob],
      description: null,
      capacity: null,
      ...overrides,
    },
  };
}

export const announced = (consultationId = CONSULTATION_ID): ConsultationEvent => ({ type: 'ConsultationAnnounced', data: { consultationId } });

export const cancelled = (consultationId = CONSULTATION_ID): ConsultationEvent => ({
  type: 'ConsultationCancelled',
  data: { consultationId, reason: 'Venue unavailable' },
});

/** Another consultation of the same series, folded: what a handler hands to decide as a sibling. */
export function sibling(...events: ConsultationEvent[]): Consultation {
  return foldAll(consultationFold, events)!;
}
