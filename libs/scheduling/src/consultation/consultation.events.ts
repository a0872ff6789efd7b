import type { EventDefinition, PersonalDataSpec } from '@convene/event-store';

export const SESSION_KINDS = ['opening', 'briefing', 'closed-consultation', 'multi-stakeholder', 'keynote', 'panel', 'closing'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/**
 * `closed`: the member-State delegations of the regional organisation and the organisers;
 * `open`: every registered participant.
 */
export const SESSION_ACCESS = ['closed', 'open'] as const;
export type SessionAccess = (typeof SESSION_ACCESS)[number];

/** A chair, moderator or speaker. Name and affiliation are personal data of `personId`. */
export interface Person {
  personId: string;
  name: string;
  affiliation?: string | null;
}

export interface Venue {
  city: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
}

/**
 * When a session runs: as the secretariat gave it (wall-clock time at the venue, YYYY-MM-DDTHH:mm
 * in the consultation's zone) and as the instant it is (UTC), both kept so that neither has to be
 * recomputed with a time-zone database that may have changed since.
 */
export interface SessionTimes {
  startLocal: string;
  endLocal: string;
  startUtc: string;
  endUtc: string;
}

export type ConsultationScheduled = {
  type: 'ConsultationScheduled';
  data: {
    consultationId: string;
    seriesId: string;
    title: string;
    /** Code from the reference data (AU, EU, OAS, ...); null for a cross-regional consultation. */
    regionalOrganisation: string | null;
    /** The meeting it runs alongside, e.g. "Singapore International Cyber Week". */
    hostMeeting: string | null;
    venue: Venue;
    /** IANA zone of the venue, e.g. "Europe/Zurich". */
    timeZone: string;
    /** First and last day at the venue (YYYY-MM-DD), both included. */
    startDate: string;
    endDate: string;
    capacity: number;
    /** ISO 639-1 codes among the six UN languages. */
    workingLanguages: string[];
  };
};

export type ConsultationAnnounced = { type: 'ConsultationAnnounced'; data: { consultationId: string } };

export type ConsultationPostponed = {
  type: 'ConsultationPostponed';
  data: {
    consultationId: string;
    reason: string;
    previous: { startDate: string; endDate: string };
    startDate: string;
    endDate: string;
    /** Every session that moved with the consultation, with its new times. */
    sessions: Array<{ sessionId: string } & SessionTimes>;
  };
};

export type ConsultationCancelled = { type: 'ConsultationCancelled'; data: { consultationId: string; reason: string } };

export type RegistrationOpened = {
  type: 'RegistrationOpened';
  data: { consultationId: string; deadlineLocal: string; deadlineUtc: string };
};

export type RegistrationClosed = { type: 'RegistrationClosed'; data: { consultationId: string } };

export type SessionAdded = {
  type: 'SessionAdded';
  data: {
    consultationId: string;
    sessionId: string;
    title: string;
    kind: SessionKind;
    access: SessionAccess;
    room: string | null;
    chair: Person | null;
    moderator: Person | null;
    speakers: Person[];
    description: string | null;
    /** Seats of its own, below the consultation's (a smaller room); absent or null: no own limit. */
    capacity?: number | null;
  } & SessionTimes;
};

export type SessionRescheduled = {
  type: 'SessionRescheduled';
  data: { consultationId: string; sessionId: string } & SessionTimes;
};

export type SessionMoved = { type: 'SessionMoved'; data: { consultationId: string; sessionId: string; room: string | null } };

export type SessionCancelled = { type: 'SessionCancelled'; data: { consultationId: string; sessionId: string; reason: string } };

/**
 * A chair, moderator or speaker of the agenda asked for their data to be erased (the secretariat
 * records it; docs/adr/0005). Their name and affiliation read "[erased]" from here on, in the read
 * models as in the store, where their key is destroyed right after. The reason names a request,
 * never the person.
 */
export type AgendaPersonDataErased = {
  type: 'AgendaPersonDataErased';
  data: { consultationId: string; personId: string; sessionIds: string[]; reason: string };
};

export type ConsultationEvent =
  | ConsultationScheduled
  | ConsultationAnnounced
  | ConsultationPostponed
  | ConsultationCancelled
  | RegistrationOpened
  | RegistrationClosed
  | SessionAdded
  | SessionRescheduled
  | SessionMoved
  | SessionCancelled
  | AgendaPersonDataErased;

export const CONSULTATION_STREAM_TYPE = 'consultation';
export const consultationStreamId = (consultationId: string) => `consultation-${consultationId}`;

export const consultationEventTypes: Array<ConsultationEvent['type']> = [
  'ConsultationScheduled',
  'ConsultationAnnounced',
  'ConsultationPostponed',
  'ConsultationCancelled',
  'RegistrationOpened',
  'RegistrationClosed',
  'SessionAdded',
  'SessionRescheduled',
  'SessionMoved',
  'SessionCancelled',
  'AgendaPersonDataErased',
];

/** Each person's name and affiliation is sealed under that person's key (ADR 0005). */
const personFields = (path: string): PersonalDataSpec => ({
  subject: `${path}.personId`,
  fields: [`${path}.name`, `${path}.affiliation`],
});

export const consultationEventDefinitions: EventDefinition[] = consultationEventTypes.map((type) =>
  type === 'SessionAdded' ? { type, personal: [personFields('chair'), personFields('moderator'), personFields('speakers.*')] } : { type },
);
