/**
 * given(events).when(decide).then(events) for registration's decide functions, and the builders
 * the specs share: an ASEAN consultation in Singapore with a closed, an open and a limited-capacity
 * session, memberships over time, past events and command metadata. Test code only.
 */
import { expect } from '@jest/globals';
import { type CommandMeta, RuleViolation } from '@convene/event-store';
import type { ConsultationFacts, Memberships, SessionFacts } from '../ports/consultations.js';
import type { RosterEntry } from '../read-models/roster/roster.projection.js';
import type {
  ParticipantRegistered,
  PersonDetails,
  RegistrationDetailsChanged,
  RegistrationEvent,
  RegistrationWaitlisted,
} from './registration-book.events.js';
import type { BookContext, Decision } from './registration-book.rules.js';
import { RegistrationBook } from './registration-book.state.js';

export const CONSULTATION = 'c-asean-2025';
/** The consultation's two days, at the venue (Singapore, UTC+8 all year). */
export const DAY_1 = '2025-06-17';
export const DAY_2 = '2025-06-18';
/** Registration closes at 18:00 in Singapore on 10 June. */
export const DEADLINE = '2025-06-10T10:00:00Z';
/** When commands are made unless told: inside the registration window, as `Date#toISOString` writes instants. */
export const T0 = '2025-06-01T02:00:00.000Z';

export const CLOSED = 's-closed';
export const OPEN = 's-open';
/** One seat of its own, on the second day. */
export const SMALL = 's-small';
export const CANCELLED = 's-cancelled';

const session = (sessionId: string, title: string, day: string, overrides: Partial<SessionFacts> = {}): SessionFacts => ({
  sessionId,
  title,
  access: 'open',
  capacity: null,
  cancelled: false,
  day,
  ...overrides,
});

/** Three seats, so that capacity is reached in a few events. */
export function consultation(overrides: Partial<ConsultationFacts> = {}): ConsultationFacts {
  return {
    consultationId: CONSULTATION,
    seriesId: 'series-ict-security',
    title: 'Consultation with the ASEAN Member States',
    regionalOrganisation: 'ASEAN',
    startDate: DAY_1,
    endDate: DAY_2,
    timeZone: 'Asia/Singapore',
    capacity: 3,
    cancelled: false,
    registration: { status: 'open', deadlineUtc: DEADLINE },
    sessions: [
      session(CLOSED, 'Closed session of the Member States', DAY_1, { access: 'closed' }),
      session(OPEN, 'Multi-stakeholder session', DAY_1),
      session(SMALL, 'Technical breakout', DAY_2, { capacity: 1 }),
      session(CANCELLED, 'Side event', DAY_2, { cancelled: true }),
    ],
    ...overrides,
  };
}

/** [State, member from]: ASEAN's members, with Timor-Leste admitted on 26 October 2025. */
const MEMBERS: Record<string, Array<[string, string]>> = {
  ASEAN: [
    ['BRN', '1984-01-07'],
    ['KHM', '1999-04-30'],
    ['IDN', '1967-08-08'],
    ['LAO', '1997-07-23'],
    ['MYS', '1967-08-08'],
    ['MMR', '1997-07-23'],
    ['PHL', '1967-08-08'],
    ['SGP', '1967-08-08'],
    ['THA', '1967-08-08'],
    ['VNM', '1995-07-28'],
    ['TLS', '2025-10-26'],
  ],
};

export const memberships: Memberships = {
  membersAsOf: (organisation, day) => (MEMBERS[organisation] ?? []).filter(([, from]) => from <= day).map(([state]) => state),
};

export const meta = (overrides: Partial<CommandMeta> = {}): CommandMeta => ({
  actor: 'sec-amara',
  actorRole: 'secretariat',
  correlationId: 'corr-1',
  occurredAt: T0,
  ...overrides,
});

export const person = (overrides: Partial<PersonDetails> = {}): PersonDetails => ({
  honorific: 'Ms.',
  givenName: 'Noor',
  familyName: 'Rahman',
  email: 'noor.rahman@example.org',
  gender: 'woman',
  nationality: 'SGP',
  affiliation: 'Ministry of Foreign Affairs',
  jobTitle: 'Counsellor',
  ...overrides,
});

/** Each registration's person, unless told otherwise. */
export const personOf = (registrationId: string) => `person-${registrationId}`;

const about = (registrationId: string) => ({ consultationId: CONSULTATION, registrationId, personId: personOf(registrationId) });

/** Builders of past events: a Singapore delegate registering herself for no session, unless told. */
export const past = {
  registered: (registrationId: string, data: Partial<ParticipantRegistered['data']> = {}): ParticipantRegistered => ({
    type: 'ParticipantRegistered',
    data: {
      ...about(registrationId),
      person: person({ email: `${registrationId}@example.org` }),
      publicListingConsent: true,
      stakeholderGroup: 'member-state',
      represents: { state: 'SGP', organisation: null },
      role: 'delegate',
      sessionIds: [],
      accessNeeds: null,
      channel: 'self',
      nominatedBy: null,
      ...data,
    },
  }),
  changed: (registrationId: string, data: Omit<RegistrationDetailsChanged['data'], 'consultationId' | 'registrationId' | 'personId'>): RegistrationEvent => ({
    type: 'RegistrationDetailsChanged',
    data: { ...about(registrationId), ...data },
  }),
  confirmed: (registrationId: string): RegistrationEvent => ({ type: 'RegistrationConfirmed', data: about(registrationId) }),
  waitlisted: (registrationId: string, consultationFull = true, fullSessionIds: string[] = []): RegistrationWaitlisted => ({
    type: 'RegistrationWaitlisted',
    data: { ...about(registrationId), consultationFull, fullSessionIds },
  }),
  promoted: (registrationId: string, freedBy: string): RegistrationEvent => ({ type: 'WaitlistedRegistrationPromoted', data: { ...about(registrationId), freedBy } }),
  declined: (registrationId: string, reason = 'Not an invited organisation'): RegistrationEvent => ({ type: 'RegistrationDeclined', data: { ...about(registrationId), reason } }),
  withdrawn: (registrationId: string, reason: string | null = null): RegistrationEvent => ({ type: 'RegistrationWithdrawn', data: { ...about(registrationId), reason } }),
  cancelled: (registrationId: string, reason = 'Duplicate delegation'): RegistrationEvent => ({ type: 'RegistrationCancelled', data: { ...about(registrationId), reason } }),
  checkedIn: (registrationId: string, day = DAY_1, sessionId: string | null = null): RegistrationEvent => ({
    type: 'ParticipantCheckedIn',
    data: { ...about(registrationId), day, sessionId },
  }),
  checkInUndone: (registrationId: string, day = DAY_1, sessionId: string | null = null, reason: string | null = null): RegistrationEvent => ({
    type: 'CheckInUndone',
    data: { ...about(registrationId), day, sessionId, reason },
  }),
};

/** The registrations `ids`, registered and confirmed, in that order. */
export const confirmedRegistrations = (...ids: string[]): RegistrationEvent[] => [...ids.map((id) => past.registered(id)), ...ids.map((id) => past.confirmed(id))];

export interface Outcome<R> {
  /** The decision's events (and its reply, when given) are exactly these. */
  then(events: unknown[], reply?: unknown): Decision<R>;
  /** The command was refused by the named rule (with that HTTP status and those details, when given). */
  thenRefuses(rule: string, status?: number, details?: Record<string, unknown>): RuleViolation;
}

export interface Scenario {
  book: RegistrationBook;
  /** The consultation as scheduling has it; undefined: scheduling does not know it. */
  on(facts: ConsultationFacts | undefined): Scenario;
  when<R>(decide: (ctx: BookContext) => Decision<R>): Outcome<R>;
}

/** The book folded from `history` at versions 1..n, decided on against `consultation()` unless told. */
export function given(...history: RegistrationEvent[]): Scenario {
  const book = new RegistrationBook(CONSULTATION);
  history.forEach((event, i) => book.evolve(event, i + 1));
  const scenario = (facts: ConsultationFacts | undefined): Scenario => ({
    book,
    on: (other) => scenario(other),
    when<R>(decide: (ctx: BookContext) => Decision<R>): Outcome<R> {
      const before = structuredClone({ ...book });
      let decision: Decision<R> | undefined;
      let error: unknown;
      try {
        decision = decide({ book, consultation: facts, memberships, personOf: (email) => `person-of-${email}` });
      } catch (err) {
        error = err;
      }
      // The batching decider decides many commands on one book and evolves it itself: a decision only reads it.
      expect({ ...book }).toEqual(before);
      return {
        then(events, reply) {
          if (error) throw error;
          expect(decision!.events).toEqual(events);
          if (reply !== undefined) expect(decision!.reply).toEqual(reply);
          return decision!;
        },
        thenRefuses(rule, status, details) {
          if (!(error instanceof RuleViolation)) throw new Error(`expected the rule ${rule} to refuse the command, got ${error ? String(error) : JSON.stringify(decision)}`);
          expect(error.rule).toBe(rule);
          if (status !== undefined) expect(error.status).toBe(status);
          if (details) expect(error.details).toMatchObject(details);
          return error;
        },
      };
    },
  });
  return scenario(consultation());
}

/** A row of the roster: a confirmed Singapore delegate who has not been checked in, unless told. */
export const rosterEntry = (registrationId: string, overrides: Partial<RosterEntry> = {}): RosterEntry => ({
  ...past.registered(registrationId).data,
  status: 'confirmed',
  registeredAt: T0,
  registeredSeq: 1,
  waitlistSeq: null,
  statusChangedAt: T0,
  attendance: [],
  history: [],
  erased: false,
  ...overrides,
});
